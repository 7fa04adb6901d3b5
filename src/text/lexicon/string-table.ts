/**
 * An immutable set of ASCII strings, laid out as typed arrays so that it can be written to disk
 * and mapped back with no parsing: a loaded table is three views into one buffer, and a lookup is
 * an open-addressing probe plus a byte comparison. Building a 300k-entry JS Map at start-up would
 * cost ~100 ms; this costs nothing.
 */
import { hashString } from '../hash.js';

export interface StringTable {
  /** Concatenated ASCII bytes of the strings. */
  bytes: Uint8Array;
  /** Start offset of string i in `bytes`; `offsets[n]` is the end. */
  offsets: Uint32Array;
  /** Hash slots holding string index + 1, or 0 when empty; length is a power of two. */
  slots: Uint32Array;
}

export function buildStringTable(strings: readonly string[]): StringTable {
  const encoder = new TextEncoder();
  const parts = strings.map((s) => encoder.encode(s));
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const bytes = new Uint8Array(total);
  const offsets = new Uint32Array(strings.length + 1);
  let at = 0;
  parts.forEach((p, i) => {
    offsets[i] = at;
    bytes.set(p, at);
    at += p.length;
  });
  offsets[strings.length] = at;
  // Load factor ≤ 0.5 keeps probe sequences short.
  let size = 1;
  while (size < strings.length * 2) size <<= 1;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  strings.forEach((s, i) => {
    let h = hashString(s) & mask;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = i + 1;
  });
  return { bytes, offsets, slots };
}

/** Index of `s` in the table, or -1. */
export function lookup(table: StringTable, s: string): number {
  const mask = table.slots.length - 1;
  let h = hashString(s) & mask;
  for (;;) {
    const slot = table.slots[h];
    if (slot === 0) return -1;
    const i = slot - 1;
    const start = table.offsets[i];
    if (table.offsets[i + 1] - start === s.length) {
      let k = 0;
      while (k < s.length && table.bytes[start + k] === s.charCodeAt(k)) k++;
      if (k === s.length) return i;
    }
    h = (h + 1) & mask;
  }
}

export function stringAt(table: StringTable, i: number): string {
  let out = '';
  for (let k = table.offsets[i]; k < table.offsets[i + 1]; k++) out += String.fromCharCode(table.bytes[k]);
  return out;
}
