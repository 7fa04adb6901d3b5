/**
 * MinHash sketches of articles for near-duplicate search, built for speed: shingles are hashed
 * from token ids with a rolling combination (no strings), and one hash per shingle fills all
 * slots at once (one-permutation hashing: the hash picks the slot, the minimum per slot is kept),
 * with empty slots filled from their neighbours (densification) so that sketches of short texts
 * stay comparable. 32-bit integer arithmetic throughout, typed arrays, no per-shingle objects.
 *
 * Two sketches agree in a slot with probability ≈ the Jaccard similarity of the shingle sets.
 */

export interface MinHashOptions {
  /** Slots per sketch (a multiple of the LSH band size). */
  slots: number;
  /** Words per shingle. */
  shingle: number;
  seed: number;
}

export const defaultMinHashOptions: MinHashOptions = { slots: 128, shingle: 4, seed: 0x9e3779b9 };

const EMPTY = 0xffffffff;

/** Murmur3's 32-bit finaliser: a fast, well-mixed hash of an integer. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The sketch of a sequence of token ids (e.g. hashes of normalised words). Texts shorter than a
 * shingle are sketched from their whole token sequence.
 */
export function minhash(tokens: ArrayLike<number>, options: Partial<MinHashOptions> = {}): Uint32Array {
  const { slots, shingle, seed } = { ...defaultMinHashOptions, ...options };
  const sketch = new Uint32Array(slots).fill(EMPTY);
  const n = tokens.length;
  const k = Math.min(shingle, Math.max(n, 1));
  for (let start = 0; start + k <= n; start++) {
    let h = seed;
    for (let t = 0; t < k; t++) h = Math.imul(h ^ tokens[start + t], 0x01000193);
    h = mix32(h);
    // High bits choose the slot, the value is the rest of the hash (re-mixed so slot and value
    // are independent).
    const slot = (h >>> 16) % slots;
    const value = mix32(h ^ seed);
    if (value < sketch[slot]) sketch[slot] = value;
  }
  densify(sketch, seed);
  return sketch;
}

/**
 * Fills empty slots from the nearest filled slot to the right (circularly), mixed with the
 * distance so that two empty slots copying the same neighbour do not collide needlessly.
 */
function densify(sketch: Uint32Array, seed: number): void {
  const slots = sketch.length;
  let filled = -1;
  for (let s = 0; s < slots; s++) if (sketch[s] !== EMPTY) filled = s;
  if (filled < 0) return; // an empty text: every slot stays EMPTY, equal to other empty texts
  const source = sketch.slice();
  for (let s = 0; s < slots; s++) {
    if (source[s] !== EMPTY) continue;
    let d = 1;
    while (source[(s + d) % slots] === EMPTY) d++;
    sketch[s] = mix32(source[(s + d) % slots] ^ Math.imul(d, seed | 1));
  }
}

/** Share of slots in which two sketches agree: an estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let s = 0; s < a.length; s++) if (a[s] === b[s]) same++;
  return a.length ? same / a.length : 0;
}
