/**
 * The HTTP API on a real corpus (SQLite in a temporary folder), requests injected into the real
 * Fastify app: every endpoint, bad bodies, missing token, oversized body, unknown ids.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../compare/context.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { buildStories } from '../story/stories.js';
import { buildServer } from './app.js';

const sample = join(import.meta.dirname, '..', '..', 'sample');
const read = (f: string) => readFileSync(join(sample, f), 'utf8');
const TOKEN = 'test-token';
let app: FastifyInstance;
let store: Store;

beforeAll(async () => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newstrace-api-')), 'api.db'));
  app = await buildServer({ store, ctx: defaultContext(), token: TOKEN, bodyLimit: 200_000 });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    payload: payload as string,
    headers: { authorization: `Bearer ${TOKEN}`, ...headers },
  });

describe('HTTP API', () => {
  it('answers health and publishes its OpenAPI document', async () => {
    expect((await app.inject('/health')).json()).toMatchObject({ ok: true, articles: 0 });
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/stories', '/stories/{id}', '/articles', '/compare', '/similar']),
    );
  });

  it('refuses writes without the token', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/articles',
      payload: { id: 'x', text: 'Some text here.' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatch(/token/);
    const wrong = await post(
      '/articles',
      { id: 'x', text: 'Some text here.' },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.statusCode).toBe(401);
  });

  it('adds articles as records, as a batch, as JSONL and as a text page, and accounts for each', async () => {
    const one = await post('/articles', {
      id: 'wire',
      site: 'meridianpress.example',
      published: '2026-03-04T08:00:00Z',
      text: read('wire-harbour-bridge.txt'),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ ingested: 1, present: 0 });
    const batch = await post('/articles', [
      {
        id: 'rewrite',
        site: 'viralnow.example',
        published: '2026-03-04T13:05:00Z',
        text: read('rewrite-harbour-bridge.txt'),
      },
      { id: 'reprint', site: 'courier.example', html: read('reprint-harbour-bridge.html') },
    ]);
    expect(batch.json()).toMatchObject({ ingested: 2 });
    // Each posted article with its id, its story and what it takes from the articles stored.
    const [rewrite, reprint] = batch.json().articles;
    expect(rewrite).toMatchObject({ source: 'request:1', status: 'ingested', id: 'rewrite' });
    expect(rewrite.relations).toContainEqual(
      expect.objectContaining({ id: 'wire', type: 'rewrite', direction: 'a-from-b' }),
    );
    expect(reprint.relations).toContainEqual(expect.objectContaining({ id: 'wire', type: 'duplicate' }));
    expect(reprint.story).toBe(rewrite.story);
    const jsonl = await post(
      '/articles',
      `${JSON.stringify({ id: 'chess', text: read('chess-tournament.txt') })}\n{"id": broken}\n`,
      { 'content-type': 'application/x-ndjson' },
    );
    expect(jsonl.json()).toMatchObject({
      ingested: 1,
      skipped: [{ source: 'request:2', reason: expect.stringMatching(/^not valid JSON \(/) }],
    });
    // Each request's records are kept apart in the corpus, though both were its request's first.
    const stored = ['rewrite', 'chess'].map((id) => store.articleRow(id)?.source);
    for (const source of stored)
      expect(source).toMatch(/^POST \/articles \d{4}-\d\d-\d\dT\S+ \(\d+\) request:1$/);
    expect(stored[0]).not.toBe(stored[1]);
    const page = await post('/articles', read('frost-vineyards.txt'), { 'content-type': 'text/plain' });
    expect(page.json()).toMatchObject({ ingested: 1 });
    const again = await post('/articles', { id: 'wire', text: read('wire-harbour-bridge.txt') });
    expect(again.json()).toMatchObject({
      ingested: 0,
      present: 1,
      articles: [{ status: 'present', id: 'wire', story: rewrite.story }],
    });
    // The account of every input posted, a page at a time.
    const skipped = (await app.inject('/inputs?status=skipped')).json();
    expect(skipped).toMatchObject({
      inputs: [{ status: 'skipped', reason: expect.stringMatching(/^not valid JSON \(/) }],
      next: null,
    });
    expect(skipped.inputs[0].source).toMatch(/^POST \/articles \S+ \(\d+\) request:2$/);
    const all = (await app.inject('/inputs')).json().inputs as Array<{ seq: number; status: string }>;
    const paged: typeof all = [];
    for (let after = 0; ; ) {
      const page = (await app.inject(`/inputs?limit=2&after=${after}`)).json();
      paged.push(...page.inputs);
      if (page.next === null) break;
      after = page.next;
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
    expect((await app.inject('/inputs?status=lost')).statusCode).toBe(400);
  });

  it('lists and searches stories, and shows a story and an article', async () => {
    const list = (await app.inject('/stories')).json() as Array<{
      id: string;
      title: string;
      articles: number;
    }>;
    expect(list[0]).toMatchObject({ articles: 3 });
    const found = (await app.inject('/stories?q=chess')).json() as Array<{ title: string }>;
    expect(found.map((s) => s.title)).toEqual(['Sixteen-year-old wins Port Alder open chess tournament']);
    const story = (await app.inject(`/stories/${list[0].id}`)).json();
    expect(story.origin).toBe('wire');
    expect(story.edges.length).toBeGreaterThan(0);
    // What the rewrite adds to the wire story and leaves out, sentence by sentence.
    const claims = (await app.inject(`/stories/${list[0].id}/claims`)).json();
    expect(claims).toEqual([
      expect.objectContaining({ id: 'rewrite', adds: expect.arrayContaining([expect.any(String)]) }),
    ]);
    expect((await app.inject('/stories/nope/claims')).statusCode).toBe(404);
    const article = (await app.inject('/articles/rewrite')).json();
    expect(article.story).toBe(list[0].id);
    expect(article.relations.some((r: { type: string }) => r.type === 'rewrite')).toBe(true);
  });

  it('compares two posted texts and finds what a posted article matches', async () => {
    const cmp = await app.inject({
      method: 'POST',
      url: '/compare',
      payload: { a: { text: read('copy-frost-vineyards.txt') }, b: { text: read('frost-vineyards.txt') } },
    });
    expect(cmp.statusCode).toBe(200);
    expect(cmp.json().relation.type).toBe('near-duplicate');
    const similar = await app.inject({
      method: 'POST',
      url: '/similar',
      payload: { text: read('partial-harbour-bridge.txt') },
    });
    expect(similar.json().map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['wire']));
    // Each match says what it is: its title and where it came from.
    const wire = similar.json().find((m: { id: string }) => m.id === 'wire');
    expect(wire.title).toBe('Port Alder closes Kestrel Bridge after inspectors find cracked cables');
    expect(wire.source).toMatch(/^POST \/articles /); // posted: its source is the request that brought it
  });

  it('tells live subscribers which story each new article joined', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const events = await fetch(`${address}/events`);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await post('/articles', { id: 'copy', site: 'agrinews.example', text: read('copy-frost-vineyards.txt') });
    let received = '';
    while (!received.includes('event: article'))
      received += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const data = JSON.parse(/data: (.*)/.exec(received)?.[1] ?? '{}');
    expect(data).toMatchObject({ id: 'copy', storySize: 2 });
    expect(data.storyTitle).toMatch(/frost/i);
    // Stories kept up as articles came are those a batch build of the whole corpus finds.
    const listed = (await app.inject('/stories?limit=1000')).json() as Array<{
      id: string;
      articles: number;
    }>;
    const batch = buildStories(store.articles(), store.relations());
    expect(listed.map((x) => [x.id, x.articles])).toEqual(batch.map((x) => [x.id, x.articles.length]));
  });

  it('answers bad requests with a 4xx and a message, never a stack trace', async () => {
    const cases = [
      await app.inject('/stories/no-such-story'),
      await app.inject('/articles/no-such-article'),
      await app.inject('/no/such/route'),
      await app.inject('/stories?limit=0'),
      await app.inject({ method: 'POST', url: '/compare', payload: { a: { text: 'x' } } }),
      await post('/articles', { id: 'x', body: 'wrong field' }),
      await app.inject({
        method: 'POST',
        url: '/compare',
        payload: '{"a": ',
        headers: { 'content-type': 'application/json' },
      }),
      await post('/articles', { id: 'big', text: 'word '.repeat(100_000) }),
      await app.inject({ method: 'POST', url: '/similar', payload: { text: '   ' } }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([404, 404, 404, 400, 400, 400, 400, 413, 400]);
    for (const r of cases) {
      expect(typeof r.json().error).toBe('string');
      expect(r.body).not.toMatch(/\n\s+at /);
    }
  });

  it("finds what a posted page matches as ingest reads it, without what the page's site repeats", async () => {
    // A harbour blog's posts about four different things, each with the week's radio promo under it.
    const promo = [
      'Harbour Notes on the radio',
      'This week the ferry crews read their own logbooks aloud.',
      'Show 31.',
      'Salt.',
      'Rope.',
      'And tar.',
      'Dalia Brenner sails the old mail route in a dinghy and tells us what the charts of the estuary leave out.',
    ];
    const posts = [
      'The lighthouse on Gull Point was repainted in March, its first coat since the keepers left in 1988.',
      'Oyster beds below the old cannery have come back since the town stopped dredging the channel.',
      'A storm in January tore the roof off the lifeboat station, and volunteers rebuilt it in nine days.',
      'The last rope walk in the county closed on Friday after a hundred and forty years of trade.',
    ];
    const site = 'harbour-notes.example';
    const posted = await post(
      '/articles',
      posts.map((p, k) => ({ id: `harbour${k}`, site, title: `Post ${k}`, text: [p, ...promo].join('\n') })),
    );
    expect(posted.json()).toMatchObject({ ingested: 4 });
    const asked = {
      title: 'Seals',
      text: [
        'The first swifts of the year were screaming over the allotments on Sunday evening.',
        ...promo,
      ].join('\n'),
    };
    const derived = async (payload: object) =>
      (
        (await app.inject({ method: 'POST', url: '/similar', payload })).json() as Array<{
          id: string;
          type: string;
        }>
      )
        .filter((m) => m.type !== 'same-story')
        .map((m) => m.id);
    // Asked without its site, the page matches the blog's posts by the promo alone.
    expect((await derived(asked)).length).toBeGreaterThan(0);
    expect(await derived({ ...asked, site })).toEqual([]);
  });
});
