/**
 * Passage fingerprints for partial reuse: one hash per sentence of some length, over its
 * case-folded words. A paragraph lifted into a longer article keeps its sentences word for word,
 * while the article's sketch (a whole-text similarity) barely moves: these keys find it. Short
 * sentences are left out, since stock phrases ("He declined to comment.") repeat everywhere.
 */
import type { ArticleWords } from '../sketch/article.js';
import { sequenceHash } from '../text/hash.js';

export const PASSAGE_MIN_WORDS = 8;

/**
 * A sentence held by more texts than this is a stock sentence ("The company did not immediately
 * respond to a request for comment."), whatever the corpus's size: how many texts reuse a
 * sentence is bounded by its story, not by the corpus, so its cap is not a share of the corpus
 * as a term's is (passim drops n-grams in more than ~100 documents). Within a story's texts the
 * sketch's bands and the key terms find each other. As a share (2%), the cap was 20,000 texts at
 * a million articles: a new article holding one of the generated corpus's stock sentences (in
 * 425-4,650 stored texts) was verified against 20 of their holders, each a "partial reuse" of one
 * stock sentence, the slowest of `similar`'s requests. Below 10,000 articles the key terms' cap
 * (2% of the corpus, at least 200 texts) is the same.
 */
export const PASSAGE_MAX_DF = 200;

/**
 * Of the texts that share one passage (one sentence) with an article and nothing else of the
 * passage index, the oldest few holders of that sentence stand for the rest: it is a stock
 * sentence or one line of a story many retold, and its oldest holders are its likeliest source.
 * Matters where one shared passage is enough (`similar`; ingest asks two): a new generated article
 * holding one of its corpus's stock sentences (in 40-190 texts at 100,000) was verified against 20
 * of their holders, each "partial reuse" of that sentence — the slowest of its requests.
 */
export const ONE_PASSAGE_HOLDERS = 3;

export function passageKeys({ ids, ends }: ArticleWords, minWords = PASSAGE_MIN_WORDS): Uint32Array {
  const keys = new Set<number>();
  let start = 0;
  for (let s = 0; s < ends.length; s++) {
    if (ends[s] - start >= minWords) keys.add(sequenceHash(ids.subarray(start, ends[s])));
    start = ends[s];
  }
  return Uint32Array.from(keys);
}
