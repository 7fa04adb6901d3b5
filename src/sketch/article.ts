/**
 * The token ids an article's sketch is built from: the lowercase words and numbers of its
 * sentences, hashed straight from the characters (no strings, no tokenizer objects), because
 * sketching must keep up with ingest at tens of thousands of articles a second.
 */
import type { Article } from '../article/types.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const OTHER_LETTER = /\p{L}|\p{N}/u;

/** For each ASCII code: its lowercase code if it is a letter or a digit, else 0 (a separator). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 65 && c <= 90 ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 0,
);

/**
 * Writes the FNV-1a hashes of the runs of letters and digits (case-folded) in `text[from, to)`
 * into `out` from index `at`; returns the index after the last. `out` needs room for
 * `wordRoom(to - from)` more. ASCII is decided by a table: a regular expression only for the rare
 * other letters.
 */
export function fillWordIds(text: string, out: Uint32Array, at: number, from = 0, to = text.length): number {
  let h = FNV_OFFSET;
  let inWord = false;
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k);
    if (c < 128) c = ASCII_WORD[c];
    else if (c < 0xc0 || !OTHER_LETTER.test(text[k])) c = 0;
    else c = text[k].toLowerCase().charCodeAt(0);
    if (c !== 0) {
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

/** Most words `chars` characters can hold: one letter and one separator each. */
export const wordRoom = (chars: number): number => (chars >> 1) + 1;

/** An article's word ids in reading order, and where each sentence's words end. */
export interface ArticleWords {
  ids: Uint32Array;
  /** `ids.subarray(ends[s - 1] ?? 0, ends[s])` are the words of sentence `s`. */
  ends: Uint32Array;
}

/**
 * Word ids of the article's sentences, read from the article text by their ranges (one flat
 * string, not the sentences' slices): sketch and passage keys share them.
 */
export function articleWords(article: Article): ArticleWords {
  const sentences = article.sentences;
  let room = 0;
  for (const s of sentences) room += wordRoom(s.end - s.start);
  const ids = new Uint32Array(room);
  const ends = new Uint32Array(sentences.length);
  let at = 0;
  for (let s = 0; s < sentences.length; s++) {
    at = fillWordIds(article.text, ids, at, sentences[s].start, sentences[s].end);
    ends[s] = at;
  }
  return { ids: ids.subarray(0, at), ends };
}

export function articleTokenIds(article: Article): Uint32Array {
  return articleWords(article).ids;
}
