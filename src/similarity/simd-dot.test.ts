import { describe, expect, it } from 'vitest';
import { rng } from './boosting.js';
import { simdRowDot } from './simd-dot.js';

const plain = (v: Int8Array, dims: number, ra: number, rb: number) => {
  let s = 0;
  for (let d = 0; d < dims; d++) s += v[ra * dims + d] * v[rb * dims + d];
  return s;
};

describe('simdRowDot', () => {
  it('gives the exact integer dot product of any two rows, whatever their width', () => {
    const random = rng(11);
    for (const dims of [100, 16, 7, 33]) {
      const rows = 300;
      const v = Int8Array.from({ length: rows * dims }, () => Math.floor(random() * 256) - 128);
      // The extremes: -128 · -128 and 127 · -128 in every place.
      v.fill(-128, 0, dims);
      v.fill(127, dims, 2 * dims);
      const dot = simdRowDot(v, dims);
      expect(dot).toBeDefined();
      if (!dot) return;
      expect(dot(0, 0)).toBe(16384 * dims);
      expect(dot(0, 1)).toBe(-16256 * dims);
      for (let k = 0; k < 2000; k++) {
        const ra = Math.floor(random() * rows);
        const rb = Math.floor(random() * rows);
        expect(dot(ra, rb)).toBe(plain(v, dims, ra, rb));
      }
    }
  });
});
