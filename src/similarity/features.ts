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
  const dims = lexicon.dims;
  const na = a.stems.length;
  const nb = b.stems.length;
  const ca = countContent(a);
  const cb = countContent(b);

  // Content terms found word for word on the other side score 1, the most any match can: a pair
  // of two such terms needs no dot product (most pairs of a copied sentence).
  const bestA = new Float32Array(na);
  const bestB = new Float32Array(nb);
  for (let i = 0; i < na; i++) {
    if (!a.content[i]) continue;
    const idA = a.stemIds[i];
    for (let j = 0; j < nb; j++) {
      if (b.content[j] && idA === b.stemIds[j]) {
        bestA[i] = 1;
        bestB[j] = 1;
      }
    }
  }
  const exactInB = weightedShareExact(a, bestA);
  const exactInA = weightedShareExact(b, bestB);

  // Best soft match of every other content term, from one similarity matrix.
  const vectors = lexicon.vectors;
  // Rows are unit vectors times 127: their integer dot product over 127² is the cosine.
  const unit = 1 / (127 * 127);
  const synonym = new Uint8Array(na * nb);
  markSynonyms(a, b, synonym);
  for (let i = 0; i < na; i++) {
    if (!a.content[i]) continue;
    const ra = a.vectorRow[i];
    const oa = ra * dims;
    const exactI = bestA[i] === 1;
    for (let j = 0; j < nb; j++) {
      if (!b.content[j] || (exactI && bestB[j] === 1)) continue;
      let s = 0;
      const rb = b.vectorRow[j];
      if (ra >= 0 && rb >= 0) {
        // The hot loop of the whole engine: a 4-way unrolled dot product of two unit vectors.
        const ob = rb * dims;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let d = 0;
        for (; d + 3 < dims; d += 4) {
          s0 += vectors[oa + d] * vectors[ob + d];
          s1 += vectors[oa + d + 1] * vectors[ob + d + 1];
          s2 += vectors[oa + d + 2] * vectors[ob + d + 2];
          s3 += vectors[oa + d + 3] * vectors[ob + d + 3];
        }
        for (; d < dims; d++) s0 += vectors[oa + d] * vectors[ob + d];
        s = (s0 + s1 + s2 + s3) * unit;
      }
      if (s < SYNONYM && synonym[i * nb + j]) s = SYNONYM;
      if (s > bestA[i]) bestA[i] = s;
      if (s > bestB[j]) bestB[j] = s;
    }
  }
  const softInB = weightedShare(a, bestA);
  const softInA = weightedShare(b, bestB);
  const unmatchedA = countBelow(a, bestA);
  const unmatchedB = countBelow(b, bestB);

  const lcs = lcsLength(a.stemIds, b.stemIds);
  const numbersUnmatched = unmatchedNumbers(a.numbers, b.numbers) + unmatchedNumbers(b.numbers, a.numbers);
  const namesA = new Set(a.names);
  const namesB = new Set(b.names);
  let namesUnmatchedA = 0;
  let namesUnmatchedB = 0;
  let sharedNames = 0;
  for (const x of namesA)
    if (namesB.has(x)) sharedNames++;
    else namesUnmatchedA++;
  for (const x of namesB) if (!namesA.has(x)) namesUnmatchedB++;
  const sharedNumbers = a.numbers.filter((x) => b.numbers.includes(x)).length;

  const surface = Math.max(na, nb) ? lcs / Math.max(na, nb) : 0;
  const values = Float64Array.from([
    ca,
    cb,
    Math.min(na, nb) / Math.max(na, nb, 1),
    dice(a, b, 1),
    exactInB,
    exactInA,
    softInB,
    softInA,
    Math.min(softInB, softInA),
    unmatchedA,
    unmatchedB,
    Math.max(unmatchedA, unmatchedB),
    dice(a, b, 2),
    dice(a, b, 3),
    Math.min(na, nb) ? lcs / Math.min(na, nb) : 0,
    surface,
    dot(a.sif, b.sif),
    a.numbers.length,
    b.numbers.length,
    numbersUnmatched,
    a.numbers.length + b.numbers.length > 0 && numbersUnmatched === 0 ? 1 : 0,
    namesUnmatchedA,
    namesUnmatchedB,
    a.negations > 0 !== b.negations > 0 ? 1 : 0,
    bleu(a, b),
    bleu(b, a),
  ]);
  return { values, softInB, softInA, surface, lcs, sharedAnchors: sharedNames + sharedNumbers };
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

/** Dice coefficient of the two sentences' n-gram multisets. */
export function dice(a: SentenceProfile, b: SentenceProfile, n: number): number {
  const total = a.stems.length + b.stems.length - 2 * (n - 1);
  if (total <= 0) return 0;
  return (2 * commonCount(a.grams[n - 1], b.grams[n - 1])) / total;
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

/** Sentence BLEU of `hyp` against `ref`: geometric mean of clipped 1..4-gram precisions, smoothed. */
function bleu(hyp: SentenceProfile, ref: SentenceProfile): number {
  let logSum = 0;
  for (let n = 1; n <= 4; n++) {
    const h = hyp.grams[n - 1];
    logSum += Math.log((commonCount(h, ref.grams[n - 1]) + 1) / (h.length + 1));
  }
  const hl = hyp.stems.length;
  const rl = ref.stems.length;
  const brevity = hl < rl ? Math.exp(1 - rl / Math.max(hl, 1)) : 1;
  return brevity * Math.exp(logSum / 4);
}

/** Longest common subsequence length, O(n·m) with one row of memory. */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}
