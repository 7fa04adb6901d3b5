/**
 * The token ids an article's sketch is built from: the lowercase words and numbers of its
 * sentences, hashed straight from the characters (no strings, no tokenizer objects), because
 * sketching must keep up with ingest at tens of thousands of articles a second.
 */
import type { Article } from '../article/types.js';
import { type MinHashOptions, minhash } from './minhash.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a hashes of the runs of letters and digits (case-folded) in `text`, appended to `out`. */
export function wordIds(text: string, out: number[] = []): number[] {
  let h = FNV_OFFSET;
  let inWord = false;
  for (let k = 0; k < text.length; k++) {
    let c = text.charCodeAt(k);
    const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    const upper = c >= 65 && c <= 90;
    const other = c >= 0xc0 && /\p{L}|\p{N}/u.test(text[k]);
    if (letter || upper || other) {
      if (upper) c += 32;
      else if (other) c = text[k].toLowerCase().charCodeAt(0);
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

export function articleTokenIds(article: Article): Uint32Array {
  const ids: number[] = [];
  for (const s of article.sentences) wordIds(s.text, ids);
  return Uint32Array.from(ids);
}

export function sketchArticle(article: Article, options: Partial<MinHashOptions> = {}): Uint32Array {
  return minhash(articleTokenIds(article), options);
}
