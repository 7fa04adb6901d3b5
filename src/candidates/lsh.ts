/**
 * LSH banding over MinHash sketches: a sketch is cut into `bands` bands of `rows` slots; two
 * articles become candidates when any band is identical. The probability of that for Jaccard
 * similarity s is 1 - (1 - s^rows)^bands, an S-curve whose midpoint is the threshold.
 */
import { mix32 } from '../sketch/minhash.js';

export interface Banding {
  bands: number;
  rows: number;
}

/** Probability that two sketches with Jaccard similarity `s` share at least one band. */
export function candidateProbability(s: number, { bands, rows }: Banding): number {
  return 1 - (1 - s ** rows) ** bands;
}

/**
 * The banding (using at most `slots` slots) that best separates pairs above `threshold` from
 * pairs below it: the false-negative and false-positive areas under the S-curve, weighted, as in
 * datasketch.
 */
export function chooseBanding(threshold: number, slots: number, falseNegativeWeight = 0.5): Banding {
  let best: Banding = { bands: slots, rows: 1 };
  let bestError = Number.POSITIVE_INFINITY;
  for (let rows = 1; rows <= slots; rows++) {
    const banding = { bands: Math.floor(slots / rows), rows };
    const fp = integrate((s) => candidateProbability(s, banding), 0, threshold);
    const fn = integrate((s) => 1 - candidateProbability(s, banding), threshold, 1);
    const error = (1 - falseNegativeWeight) * fp + falseNegativeWeight * fn;
    if (error < bestError) {
      best = banding;
      bestError = error;
    }
  }
  return best;
}

function integrate(f: (x: number) => number, a: number, b: number, steps = 200): number {
  const h = (b - a) / steps;
  let sum = 0;
  for (let k = 0; k < steps; k++) sum += f(a + (k + 0.5) * h) * h;
  return sum;
}

/** One 32-bit key per band: equal bands give equal keys (and unequal ones, rarely, too). */
export function bandKeys(sketch: Uint32Array, { bands, rows }: Banding): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = mix32(h ^ sketch[b * rows + r]) + r;
    keys[b] = mix32(h);
  }
  return keys;
}
