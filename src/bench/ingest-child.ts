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
import { ingestPaths } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';
import { buildStories } from '../story/stories.js';
import { generateArticles, samplePool } from './generate.js';
import { runSimilarChild } from './similar.js';

const [size, db, keep] = [Number(process.argv[2]), process.argv[3], process.argv[4] === 'keep'];

const pool = await samplePool();
const ctx = defaultContext();
const store = openSqliteStore(db);
const corpus = `${db}.corpus.jsonl`;
const out = createWriteStream(corpus);
for (const g of generateArticles(pool, size)) {
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
// Per article stored: a resumed run (a database kept from an earlier one) ingests only the rest.
const storedArticles = store.size().articles;
store.close();
const bytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(db + s) ? statSync(db + s).size : 0), 0);
console.log(
  `full ingest of ${size.toLocaleString('en')} generated articles into SQLite: ${(summary.ingested / seconds).toFixed(0)} articles/s ` +
    `(${summary.relations.toLocaleString('en')} relations verified and stored, ${stories.toLocaleString('en')} stories ` +
    `built in ${storySeconds.toFixed(1)} s; ${seconds.toFixed(0)} s in all; target ≥ 1,000)\n` +
    `  database ${(bytes / storedArticles / 1024).toFixed(1)} KB per article; peak memory of the ingesting process ${peak.toFixed(0)} MB`,
);

runSimilarChild(db, size);
// Only the database's own files: the directory may hold anything else.
rmSync(corpus, { force: true });
if (!keep) for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
