/**
 * API figures: the real app serving a corpus the ingest bench built, loaded with autocannon
 * (10 connections, 5 s per endpoint): requests/s and p50/p99 latency for the story list, a story,
 * and `similar` (a new article each connection posts, drawn from outside the corpus).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import autocannon from 'autocannon';
import { defaultContext } from '../compare/context.js';
import { buildServer } from '../server/app.js';
import { openSqliteStore } from '../store/sqlite.js';
import { generateCorpus } from './generate.js';

export async function benchApi(db: string, size: number): Promise<void> {
  const store = openSqliteStore(db);
  const ctx = defaultContext();
  const app = await buildServer({ store, ctx });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // The first story list builds the stories from every stored relation; later ones are cached.
  const t0 = performance.now();
  const first = (await (await fetch(`${base}/stories?limit=1`)).json()) as Array<{ id: string }>;
  const buildMs = performance.now() - t0;
  const { texts } = await generateCorpus(1, 4321);
  const runs: Array<[string, Parameters<typeof autocannon>[0]]> = [
    ['GET /stories?limit=20', { url: `${base}/stories?limit=20` }],
    ['GET /stories/:id', { url: `${base}/stories/${encodeURIComponent(first[0].id)}` }],
    [
      'POST /similar',
      {
        url: `${base}/similar`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `A new article\n${texts[0]}` }),
      },
    ],
  ];
  console.log(
    `API on the corpus of ${size.toLocaleString('en')} generated articles (10 connections, 5 s each, one process; ` +
      `stories built from the relations once, in ${buildMs.toFixed(0)} ms):`,
  );
  for (const [name, options] of runs) {
    const r = await autocannon({ connections: 10, duration: 5, ...options });
    console.log(
      `  ${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms` +
        (r.non2xx || r.errors ? `   (${r.non2xx} non-2xx, ${r.errors} errors)` : ''),
    );
  }
  await app.close();
  store.close();
  rmSync(dirname(db), { recursive: true, force: true });
}
