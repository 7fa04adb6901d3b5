/**
 * A sentence's comparison profile: everything the pair features need, computed once per sentence
 * so that comparing two articles costs O(sentences) profiles and O(candidate pairs) features.
 */

import { hashString } from '../text/hash.js';
import { nameKey, TokenFlag, TokenKind, type Tokens, tokenize } from '../text/index.js';
import type { Lexicon } from '../text/lexicon/types.js';

export interface SentenceProfile {
  /** Stems of word and number tokens in order (punctuation and symbols dropped). */
  stems: string[];
  /** 32-bit hashes of `stems`: compared as numbers in the n-gram and order features. */
  stemIds: Uint32Array;
  /** Sorted hashes of the 1- to 4-grams of `stemIds` (index n-1), multisets for clipped counts. */
  grams: Uint32Array[];
  /** Distinct content stems as sorted hashes, with their weights: for a merge-based overlap. */
  contentIds: Uint32Array;
  contentIdWeights: Float32Array;
  /**
   * WordNet sense keys of the content terms, sorted, with the term each belongs to: two terms are
   * synonyms (`Lexicon.synonyms`) exactly when they share a key, so one merge of two sentences' keys
   * finds every synonym pair.
   */
  senseKeys: Uint32Array;
  senseTerms: Uint16Array;
  /** 1 where the term carries content (not a stopword). */
  content: Uint8Array;
  /** Informativeness of each term: an IDF estimated from the word's frequency rank. */
  weight: Float32Array;
  /**
   * Row of each term's vector in `Lexicon.vectors`: -1 for stopwords and for words without one.
   * Rows, not copies: a prepared article crosses from a worker thread and waits in caches.
   */
  vectorRow: Int32Array;
  /** Numeric values of number tokens (canonical: "a million" = 1e6). */
  numbers: number[];
  /** Name keys of proper-name tokens that are not sentence-initial. */
  names: string[];
  negations: number;
  /**
   * Per term, 1 where an odd number of double quote marks precede it in the sentence; and the
   * sentence's count of them. A quotation may run over several sentences, so the article decides
   * what is quoted: a term is inside quotes when its parity plus the marks of earlier sentences
   * is odd.
   */
  quoteParity: Uint8Array;
  quoteMarks: number;
  /** SIF-weighted mean of the content vectors, unit length (zeros if none). */
  sif: Float32Array;
  /** Sum of `weight` over content terms. */
  contentWeight: number;
}

/** IDF proxy from a Zipf rank: words the corpus rarely uses weigh more; unknown words most. */
export function rankWeight(rank: number): number {
  const r = rank > 0 ? rank : 400_000;
  return Math.log((r + 50) / 50);
}

/** Smooth inverse frequency weight (Arora et al. 2017) from a Zipf rank estimate of p(w). */
function sifWeight(rank: number): number {
  const r = rank > 0 ? rank : 400_000;
  const p = 1 / (r * 13.3);
  return 1e-3 / (1e-3 + p);
}

export function profileSentence(text: string, lexicon: Lexicon): SentenceProfile {
  const t = tokenize(text);
  return profileTokens(text, t, 0, t.count, lexicon);
}

/**
 * The profiles of an article's sentences from one tokenization of its whole text, which its facts
 * read too (tokenizing each sentence again cost a tenth of preparing an article). A sentence's
 * tokens are those of the sentence alone (the tokenizer reads no further back than the sentence's
 * own tokens, except to flag its first word as sentence-initial, which `profileTokens` does), unless
 * a token runs across the sentence's bounds (a number phrase or "per cent" read across an
 * unpunctuated break): that sentence is tokenized alone.
 */
export function profileSentences(
  text: string,
  sentences: ReadonlyArray<{ text: string; start: number; end: number }>,
  tokens: Tokens,
  lexicon: Lexicon,
): SentenceProfile[] {
  let k = 0;
  return sentences.map((s) => {
    while (k < tokens.count && tokens.start[k] < s.start) k++;
    const from = k;
    while (k < tokens.count && tokens.end[k] <= s.end && tokens.start[k] < s.end) k++;
    const straddles =
      (from > 0 && tokens.end[from - 1] > s.start) || (k < tokens.count && tokens.start[k] < s.end);
    return straddles ? profileSentence(s.text, lexicon) : profileTokens(text, tokens, from, k, lexicon);
  });
}

