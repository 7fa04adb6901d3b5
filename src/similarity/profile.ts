/**
 * A sentence's comparison profile: everything the pair features need, computed once per sentence
 * so that comparing two articles costs O(sentences) profiles and O(candidate pairs) features.
 */

import { hashString } from '../text/hash.js';
import { nameKey, TokenFlag, TokenKind, tokenize } from '../text/index.js';
import type { Lexicon } from '../text/lexicon/types.js';

export interface SentenceProfile {
  /** Stems of word and number tokens in order (punctuation and symbols dropped). */
  stems: string[];
  /** Canonical surface forms, parallel to `stems` (lemma-able words for vectors and WordNet). */
  norms: string[];
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
  const dims = lexicon.dims;
  const stems: string[] = [];
  const norms: string[] = [];
  const contentFlags: number[] = [];
  const weights: number[] = [];
  const numbers: number[] = [];
  const names: string[] = [];
  let negations = 0;
  const parity: number[] = [];
  let quoteMarks = 0;
  for (let k = 0; k < t.count; k++) {
    const kind = t.kind[k];
    if (kind === TokenKind.Punct && t.norm[k] === '"') quoteMarks++;
    if (kind !== TokenKind.Word && kind !== TokenKind.Number) continue;
    parity.push(quoteMarks & 1);
    const flags = t.flags[k];
    const norm = t.norm[k];
    stems.push(t.stem[k]);
    norms.push(norm);
    const isStop = (flags & TokenFlag.Stopword) !== 0;
    contentFlags.push(isStop ? 0 : 1);
    weights.push(kind === TokenKind.Number ? rankWeight(0) : rankWeight(lexicon.entry(norm).rank));
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
  const count = stems.length;
  const content = Uint8Array.from(contentFlags);
  const weight = Float32Array.from(weights);
  const vectorRow = new Int32Array(count).fill(-1);
  const sif = new Float32Array(dims);
  let contentWeight = 0;
  for (let k = 0; k < count; k++) {
    if (!content[k]) continue;
    contentWeight += weight[k];
    const word = lexicon.entry(norms[k]);
    if (word.row < 0) continue;
    vectorRow[k] = word.row;
    lexicon.addRow(word.row, sifWeight(word.rank), sif);
  }
  normalise(sif);
  const stemIds = Uint32Array.from(stems, hashString);
  const { keys: senseKeys, terms: senseTerms } = senseIndex(norms, content, lexicon);
  const byId = new Map<number, number>();
  for (let k = 0; k < count; k++) if (content[k]) byId.set(stemIds[k], weight[k]);
  const contentIds = Uint32Array.from(byId.keys()).sort();
  const contentIdWeights = Float32Array.from(contentIds, (id) => byId.get(id) as number);
  return {
    contentIds,
    contentIdWeights,
    stems,
    stemIds,
    grams: [1, 2, 3, 4].map((n) => sortedGrams(stemIds, n)),
    senseKeys,
    senseTerms,
    norms,
    content,
    weight,
    vectorRow,
    numbers,
    names,
    negations,
    quoteParity: Uint8Array.from(parity),
    quoteMarks,
    sif,
    contentWeight,
  };
}

/** Hashes of the n-grams of a term sequence, sorted so that two multisets intersect in one merge. */
function sortedGrams(ids: Uint32Array, n: number): Uint32Array {
  const count = Math.max(0, ids.length - n + 1);
  const out = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    let h = ids[k];
    for (let t = 1; t < n; t++) h = Math.imul(h ^ ids[k + t], 0x01000193) + n;
    out[k] = h >>> 0;
  }
  return out.sort();
}

function senseIndex(
  norms: string[],
  content: Uint8Array,
  lexicon: Lexicon,
): { keys: Uint32Array; terms: Uint16Array } {
  // Each (key, term) packed into one exact double, key high: a native numeric sort orders them.
  let size = 0;
  for (let k = 0; k < norms.length; k++) if (content[k]) size += lexicon.entry(norms[k]).senseKeys.length;
  const packed = new Float64Array(size);
  let at = 0;
  for (let k = 0; k < norms.length; k++) {
    if (!content[k]) continue;
    for (const key of lexicon.entry(norms[k]).senseKeys) packed[at++] = key * 65536 + k;
  }
  packed.sort();
  const keys = new Uint32Array(size);
  const terms = new Uint16Array(size);
  for (let p = 0; p < size; p++) {
    keys[p] = Math.floor(packed[p] / 65536);
    terms[p] = packed[p] % 65536;
  }
  return { keys, terms };
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

/** Summed weight of the content stems two sentences share (weights of the first). */
export function sharedContentWeight(a: SentenceProfile, b: SentenceProfile): number {
  const x = a.contentIds;
  const y = b.contentIds;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      sum += a.contentIdWeights[i];
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return sum;
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
