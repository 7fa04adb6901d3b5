/**
 * Pages of one site compared once the site's template is known. Ingest learns a site's furniture
 * from the short lines three of its pages repeat (`site-furniture.ts`), so the first pages that
 * carry a line — a site's first three pages, or the first pages of a week's sidebar of headlines,
 * a video promo, "What's the Big Idea?" — are extracted with it still in them, and two of them
 * would be related by it though they share nothing else. A comparison of two pages of one site
 * that share a short line is therefore put off (`ArticleWrite.deferred`, kept in the store so that
 * a run that stops short leaves it to the next) and settled at the end of the run, each page read
 * without the lines its site has by then been found to repeat. Lines the site has not repeated
 * three times by then (a site with two pages) still count: one page's repetition of another may
 * be reuse.
 */
import { withoutParagraphs } from '../article/build.js';
import type { Article } from '../article/types.js';
import {
  type CompareContext,
  defaultCompareOptions,
  prepareArticle,
  relationInput,
} from '../compare/compare.js';
import { pairSurface } from '../compare/surface.js';
import { isKnownLine, SITE_FURNITURE_PAGES, siteLineKeys } from '../extract/text-page/site-furniture.js';
import { KEPT_RELATIONS, mayRelateClosely, relate } from '../relate/relate.js';
import type { DeferredPair, Store, StoredRelation } from '../store/store.js';

const STORED = new Set(KEPT_RELATIONS);

/** The keys of an article's short lines (paragraphs), as its site's learning keys them. */
const lineKeys = (a: Article): number[] => siteLineKeys(a.text.split('\n'));

/**
 * Whether `article`'s comparison with a stored one is put off: the other is a page of `site` and
 * the two share a short line (which, still in both texts, the site had not repeated enough to be
 * known as its own when they were extracted).
 */
export function sharingSiteLines(
  article: Article,
  site: string,
  store: Store,
): (id: string, other: Article) => boolean {
  let mine: Set<number> | undefined;
  return (id, other) => {
    if (store.siteKeyOf(id) !== site) return false;
    mine ??= new Set(lineKeys(article));
    return lineKeys(other).some((k) => mine?.has(k));
  };
}

/** Settles every comparison put off, this run's and any a stopped run left; returns the relations stored. */
export function settleSitePairs(store: Store, ctx: CompareContext): number {
  // Each site's pages read without the lines it has been found to repeat.
  const readers = new Map<string, (a: Article) => Article>();
  let stored = 0;
  for (const pair of store.deferredPairs()) {
    let read = readers.get(pair.site);
    if (!read) {
      const template = isKnownLine(new Set(store.siteFurniture(pair.site, SITE_FURNITURE_PAGES)));
      read = (a) => withoutParagraphs(a, template);
      readers.set(pair.site, read);
    }
    const relation = relationOf(pair, store, ctx, read);
    store.settlePair(pair, relation);
    if (relation) stored++;
  }
  return stored;
}

/** The pair's relation with both pages read without their site's template, if it is one to store. */
function relationOf(
  pair: DeferredPair,
  store: Store,
  ctx: CompareContext,
  read: (a: Article) => Article,
): StoredRelation | undefined {
  const a = store.getArticle(pair.a);
  const b = store.getArticle(pair.b);
  if (!a || !b) return undefined;
  const A = prepareArticle(read(a), ctx);
  const B = prepareArticle(read(b), ctx);
  const surface = pairSurface(A.surface, B.surface, defaultCompareOptions);
  if (!mayRelateClosely(surface)) return undefined;
  const relation = relate(relationInput(A, B, ctx, surface));
  return STORED.has(relation.type) ? { a: pair.a, b: pair.b, ...relation } : undefined;
}
