/**
 * One full-ingest measurement in a process of its own (`node ingest-child.js SIZE DB keep|remove`):
 * `SIZE` generated articles written to a JSONL file beside the database (untimed), then ingested
 * from it as a user would (`newstrace ingest corpus.jsonl`: reading, extraction on the worker,
 * fingerprints, candidates, verification, writing), then `similar` timed on the corpus it built.
 * Prints its figures; its peak memory is the ingest's alone.
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { defaultContext } from '../compare/context.js';
import { ingestPaths, similarInStore } from '../pipeline/ingest.js';
import { PreparedCache } from '../pipeline/prepared-cache.js';
import { rng } from '../similarity/boosting.js';
import { openSqliteStore } from '../store/sqlite.js';
import { buildStories } from '../story/stories.js';
import { asArticle, generateArticles, samplePool } from './generate.js';

const [size, db, keep] = [Number(process.argv[2]), process.argv[3], process.argv[4] === 'keep'];
const PROBES = 200;

const pool = await samplePool();
const ctx = defaultContext();
const store = openSqliteStore(db);
// A reservoir of stored originals: half the `similar` probes are rewrites of them.
const rnd = rng(99);
const reservoir: Array<{ k: number; text: string }> = [];
let originals = 0;
const corpus = `${db}.corpus.jsonl`;
const out = createWriteStream(corpus);
for (const g of generateArticles(pool, size)) {
  if (g.derivedFrom === undefined) {
    originals++;
    if (reservoir.length < PROBES / 2) reservoir.push(g);
    else if (rnd() < PROBES / 2 / originals) reservoir[Math.floor(rnd() * reservoir.length)] = g;
  }
  const line = `${JSON.stringify({ id: `g${g.k}`, title: `Generated ${g.k}`, text: g.text })}\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const started = performance.now();
const summary = await ingestPaths([corpus], store, ctx);
const ingested = performance.now();
// The stories of the corpus, as `newstrace stories` builds them after an ingest.
const stories = buildStories(store.articles(), store.relations()).length;
const storySeconds = (performance.now() - ingested) / 1000;
const seconds = (performance.now() - started) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;
store.close();
const bytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(db + s) ? statSync(db + s).size : 0), 0);
console.log(
  `full ingest of ${size.toLocaleString('en')} generated articles into SQLite: ${(summary.ingested / seconds).toFixed(0)} articles/s ` +
    `(${summary.relations.toLocaleString('en')} relations verified and stored, ${stories.toLocaleString('en')} stories ` +
    `built in ${storySeconds.toFixed(1)} s; ${seconds.toFixed(0)} s in all; target ≥ 1,000)\n` +
    `  database ${(bytes / summary.ingested / 1024).toFixed(1)} KB per article; peak memory of the ingesting process ${peak.toFixed(0)} MB`,
);

// `similar` as the CLI and the API run it: a new article, prepared and verified against the
// stored candidates, nothing written. Half the probes rewrite a stored original, half are new.
const reader = openSqliteStore(db);
const cache = new PreparedCache(reader, ctx, 5000);
const words = pool.join(' ').split(/\s+/);
const probes = reservoir.map((g, i) => ({
  source: `g${g.k}`,
  article: asArticle(
    g.text
      .split(' ')
      .map((w) => (rnd() < 0.1 ? words[Math.floor(rnd() * words.length)] : w))
      .join(' '),
    size + i,
  ),
}));
for (const g of generateArticles(pool, 4 * PROBES, 1234)) {
  if (probes.length === PROBES) break;
  if (g.derivedFrom === undefined)
    probes.push({ source: '', article: asArticle(g.text, size + probes.length) });
}
const times: number[] = [];
let hits = 0;
for (const p of probes) {
  const t0 = performance.now();
  const relations = similarInStore(p.article, reader, ctx, cache);
  times.push(performance.now() - t0);
  if (p.source && relations.some((r) => r.b === p.source)) hits++;
}
reader.close();
times.sort((x, y) => x - y);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(
  `  similar on this corpus (${probes.length} probes, half of them rewrites of stored articles, ${hits}/${reservoir.length} found their source): ` +
    `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (target p99 ≤ 20 ms at 1M)`,
);
// Only the database's own files: the directory may hold anything else.
rmSync(corpus, { force: true });
if (!keep) for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
