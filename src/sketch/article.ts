/** The token ids an article's sketch is built from: its sentences' normalised words and numbers. */
import type { Article } from '../article/types.js';
import { hashString } from '../text/hash.js';
import { TokenKind, tokenize } from '../text/tokens.js';
import { type MinHashOptions, minhash } from './minhash.js';

export function articleTokenIds(article: Article): Uint32Array {
  const ids: number[] = [];
  for (const s of article.sentences) {
    const t = tokenize(s.text);
    for (let k = 0; k < t.count; k++) {
      if (t.kind[k] === TokenKind.Word || t.kind[k] === TokenKind.Number) ids.push(hashString(t.norm[k]));
    }
  }
  return Uint32Array.from(ids);
}

export function sketchArticle(article: Article, options: Partial<MinHashOptions> = {}): Uint32Array {
  return minhash(articleTokenIds(article), options);
}
