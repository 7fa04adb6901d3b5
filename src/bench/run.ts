/**
 * `npm run bench`: speed figures of the compare engine, printed (never asserted in unit tests).
 *
 * - cold: `newstrace compare` of the two seeds, process start to exit (median of 7 runs);
 * - warm: article pairs/s over the bundled sample's derived pairs, each side lengthened to ~600
 *   words with the text of other sample articles (the reuse then covers part of each side);
 * - warm: sentence pairs/s: features and model with each sentence profiled once (as compare
 *   does), and with both sentences profiled for every pair.
 * - the corpus: sketch + LSH at 10k, 100k and 1M generated articles; full ingest (each size in a
 *   child process) and `similar` at 10k and 100k; the API on the largest corpus ingested.
 *   Sizes: NEWSTRACE_BENCH_SKETCH=10000,100000,1000000 NEWSTRACE_BENCH_INGEST=10000,100000.
 * - opt-in, `similar` on an index built without verification (`index-child.ts`), at sizes whose
 *   full ingest would outlast a bench: NEWSTRACE_BENCH_INDEX=1000000 (~1 h and 7 GB of disk).
 * - full ingest of the Dragnet HTML pages (real pages) from disk;
 * - the web UI: a story of 500 articles opened in Chromium (story page, pair view).
 * One process, one core (ingest: one preparing worker and the main thread).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import { compareArticles, prepareArticle } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { loadArticle } from '../pipeline/load-article.js';
import { articleFromPage } from '../pipeline/page.js';
import { predictProbability } from '../similarity/boosting.js';
import { pairFeatures } from '../similarity/features.js';
import { profileSentence } from '../similarity/profile.js';
import { benchApi } from './api.js';
import { benchIndex, benchIngest, benchSketch } from './corpus.js';
import { benchExtraction } from './extraction.js';
import { benchIngestPages } from './pages.js';
import { benchUi } from './ui.js';

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

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The article's story followed by other articles' stories until it has `words` words. */
function lengthened(article: Article, others: Article[], words: number, offset: number): Article {
  const bodies = [article.sentences.map((s) => s.text).join(' ')];
  for (let k = 0; wordCount(bodies.join(' ')) < words && k < others.length; k++) {
    const other = others[(offset + k) % others.length];
    if (other !== article) bodies.push(other.sentences.map((s) => s.text).join(' '));
  }
  return articleFromPage(`${article.title}\n${bodies.join('\n')}`, 'text', { published: article.published });
}

async function samplePairs(): Promise<Array<[Article, Article]>> {
  const sample = join(repo, 'sample');
  const manifest = JSON.parse(readFileSync(join(sample, 'manifest.json'), 'utf8')) as {
    articles: Array<{ file?: string; derivedFrom: string | null }>;
  };
  const byFile = new Map<string, Article>();
  for (const e of manifest.articles) if (e.file) byFile.set(e.file, await loadArticle(join(sample, e.file)));
  const all = [...byFile.values()];
  const pairs: Array<[Article, Article]> = [];
  manifest.articles.forEach((e, k) => {
    if (!e.file || !e.derivedFrom || !byFile.has(e.derivedFrom)) return;
    const a = byFile.get(e.file) as Article;
    const b = byFile.get(e.derivedFrom) as Article;
    pairs.push([lengthened(a, all, 600, k), lengthened(b, all, 600, k + 3)]);
  });
  return pairs;
}

async function warm(): Promise<void> {
  const ctx = defaultContext();
  const pairs = await samplePairs();
  const meanWords =
    pairs.reduce((s, [a, b]) => s + wordCount(a.text) + wordCount(b.text), 0) / (2 * pairs.length);
  for (const [a, b] of pairs) compareArticles(a, b, ctx); // warm-up: JIT, lexicon pages
  let k = 0;
  const articleRate = rate(3000, () => {
    const [a, b] = pairs[k++ % pairs.length];
    compareArticles(a, b, ctx);
    return 1;
  });
  const ready = pairs.map(([a, b]) => [prepareArticle(a, ctx), prepareArticle(b, ctx)] as const);
  let r = 0;
  const preparedRate = rate(3000, () => {
    const [a, b] = ready[r++ % ready.length];
    compareArticles(a, b, ctx);
    return 1;
  });
  const prepareRate = rate(2000, () => {
    prepareArticle(pairs[r++ % pairs.length][0], ctx);
    return 1;
  });
  console.log(
    `warm compare (${pairs.length} sample pairs, mean ${meanWords.toFixed(0)} words per article; target ≥ 200 pairs/s):\n` +
      `  ${articleRate.toFixed(0)} article pairs/s from scratch (both articles tokenized, profiled, facts read)\n` +
      `  ${preparedRate.toFixed(0)} article pairs/s prepared (each article prepared once, as a corpus does)\n` +
      `  ${prepareRate.toFixed(0)} articles/s prepared`,
  );

  const sentences = pairs.flatMap(([a, b]) =>
    a.sentences.slice(0, b.sentences.length).map((s, i) => [s.text, b.sentences[i].text] as const),
  );
  const profiles = sentences.map(([x, y]) => [
    profileSentence(x, ctx.lexicon),
    profileSentence(y, ctx.lexicon),
  ]);
  let i = 0;
  const scoredRate = rate(3000, () => {
    const [px, py] = profiles[i++ % profiles.length];
    predictProbability(ctx.model, pairFeatures(px, 0, py, 0, ctx.lexicon).values);
    return 1;
  });
  let j = 0;
  const fullRate = rate(3000, () => {
    const [x, y] = sentences[j++ % sentences.length];
    const px = profileSentence(x, ctx.lexicon);
    const py = profileSentence(y, ctx.lexicon);
    predictProbability(ctx.model, pairFeatures(px, 0, py, 0, ctx.lexicon).values);
    return 1;
  });
  console.log(
    `warm sentence pairs: ${scoredRate.toFixed(0)} pairs/s scored (features + model, sentences profiled once, as in compare; target ≥ 5000)\n` +
      `                     ${fullRate.toFixed(0)} pairs/s with both sentences profiled for every pair`,
  );
}

/** Corpus sizes from an environment variable (comma-separated; empty for none), else the default. */
function sizes(variable: string, fallback: string): number[] {
  return (process.env[variable] ?? fallback)
    .split(',')
    .filter((x) => x.trim())
    .map(Number);
}

async function main(): Promise<void> {
  console.log('newstrace bench (one process, one core)\n');
  coldCompare();
  await warm();
  console.log('');
  benchExtraction();
  await benchIngestPages(sharedDir);
  console.log('');
  for (const size of sizes('NEWSTRACE_BENCH_SKETCH', '10000,100000,1000000')) await benchSketch(size);
  console.log('');
  const ingestSizes = sizes('NEWSTRACE_BENCH_INGEST', '10000,100000');
  let served: { db: string; size: number } | undefined;
  for (const size of ingestSizes) {
    const db = benchIngest(size, size === Math.max(...ingestSizes));
    if (db) served = { db, size };
  }
  console.log('');
  const indexSizes = sizes('NEWSTRACE_BENCH_INDEX', '');
  for (const size of indexSizes) benchIndex(size);
  if (indexSizes.length) console.log('');
  if (served) await benchApi(served.db, served.size);
  console.log('');
  await benchUi(500);
}

await main();
