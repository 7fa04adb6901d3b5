/**
 * Passage fingerprints for partial reuse: one hash per sentence of some length, over its
 * case-folded words. A paragraph lifted into a longer article keeps its sentences word for word,
 * while the article's sketch (a whole-text similarity) barely moves: these keys find it. Short
 * sentences are left out, since stock phrases ("He declined to comment.") repeat everywhere.
 */
import type { Article } from '../article/types.js';
import { wordIds } from '../sketch/article.js';
import { sequenceHash } from '../text/hash.js';

export const PASSAGE_MIN_WORDS = 8;

export function passageKeys(article: Article, minWords = PASSAGE_MIN_WORDS): Uint32Array {
  const keys = new Set<number>();
  const ids: number[] = [];
  for (const s of article.sentences) {
    ids.length = 0;
    wordIds(s.text, ids);
    if (ids.length < minWords) continue;
    keys.add(sequenceHash(ids));
  }
  return Uint32Array.from(keys);
}
