/**
 * A sentence's comparison profile: everything the pair features need, computed once per sentence
 * so that comparing two articles costs O(sentences) profiles and O(candidate pairs) features.
 */

import { hashString } from '../text/hash.js';
import { nameKey, TokenFlag, TokenKind, type Tokens, tokenize } from '../text/index.js';
import type { Lexicon } from '../text/lexicon/types.js';

/**
 * The comparison profiles of an article's sentences (or of one sentence): everything the pair
 * features need, computed once per sentence so that comparing two articles costs O(sentences)
 * profiles and O(candidate pairs) features.
 *
 * Article-wide arrays, not an object per sentence: a prepared article crosses from a worker thread
 * and waits in caches, and both costs grow with the number of typed arrays (structured cloning
 * and the garbage collector pay per array, ~450 an article as objects, ~20 so). Sentence `s` owns
 * a window of each array, given by the matching `…Start` offsets: its terms are
 * `termStart[s]` … `termStart[s + 1] - 1` of the per-term arrays.
 */
export interface Profiles {
  /** Number of sentences. */
  count: number;
  /** Offsets of each sentence's terms (word and number tokens in order; punctuation dropped). */
  termStart: Uint32Array;
  /** Per term: its stem. */
  stems: string[];
  /** Per term: 32-bit hash of its stem, compared as numbers in the n-gram and order features. */
  stemIds: Uint32Array;
  /** Per term: 1 where it carries content (not a stopword). */
  content: Uint8Array;
  /** Per term: informativeness, an IDF estimated from the word's frequency rank. */
  weight: Float32Array;
  /**
   * Per term: row of its vector in `Lexicon.vectors`, -1 for stopwords and for words without one.
   * Rows, not copies.
   */
  vectorRow: Int32Array;
  /**
   * Per term: 1 where an odd number of double quote marks precede it in its sentence. A quotation
   * may run over several sentences, so the article decides what is quoted: a term is inside quotes
   * when its parity plus the marks of earlier sentences (`quoteMarks`) is odd.
   */
  quoteParity: Uint8Array;
  /**
   * Sorted hashes of each sentence's 1- to 4-grams of `stemIds` (multisets, for clipped counts):
   * sentence s's n-grams are `gramStart[4s + n - 1]` … `gramStart[4s + n] - 1`.
   */
  gramStart: Uint32Array;
  grams: Uint32Array;
  /** Each sentence's distinct content stems as sorted hashes, with their weights: for merges. */
  contentStart: Uint32Array;
  contentIds: Uint32Array;
  contentIdWeights: Float32Array;
  /**
   * WordNet sense keys of each sentence's content terms, sorted, with the term (its index within
   * the sentence) each belongs to: two terms are synonyms (`Lexicon.synonyms`) exactly when they
   * share a key, so one merge of two sentences' keys finds every synonym pair.
   */
  senseStart: Uint32Array;
  senseKeys: Uint32Array;
  senseTerms: Uint16Array;
  /** Numeric values of each sentence's number tokens (canonical: "a million" = 1e6). */
  numberStart: Uint32Array;
  numbers: Float64Array;
  /** Name keys of each sentence's proper-name tokens that are not sentence-initial. */
  nameStart: Uint32Array;
  names: string[];
  /** Per sentence: negation words, double quote marks, and the sum of `weight` over content terms. */
  negations: Uint16Array;
  quoteMarks: Uint16Array;
  contentWeight: Float64Array;
  /** Per sentence, `dims` values from `s * dims`: the SIF-weighted mean of its content vectors, unit length (zeros if none). */
  dims: number;
  sif: Float32Array;
}

/** Number of terms of sentence `s`. */
export const termsOf = (p: Profiles, s: number): number => p.termStart[s + 1] - p.termStart[s];

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

/** The profile of one sentence (`count` 1). */
export function profileSentence(text: string, lexicon: Lexicon): Profiles {
  return packProfiles([profileAlone(text, lexicon)], lexicon.dims);
}

function profileAlone(text: string, lexicon: Lexicon): SentenceParts {
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
): Profiles {
  let k = 0;
  const parts = sentences.map((s) => {
    while (k < tokens.count && tokens.start[k] < s.start) k++;
    const from = k;
    while (k < tokens.count && tokens.end[k] <= s.end && tokens.start[k] < s.end) k++;
    const straddles =
      (from > 0 && tokens.end[from - 1] > s.start) || (k < tokens.count && tokens.start[k] < s.end);
    return straddles ? profileAlone(s.text, lexicon) : profileTokens(text, tokens, from, k, lexicon);
  });
  return packProfiles(parts, lexicon.dims);
}

/** One sentence's profile while its article's is built: the windows `Profiles` holds, as arrays of their own. */
interface SentenceParts {
  stems: string[];
  stemIds: Uint32Array;
  grams: Uint32Array[];
  contentIds: Uint32Array;
  contentIdWeights: Float32Array;
  senseKeys: Uint32Array;
  senseTerms: Uint16Array;
  content: Uint8Array;
  weight: Float32Array;
  vectorRow: Int32Array;
  numbers: number[];
  names: string[];
  negations: number;
  quoteParity: Uint8Array;
  quoteMarks: number;
  sif: Float32Array;
  contentWeight: number;
}

