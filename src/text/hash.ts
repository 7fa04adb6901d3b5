/**
 * FNV-1a over UTF-16 code units: a fast, well-spread 32-bit hash for turning words, stems and
 * names into integer ids. Deterministic across runs and machines (stored ids depend on it).
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit hash of a sequence of 32-bit ids (`ids[from..to)`), order and length included: equal sequences, equal keys. */
export function sequenceHash(ids: ArrayLike<number>, from = 0, to = ids.length): number {
  let h = to - from;
  for (let k = from; k < to; k++) h = (Math.imul(h, 0x01000193) ^ ids[k]) >>> 0;
  return h;
}