/** The profile of tokens `from` … `to - 1` of `t`, a sentence of `text`. */
function profileTokens(text: string, t: Tokens, from: number, to: number, lexicon: Lexicon): SentenceProfile {
  // One pass over the terms: one lexicon entry per term serves its weight, its vector row and its
  // sense keys. The arrays whose length the term count decides share one buffer.
  const count = termCount(t, from, to);
  const perTerm = new Slab(4 * lexicon.dims + 14 * count);
  const sif = perTerm.f32(lexicon.dims);
  const stemIds = perTerm.u32(count);
  const weight = perTerm.f32(count);
  const vectorRow = perTerm.i32(count).fill(-1);
  const content = perTerm.u8(count);
  const quoteParity = perTerm.u8(count);
  const stems: string[] = [];
  /** Sense keys of each content term, in term order. */
  const senses: Uint32Array[] = [];
  const numbers: number[] = [];
  const names: string[] = [];
  let negations = 0;
  let quoteMarks = 0;
  let contentWeight = 0;
  for (let k = from; k < to; k++) {
    const kind = t.kind[k];
    if (kind === TokenKind.Punct && t.norm[k] === '"') quoteMarks++;
    if (kind !== TokenKind.Word && kind !== TokenKind.Number) continue;
    const i = stems.length;
    // The sentence's first term starts a sentence, whatever the text before it ended with.
    const flags = i === 0 ? t.flags[k] | TokenFlag.SentenceInitial : t.flags[k];
    const norm = t.norm[k];
    const stem = t.stem[k];
    const word = lexicon.entry(norm);
    const isStop = (flags & TokenFlag.Stopword) !== 0;
    stems.push(stem);
    stemIds[i] = hashString(stem);
    quoteParity[i] = quoteMarks & 1;
    weight[i] = rankWeight(kind === TokenKind.Number ? 0 : word.rank);
    if (!isStop) {
      content[i] = 1;
      contentWeight += weight[i];
      senses.push(word.senseKeys);
      if (word.row >= 0) {
        vectorRow[i] = word.row;
        lexicon.addRow(word.row, sifWeight(word.rank), sif);
      }
    }
    if (kind === TokenKind.Number) numbers.push(t.value[k]);
    if (flags & TokenFlag.Negation) negations++;
    if (
      kind === TokenKind.Word &&
      (flags & TokenFlag.Capitalised) !== 0 &&
      (flags & TokenFlag.SentenceInitial) === 0 &&
      !isStop
    ) {
      names.push(nameKey(text.slice(t.start[k], t.end[k])));
    }
  }
  normalise(sif);
  // The rest, sized now that the content terms are known, share a second buffer.
  let senseCount = 0;
  for (const s of senses) senseCount += s.length;
  const gramCounts = [1, 2, 3, 4].map((n) => Math.max(0, count - n + 1));
  const gramTotal = gramCounts[0] + gramCounts[1] + gramCounts[2] + gramCounts[3];
  const indexes = new Slab(4 * (senseCount + 2 * senses.length + gramTotal) + 2 * senseCount);
  const senseKeys = indexes.u32(senseCount);
  const ids = indexes.u32(senses.length);
  const idWeights = indexes.f32(senses.length);
  const grams = gramCounts.map((size, n) => sortedGrams(stemIds, n + 1, indexes.u32(size)));
  const senseTerms = indexes.u16(senseCount);
  senseIndex(senses, content, senseKeys, senseTerms);
  const distinct = contentIndex(stemIds, content, weight, ids, idWeights);
  return {
    contentIds: distinct === ids.length ? ids : ids.subarray(0, distinct),
    contentIdWeights: distinct === ids.length ? idWeights : idWeights.subarray(0, distinct),
    stems,
    stemIds,
    grams,
    senseKeys,
    senseTerms,
    content,
    weight,
    vectorRow,
    numbers,
    names,
    negations,
    quoteParity,
    quoteMarks,
    sif,
    contentWeight,
  };
}

/** Word and number tokens: the terms of a profile. */
function termCount(t: Tokens, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (t.kind[k] === TokenKind.Word || t.kind[k] === TokenKind.Number) count++;
  return count;
}

/**
 * Consecutive typed arrays in one buffer: a typed array of over 64 bytes costs an allocation off
 * the heap, more than filling it does, and a profile holds a dozen. Callers take wide elements
 * before narrow ones, so that every view is aligned.
 */
class Slab {
  private readonly buffer: ArrayBuffer;
  private at = 0;
  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }
  f32(n: number): Float32Array {
    return new Float32Array(this.buffer, this.take(4 * n), n);
  }
  u32(n: number): Uint32Array {
    return new Uint32Array(this.buffer, this.take(4 * n), n);
  }
  i32(n: number): Int32Array {
    return new Int32Array(this.buffer, this.take(4 * n), n);
  }
  u16(n: number): Uint16Array {
    return new Uint16Array(this.buffer, this.take(2 * n), n);
  }
  u8(n: number): Uint8Array {
    return new Uint8Array(this.buffer, this.take(n), n);
  }
  private take(bytes: number): number {
    const at = this.at;
    this.at += bytes;
    return at;
  }
}

/**
 * Writes the distinct content term ids, sorted, into `ids`, each with the weight of its last
 * occurrence, and returns how many there are. Insertion into a sorted prefix: a sentence has tens
 * of content terms, too few for a sort or a map to pay.
 */
function contentIndex(
  stemIds: Uint32Array,
  content: Uint8Array,
  weight: Float32Array,
  ids: Uint32Array,
  weights: Float32Array,
): number {
  let m = 0;
  for (let k = 0; k < content.length; k++) {
    if (!content[k]) continue;
    const id = stemIds[k];
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo === m || ids[lo] !== id) {
      ids.copyWithin(lo + 1, lo, m);
      weights.copyWithin(lo + 1, lo, m);
      ids[lo] = id;
      m++;
    }
    weights[lo] = weight[k];
  }
  return m;
}

