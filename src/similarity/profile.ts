/**
 * A sentence's comparison profile: everything the pair features need, computed once per sentence
 * so that comparing two articles costs O(sentences) profiles and O(candidate pairs) features.
 */

import { nameKey, stemHash, TokenFlag, TokenKind, type Tokens, tokenize, wordEntry } from '../text/index.js';
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
  /**
   * Every term's stem, end to end (`stemOf` reads one): one string, not one per term, for an
   * article's ~600 stem strings were half the objects of a prepared article, each copied when a
   * worker sends it and each marked by every collection of the heap that caches it.
   */
  stems: string;
  /** Per term: where its stem ends in `stems` (it starts where the term before it ends). */
  stemEnd: Uint32Array;
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
   * Per term: 1 where an odd number of quotation marks precede it in its sentence (double ones, and
   * single ones `singleQuoteMark` takes for quotation marks). A term is inside quotes when its
   * parity plus its sentence's `quoteOpen` is odd.
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
  /** Per sentence: negation words, and the sum of `weight` over content terms. */
  negations: Uint16Array;
  contentWeight: Float64Array;
  /**
   * Per sentence: 1 where a quotation is open at its start. A quotation may run over several
   * sentences, but one still open at a paragraph's end closes there: news style re-opens a
   * quotation that runs on into the next paragraph with a mark of its own, and a stray mark (a
   * quotation cut short) then spoils one paragraph, not the rest of the article.
   */
  quoteOpen: Uint8Array;
  /**
   * Per sentence, `dims` values from `s * dims`: the SIF-weighted mean of its content vectors,
   * unit length (zeros if none).
   */
  dims: number;
  sif: Float32Array;
}

/** The stem of term `k`. */
export const stemOf = (p: Profiles, k: number): string =>
  p.stems.slice(k > 0 ? p.stemEnd[k - 1] : 0, p.stemEnd[k]);

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
  const w = startWriting(1, lexicon.dims);
  const t = tokenize(text);
  profileTokens(w, text, t, 0, t.count, lexicon);
  return finish(w);
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
  const w = startWriting(sentences.length, lexicon.dims);
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.count && tokens.start[k] < s.start) k++;
    const from = k;
    while (k < tokens.count && tokens.end[k] <= s.end && tokens.start[k] < s.end) k++;
    const straddles =
      (from > 0 && tokens.end[from - 1] > s.start) || (k < tokens.count && tokens.start[k] < s.end);
    if (straddles) {
      const alone = tokenize(s.text);
      profileTokens(w, s.text, alone, 0, alone.count, lexicon);
    } else profileTokens(w, text, tokens, from, k, lexicon);
  }
  for (let s = 1; s < sentences.length; s++)
    w.paragraphStart[s] = text.slice(sentences[s - 1].end, sentences[s].start).includes('\n') ? 1 : 0;
  return finish(w);
}

type Column = Float64Array | Float32Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

/** `column`, or a copy of it at least `need` long: columns grow and keep what they hold. */
function grown<T extends Column>(column: T, need: number): T {
  if (column.length >= need) return column;
  const bigger = new (column.constructor as new (n: number) => T)(Math.max(need, 2 * column.length));
  bigger.set(column as never);
  return bigger;
}

/**
 * The columns of the article being profiled, grown to the largest article seen and reused by the
 * next: its sentences are written end to end into them, and its own arrays are cut from them once,
 * at the end (`finish`), so that profiling allocates no typed array per sentence. Nothing outside
 * one synchronous call sees them.
 */
const columns = {
  stemIds: new Uint32Array(1024),
  weight: new Float32Array(1024),
  vectorRow: new Int32Array(1024),
  content: new Uint8Array(1024),
  quoteParity: new Uint8Array(1024),
  grams: new Uint32Array(4096),
  contentIds: new Uint32Array(1024),
  contentIdWeights: new Float32Array(1024),
  senseKeys: new Uint32Array(4096),
  senseTerms: new Uint16Array(4096),
  numbers: new Float64Array(256),
  sif: new Float32Array(100 * 64),
  /** One sentence's SIF vector while it is summed. */
  sifRow: new Float32Array(100),
  /** The sense index's merge passes (`senseIndex`). */
  mergeKeys: [new Uint32Array(1024), new Uint32Array(1024)],
  mergeTerms: [new Uint16Array(1024), new Uint16Array(1024)],
};

