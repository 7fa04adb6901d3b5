import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../article/types.js';
import { defaultContext } from '../compare/context.js';
import { openSqliteStore } from '../store/sqlite.js';
import { extractForStore, ingestItems, type Pending, similarInStore } from './ingest.js';
import { extractRaw } from './prepare.js';
import { PreparedCache, SIMILAR_CACHE } from './prepared-cache.js';
import { storedPages } from './stored-pages.js';

const ctx = defaultContext();

/** Four posts of one gardening blog, about four different things. */
const posts = [
  'Roses want a hard cut in late winter, before the buds swell. Take each cane back to an outward-facing bud about a hand above the ground. Burn the old wood rather than composting it, since black spot overwinters on it.',
  'Eleven days of rain have turned the lower beds into a pond. The leeks stood it well, but the last of the carrots split and the onions began to rot at the neck. Next year the lower beds get raised sides and a ditch along the hedge.',
  'Pick the ripest fruit of the plant you liked best and squeeze the seeds into a jar with a little water. Leave the jar on the windowsill for three days until a mould forms on top. Rinse the seeds in a sieve and dry them on a plate for a week.',
  'Three summers after we cut a gap under the fence, the hedgehogs are back in the garden. They eat the slugs that took the lettuces every June. A pile of leaves under the laurel gives them somewhere to sleep through the winter.',
];
/**
 * What the blog's template puts under every post that week, which no furniture rule knows: short
 * lines, and a blurb too long to be learnt as the site's line.
 */
const promo = [
  'Garden Hour on video',
  'This week the Aldous family turns a car park into an orchard.',
  'Episode 12.',
  'Fast.',
  'Cheap.',
  'And green.',
  'Kim plants forty apple trees in one afternoon, picks a rootstock for a windy plot and tells us why it matters.',
];
/** A follow-up of the first post that repeats its advice word for word, under the same promo. */
const followUp =
  'A reader asked whether the rule holds for climbers. Roses want a hard cut in late winter, before the buds swell. Take each cane back to an outward-facing bud about a hand above the ground. Climbers are the exception: tie in the long canes and cut only the side shoots.';

const page = (id: string, body: string): Pending => ({
  source: `${id}.txt`,
  read: async () => ({
    content: [`Post ${id}`, body, ...promo].join('\n'),
    kind: 'text',
    meta: { id, site: 'kims-garden.example' },
  }),
});

const derived = (store: ReturnType<typeof openSqliteStore>) =>
  store
    .relations()
    .filter((r) => r.type !== 'same-story')
    .map((r) => `${r.a}-${r.b} ${r.type}`);

describe("a site's first pages", () => {
  it('are not related by the lines its template repeats, and still by what they share besides', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newstrace-site-')), 'g.db'));
    const summary = await ingestItems(
      [...posts.map((p, k) => page(`post${k}`, p)), page('followup', followUp)],
      store,
      ctx,
      { workers: 0 },
    );
    // Before the site had repeated its promo three times, three posts were "partial reuse" of each other.
    expect(derived(store)).toEqual(['followup-post0 partial-reuse']);
    expect(summary.relations).toBe(store.relations().length);
    expect(store.deferredPairs()).toEqual([]);
    // The first post is stored as read, its promo in it; it is shown as the site is known now.
    expect(store.getArticle('post0')?.text).toContain('Episode 12.');
    const shown = storedPages(store)('post0');
    expect(shown?.text).toBe(posts[0]);
    expect(shown?.furniture).toEqual(expect.arrayContaining(promo));
    store.close();
  });

  it("keep the paragraph a running story's pages repeat among their own", async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newstrace-site-')), 'r.db'));
    const background =
      'The allotments by the railway were given to the town in 1921 by the Aldous family, on condition that they are never built on, and the council has tried twice before to sell them.';
    const news = [
      'Councillors voted on Tuesday to sell the land to a developer.',
      'Plot holders marched on the town hall on Saturday.',
      'A judge has stopped the deal until the spring.',
    ];
    const ends = [
      'A decision on the price is due next month.',
      'The march ended peacefully at noon.',
      'The council says it will appeal.',
    ];
    await ingestItems(
      news.map((n, k) => page(`story${k}`, `${n}\n${background}\n${ends[k]}`)),
      store,
      ctx,
      { workers: 0 },
    );
    // Each pair derived (short pages that share their longest paragraph: partial reuse or a rewrite).
    expect(derived(store).map((r) => r.split(' ')[0])).toEqual([
      'story1-story0',
      'story2-story0',
      'story2-story1',
    ]);
    store.close();
  });

  it('are not what `similar` finds for another page of the site, asked as ingest reads it', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newstrace-site-')), 's.db'));
    await ingestItems(
      posts.map((p, k) => page(`post${k}`, p)),
      store,
      ctx,
      { workers: 0 },
    );
    const asked = await page(
      'new',
      'The first swifts of the year were screaming over the allotments on Sunday evening.',
    ).read();
    const cache = new PreparedCache(store, ctx, SIMILAR_CACHE);
    const found = (a: Article) => similarInStore(a, store, ctx, cache).filter((r) => r.type !== 'same-story');
    // Read without its site, the page matched the site's first pages by their template.
    expect(found(extractRaw(asked)).length).toBeGreaterThan(0);
    expect(found(extractForStore(asked, store))).toEqual([]);
    store.close();
  });

  it('are compared by the next run where a run stops before its end', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'newstrace-site-')), 'g.db');
    const first = openSqliteStore(file);
    async function* stopsShort(): AsyncIterable<Pending> {
      for (const [k, p] of posts.entries()) yield page(`post${k}`, p);
      throw new Error('the disk is full');
    }
    await expect(ingestItems(() => stopsShort(), first, ctx, { workers: 0 })).rejects.toThrow(
      'the disk is full',
    );
    first.close();
    const second = openSqliteStore(file);
    expect(second.deferredPairs().length).toBeGreaterThan(0);
    expect(second.size().articles).toBe(posts.length);
    await ingestItems([], second, ctx, { workers: 0 });
    expect(second.deferredPairs()).toEqual([]);
    expect(derived(second)).toEqual([]);
    second.close();
  });
});
