/**
 * Preparing a reprint: an article whose text was prepared lately in the same run is answered with
 * that article's id and fingerprints, and the caller's cache gives it that preparation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { chooseBanding } from '../candidates/lsh.js';
import { type CompareContext, prepareArticle } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { openSqliteStore } from '../store/sqlite.js';
import { type PrepareJob, prepareJob, RecentTexts } from './prepare.js';
import { PreparedCache } from './prepared-cache.js';

const WIRE =
  'Ferry crews on the Kestrow line walked out at dawn on Thursday over a dispute about night shifts. ' +
  'The operator said 14 crossings were cancelled and about 3,200 passengers had been told to travel by road.';
const OTHER =
  'The council of Orvel voted on Tuesday to close the old library on Mill Street for a year of repairs.';

let ctx: CompareContext;
beforeAll(() => {
  ctx = defaultContext();
});

const banding = chooseBanding(0.5, 128);
const job = (id: string, text: string, run?: string): PrepareJob => ({
  source: id,
  article: articleFromText(text, { id, site: `${id}.example` }),
  banding,
  run,
});

describe('prepareJob with the texts prepared lately', () => {
  it('answers a reprint with the article it repeats and its fingerprints, and prepares anything else', () => {
    const recent = new RecentTexts(10);
    const first = prepareJob(job('a', WIRE, 'run1'), ctx, recent);
    expect(first.outcome).toBe('prepared');
    const again = prepareJob(job('b', WIRE, 'run1'), ctx, recent);
    expect(again).toMatchObject({ outcome: 'repeat', repeats: 'a' });
    if (first.outcome !== 'prepared' || again.outcome !== 'repeat') throw new Error('unreachable');
    expect(again.fingerprints).toEqual(first.fingerprints);
    expect(again.article.id).toBe('b');
    // Another text, another run (whose caller holds no preparation of "a"), no memory: prepared.
    expect(prepareJob(job('c', OTHER, 'run1'), ctx, recent).outcome).toBe('prepared');
    expect(prepareJob(job('d', WIRE, 'run2'), ctx, recent).outcome).toBe('prepared');
    expect(prepareJob(job('e', WIRE), ctx).outcome).toBe('prepared');
    // A page whose article is one prepared before (same text, same id: found stored already).
    expect(prepareJob(job('c', OTHER, 'run1'), ctx, recent)).toMatchObject({
      outcome: 'repeat',
      repeats: 'c',
    });
  });

  it('forgets the least recently used text beyond its capacity', () => {
    const recent = new RecentTexts(2);
    const texts = [WIRE, OTHER, `${OTHER} It will reopen in May.`];
    for (const [k, t] of texts.entries()) prepareJob(job(`t${k}`, t, 'r'), ctx, recent);
    expect(prepareJob(job('x', texts[0], 'r'), ctx, recent).outcome).toBe('prepared');
    expect(prepareJob(job('y', texts[2], 'r'), ctx, recent)).toMatchObject({
      outcome: 'repeat',
      repeats: 't2',
    });
  });
});

describe('PreparedCache.repeated', () => {
  it("gives a reprint its original's preparation with the reprint as its article, and nothing for another text", () => {
    const store = openSqliteStore(':memory:');
    const cache = new PreparedCache(store, ctx, 10);
    const original = articleFromText(WIRE, { id: 'a', site: 'a.example', published: '2026-03-02T09:00:00Z' });
    const prepared = prepareArticle(original, ctx);
    cache.remember('a', prepared);
    const reprint = articleFromText(WIRE, { id: 'b', site: 'b.example', published: '2026-03-04T09:00:00Z' });
    const shared = cache.repeated('a', reprint);
    expect(shared?.article).toBe(reprint);
    expect(shared?.profiles).toBe(prepared.profiles);
    // What is shared is what preparing the reprint itself gives.
    const own = prepareArticle(reprint, ctx);
    expect(shared?.facts).toEqual(own.facts);
    expect(shared?.credits).toEqual(own.credits);
    expect(shared?.surface).toEqual(own.surface);
    expect(cache.repeated('a', articleFromText(OTHER, { id: 'c' }))).toBeUndefined();
    expect(cache.repeated('missing', reprint)).toBeUndefined();
    store.close();
  });
});
