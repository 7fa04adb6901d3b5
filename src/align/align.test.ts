import { describe, expect, it } from 'vitest';
import { alignSentences, coverage, type ScoredPair } from './align.js';

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

describe('alignSentences', () => {
  it('matches one to one by strength, out of order', () => {
    const out = alignSentences(3, 3, [pair(0, 2, 0.9), pair(1, 0, 0.8), pair(0, 0, 0.7), pair(2, 1, 0.6)]);
    expect(out.map((a) => [a.a, a.b])).toEqual([
      [[0], [2]],
      [[1], [0]],
      [[2], [1]],
    ]);
  });

  it('leaves pairs below the threshold unaligned', () => {
    expect(alignSentences(2, 2, [pair(0, 0, 0.4), pair(1, 1, 0.3)], { threshold: 0.5 })).toEqual([]);
  });

  it('joins a split sentence: B sentence contained in an aligned A sentence', () => {
    const out = alignSentences(1, 2, [pair(0, 0, 0.8), pair(0, 1, 0.35, { containedInA: 0.8 })]);
    expect(out).toHaveLength(1);
    expect(out[0].a).toEqual([0]);
    expect(out[0].b).toEqual([0, 1]);
  });

  it('does not join when the extra sentence is not contained', () => {
    const out = alignSentences(1, 2, [pair(0, 0, 0.8), pair(0, 1, 0.35, { containedInA: 0.2 })]);
    expect(out[0].b).toEqual([0]);
  });

  it('labels kinds by surface closeness', () => {
    const out = alignSentences(3, 3, [
      pair(0, 0, 0.99, { surface: 1 }),
      pair(1, 1, 0.9, { surface: 0.8 }),
      pair(2, 2, 0.7, { surface: 0.3 }),
    ]);
    expect(out.map((a) => a.kind)).toEqual(['verbatim', 'near-verbatim', 'paraphrase']);
  });

  it('marks unaligned pairs sharing anchors as related, and coverage ignores them', () => {
    const out = alignSentences(2, 2, [pair(0, 0, 0.9), pair(1, 1, 0.3, { sharedAnchors: 2 })]);
    expect(out.map((a) => a.kind)).toEqual(['paraphrase', 'related']);
    expect(coverage(2, 2, out)).toEqual({ a: 0.5, b: 0.5 });
  });
});