/** An article's profiles being written: how far each column is filled, and its per-sentence values. */
interface Writer {
  dims: number;
  sentence: number;
  terms: number;
  grams: number;
  contents: number;
  senses: number;
  numbers: number;
  stems: string[];
  names: string[];
  /** Per sentence, then one past the last: where its window of each column starts. */
  termStart: Uint32Array;
  gramStart: Uint32Array;
  contentStart: Uint32Array;
  senseStart: Uint32Array;
  numberStart: Uint32Array;
  nameStart: Uint32Array;
  negations: Uint16Array;
  /** Per sentence: its quotation marks, and 1 where it starts a paragraph. */
  quoteMarks: Uint16Array;
  paragraphStart: Uint8Array;
  contentWeight: Float64Array;
}

function startWriting(count: number, dims: number): Writer {
  // The per-sentence arrays are the article's own: their sizes are known now.
  const slab = new Slab(8 * count + 4 * (5 * (count + 1) + 4 * count + 1) + 2 * 2 * count + count);
  columns.sif = grown(columns.sif, count * dims);
  if (columns.sifRow.length !== dims) columns.sifRow = new Float32Array(dims);
  return {
    dims,
    sentence: 0,
    terms: 0,
    grams: 0,
    contents: 0,
    senses: 0,
    numbers: 0,
    stems: [],
    names: [],
    contentWeight: slab.f64(count),
    termStart: slab.u32(count + 1),
    gramStart: slab.u32(4 * count + 1),
    contentStart: slab.u32(count + 1),
    senseStart: slab.u32(count + 1),
    numberStart: slab.u32(count + 1),
    nameStart: slab.u32(count + 1),
    negations: slab.u16(count),
    quoteMarks: slab.u16(count),
    paragraphStart: slab.u8(count),
  };
}

/** The article's profiles: its columns cut from the shared ones into one buffer of its own. */
function finish(w: Writer): Profiles {
  const count = w.sentence;
  w.termStart[count] = w.terms;
  w.gramStart[4 * count] = w.grams;
  w.contentStart[count] = w.contents;
  w.senseStart[count] = w.senses;
  w.numberStart[count] = w.numbers;
  w.nameStart[count] = w.names.length;
  const { terms, grams, contents, senses, numbers, dims } = w;
  // Widest elements first, so that every view is aligned.
  const slab = new Slab(
    8 * numbers +
      4 * (count * dims + 4 * terms + grams + 2 * contents + senses) +
      2 * senses +
      2 * terms +
      count,
  );
  const cut = <T extends Column>(into: T, from: T, n: number): T => {
    into.set(from.subarray(0, n) as never);
    return into;
  };
  return {
    count,
    termStart: w.termStart,
    numbers: cut(slab.f64(numbers), columns.numbers, numbers),
    sif: cut(slab.f32(count * dims), columns.sif, count * dims),
    stemIds: cut(slab.u32(terms), columns.stemIds, terms),
    stemEnd: stemEnds(w.stems, slab.u32(terms)),
    weight: cut(slab.f32(terms), columns.weight, terms),
    vectorRow: cut(slab.i32(terms), columns.vectorRow, terms),
    grams: cut(slab.u32(grams), columns.grams, grams),
    contentIds: cut(slab.u32(contents), columns.contentIds, contents),
    contentIdWeights: cut(slab.f32(contents), columns.contentIdWeights, contents),
    senseKeys: cut(slab.u32(senses), columns.senseKeys, senses),
    senseTerms: cut(slab.u16(senses), columns.senseTerms, senses),
    content: cut(slab.u8(terms), columns.content, terms),
    quoteParity: cut(slab.u8(terms), columns.quoteParity, terms),
    gramStart: w.gramStart,
    contentStart: w.contentStart,
    senseStart: w.senseStart,
    numberStart: w.numberStart,
    nameStart: w.nameStart,
    stems: w.stems.join(''),
    names: w.names,
    negations: w.negations,
    contentWeight: w.contentWeight,
    quoteOpen: quotesOpen(w, slab.u8(count)),
    dims,
  };
}

/**
 * Whether the single quote at `at` marks a quotation (British style: 'It went well,' she said)
 * rather than an elision or a plural's possessive (rock 'n' roll, the '90s, the players' union): it
 * opens a word after a space or an opening mark, or closes one before a space or a stop.
 */
