/**
 * Features of a sentence pair for the paraphrase model. Each answers one question a reader asks
 * when deciding whether two sentences say the same thing: how much of each one's content the
 * other holds (exactly, as a synonym, or as a near word vector), whether the word order survived,
 * and whether the anchors — numbers, names, negations — agree.
 */
import type { Lexicon } from '../text/lexicon/types.js';
import { dot, markSynonyms, type SentenceProfile } from './profile.js';

export const featureNames = [
  'contentA',
  'contentB',
  'lengthRatio',
  'unigramDice',
  'exactInB',
  'exactInA',
  'softInB',
  'softInA',
  'softMin',
  'unmatchedA',
  'unmatchedB',
  'unmatchedMax',
  'bigramDice',
  'trigramDice',
  'lcsMin',
  'lcsMax',
  'sifCosine',
  'numbersA',
  'numbersB',
  'numbersUnmatched',
  'numbersAgree',
  'namesUnmatchedA',
  'namesUnmatchedB',
  'negationDiffers',
  'bleuAB',
  'bleuBA',
] as const;

export type FeatureName = (typeof featureNames)[number];

/** Similarity of two words that counts as "the other sentence holds this word". */
const SOFT_MATCH = 0.5;
/** Credit for a WordNet synonym: strong, yet below an exact match. */
const SYNONYM = 0.9;

export interface PairFeatures {
  /** Values in `featureNames` order. */
  values: Float64Array;
  /** Weighted share of A's content found in B (soft). */
  softInB: number;
  softInA: number;
  /** Longest common subsequence of terms over the longer sentence: 1 = same words, same order. */
  surface: number;
  /** Length of the two sentences' longest common subsequence of terms. */
  lcs: number;
  /** Numbers and names present in both. */
  sharedAnchors: number;
}

export function pairFeatures(a: SentenceProfile, b: SentenceProfile, lexicon: Lexicon): PairFeatures {
  const na = a.stems.length;
  const nb = b.stems.length;
  const { bestA, bestB } = exactMatches(a, b);
  const exactInB = weightedShareExact(a, bestA);
  const exactInA = weightedShareExact(b, bestB);
  softMatches(a, b, lexicon, bestA, bestB);
  const softInB = weightedShare(a, bestA);
  const softInA = weightedShare(b, bestB);
  const unmatchedA = countBelow(a, bestA);
  const unmatchedB = countBelow(b, bestB);

  const lcs = lcsLength(a.stemIds, b.stemIds);
  const numbersUnmatched = unmatchedNumbers(a.numbers, b.numbers) + unmatchedNumbers(b.numbers, a.numbers);
  const names = nameAgreement(a.names, b.names);
  let sharedNumbers = 0;
  for (const x of a.numbers) if (b.numbers.includes(x)) sharedNumbers++;
  // Clipped n-gram matches are symmetric: one merge per order serves the dice and both BLEUs.
  const common = [0, 1, 2, 3].map((k) => commonCount(a.grams[k], b.grams[k]));

  const surface = Math.max(na, nb) ? lcs / Math.max(na, nb) : 0;
  const values = new Float64Array(featureNames.length);
  values[0] = countContent(a);
  values[1] = countContent(b);
  values[2] = Math.min(na, nb) / Math.max(na, nb, 1);
  values[3] = diceOf(common[0], na + nb);
  values[4] = exactInB;
  values[5] = exactInA;
  values[6] = softInB;
  values[7] = softInA;
  values[8] = Math.min(softInB, softInA);
  values[9] = unmatchedA;
  values[10] = unmatchedB;
  values[11] = Math.max(unmatchedA, unmatchedB);
  values[12] = diceOf(common[1], na + nb - 2);
  values[13] = diceOf(common[2], na + nb - 4);
  values[14] = Math.min(na, nb) ? lcs / Math.min(na, nb) : 0;
  values[15] = surface;
  values[16] = dot(a.sif, b.sif);
  values[17] = a.numbers.length;
  values[18] = b.numbers.length;
  values[19] = numbersUnmatched;
  values[20] = a.numbers.length + b.numbers.length > 0 && numbersUnmatched === 0 ? 1 : 0;
  values[21] = names.unmatchedA;
  values[22] = names.unmatchedB;
  values[23] = a.negations > 0 !== b.negations > 0 ? 1 : 0;
  values[24] = bleuOf(common, a, b);
  values[25] = bleuOf(common, b, a);
  return { values, softInB, softInA, surface, lcs, sharedAnchors: names.shared + sharedNumbers };
}

/*
 * Scratch memory, grown to the longest sentences seen: features are computed hundreds of times
 * per article pair and these rows die within the call, so they are reused instead of allocated.
 * Nothing outside one synchronous call sees them.
 */
