/**
 * What the index keeps of an article to find its candidates later: LSH band keys of its sketch
 * (near-duplicates), hashes of its longer sentences (a passage lifted into another text), and its
 * key terms (independent reports of the same event).
 */
import type { PreparedArticle } from '../compare/compare.js';
import { articleWords } from '../sketch/article.js';
import { minhash } from '../sketch/minhash.js';
import { type Banding, bandKeys } from './lsh.js';
import { passageKeys } from './passages.js';
import { keyTerms } from './terms.js';

export interface Fingerprints {
  bandKeys: Uint32Array;
  passageKeys: Uint32Array;
  terms: string[];
}

export function fingerprintArticle(prepared: PreparedArticle, banding: Banding): Fingerprints {
  const words = articleWords(prepared.article);
  return {
    bandKeys: bandKeys(minhash(words.ids), banding),
    passageKeys: passageKeys(words),
    terms: keyTerms(prepared),
  };
}
