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
import { generateCorpus, newArticleStream } from './generate.js';

export async function benchApi(db: string, size: number): Promise<void> {
  const store = openSqliteStore(db);
  const ctx = defaultContext();
  const app = await buildServer({ store, ctx, token: 'bench' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // The first story list builds the stories from every stored relation; later ones rebuild only
  // the stories that new articles touch.
  const t0 = performance.now();
  const first = (await (await fetch(`${base}/stories?limit=1`)).json()) as Array<{ id: string }>;
  const buildMs = performance.now() - t0;
  const { texts } = await generateCorpus(21, newArticleStream(4321));
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
  // A live stream: each new article posted (verified against the corpus and stored), then the
  // story list read again, which brings its story up to date.
  const post: number[] = [];
  const list: number[] = [];
  for (let k = 1; k < texts.length; k++) {
    let t = performance.now();
    await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: JSON.stringify({ id: `live-${k}`, title: `Live ${k}`, text: texts[k] }),
    });
    post.push(performance.now() - t);
    t = performance.now();
    await fetch(`${base}/stories?limit=20`);
    list.push(performance.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1].toFixed(1);
  console.log(
    `  a live stream, ${post.length} new articles one at a time: POST /articles p50 ${median(post)} ms, ` +
      `then GET /stories?limit=20 (its story brought up to date) p50 ${median(list)} ms`,
  );
  await app.close();
  store.close();
  rmSync(dirname(db), { recursive: true, force: true });
}
