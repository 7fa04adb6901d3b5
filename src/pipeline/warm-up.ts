/**
 * Runs the compare engine before a server takes requests. V8 compiles a function to fast code only
 * after it has run many times, so a fresh process's first requests run slow code; at a million
 * articles the p99 of a fresh process's first 200 `similar` requests was 23.0-27.4 ms without this
 * and 16.1-22.9 ms with it (four runs each, alternating), for ~0.5 s at start.
 */
import { articleFromText } from '../article/build.js';
import { type CompareContext, compareArticles } from '../compare/compare.js';
import type { Store } from '../store/store.js';
import { similarInStore } from './ingest.js';
import { PreparedCache, SIMILAR_CACHE } from './prepared-cache.js';
import { sampleArticles } from './sample.js';

/**
 * Compares each article of the bundled sample with each other one, `rounds` times over: a wire
 * story, its reprint, rewrite and partial reuse, an independent report and unrelated pieces take
 * every path of preparing, aligning and relating. With a `store`, then asks `similar` about a
 * rewrite and a truncation of each of its newest articles (`warmUpStore`). Returns the
 * comparisons and requests made.
 */
export async function warmUp(
  ctx: CompareContext,
  { rounds = 3, store }: { rounds?: number; store?: Store } = {},
): Promise<number> {
  const articles = await sampleArticles();
  let compared = 0;
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      for (const b of articles) {
        if (a === b) continue;
        compareArticles(a, b, ctx);
        compared++;
      }
    }
  }
  return compared + (store ? warmUpStore(store, ctx) : 0);
}

/** Stored articles whose variants `warmUpStore` asks about. */
const STORED_PROBES = 10;

/**
 * The sample compared pairwise compiles the engine, not the path of a request against a store:
 * reading candidates' surfaces and texts, preparing stored articles, and the verification of the
 * near-duplicates and rewrites a stored article's variants find. Without it, a server's first
 * rewrites asked about took 15-32 ms at a million articles (later ones 6-14 ms) and set the p99 of
 * its first 200 requests: 28.7 / 32.4 ms without, 13.1 / 13.9 with (alternating runs; ~0.3 s at
 * start). Nothing is written; the variants are new articles (their own content ids).
 */
export function warmUpStore(store: Store, ctx: CompareContext): number {
  const cache = new PreparedCache(store, ctx, SIMILAR_CACHE);
  let asked = 0;
  for (const row of store.articlesAfter(Math.max(0, store.size().articles - STORED_PROBES))) {
    const text = store.getArticle(row.id)?.text;
    if (!text) continue;
    const words = text.split(' ');
    // Every ninth word left out (a light rewrite: no sentence the same), and the first two thirds.
    const variants = [words.filter((_, k) => k % 9 !== 4), words.slice(0, Math.ceil((words.length * 2) / 3))];
    for (const variant of variants) {
      similarInStore(articleFromText(variant.join(' ')), store, ctx, cache);
      asked++;
    }
  }
  return asked;
}
