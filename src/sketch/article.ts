/**
 * The token ids an article's sketch is built from: the lowercase words and numbers of its
 * sentences, hashed straight from the characters (no strings, no tokenizer objects), because
 * sketching must keep up with ingest at tens of thousands of articles a second.
 */
import type { Article } from '../article/types.js';
import { type MinHashOptions, minhash } from './minhash.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const OTHER_LETTER = /\p{L}|\p{N}/u;

/**
 * Writes the FNV-1a hashes of the runs of letters and digits (case-folded) in `text` into `out`
 * from index `at`; returns the index after the last. `out` needs room for `wordRoom(text)` more.
 * ASCII is decided by comparisons alone: a regular expression only for the rare other letters.
 */
export function fillWordIds(text: string, out: Uint32Array, at: number): number {
  let h = FNV_OFFSET;
  let inWord = false;
  for (let k = 0; k < text.length; k++) {
    let c = text.charCodeAt(k);
    let letter = true;
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    } else if (c < 0xc0 || !OTHER_LETTER.test(text[k])) letter = false;
    else c = text[k].toLowerCase().charCodeAt(0);
    if (letter) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out[at++] = h;
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out[at++] = h;
  return at;
}

/** Most words a text can hold: one letter and one separator each. */
export const wordRoom = (text: string): number => (text.length >> 1) + 1;

export function articleTokenIds(article: Article): Uint32Array {
  let room = 0;
  for (const s of article.sentences) room += wordRoom(s.text);
  const out = new Uint32Array(room);
  let at = 0;
  for (const s of article.sentences) at = fillWordIds(s.text, out, at);
  return out.slice(0, at);
}

export function sketchArticle(article: Article, options: Partial<MinHashOptions> = {}): Uint32Array {
  return minhash(articleTokenIds(article), options);
}