export function singleQuoteMark(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : ' ';
  const after = at + 1 < text.length ? text[at + 1] : ' ';
  if (OPENS_AFTER.test(before)) return WORD.test(after) && !ELISION.test(text.slice(at + 1, at + 4));
  if (!CLOSES_BEFORE.test(after) || ELISION_CLOSED.test(text.slice(Math.max(0, at - 2), at))) return false;
  // "the players' union": a plural's possessive, followed by the word it qualifies.
  if ((before === 's' || before === 'S') && after === ' ' && /[a-z]/.test(text[at + 2] ?? '')) return false;
  return WORD.test(before) || /[.,;:!?]/.test(before);
}

const WORD = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{"\u201c\u2014\u2013-]/;
const CLOSES_BEFORE = /[\s.,;:!?)\]}"\u201d\u2014\u2013-]/;
/** Elisions a single quote opens: rock 'n' roll, the '90s. */
const ELISION = /^(n['\u2019]|\d\ds)/i;
/** ...and the one it closes: rock 'n' roll. */
const ELISION_CLOSED = /['\u2018\u2019]n$/i;

/** Whether a quotation is open at each sentence's start (`Profiles.quoteOpen`), into `open`. */
function quotesOpen(w: Writer, open: Uint8Array): Uint8Array {
  let parity = 0;
  for (let s = 0; s < open.length; s++) {
    if (w.paragraphStart[s]) parity = 0;
    open[s] = parity;
    parity = (parity + w.quoteMarks[s]) & 1;
  }
  return open;
}

/** Where each of `stems` ends when they are joined, into `ends`. */
function stemEnds(stems: readonly string[], ends: Uint32Array): Uint32Array {
  let at = 0;
  for (let k = 0; k < stems.length; k++) ends[k] = at += stems[k].length;
  return ends;
}

/** Appends the profile of tokens `from` … `to - 1` of `t`, a sentence of `text`, to `w`. */
function profileTokens(w: Writer, text: string, t: Tokens, from: number, to: number, lexicon: Lexicon): void {
  // One pass over the terms: one lexicon entry per term serves its weight, its vector row and its
  // sense keys.
  const count = termCount(t, from, to);
  const s = w.sentence++;
  const t0 = w.terms;
  const end = t0 + count;
  const c = columns;
  c.stemIds = grown(c.stemIds, end);
  c.weight = grown(c.weight, end);
  c.vectorRow = grown(c.vectorRow, end);
  c.content = grown(c.content, end);
  c.quoteParity = grown(c.quoteParity, end);
  c.numbers = grown(c.numbers, w.numbers + count);
  const { stemIds, weight, vectorRow, content, quoteParity, numbers } = c;
  const sif = c.sifRow.fill(0);
  /** Sense keys of each content term, in term order. */
  const senses: Uint32Array[] = [];
  w.termStart[s] = t0;
  w.numberStart[s] = w.numbers;
  w.nameStart[s] = w.names.length;
  let i = t0;
  let negations = 0;
  let quoteMarks = 0;
  let contentWeight = 0;
  for (let k = from; k < to; k++) {
    const kind = t.kind[k];
    if (
      kind === TokenKind.Punct &&
      (t.norm[k] === '"' || (t.norm[k] === "'" && singleQuoteMark(text, t.start[k])))
    )
      quoteMarks++;
    if (kind !== TokenKind.Word && kind !== TokenKind.Number) continue;
    // The sentence's first term starts a sentence, whatever the text before it ended with.
    const flags = i === t0 ? t.flags[k] | TokenFlag.SentenceInitial : t.flags[k];
    const word = wordEntry(t, k, lexicon);
    const isStop = (flags & TokenFlag.Stopword) !== 0;
    w.stems.push(t.stem[k]);
    stemIds[i] = stemHash(t, k);
    quoteParity[i] = quoteMarks & 1;
    weight[i] = rankWeight(kind === TokenKind.Number ? 0 : word.rank);
    content[i] = 0;
    vectorRow[i] = -1;
    if (!isStop) {
      content[i] = 1;
      contentWeight += weight[i];
      senses.push(word.senseKeys);
      if (word.row >= 0) {
        vectorRow[i] = word.row;
        lexicon.addRow(word.row, sifWeight(word.rank), sif);
      }
    }
    if (kind === TokenKind.Number) numbers[w.numbers++] = t.value[k];
    if (flags & TokenFlag.Negation) negations++;
    if (
      kind === TokenKind.Word &&
      (flags & TokenFlag.Capitalised) !== 0 &&
      (flags & TokenFlag.SentenceInitial) === 0 &&
      !isStop
    ) {
      w.names.push(nameKey(text.slice(t.start[k], t.end[k])));
    }
    i++;
  }
  w.terms = end;
  normalise(sif);
  c.sif.set(sif, s * w.dims);
  w.negations[s] = negations;
  w.quoteMarks[s] = quoteMarks;
  w.contentWeight[s] = contentWeight;

  w.gramStart[4 * s] = w.grams;
  c.grams = grown(c.grams, w.grams + 4 * count);
  for (let n = 1; n <= 4; n++) {
    w.grams = sortedGrams(stemIds, t0, count, n, c.grams, w.grams);
    w.gramStart[4 * s + n] = w.grams;
  }
  let senseCount = 0;
  for (const keys of senses) senseCount += keys.length;
  w.senseStart[s] = w.senses;
  w.senses = senseIndex(senses, senseCount, content, t0, count, w.senses);
  w.contentStart[s] = w.contents;
  c.contentIds = grown(c.contentIds, w.contents + senses.length);
  c.contentIdWeights = grown(c.contentIdWeights, w.contents + senses.length);
  w.contents += contentIndex(
    stemIds,
    content,
    weight,
    t0,
    count,
    c.contentIds,
    c.contentIdWeights,
    w.contents,
  );
}

/** Word and number tokens: the terms of a profile. */
function termCount(t: Tokens, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (t.kind[k] === TokenKind.Word || t.kind[k] === TokenKind.Number) count++;
  return count;
}

/**
 * Consecutive typed arrays in one buffer: a typed array of over 64 bytes costs an allocation off
 * the heap, more than filling it does, and an article's profiles hold twenty. Callers take wide
 * elements before narrow ones, so that every view is aligned.
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
 * Writes the distinct content term ids of the `count` terms from `t0`, sorted, into `ids` from
 * `at`, each with the weight of its last occurrence, and returns how many there are. Insertion
 * into a sorted prefix: a sentence has tens of content terms, too few for a sort or a map to pay.
 */
function contentIndex(
  stemIds: Uint32Array,
  content: Uint8Array,
  weight: Float32Array,
  t0: number,
  count: number,
  ids: Uint32Array,
  weights: Float32Array,
  at: number,
): number {
  let m = at;
  for (let k = t0; k < t0 + count; k++) {
    if (!content[k]) continue;
    const id = stemIds[k];
    let lo = at;
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
  return m - at;
}

/**
 * Writes the sorted hashes of the n-grams of the `count` ids from `t0` into `out` from `at`, and
 * returns where they end: two multisets intersect in one merge.
 */
function sortedGrams(
  ids: Uint32Array,
  t0: number,
  count: number,
  n: number,
  out: Uint32Array,
  at: number,
): number {
  const size = Math.max(0, count - n + 1);
  for (let k = 0; k < size; k++) {
    let h = ids[t0 + k];
    for (let t = 1; t < n; t++) h = Math.imul(h ^ ids[t0 + k + t], 0x01000193) + n;
    out[at + k] = h >>> 0;
  }
  if (size > 1) out.subarray(at, at + size).sort();
  return at + size;
}

/**
 * Writes the content terms' sense keys (`senses`, `total` keys, one run per content term of the
 * `count` terms from `t0`), ordered by key and then term, into the sense columns from `at`, each
 * with its term's index in the sentence; returns where they end. Each term's keys are sorted
 * already, so the terms' runs are merged pairwise (a stable merge keeps equal keys in term order)
 * rather than sorted.
 */
function senseIndex(
  senses: readonly Uint32Array[],
  total: number,
  content: Uint8Array,
  t0: number,
  count: number,
  at: number,
): number {
  const c = columns;
  for (let x = 0; x < 2; x++) {
    c.mergeKeys[x] = grown(c.mergeKeys[x], total);
    c.mergeTerms[x] = grown(c.mergeTerms[x], total);
  }
  let [fromKeys, toKeys] = c.mergeKeys;
  let [fromTerms, toTerms] = c.mergeTerms;
  // Run r of the concatenation ends at ends[r].
  let ends: number[] = [];
  let filled = 0;
  let run = 0;
  for (let k = 0; k < count; k++) {
    if (!content[t0 + k]) continue;
    const keys = senses[run++];
    for (let p = 0; p < keys.length; p++) {
      fromKeys[filled] = keys[p];
      fromTerms[filled++] = k;
    }
    ends.push(filled);
  }
  while (ends.length > 1) {
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
  c.senseKeys = grown(c.senseKeys, at + total);
  c.senseTerms = grown(c.senseTerms, at + total);
  c.senseKeys.set(fromKeys.subarray(0, total), at);
  c.senseTerms.set(fromTerms.subarray(0, total), at);
  return at + total;
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