let scratchA = new Float32Array(64);
let scratchB = new Float32Array(64);
let scratchSynonym = new Uint8Array(4096);
let scratchRow = new Uint16Array(64);
let scratchColumns = new Int32Array(64);

/**
 * Best match of every term of each side after the exact pass: content terms found word for word
 * on the other side score 1, the most any match can (found: the stem is among the other side's
 * distinct content stems); all other terms 0.
 */
function exactMatches(a: SentenceProfile, b: SentenceProfile): { bestA: Float32Array; bestB: Float32Array } {
  if (scratchA.length < a.stems.length) scratchA = new Float32Array(a.stems.length * 2);
  if (scratchB.length < b.stems.length) scratchB = new Float32Array(b.stems.length * 2);
  const bestA = scratchA.subarray(0, a.stems.length);
  const bestB = scratchB.subarray(0, b.stems.length);
  markFound(a, b.contentIds, bestA);
  markFound(b, a.contentIds, bestB);
  return { bestA, bestB };
}

/** `best[k]` = 1 for the content terms of `p` whose stem is in `ids` (sorted), else 0. */
function markFound(p: SentenceProfile, ids: Uint32Array, best: Float32Array): void {
  for (let k = 0; k < best.length; k++) best[k] = p.content[k] && hasId(ids, p.stemIds[k]) ? 1 : 0;
}

function hasId(ids: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === id;
}

/**
 * Raises `bestA`/`bestB` to every content term's best soft match: the cosine of the two words'
 * vectors, at least SYNONYM for WordNet synonyms. A pair of two exact terms is skipped (neither
 * can beat 1); a term without a vector scores 0 but against its synonyms.
 */
function softMatches(
  a: SentenceProfile,
  b: SentenceProfile,
  lexicon: Lexicon,
  bestA: Float32Array,
  bestB: Float32Array,
): void {
  const na = a.stems.length;
  const nb = b.stems.length;
  // Every content term exact on both sides (a copied sentence): no pair is left to compare.
  if (allFound(a, bestA) && allFound(b, bestB)) return;
  if (scratchSynonym.length < na * nb) scratchSynonym = new Uint8Array(na * nb * 2);
  const synonym = scratchSynonym;
  markSynonyms(a, b, synonym);
  const cosine = cosineOf(lexicon);
  const columns = contentPositions(b);
  for (let i = 0; i < na; i++) {
    if (!a.content[i]) continue;
    const ra = a.vectorRow[i];
    const exactI = bestA[i] === 1;
    const row = i * nb;
    // bestA[i] held in a local, rounded to float32 as the array would store it.
    let best = bestA[i];
    for (let c = 0; c < columns.length; c++) {
      const j = columns[c];
      if (exactI && bestB[j] === 1) continue;
      const rb = b.vectorRow[j];
      let s = ra >= 0 && rb >= 0 ? cosine(ra, rb) : 0;
      if (s < SYNONYM && synonym[row + j]) s = SYNONYM;
      if (s > best) best = Math.fround(s);
      if (s > bestB[j]) bestB[j] = s;
    }
    bestA[i] = best;
  }
  synonym.fill(0, 0, na * nb);
}

/** Positions of the content terms of `p` (a view of scratch memory). */
function contentPositions(p: SentenceProfile): Int32Array {
  if (scratchColumns.length < p.content.length) scratchColumns = new Int32Array(p.content.length * 2);
  let count = 0;
  for (let k = 0; k < p.content.length; k++) if (p.content[k]) scratchColumns[count++] = k;
  return scratchColumns.subarray(0, count);
}

function allFound(p: SentenceProfile, best: Float32Array): boolean {
  for (let k = 0; k < best.length; k++) if (p.content[k] && best[k] !== 1) return false;
  return true;
}

type Cosine = (ra: number, rb: number) => number;

/** One cosine function per vector table (a memo as large as the number of lexicons loaded). */
const cosines = new WeakMap<Int8Array, Cosine>();

function cosineOf(lexicon: Lexicon): Cosine {
  let cosine = cosines.get(lexicon.vectors);
  if (!cosine) {
    cosine = rowCosine(lexicon.vectors, lexicon.dims);
    cosines.set(lexicon.vectors, cosine);
  }
  return cosine;
}

/** Rows are unit vectors times 127: their integer dot product over 127² is the cosine. */
const UNIT = 1 / (127 * 127);

/**
 * The hot loop of the whole engine. An integer dot product is exact in any order of summation,
 * so it may read the signed bytes four at a time through an int32 view of the same memory and
 * split them with shifts: half the time of byte loads. (|sum| ≤ dims·127² fits an int32.)
 */
