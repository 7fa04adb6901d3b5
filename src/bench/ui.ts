/**
 * Web UI figures: one story of 500 articles (an original and its reprints and rewrites, ingested
 * through the real pipeline), served by the real app, opened in Debian's Chromium: the time from
 * opening the story page to its timeline, graph and facts matrix shown, and the same for the
 * pair view of two of its articles (median of 5 loads each). Skipped where Chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultContext } from '../compare/context.js';
import { ingestItems } from '../pipeline/ingest.js';
import { buildServer } from '../server/app.js';
import { CHROMIUM, launchChromium } from '../server/chromium.js';
import { rng } from '../similarity/boosting.js';
import { openSqliteStore } from '../store/sqlite.js';
import { asArticle, generateArticles, plainWords, reword, samplePool } from './generate.js';

const webDir = fileURLToPath(new URL('../web', import.meta.url));

export async function benchUi(articles = 500): Promise<void> {
  if (!existsSync(CHROMIUM) || !existsSync(join(webDir, 'index.html'))) {
    console.log(`web UI: skipped (needs ${CHROMIUM} and the built UI in ${webDir})`);
    return;
  }
  const pool = await samplePool();
  const original = generateArticles(pool, 1, 77).next().value?.text as string;
  const words = plainWords(pool);
  const rnd = rng(78);
  // Reprints and rewrites of one original, each dated an hour after the one before.
  const texts = [original];
  while (texts.length < articles) {
    const share = rnd() < 0.3 ? 0 : 0.02 + rnd() * 0.2;
    const base = texts[Math.floor(rnd() * Math.min(texts.length, 20))];
    texts.push(reword(base, share, words, rnd));
  }
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-ui-bench-'));
  const store = openSqliteStore(join(dir, 'ui.db'));
  const ctx = defaultContext();
  await ingestItems(
    texts.map((text, k) => ({
      source: `u${k}`,
      build: async () => ({
        ...asArticle(text, k),
        site: `site${k % 37}.example`,
        published: new Date(Date.UTC(2026, 10, 1) + k * 3_600_000).toISOString(),
      }),
    })),
    store,
    ctx,
  );
  const app = await buildServer({ store, ctx, webDir });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const [top] = (await (await fetch(`${base}/stories?limit=1`)).json()) as Array<{ id: string }>;
  const story = (await (await fetch(`${base}/stories/${encodeURIComponent(top.id)}`)).json()) as {
    id: string;
    articles: Array<{ id: string }>;
  };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const load = async (hash: string, selector: string) => {
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(`${base}/${hash}`);
        await page.waitForSelector(selector);
        times.push(performance.now() - t0);
      }
      return times.sort((x, y) => x - y)[2];
    };
    const storyMs = await load(`#/story/${encodeURIComponent(story.id)}`, '#facts');
    const [a, b] = [story.articles[1].id, story.articles[0].id];
    const pairMs = await load(`#/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, '#pair');
    console.log(
      `web UI on one story of ${story.articles.length} articles in Chromium (median of 5 loads, server warm): ` +
        `story page (timeline, graph, facts) ${storyMs.toFixed(0)} ms; pair view ${pairMs.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await app.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