/** Fills `out` with the sorted hashes of the n-grams of `ids`: two multisets intersect in one merge. */
function sortedGrams(ids: Uint32Array, n: number, out: Uint32Array): Uint32Array {
  for (let k = 0; k < out.length; k++) {
    let h = ids[k];
    for (let t = 1; t < n; t++) h = Math.imul(h ^ ids[k + t], 0x01000193) + n;
    out[k] = h >>> 0;
  }
  return out.sort();
}

/**
 * Fills `keys` with the content terms' sense keys, ordered by key and then term, and `terms` with
 * the term of each. Each term's keys are sorted already, so the terms' runs are merged pairwise
 * (a stable merge keeps equal keys in term order) rather than sorted.
 */
function senseIndex(
  senses: readonly Uint32Array[],
  content: Uint8Array,
  keys: Uint32Array,
  terms: Uint16Array,
): void {
  let passes = 0;
  while (1 << passes < senses.length) passes++;
  // Passes alternate between a scratch pair and the output: start where the last pass ends in `keys`.
  let fromKeys = keys;
  let fromTerms = terms;
  let toKeys = keys;
  let toTerms = terms;
  if (passes > 0) {
    const scratch = new ArrayBuffer(6 * keys.length);
    const scratchKeys = new Uint32Array(scratch, 0, keys.length);
    const scratchTerms = new Uint16Array(scratch, 4 * keys.length, keys.length);
    if (passes % 2 === 1) [fromKeys, fromTerms] = [scratchKeys, scratchTerms];
    else [toKeys, toTerms] = [scratchKeys, scratchTerms];
  }
  // Run r of the concatenation ends at ends[r].
  let ends: number[] = [];
  let at = 0;
  let run = 0;
  for (let k = 0; k < content.length; k++) {
    if (!content[k]) continue;
    const s = senses[run++];
    for (let p = 0; p < s.length; p++) {
      fromKeys[at] = s[p];
      fromTerms[at++] = k;
    }
    ends.push(at);
  }
  for (let pass = 0; pass < passes; pass++) {
    const merged: number[] = [];
    for (let r = 0; r < ends.length; r += 2) {
      const lo = r === 0 ? 0 : ends[r - 1];
      const mid = ends[r];
      const hi = r + 1 < ends.length ? ends[r + 1] : mid;
      mergeRuns(fromKeys, fromTerms, lo, mid, hi, toKeys, toTerms);
      merged.push(hi);
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromTerms, toTerms] = [toTerms, fromTerms];
    ends = merged;
  }
}

/** Merges sorted runs [lo, mid) and [mid, hi) into the same place of `toKeys`; ties from the left. */
function mergeRuns(
  keys: Uint32Array,
  terms: Uint16Array,
  lo: number,
  mid: number,
  hi: number,
  toKeys: Uint32Array,
  toTerms: Uint16Array,
): void {
  let i = lo;
  let j = mid;
  let o = lo;
  if (i < mid && j < hi) {
    // The two heads stay in locals: each step reads one new key.
    let x = keys[i];
    let y = keys[j];
    for (;;) {
      if (y < x) {
        toKeys[o] = y;
        toTerms[o++] = terms[j];
        if (++j === hi) break;
        y = keys[j];
      } else {
        toKeys[o] = x;
        toTerms[o++] = terms[i];
        if (++i === mid) break;
        x = keys[i];
      }
    }
  }
  for (; i < mid; i++, o++) {
    toKeys[o] = keys[i];
    toTerms[o] = terms[i];
  }
  for (; j < hi; j++, o++) {
    toKeys[o] = keys[j];
    toTerms[o] = terms[j];
  }
}

/**
 * Marks `out[i * b.stems.length + j]` for every term i of `a` and j of `b` that share a sense key.
 * Runs of equal keys are crossed: a word with two senses in common is marked once either way.
 */
export function markSynonyms(a: SentenceProfile, b: SentenceProfile, out: Uint8Array): void {
  const x = a.senseKeys;
  const y = b.senseKeys;
  const nb = b.stems.length;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] < y[j]) i++;
    else if (x[i] > y[j]) j++;
    else {
      const key = x[i];
      let iEnd = i;
      while (iEnd < x.length && x[iEnd] === key) iEnd++;
      let jEnd = j;
      while (jEnd < y.length && y[jEnd] === key) jEnd++;
      for (let p = i; p < iEnd; p++)
        for (let q = j; q < jEnd; q++) out[a.senseTerms[p] * nb + b.senseTerms[q]] = 1;
      i = iEnd;
      j = jEnd;
    }
  }
}

export function normalise(v: Float32Array): void {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d] * v[d];
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let d = 0; d < v.length; d++) v[d] *= inv;
}

export function dot(a: Float32Array, b: Float32Array, ao = 0, bo = 0, dims = a.length): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[ao + d] * b[bo + d];
  return s;
}
