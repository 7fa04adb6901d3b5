/**
 * Features of a sentence pair for the paraphrase model. Each answers one question a reader asks
 * when deciding whether two sentences say the same thing: how much of each one's content the
 * other holds (exactly, as a synonym, or as a near word vector), whether the word order survived,
 * and whether the anchors — numbers, names, negations — agree.
 */
import type { Lexicon } from '../text/lexicon/types.js';
import { dot, markSynonyms, type Profiles, termsOf } from './profile.js';
import { simdRowDot } from './simd-dot.js';

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

/**
 * The features of sentence `i` of `a` against sentence `j` of `b`. A sentence's terms are a window
 * of its article's per-term arrays (from `a0` here, `na` long): the helpers below take the profiles
 * with the window's offset rather than a view of it, since a typed-array view costs more to make
 * than most of these loops.
 */
export function pairFeatures(a: Profiles, i: number, b: Profiles, j: number, lexicon: Lexicon): PairFeatures {
  const a0 = a.termStart[i];
  const b0 = b.termStart[j];
  const na = a.termStart[i + 1] - a0;
  const nb = b.termStart[j + 1] - b0;
  const { bestA, bestB } = exactMatches(a, i, b, j);
  const exactInB = weightedShareExact(a, i, bestA);
  const exactInA = weightedShareExact(b, j, bestB);
  softMatches(a, i, b, j, lexicon, bestA, bestB);
  const softInB = weightedShare(a, i, bestA);
  const softInA = weightedShare(b, j, bestB);
  const unmatchedA = countBelow(a, a0, bestA);
  const unmatchedB = countBelow(b, b0, bestB);

  const lcs = lcsLength(a.stemIds, b.stemIds, a0, a0 + na, b0, b0 + nb);
  const numA = a.numberStart[i];
  const numAEnd = a.numberStart[i + 1];
  const numB = b.numberStart[j];
  const numBEnd = b.numberStart[j + 1];
  const numbersUnmatched =
    unmatchedNumbers(a.numbers, numA, numAEnd, b.numbers, numB, numBEnd) +
    unmatchedNumbers(b.numbers, numB, numBEnd, a.numbers, numA, numAEnd);
  const names = nameAgreement(
    a.names,
    a.nameStart[i],
    a.nameStart[i + 1],
    b.names,
    b.nameStart[j],
    b.nameStart[j + 1],
  );
  let sharedNumbers = 0;
  for (let k = numA; k < numAEnd; k++) if (hasNumber(b.numbers, numB, numBEnd, a.numbers[k])) sharedNumbers++;
  // Clipped n-gram matches are symmetric: one merge per order serves the dice and both BLEUs.
  const common = [0, 1, 2, 3].map((k) =>
    commonCount(
      a.grams,
      a.gramStart[4 * i + k],
      a.gramStart[4 * i + k + 1],
      b.grams,
      b.gramStart[4 * j + k],
      b.gramStart[4 * j + k + 1],
    ),
  );

  const surface = Math.max(na, nb) ? lcs / Math.max(na, nb) : 0;
  const countA = numAEnd - numA;
  const countB = numBEnd - numB;
  const values = new Float64Array(featureNames.length);
  values[0] = countContent(a, a0, na);
  values[1] = countContent(b, b0, nb);
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
  values[16] = dot(a.sif, b.sif, i * a.dims, j * b.dims, a.dims);
  values[17] = countA;
  values[18] = countB;
  values[19] = numbersUnmatched;
  values[20] = countA + countB > 0 && numbersUnmatched === 0 ? 1 : 0;
  values[21] = names.unmatchedA;
  values[22] = names.unmatchedB;
  values[23] = a.negations[i] > 0 !== b.negations[j] > 0 ? 1 : 0;
  values[24] = bleuOf(common, a, i, nb);
  values[25] = bleuOf(common, b, j, na);
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
function exactMatches(
  a: Profiles,
  i: number,
  b: Profiles,
  j: number,
): { bestA: Float32Array; bestB: Float32Array } {
  const na = termsOf(a, i);
  const nb = termsOf(b, j);
  if (scratchA.length < na) scratchA = new Float32Array(na * 2);
  if (scratchB.length < nb) scratchB = new Float32Array(nb * 2);
  const bestA = scratchA.subarray(0, na);
  const bestB = scratchB.subarray(0, nb);
  markFound(a, a.termStart[i], b.contentIds, b.contentStart[j], b.contentStart[j + 1], bestA);
  markFound(b, b.termStart[j], a.contentIds, a.contentStart[i], a.contentStart[i + 1], bestB);
  return { bestA, bestB };
}

/** `best[k]` = 1 for the content terms of `p` from `p0` whose stem is in `ids[lo..hi)` (sorted), else 0. */
function markFound(
  p: Profiles,
  p0: number,
  ids: Uint32Array,
  lo: number,
  hi: number,
  best: Float32Array,
): void {
  for (let k = 0; k < best.length; k++)
    best[k] = p.content[p0 + k] && hasId(ids, lo, hi, p.stemIds[p0 + k]) ? 1 : 0;
}

function hasId(ids: Uint32Array, from: number, to: number, id: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && ids[lo] === id;
}

/**
 * Raises `bestA`/`bestB` to every content term's best soft match: the cosine of the two words'
 * vectors, at least SYNONYM for WordNet synonyms. A pair of two exact terms is skipped (neither
 * can beat 1); a term without a vector scores 0 but against its synonyms.
 */
function softMatches(
  a: Profiles,
  i: number,
  b: Profiles,
  j: number,
  lexicon: Lexicon,
  bestA: Float32Array,
  bestB: Float32Array,
): void {
  const a0 = a.termStart[i];
  const b0 = b.termStart[j];
  const na = bestA.length;
  const nb = bestB.length;
  // Every content term exact on both sides (a copied sentence): no pair is left to compare.
  if (allFound(a, a0, bestA) && allFound(b, b0, bestB)) return;
  if (scratchSynonym.length < na * nb) scratchSynonym = new Uint8Array(na * nb * 2);
  const synonym = scratchSynonym;
  markSynonyms(a, i, b, j, synonym);
  const cosine = cosineOf(lexicon);
  const columns = contentPositions(b, b0, nb);
  for (let x = 0; x < na; x++) {
    if (!a.content[a0 + x]) continue;
    const ra = a.vectorRow[a0 + x];
    const exactX = bestA[x] === 1;
    const row = x * nb;
    // bestA[x] held in a local, rounded to float32 as the array would store it.
    let best = bestA[x];
    for (let c = 0; c < columns.length; c++) {
      const y = columns[c];
      if (exactX && bestB[y] === 1) continue;
      const rb = b.vectorRow[b0 + y];
      let s = ra >= 0 && rb >= 0 ? cosine(ra, rb) : 0;
      if (s < SYNONYM && synonym[row + y]) s = SYNONYM;
      if (s > best) best = Math.fround(s);
      if (s > bestB[y]) bestB[y] = s;
    }
    bestA[x] = best;
  }
  synonym.fill(0, 0, na * nb);
}

/** Positions, within the sentence, of the content terms among the `n` terms of `p` from `p0` (scratch memory). */
function contentPositions(p: Profiles, p0: number, n: number): Int32Array {
  if (scratchColumns.length < n) scratchColumns = new Int32Array(n * 2);
  let count = 0;
  for (let k = 0; k < n; k++) if (p.content[p0 + k]) scratchColumns[count++] = k;
  return scratchColumns.subarray(0, count);
}

function allFound(p: Profiles, p0: number, best: Float32Array): boolean {
  for (let k = 0; k < best.length; k++) if (p.content[p0 + k] && best[k] !== 1) return false;
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
 * The hot loop of the whole engine: on news text a fifth of an article pair's comparison went to
 * these dot products. An integer dot product is exact in any order of summation, so WebAssembly
 * SIMD may take 16 bytes a step (~15 ns a pair of rows against ~100 for four bytes a step in
 * JavaScript); the plain loop stands in where an engine has no SIMD. (|sum| ≤ dims·127² fits an
 * int32.)
 */
function rowCosine(vectors: Int8Array, dims: number): Cosine {
  const simd = simdRowDot(vectors, dims);
  if (simd) return (ra, rb) => simd(ra, rb) * UNIT;
  return (ra, rb) => {
    let s = 0;
    for (let d = 0; d < dims; d++) s += vectors[ra * dims + d] * vectors[rb * dims + d];
    return s * UNIT;
  };
}

/** Distinct names of each side (`a[a0..a1)`, `b[b0..b1)`) missing from the other, and those both have. */
function nameAgreement(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
): { unmatchedA: number; unmatchedB: number; shared: number } {
  let unmatchedA = 0;
  let unmatchedB = 0;
  let shared = 0;
  for (let k = a0; k < a1; k++) {
    if (indexIn(a, a0, a1, a[k]) !== k) continue;
    if (indexIn(b, b0, b1, a[k]) >= 0) shared++;
    else unmatchedA++;
  }
  for (let k = b0; k < b1; k++)
    if (indexIn(b, b0, b1, b[k]) === k && indexIn(a, a0, a1, b[k]) < 0) unmatchedB++;
  return { unmatchedA, unmatchedB, shared };
}

function indexIn(xs: readonly string[], from: number, to: number, x: string): number {
  for (let k = from; k < to; k++) if (xs[k] === x) return k;
  return -1;
}

function countContent(p: Profiles, p0: number, n: number): number {
  let c = 0;
  for (let k = 0; k < n; k++) c += p.content[p0 + k];
  return c;
}

/**
 * Weighted share of a sentence's content that the other sentence holds. A word counts only when
 * its best match is close enough to be "the same word" (exact, synonym or near vector): unrelated
 * words have cosines of 0.2-0.4, which summed over a long sentence would fake containment.
 */
function weightedShare(p: Profiles, s: number, best: Float32Array): number {
  const total = p.contentWeight[s];
  if (total === 0) return 0;
  const p0 = p.termStart[s];
  let sum = 0;
  for (let k = 0; k < best.length; k++)
    if (p.content[p0 + k] && best[k] >= SOFT_MATCH) sum += p.weight[p0 + k] * best[k];
  return sum / total;
}

/** Weighted share of a sentence's content found word for word (`exact[k]` is 1) in the other. */
function weightedShareExact(p: Profiles, s: number, exact: Float32Array): number {
  const total = p.contentWeight[s];
  if (total === 0) return 0;
  const p0 = p.termStart[s];
  let sum = 0;
  for (let k = 0; k < exact.length; k++) if (p.content[p0 + k] && exact[k] === 1) sum += p.weight[p0 + k];
  return sum / total;
}

function countBelow(p: Profiles, p0: number, best: Float32Array): number {
  let c = 0;
  for (let k = 0; k < best.length; k++) if (p.content[p0 + k] && best[k] < SOFT_MATCH) c++;
  return c;
}

/** Whether `x` is among `xs[from..to)`, as `Array.prototype.includes` decides (NaN finds NaN). */
function hasNumber(xs: Float64Array, from: number, to: number, x: number): boolean {
  for (let k = from; k < to; k++) if (xs[k] === x || (Number.isNaN(x) && Number.isNaN(xs[k]))) return true;
  return false;
}

function unmatchedNumbers(
  xs: Float64Array,
  x0: number,
  x1: number,
  ys: Float64Array,
  y0: number,
  y1: number,
): number {
  let c = 0;
  for (let k = x0; k < x1; k++) if (!hasNumber(ys, y0, y1, xs[k])) c++;
  return c;
}

/** Dice coefficient of two n-gram multisets: `common` clipped matches among `total` n-grams. */
function diceOf(common: number, total: number): number {
  return total <= 0 ? 0 : (2 * common) / total;
}

/** Size of the multiset intersection of sorted runs `x[i..xEnd)` and `y[j..yEnd)` (clipped n-gram matches). */
function commonCount(
  x: Uint32Array,
  i: number,
  xEnd: number,
  y: Uint32Array,
  j: number,
  yEnd: number,
): number {
  let common = 0;
  while (i < xEnd && j < yEnd) {
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
 * Sentence BLEU of sentence `s` of `hyp` against a reference of `refTerms` terms: geometric mean of
 * clipped 1..4-gram precisions, smoothed; `common[n - 1]` is the two sentences' count of clipped
 * n-gram matches.
 */
function bleuOf(common: readonly number[], hyp: Profiles, s: number, refTerms: number): number {
  let logSum = 0;
  for (let n = 1; n <= 4; n++) {
    const grams = hyp.gramStart[4 * s + n] - hyp.gramStart[4 * s + n - 1];
    logSum += Math.log((common[n - 1] + 1) / (grams + 1));
  }
  const hl = termsOf(hyp, s);
  const rl = refTerms;
  const brevity = hl < rl ? Math.exp(1 - rl / Math.max(hl, 1)) : 1;
  return brevity * Math.exp(logSum / 4);
}

/**
 * Longest common subsequence length. A common prefix and suffix belong to some longest common
 * subsequence, so only the middle needs the O(n·m) table (one row of memory): copied and lightly
 * edited sentences, most of the pairs scored, cost O(n).
 */
export function lcsLength(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  aFrom = 0,
  aTo = a.length,
  bFrom = 0,
  bTo = b.length,
): number {
  // Offsets into the two sequences' windows; `start` counts the common prefix.
  let start = 0;
  let endA = aTo - aFrom;
  let endB = bTo - bFrom;
  while (start < endA && start < endB && a[aFrom + start] === b[bFrom + start]) start++;
  while (endA > start && endB > start && a[aFrom + endA - 1] === b[bFrom + endB - 1]) {
    endA--;
    endB--;
  }
  const same = start + (aTo - aFrom - endA);
  if (endA === start || endB === start) return same;
  const width = endB - start;
  if (scratchRow.length <= width) scratchRow = new Uint16Array((width + 1) * 2);
  const row = scratchRow;
  row.fill(0, 0, width + 1);
  for (let i = start; i < endA; i++) {
    const x = a[aFrom + i];
    let diag = 0;
    for (let j = 1; j <= width; j++) {
      const up = row[j];
      row[j] = x === b[bFrom + start + j - 1] ? diag + 1 : Math.max(up, row[j - 1]);
      diag = up;
    }
  }
  return same + row[width];
}
