/**
 * Pages of one site compared once the site's template is known. Ingest learns a site's furniture
 * from the short lines three of its pages repeat (`site-furniture.ts`), so the first pages that
 * carry a line — a site's first three pages, or the first pages of a week's promo — are extracted
 * with it still in them, and two of them would be related by it though they share nothing else;
 * a longer blurb in the template is never learnt (pages repeat a running story's paragraphs too),
 * and would relate every page that carries it. A comparison of two pages of one site that share a
 * paragraph is therefore put off (`ArticleWrite.deferred`, kept in the store so that a run that
 * stops short leaves it to the next) and settled at the end of the run, each page read without
 * its site's template as known by then. Lines the site has not repeated three times by then (a
 * site with two pages) still count: one page's repetition of another may be reuse.
 */
import { paragraphsOf, withoutParagraphs } from '../article/build.js';
import type { Article } from '../article/types.js';
import {
  type CompareContext,
  defaultCompareOptions,
  type PreparedArticle,
  prepareArticle,
  relationInput,
} from '../compare/compare.js';
import { pairSurface } from '../compare/surface.js';
import { paragraphKey, SITE_FURNITURE_PAGES } from '../extract/text-page/site-furniture.js';
import { isKept, mayRelateClosely, type Relation, relate } from '../relate/relate.js';
import type { DeferredPair, Store } from '../store/store.js';
import { RecentlyUsed } from './recently-used.js';
import { knownTemplate } from './stored-pages.js';

/** Whether `article`'s comparison with a stored one is put off: the other is a page of `site` and the two share a paragraph. */
export function sameSiteSharing(
  article: Article,
  site: string,
  store: Store,
): (id: string, other: Article) => boolean {
  let mine: Set<number> | undefined;
  return (id, other) => {
    if (store.siteKeyOf(id) !== site) return false;
    mine ??= new Set(paragraphsOf(article).map(paragraphKey));
    return paragraphsOf(other).some((p) => mine?.has(paragraphKey(p)));
  };
}

/**
 * Pages prepared while settling, kept for their next pair: a site's first pages pair with each
 * other. Bounded like ingest's own cache, each holding its sentences' word vectors.
 */
const SETTLING_CACHE = 200;

/** Settles every comparison put off, this run's and any a stopped run left; returns the relations stored. */
export function settleSitePairs(store: Store, ctx: CompareContext): number {
  const bySite = new Map<string, DeferredPair[]>();
  for (const pair of store.deferredPairs()) {
    const list = bySite.get(pair.site);
    if (list) list.push(pair);
    else bySite.set(pair.site, [pair]);
  }
  let stored = 0;
  for (const [site, pairs] of bySite) {
    const { template, blurbs } = templateOf(site, new Set(pairs.flatMap((p) => [p.a, p.b])), store);
    // Known from now on, as the site's short lines are: its next pages are read without them.
    if (blurbs.length) store.addSiteFurniture(site, blurbs, SITE_FURNITURE_PAGES);
    // Each page read without its site's template and prepared once.
    const prepared = new RecentlyUsed<string, PreparedArticle | undefined>(SETTLING_CACHE);
    const page = (id: string) => {
      let p = prepared.peek(id);
      if (p === undefined) {
        const a = store.getArticle(id);
        p = a && prepareArticle(withoutParagraphs(a, template), ctx);
      }
      prepared.set(id, p);
      return p;
    };
    for (const pair of pairs) {
      const [A, B] = [page(pair.a), page(pair.b)];
      const relation = A && B ? relationOf(A, B, ctx) : undefined;
      store.settlePair(pair, relation && { a: pair.a, b: pair.b, ...relation });
      if (relation) stored++;
    }
  }
  return stored;
}

/**
 * Whether a paragraph of a page of `site` is its template: a short line the site has been found
 * to repeat, or a longer paragraph that three of `pages` (the pages whose comparisons were put
 * off) hold alike and that stands, on one of them, beside such lines — the blurb of a promo under
 * its headings. A running story's repeated paragraphs stand among its own.
 */
function templateOf(
  site: string,
  pages: ReadonlySet<string>,
  store: Store,
): { template: (paragraph: string) => boolean; blurbs: number[] } {
  const learnt = knownTemplate(store, site);
  // The pages are read twice rather than held: a site's put-off pages can be many.
  const texts = function* () {
    for (const id of pages) {
      const a = store.getArticle(id);
      if (a) yield paragraphsOf(a);
    }
  };
  const holders = new Map<number, number>();
  for (const paragraphs of texts())
    for (const k of new Set(paragraphs.map(paragraphKey))) holders.set(k, (holders.get(k) ?? 0) + 1);
  const repeated = (p: string) => (holders.get(paragraphKey(p)) ?? 0) >= SITE_FURNITURE_PAGES;
  // Blocks grow from their known lines, both ways, through the paragraphs the pages repeat.
  const blurbs = new Set<number>();
  for (const paragraphs of texts()) {
    const marked = paragraphs.map(learnt);
    for (let grown = true; grown; ) {
      grown = false;
      paragraphs.forEach((p, k) => {
        if (marked[k] || !(marked[k - 1] || marked[k + 1]) || !repeated(p)) return;
        marked[k] = grown = true;
        blurbs.add(paragraphKey(p));
      });
    }
  }
  return { template: (p) => learnt(p) || blurbs.has(paragraphKey(p)), blurbs: [...blurbs] };
}

/** The relation of two pages read without their site's template, if it is one to store. */
function relationOf(A: PreparedArticle, B: PreparedArticle, ctx: CompareContext): Relation | undefined {
  const surface = pairSurface(A.surface, B.surface, defaultCompareOptions);
  if (!mayRelateClosely(surface)) return undefined;
  const relation = relate(relationInput(A, B, ctx, surface));
  return isKept(relation.type) ? relation : undefined;
}
