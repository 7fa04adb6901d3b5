/**
 * `npm run bench`: speed figures of the compare engine, printed (never asserted in unit tests).
 *
 * - cold: `newstrace compare` of the two seeds, process start to exit (median of 7 runs);
 * - warm: article pairs/s over the bundled sample's derived pairs (~500-600 words each side);
 * - warm: sentence pairs/s (profile both sentences, features, model) over sentence pairs.
 * One process, one core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import { compareArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { loadArticle } from '../pipeline/load-article.js';
import { predictProbability } from '../similarity/boosting.js';
import { pairFeatures } from '../similarity/features.js';
import { profileSentence } from '../similarity/profile.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const cli = join(repo, 'dist', 'cli', 'main.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `fn` repeatedly for at least `ms` milliseconds; returns operations per second. */
function rate(ms: number, fn: () => number): number {
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < ms) ops += fn();
  return ops / ((performance.now() - start) / 1000);
}

function coldCompare(): void {
  const seeds = join(sharedDir, 'seeds');
  if (!existsSync(seeds)) {
    console.log(`cold compare: skipped (${seeds} is absent)`);
    return;
  }
  const files = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(seeds, f));
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cli, 'compare', files[0], files[1], '--json'], {
      encoding: 'utf8',
    });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`compare failed: ${r.stderr}`);
  }
  console.log(
    `cold compare of the seeds (process start to exit): median ${median(times).toFixed(0)} ms (target ≤ 1000)`,
  );
}

async function samplePairs(): Promise<Array<[Article, Article]>> {
  const sample = join(repo, 'sample');
  const manifest = JSON.parse(readFileSync(join(sample, 'manifest.json'), 'utf8')) as {
    articles: Array<{ file?: string; derivedFrom: string | null }>;
  };
  const pairs: Array<[Article, Article]> = [];
  for (const e of manifest.articles) {
    if (!e.file || !e.derivedFrom?.includes('.')) continue;
    pairs.push([await loadArticle(join(sample, e.file)), await loadArticle(join(sample, e.derivedFrom))]);
  }
  return pairs;
}

async function warm(): Promise<void> {
  const ctx = defaultContext();
  const pairs = await samplePairs();
  const words = (a: Article) => a.text.split(/\s+/).length;
  const meanWords = pairs.reduce((s, [a, b]) => s + words(a) + words(b), 0) / (2 * pairs.length);
  for (const [a, b] of pairs) compareArticles(a, b, ctx); // warm-up: JIT, lexicon pages
  let k = 0;
  const articleRate = rate(3000, () => {
    const [a, b] = pairs[k++ % pairs.length];
    compareArticles(a, b, ctx);
    return 1;
  });
  console.log(
    `warm compare: ${articleRate.toFixed(0)} article pairs/s (${pairs.length} sample pairs, mean ${meanWords.toFixed(0)} words per article; target ≥ 200)`,
  );

  const sentences = pairs.flatMap(([a, b]) =>
    a.sentences.slice(0, b.sentences.length).map((s, i) => [s.text, b.sentences[i].text] as const),
  );
  let j = 0;
  const sentenceRate = rate(3000, () => {
    const [x, y] = sentences[j++ % sentences.length];
    const px = profileSentence(x, ctx.lexicon);
    const py = profileSentence(y, ctx.lexicon);
    predictProbability(ctx.model, pairFeatures(px, py, ctx.lexicon).values);
    return 1;
  });
  console.log(
    `warm sentence pairs: ${sentenceRate.toFixed(0)} pairs/s (profile both, features, model; target ≥ 5000)`,
  );
}

async function main(): Promise<void> {
  console.log('newstrace bench (one process, one core)\n');
  coldCompare();
  await warm();
}

await main();
