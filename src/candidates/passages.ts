/**
 * Passage fingerprints for partial reuse: one hash per sentence of some length, over its
 * case-folded words. A paragraph lifted into a longer article keeps its sentences word for word,
 * while the article's sketch (a whole-text similarity) barely moves: these keys find it. Short
 * sentences are left out, since stock phrases ("He declined to comment.") repeat everywhere.
 */
import type { Article } from '../article/types.js';
import { fillWordIds, wordRoom } from '../sketch/article.js';
import { sequenceHash } from '../text/hash.js';

export const PASSAGE_MIN_WORDS = 8;

export function passageKeys(article: Article, minWords = PASSAGE_MIN_WORDS): Uint32Array {
  const keys = new Set<number>();
  let ids = new Uint32Array(64);
  for (const s of article.sentences) {
    if (ids.length < wordRoom(s.text)) ids = new Uint32Array(wordRoom(s.text));
    const count = fillWordIds(s.text, ids, 0);
    if (count < minWords) continue;
    keys.add(sequenceHash(ids.subarray(0, count)));
  }
  return Uint32Array.from(keys);
}
