/**
 * What the index keeps of an article to find its candidates later: LSH band keys of its sketch
 * (near-duplicates), hashes of its longer sentences (a passage lifted into another text), and its
 * key terms (independent reports of the same event).
 */
import type { PreparedArticle } from '../compare/compare.js';
import { sketchArticle } from '../sketch/article.js';
import { type Banding, bandKeys } from './lsh.js';
import { passageKeys } from './passages.js';
import { keyTerms } from './terms.js';

export interface Fingerprints {
  bandKeys: Uint32Array;
  passageKeys: Uint32Array;
  terms: string[];
}

export function fingerprintArticle(prepared: PreparedArticle, banding: Banding): Fingerprints {
  return {
    bandKeys: bandKeys(sketchArticle(prepared.article), banding),
    passageKeys: passageKeys(prepared.article),
    terms: keyTerms(prepared),
  };
}
