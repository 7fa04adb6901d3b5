/**
 * The web UI as a person uses it, in real headless Chromium (Debian's package, driven by
 * playwright-core) against `newstrace serve`'s app on a temporary corpus holding the seeds and the
 * bundled sample. Screenshots of each page are written to a temporary folder (path logged).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../compare/context.js';
import { ingestPaths } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { buildServer } from './app.js';
import { CHROMIUM, launchChromium } from './chromium.js';

const repo = join(import.meta.dirname, '..', '..');
const seeds = join(repo, '..', 'shared', 'seeds');
const webDir = join(repo, 'dist', 'web');
const ready = existsSync(CHROMIUM) && existsSync(seeds) && existsSync(join(webDir, 'index.html'));
if (!ready)
  console.warn(`UI tests skipped: needs ${CHROMIUM}, ${seeds} and a built UI in ${webDir} (npm run build)`);

describe.skipIf(!ready)('web UI in Chromium', () => {
  let app: FastifyInstance;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let base: string;
  const shots = mkdtempSync(join(tmpdir(), 'newstrace-ui-'));
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  /** The story list searched for `query`, and its one story opened. */
  const openStory = async (query: string) => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#stories li');
    await page.fill('#q', query);
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#stories li').length === 1);
    await page.click('#stories a');
  };

  beforeAll(async () => {
    store = openSqliteStore(join(shots, 'ui.db'));
    const ctx = defaultContext();
    // The sample's frost story reprinted on seven more sites: more copies than a timeline shows.
    const [title, ...body] = readFileSync(join(repo, 'sample', 'frost-vineyards.txt'), 'utf8').split('\n');
    const reprints = join(shots, 'reprints.jsonl');
    writeFileSync(
      reprints,
      Array.from({ length: 7 }, (_, k) =>
        JSON.stringify({ id: `frost-reprint-${k}`, site: `paper${k}.example`, title, text: body.join('\n') }),
      ).join('\n'),
    );
    await ingestPaths([seeds, join(repo, 'sample'), reprints], store, ctx);
    app = await buildServer({ store, ctx, webDir });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    console.log(`UI screenshots in ${shots}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    store?.close();
  });

  it('lists the stories, filters them, and opens the story of the seeds', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#stories li');
    expect(await page.locator('#stories li').count()).toBeGreaterThanOrEqual(4);
    await page.fill('#q', 'Kakar');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#stories li').length === 1);
    await shot('1-stories');
    await page.click('#stories a');
    await page.waitForSelector('#timeline');
    expect(await page.locator('#timeline li').count()).toBe(2);
    expect(await page.locator('#graph circle').count()).toBe(2);
    const facts = await page.textContent('#facts');
    expect(facts).toContain('CPEC');
    expect(facts).toContain('240 million');
    // The story's key facts above the matrix: given by both seeds.
    expect(await page.textContent('#key-facts')).toMatch(/Key facts: .*Vladimir Putin \(2\)/);
    await shot('2-story');
  });

  it('shows the pair view with aligned sentences, changed words and facts', async () => {
    await page.click('#edges a');
    await page.waitForSelector('#pair');
    expect(await page.locator('.column-a li.aligned').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    const facts = await page.textContent('#pair-facts');
    expect(facts).toMatch(/Only in (A|B):.*240 million/);
    expect(facts).toContain('Wang Zhigang');
    await shot('3-pair');
  });

  it('compares two pasted texts', async () => {
    await page.goto(`${base}/#/compare`);
    await page.fill(
      '#text-a',
      'Bridge closes\nThe old bridge in Eastmere closed on Monday for repairs that will take a year, the city said.\nBuses will run every ten minutes.',
    );
    await page.fill(
      '#text-b',
      'Eastmere bridge shut\nEastmere closed its old bridge on Monday for a year of repairs, according to the city.\nThe buses run every 10 minutes.',
    );
    await page.click('#compare-button');
    await page.waitForSelector('#compare-result #pair');
    expect(await page.textContent('#compare-result h1')).toMatch(/rewrite|near-duplicate|partial-reuse/);
    await shot('4-compare');
  });

  it("labels a story's facts as it numbers its articles, and says what each adds and leaves out", async () => {
    await openStory('Kestrel Bridge after inspectors');
    await page.waitForSelector('#facts th');
    // The copy ([2]) gives its original's facts and has no column: the columns skip its number.
    const timeline = await page.locator('#timeline li').allTextContents();
    const classes = await page.locator('#timeline li').evaluateAll((lis) => lis.map((li) => li.className));
    const copy = classes.indexOf('role-copy') + 1;
    expect(copy).toBeGreaterThan(0);
    const heads = await page.locator('#facts thead th').allTextContents();
    expect(heads.some((h) => h.startsWith(`[${copy}]`))).toBe(false);
    expect(heads.some((h) => h.startsWith(`[${timeline.length}]`))).toBe(true);
    expect(await page.textContent('#differences')).toMatch(/\[\d\] adds .*leaves out /);
    // The sentences a retelling adds to the origin, and those it drops.
    await page.waitForSelector('#claims');
    expect(await page.textContent('#claims')).toMatch(/\[\d\] retells the origin and adds/);
    expect(await page.locator('#claims ul.dropped li').count()).toBeGreaterThan(0);
    await shot('5-story-facts');
  });

  it("draws each article's closest relation, and every relation on asking", async () => {
    // Still on the bridge story: six articles, more relations than one an article.
    const arcs = () => page.locator('#graph path.edge').count();
    const closest = await arcs();
    const relations = await page.locator('#edges li').count();
    expect(closest).toBeGreaterThan(0);
    expect(closest).toBeLessThan(relations);
    expect(await page.textContent('#graph-toggle')).toContain(`Show all ${relations} relations`);
    await page.click('#graph-toggle');
    expect(await arcs()).toBeGreaterThan(closest);
    await shot('6-story-all-relations');
    await page.click('#graph-toggle');
    expect(await arcs()).toBe(closest);
  });

  it('folds the copies of a story with many, and shows them on asking', async () => {
    await openStory('Late frost');
    await page.waitForSelector('#timeline');
    const rows = page.locator('#timeline li');
    const all = await rows.count();
    const copies = await page.locator('#timeline li.role-copy').count();
    expect(copies).toBeGreaterThan(5);
    expect(await page.textContent('#copies-toggle')).toBe(`Show its ${copies} copies`);
    expect(await page.locator('#timeline li:visible').count()).toBe(all - copies);
    expect(await page.textContent('#timeline')).toMatch(/\+\d+ copies/);
    await page.click('#copies-toggle');
    expect(await page.locator('#timeline li:visible').count()).toBe(all);
    await shot('7-story-copies');
  });
});