/** The sentences' parts laid end to end: one buffer holds every numeric array. */
function packProfiles(parts: readonly SentenceParts[], dims: number): Profiles {
  const count = parts.length;
  let terms = 0;
  let grams = 0;
  let contents = 0;
  let senses = 0;
  let numbers = 0;
  for (const p of parts) {
    terms += p.stemIds.length;
    for (const g of p.grams) grams += g.length;
    contents += p.contentIds.length;
    senses += p.senseKeys.length;
    numbers += p.numbers.length;
  }
  // Widest elements first, so that every view is aligned.
  const slab = new Slab(
    8 * (numbers + count) +
      4 * (count * dims + 5 * (count + 1) + (4 * count + 1) + 3 * terms + grams + 2 * contents + senses) +
      2 * (senses + 2 * count) +
      2 * terms,
  );
  const out: Profiles = {
    count,
    numbers: slab.f64(numbers),
    contentWeight: slab.f64(count),
    sif: slab.f32(count * dims),
    termStart: slab.u32(count + 1),
    gramStart: slab.u32(4 * count + 1),
    contentStart: slab.u32(count + 1),
    senseStart: slab.u32(count + 1),
    numberStart: slab.u32(count + 1),
    nameStart: slab.u32(count + 1),
    stemIds: slab.u32(terms),
    weight: slab.f32(terms),
    vectorRow: slab.i32(terms),
    grams: slab.u32(grams),
    contentIds: slab.u32(contents),
    contentIdWeights: slab.f32(contents),
    senseKeys: slab.u32(senses),
    senseTerms: slab.u16(senses),
    negations: slab.u16(count),
    quoteMarks: slab.u16(count),
    content: slab.u8(terms),
    quoteParity: slab.u8(terms),
    stems: [],
    names: [],
    dims,
  };
  let t = 0;
  let g = 0;
  let c = 0;
  let k = 0;
  let n = 0;
  parts.forEach((p, s) => {
    out.termStart[s] = t;
    out.stemIds.set(p.stemIds, t);
    out.weight.set(p.weight, t);
    out.vectorRow.set(p.vectorRow, t);
    out.content.set(p.content, t);
    out.quoteParity.set(p.quoteParity, t);
    for (const stem of p.stems) out.stems.push(stem);
    t += p.stemIds.length;
    p.grams.forEach((gs, order) => {
      out.gramStart[4 * s + order] = g;
      out.grams.set(gs, g);
      g += gs.length;
    });
    out.contentStart[s] = c;
    out.contentIds.set(p.contentIds, c);
    out.contentIdWeights.set(p.contentIdWeights, c);
    c += p.contentIds.length;
    out.senseStart[s] = k;
    out.senseKeys.set(p.senseKeys, k);
    out.senseTerms.set(p.senseTerms, k);
    k += p.senseKeys.length;
    out.numberStart[s] = n;
    out.numbers.set(p.numbers, n);
    n += p.numbers.length;
    out.nameStart[s] = out.names.length;
    for (const name of p.names) out.names.push(name);
    out.negations[s] = p.negations;
    out.quoteMarks[s] = p.quoteMarks;
    out.contentWeight[s] = p.contentWeight;
    out.sif.set(p.sif, s * dims);
  });
  out.termStart[count] = t;
  out.gramStart[4 * count] = g;
  out.contentStart[count] = c;
  out.senseStart[count] = k;
  out.numberStart[count] = n;
  out.nameStart[count] = out.names.length;
  return out;
}

/** The profile of tokens `from` … `to - 1` of `t`, a sentence of `text`. */
function profileTokens(text: string, t: Tokens, from: number, to: number, lexicon: Lexicon): SentenceParts {
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
  f64(n: number): Float64Array {
    return new Float64Array(this.buffer, this.take(8 * n), n);
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
 * Marks `out[i * nb + j]` for every term i of sentence `s` of `a` and j of sentence `t` of `b`
 * (`nb` terms) that share a sense key. Runs of equal keys are crossed: a word with two senses in
 * common is marked once either way.
 */
export function markSynonyms(a: Profiles, s: number, b: Profiles, t: number, out: Uint8Array): void {
  const x = a.senseKeys;
  const y = b.senseKeys;
  const nb = termsOf(b, t);
  const xEnd = a.senseStart[s + 1];
  const yEnd = b.senseStart[t + 1];
  let i = a.senseStart[s];
  let j = b.senseStart[t];
  while (i < xEnd && j < yEnd) {
    if (x[i] < y[j]) i++;
    else if (x[i] > y[j]) j++;
    else {
      const key = x[i];
      let iEnd = i;
      while (iEnd < xEnd && x[iEnd] === key) iEnd++;
      let jEnd = j;
      while (jEnd < yEnd && y[jEnd] === key) jEnd++;
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
