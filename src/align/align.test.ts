import { describe, expect, it } from 'vitest';
import { alignSentences, coverage, monotonePath, type ScoredPair } from './align.js';

const pair = (i: number, j: number, probability: number, extra: Partial<ScoredPair> = {}): ScoredPair => ({
  i,
  j,
  probability,
  containedInB: 0.5,
  containedInA: 0.5,
  surface: 0.3,
  sharedAnchors: 0,
  ...extra,
});

const shape = (out: ReturnType<typeof alignSentences>) => out.map((a) => [a.a, a.b]);

describe('alignSentences', () => {
  it('aligns confident pairs even out of order', () => {
    const out = alignSentences(3, 3, [pair(0, 2, 0.9), pair(1, 0, 0.8), pair(2, 1, 0.6)]);
    expect(shape(out)).toEqual([
      [[0], [2]],
      [[1], [0]],
      [[2], [1]],
    ]);
  });

  it('asks more of a pair whose other side is long enough to hold chance partners', () => {
    // Ten sentences, each with a partner at 0.6 scattered in order through the other side.
    const pairs = Array.from({ length: 10 }, (_, i) => pair(i, 7 + i * 13, 0.6));
    expect(alignSentences(10, 150, pairs)).toHaveLength(10);
    // Among 3,000 sentences the best of each is no evidence; a near-certain pair still is.
    expect(alignSentences(10, 3000, pairs)).toHaveLength(0);
    expect(alignSentences(10, 3000, [...pairs.slice(1), pair(0, 7, 0.99)])).toHaveLength(1);
  });

  it('joins to a step the neighbouring sentence whose content lies within its partner, as a merge or a split', () => {
    // A1 is all inside B0 (a merged sentence), B2 all inside A2 (a split quotation); the model,
    // asked whether each pair says the same thing, rates them low. A3 is half inside B3: left out.
    const out = alignSentences(4, 4, [
      pair(0, 0, 0.8),
      pair(1, 0, 0.1, { containedInB: 0.97 }),
      pair(2, 1, 0.8),
      pair(2, 2, 0.1, { containedInA: 0.96 }),
      pair(3, 3, 0.9),
      pair(3, 2, 0.05, { containedInB: 0.5 }),
    ]);
    expect(shape(out)).toEqual([
      [[0, 1], [0]],
      [[2], [1, 2]],
      [[3], [3]],
    ]);
  });

  it('aligns nothing when no pair is confident, however many weak pairs there are', () => {
    expect(alignSentences(3, 3, [pair(0, 0, 0.4), pair(1, 1, 0.3), pair(2, 2, 0.45)])).toEqual([]);
  });

  it('keeps weak steps between anchors and the one next to them, not a run of chance pairs before them', () => {
    // Two posts of one blog share a two-sentence blurb at their ends (A6-7, B6-7); before it, each
    // sentence has an in-order partner of the same topic at 0.3-0.45, none confident.
    const weak = [0.4, 0.3, 0.45, 0.35, 0.3, 0.4].map((p, k) => pair(k, k, p));
    const out = alignSentences(8, 8, [...weak, pair(6, 6, 0.99), pair(7, 7, 0.99)]);
    expect(shape(out)).toEqual([
      [[5], [5]],
      [[6], [6]],
      [[7], [7]],
    ]);
    // A retelling: weak steps between two anchors all stay.
    const retold = alignSentences(6, 6, [pair(0, 0, 0.9), ...weak.slice(1, 5), pair(5, 5, 0.9)]);
    expect(shape(retold)).toEqual([0, 1, 2, 3, 4, 5].map((k) => [[k], [k]]));
  });

  it('accepts a weak pair alone only at the confident threshold (a sentence pair has no context)', () => {
    expect(alignSentences(1, 1, [pair(0, 0, 0.45)])).toEqual([]);
    expect(alignSentences(1, 1, [pair(0, 0, 0.55)])).toHaveLength(1);
  });

  it('accepts weak pairs in order between anchors, not out of order', () => {
    const out = alignSentences(4, 4, [
      pair(0, 0, 0.9),
      pair(1, 1, 0.35),
      pair(2, 2, 0.8),
      pair(3, 0, 0.35), // out of order and weak: rejected
    ]);
    expect(shape(out)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
  });

  it('aligns one sentence with two when it was split', () => {
    const out = alignSentences(2, 3, [pair(0, 0, 0.9), pair(1, 1, 0.45), pair(1, 2, 0.4)]);
    expect(shape(out)).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
    ]);
  });

  it('fills a one-sentence gap between aligned steps', () => {
    const out = alignSentences(3, 3, [pair(0, 0, 0.9), pair(1, 1, 0.15), pair(2, 2, 0.9)]);
    expect(shape(out)).toContainEqual([[1], [1]]);
  });

  it('labels kinds by surface closeness', () => {
    const out = alignSentences(3, 3, [
      pair(0, 0, 0.99, { surface: 1 }),
      pair(1, 1, 0.9, { surface: 0.8 }),
      pair(2, 2, 0.7, { surface: 0.3 }),
    ]);
    expect(out.map((a) => a.kind)).toEqual(['verbatim', 'near-verbatim', 'paraphrase']);
  });

  it('marks unaligned pairs sharing names or numbers as related; coverage ignores them', () => {
    const out = alignSentences(2, 2, [pair(0, 1, 0.9), pair(1, 0, 0.3, { sharedAnchors: 2 })]);
    expect(out.map((a) => a.kind)).toEqual(['paraphrase', 'related']);
    expect(coverage(2, 2, out)).toEqual({ a: 0.5, b: 0.5 });
  });
});

describe('monotonePath', () => {
  it('finds the order-preserving path of highest total', () => {
    const p = [
      [0.9, 0.3, 0],
      [0.3, 0.1, 0.8],
      [0, 0.5, 0],
    ];
    const steps = monotonePath(3, 3, (i, j) => p[i][j], { pathThreshold: 0.2, joinProbability: 0.9 });
    expect(steps).toEqual([
      { a: [0], b: [0] },
      { a: [1], b: [2] },
    ]);
  });
});
