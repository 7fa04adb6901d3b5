/**
 * API figures: a corpus of generated articles ingested through the real pipeline, served by the
 * real app, and loaded with autocannon (10 connections, 5 s per endpoint): requests/s and p50/p99
 * latency for the story list, a story, and `similar`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { defaultContext } from '../compare/context.js';
import { ingestItems } from '../pipeline/ingest.js';
import { buildServer } from '../server/app.js';
import { openSqliteStore } from '../store/sqlite.js';
import { asArticle, generateCorpus } from './corpus.js';

export async function benchApi(size: number): Promise<void> {
  const { texts } = await generateCorpus(size + 1, 11);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-api-bench-'));
  const store = openSqliteStore(join(dir, 'api.db'));
  const ctx = defaultContext();
  await ingestItems(
    texts.slice(0, size).map((text, k) => ({ source: `g${k}`, build: async () => asArticle(text, k) })),
    store,
    ctx,
  );
  const app = await buildServer({ store, ctx });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const first = (await (await fetch(`${base}/stories?limit=1`)).json()) as Array<{ id: string }>;
  const runs: Array<[string, Parameters<typeof autocannon>[0]]> = [
    ['GET /stories?limit=20', { url: `${base}/stories?limit=20` }],
    ['GET /stories/:id', { url: `${base}/stories/${encodeURIComponent(first[0].id)}` }],
    [
      'POST /similar',
      {
        url: `${base}/similar`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `A new article\n${texts[size]}` }),
      },
    ],
  ];
  console.log(`API on a corpus of ${size} generated articles (10 connections, 5 s each, one process):`);
  for (const [name, options] of runs) {
    const r = await autocannon({ connections: 10, duration: 5, ...options });
    console.log(
      `  ${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms` +
        (r.non2xx || r.errors ? `   (${r.non2xx} non-2xx, ${r.errors} errors)` : ''),
    );
  }
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