function rowCosine(vectors: Int8Array, dims: number): Cosine {
  if (dims % 4 !== 0 || vectors.byteOffset % 4 !== 0) {
    return (ra, rb) => {
      let s = 0;
      for (let d = 0; d < dims; d++) s += vectors[ra * dims + d] * vectors[rb * dims + d];
      return s * UNIT;
    };
  }
  const words = new Int32Array(vectors.buffer, vectors.byteOffset, vectors.length >> 2);
  const q = dims >> 2;
  return (ra, rb) => {
    const oa = ra * q;
    const ob = rb * q;
    let s = 0;
    for (let k = 0; k < q; k++) {
      const x = words[oa + k];
      const y = words[ob + k];
      s =
        (s +
          ((x << 24) >> 24) * ((y << 24) >> 24) +
          ((x << 16) >> 24) * ((y << 16) >> 24) +
          ((x << 8) >> 24) * ((y << 8) >> 24) +
          (x >> 24) * (y >> 24)) |
        0;
    }
    return s * UNIT;
  };
}

/** Distinct names of each side missing from the other, and those both have. */
function nameAgreement(
  a: readonly string[],
  b: readonly string[],
): { unmatchedA: number; unmatchedB: number; shared: number } {
  let unmatchedA = 0;
  let unmatchedB = 0;
  let shared = 0;
  for (let k = 0; k < a.length; k++) {
    if (a.indexOf(a[k]) !== k) continue;
    if (b.includes(a[k])) shared++;
    else unmatchedA++;
  }
  for (let k = 0; k < b.length; k++) if (b.indexOf(b[k]) === k && !a.includes(b[k])) unmatchedB++;
  return { unmatchedA, unmatchedB, shared };
}

function countContent(p: SentenceProfile): number {
  let c = 0;
  for (let k = 0; k < p.content.length; k++) c += p.content[k];
  return c;
}

/**
 * Weighted share of a sentence's content that the other sentence holds. A word counts only when
 * its best match is close enough to be "the same word" (exact, synonym or near vector): unrelated
 * words have cosines of 0.2-0.4, which summed over a long sentence would fake containment.
 */
function weightedShare(p: SentenceProfile, best: Float32Array): number {
  if (p.contentWeight === 0) return 0;
  let s = 0;
  for (let k = 0; k < best.length; k++) if (p.content[k] && best[k] >= SOFT_MATCH) s += p.weight[k] * best[k];
  return s / p.contentWeight;
}

/** Weighted share of a sentence's content found word for word (`exact[k]` is 1) in the other. */
function weightedShareExact(p: SentenceProfile, exact: Float32Array): number {
  if (p.contentWeight === 0) return 0;
  let s = 0;
  for (let k = 0; k < exact.length; k++) if (p.content[k] && exact[k] === 1) s += p.weight[k];
  return s / p.contentWeight;
}

function countBelow(p: SentenceProfile, best: Float32Array): number {
  let c = 0;
  for (let k = 0; k < best.length; k++) if (p.content[k] && best[k] < SOFT_MATCH) c++;
  return c;
}

function unmatchedNumbers(xs: number[], ys: number[]): number {
  let c = 0;
  for (const x of xs) if (!ys.includes(x)) c++;
  return c;
}

/** Dice coefficient of two n-gram multisets: `common` clipped matches among `total` n-grams. */
function diceOf(common: number, total: number): number {
  return total <= 0 ? 0 : (2 * common) / total;
}

/** Size of the multiset intersection of two sorted arrays (clipped n-gram matches). */
function commonCount(x: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return common;
}

/**
 * Sentence BLEU of `hyp` against `ref`: geometric mean of clipped 1..4-gram precisions, smoothed;
 * `common[n - 1]` is the two sentences' count of clipped n-gram matches.
 */
function bleuOf(common: readonly number[], hyp: SentenceProfile, ref: SentenceProfile): number {
  let logSum = 0;
  for (let n = 1; n <= 4; n++) logSum += Math.log((common[n - 1] + 1) / (hyp.grams[n - 1].length + 1));
  const hl = hyp.stems.length;
  const rl = ref.stems.length;
  const brevity = hl < rl ? Math.exp(1 - rl / Math.max(hl, 1)) : 1;
  return brevity * Math.exp(logSum / 4);
}

/**
 * Longest common subsequence length. A common prefix and suffix belong to some longest common
 * subsequence, so only the middle needs the O(n·m) table (one row of memory): copied and lightly
 * edited sentences, most of the pairs scored, cost O(n).
 */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a[start] === b[start]) start++;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = start + (a.length - endA);
  if (endA === start || endB === start) return same;
  const width = endB - start;
  if (scratchRow.length <= width) scratchRow = new Uint16Array((width + 1) * 2);
  const row = scratchRow;
  row.fill(0, 0, width + 1);
  for (let i = start; i < endA; i++) {
    const x = a[i];
    let diag = 0;
    for (let j = 1; j <= width; j++) {
      const up = row[j];
      row[j] = x === b[start + j - 1] ? diag + 1 : Math.max(up, row[j - 1]);
      diag = up;
    }
  }
  return same + row[width];
}
