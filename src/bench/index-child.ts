/**
 * `similar` on a corpus too large to ingest in full within a bench (`node index-child.js SIZE DB`):
 * `SIZE` generated articles are prepared (extraction, profiles, fingerprints on the worker) and
 * stored with their index entries — LSH bands, passages, key terms, surfaces, texts — but their
 * candidates are not verified, so no relation is stored. `similar` reads only those entries, so
 * its latency on this index is that on a fully ingested corpus of the size. Prints the build's
 * rate and peak memory (not the full ingest's), the database size, and `similar`'s latency.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { chooseBanding } from '../candidates/lsh.js';
import type { PreparedJob } from '../pipeline/prepare.js';
import { PreparePool } from '../pipeline/prepare-pool.js';
import { openSqliteStore } from '../store/sqlite.js';
import { generateArticles, samplePool } from './generate.js';
import { runSimilarChild } from './similar.js';

const [size, db] = [Number(process.argv[2]), process.argv[3]];
const pool = await samplePool();
const store = openSqliteStore(db);
const workers = PreparePool.create(1);
if (!workers) throw new Error('the index bench needs the built worker script (npm run build)');
const banding = chooseBanding(0.5, 128);
const started = performance.now();
const write = (done: PreparedJob) => {
  // The workers remember no texts (no `recentTexts`): every article comes prepared.
  if (done.outcome !== 'prepared') return;
  store.writeArticle({
    article: done.article,
    source: done.source,
    ...done.fingerprints,
    surface: done.prepared.surface,
    relations: [],
  });
};
const inFlight: Array<Promise<PreparedJob>> = [];
for (const g of generateArticles(pool, size)) {
  inFlight.push(
    workers.run({
      source: `g${g.k}`,
      raw: {
        content: `Generated ${g.k}\n${g.text}`,
        kind: 'text',
        meta: { id: `g${g.k}`, title: `Generated ${g.k}` },
      },
      banding,
    }),
  );
  if (inFlight.length >= 8) write(await (inFlight.shift() as Promise<PreparedJob>));
  if (g.k % 100_000 === 0 && g.k > 0)
    console.error(
      `  ${g.k.toLocaleString('en')} indexed, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
}
while (inFlight.length) write(await (inFlight.shift() as Promise<PreparedJob>));
store.flush();
await workers.close();
const seconds = (performance.now() - started) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;
const stored = store.size().articles;
store.close();
const bytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(db + s) ? statSync(db + s).size : 0), 0);
console.log(
  `index of ${size.toLocaleString('en')} generated articles without verification (for similar): ${(stored / seconds).toFixed(0)} articles/s, ` +
    `${(bytes / stored / 1024).toFixed(1)} KB per article, peak memory ${peak.toFixed(0)} MB`,
);
runSimilarChild(db, size);
if (process.argv[4] !== 'keep') for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
