/**
 * Passage fingerprints for partial reuse: one hash per sentence of some length, over its
 * case-folded words. A paragraph lifted into a longer article keeps its sentences word for word,
 * while the article's sketch (a whole-text similarity) barely moves: these keys find it. Short
 * sentences are left out, since stock phrases ("He declined to comment.") repeat everywhere.
 */
import type { ArticleWords } from '../sketch/article.js';
import { sequenceHash } from '../text/hash.js';

export const PASSAGE_MIN_WORDS = 8;

export function passageKeys({ ids, ends }: ArticleWords, minWords = PASSAGE_MIN_WORDS): Uint32Array {
  const keys = new Set<number>();
  let start = 0;
  for (let s = 0; s < ends.length; s++) {
    if (ends[s] - start >= minWords) keys.add(sequenceHash(ids.subarray(start, ends[s])));
    start = ends[s];
  }
  return Uint32Array.from(keys);
}
