import { describe, expect, it } from 'vitest';
import { bandKeys, candidateProbability, chooseBanding } from '../candidates/lsh.js';
import { estimateJaccard, minhash } from './minhash.js';

/** Token ids 0..n-1 with a share of them replaced, as an edited copy would be. */
function edited(n: number, changed: number, seed: number): Uint32Array {
  const out = Uint32Array.from({ length: n }, (_, k) => k + 1);
  let s = seed;
  for (let c = 0; c < changed; c++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[s % n] = 1_000_000 + c;
  }
  return out;
}

describe('minhash', () => {
  it('is deterministic and equal for equal texts', () => {
    const a = edited(500, 0, 1);
    expect(minhash(a)).toEqual(minhash(a.slice()));
  });

  it('estimates the Jaccard similarity of the shingle sets', () => {
    const a = edited(600, 0, 1);
    const b = edited(600, 30, 7);
    const shingles = (x: Uint32Array) =>
      new Set(Array.from({ length: x.length - 3 }, (_, k) => x.slice(k, k + 4).join()));
    const sa = shingles(a);
    const sb = shingles(b);
    const inter = [...sa].filter((x) => sb.has(x)).length;
    const jaccard = inter / (sa.size + sb.size - inter);
    expect(
      Math.abs(estimateJaccard(minhash(a, { slots: 512 }), minhash(b, { slots: 512 })) - jaccard),
    ).toBeLessThan(0.08);
    expect(estimateJaccard(minhash(a), minhash(edited(600, 600, 3)))).toBeLessThan(0.1);
  });

  it('sketches texts shorter than a shingle', () => {
    expect(estimateJaccard(minhash([5, 6]), minhash([5, 6]))).toBe(1);
  });
});

describe('LSH banding', () => {
  it('chooses bands whose S-curve is centred near the threshold', () => {
    const banding = chooseBanding(0.8, 128);
    expect(banding.bands * banding.rows).toBeLessThanOrEqual(128);
    expect(candidateProbability(0.9, banding)).toBeGreaterThan(0.9);
    expect(candidateProbability(0.5, banding)).toBeLessThan(0.2);
  });

  it('gives near-duplicates a shared band key and unrelated texts none', () => {
    const banding = chooseBanding(0.7, 128);
    const keys = (x: Uint32Array) => bandKeys(minhash(x), banding);
    const shared = (x: Uint32Array, y: Uint32Array) => {
      const kx = keys(x);
      const ky = keys(y);
      return kx.some((k, b) => k === ky[b]);
    };
    expect(shared(edited(600, 0, 1), edited(600, 5, 2))).toBe(true);
    expect(shared(edited(600, 0, 1), edited(600, 600, 2))).toBe(false);
  });
});
