/**
 * Loads the lexicon cache built by `build-cache.ts` into a `Lexicon`: one file read, typed-array
 * views, no parsing. Pure lookups afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString } from '../hash.js';
import { decodeContainer } from './container.js';
import { baseForm, type Pos } from './morphy.js';
import { lookup, type StringTable } from './string-table.js';
import type { EntityKind, Lexicon, WordEntry } from './types.js';

export const LEXICON_FILE = 'lexicon.bin';

/** `data/cache/` at the package root (two levels above `dist/text/lexicon/`... and `src/`). */
export function defaultCacheDir(): string {
  return fileURLToPath(new URL('../../../data/cache/', import.meta.url));
}

const kinds: Array<EntityKind | undefined> = [undefined, 'person', 'place', 'organization'];

export function loadLexicon(dir = defaultCacheDir()): Lexicon {
  const file = join(dir, LEXICON_FILE);
  if (!existsSync(file)) {
    throw new Error(`the word-vector cache ${file} is missing: run \`npm run build\` to create it`);
  }
  const { meta, arrays: a } = decodeContainer(readFileSync(file));
  const dims = meta.dims as number;
  const table = (prefix: string): StringTable => ({
    bytes: a[`${prefix}Bytes`] as Uint8Array,
    offsets: a[`${prefix}Offsets`] as Uint32Array,
    slots: a[`${prefix}Slots`] as Uint32Array,
  });
  const vocab = table('vocab');
  const lemmas = table('lemma');
  const names = table('name');
  const ranks = a.ranks as Uint32Array;
  const vectors = a.vectors as Int8Array;
  const lemmaPos = a.lemmaPos as Uint8Array;
  const synsetStart = a.synsetStart as Uint32Array;
  const synsets = a.synsets as Uint32Array;
  const nameKinds = a.nameKinds as Uint8Array;

  const known = (form: string, pos: Pos) => {
    const i = lookup(lemmas, form);
    return i >= 0 && (lemmaPos[i] & pos) !== 0;
  };
  // Morphy's rules are the costliest lookup; a text repeats its words, so base forms are memoised.
  const lemmaMemo = new Map<string, string>();
  const lemma = (word: string) => {
    let base = lemmaMemo.get(word);
    if (base === undefined) {
      if (lemmaMemo.size >= 500_000) lemmaMemo.clear();
      base = baseForm(word, known);
      lemmaMemo.set(word, base);
    }
    return base;
  };
  // Sense-key spaces: a lemma's synsets, the written word's synsets, and the lemma itself.
  const LEMMA_SYNSET = 0;
  const WORD_SYNSET = 1 << 30;
  const LEMMA = 2 << 30;
  const entries = new Map<string, WordEntry>();
  const entry = (word: string): WordEntry => {
    let e = entries.get(word);
    if (e === undefined) {
      if (entries.size >= 500_000) entries.clear();
      const i = lookup(vocab, word);
      const base = lemma(word);
      const asLemma = lookup(lemmas, base);
      const asWord = base === word ? asLemma : lookup(lemmas, word);
      const keys = [(LEMMA | (hashString(base) >>> 2)) >>> 0];
      if (asLemma >= 0) for (const id of synsetsAt(asLemma)) keys.push((LEMMA_SYNSET | id) >>> 0);
      if (asWord >= 0) for (const id of synsetsAt(asWord)) keys.push((WORD_SYNSET | id) >>> 0);
      e = {
        rank: i < 0 ? 0 : ranks[i],
        row: i,
        // Distinct already: one key of the lemma, and a lemma's synsets once each in each space.
        senseKeys: Uint32Array.from(keys).sort(),
        listed: asLemma >= 0 || asWord >= 0,
      };
      entries.set(word, e);
    }
    return e;
  };
  const shareKey = (x: Uint32Array, y: Uint32Array) => {
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) return true;
      if (x[i] < y[j]) i++;
      else j++;
    }
    return false;
  };

  /** The synsets of lemma `i` that another one-word lemma shares (see build-cache.ts). */
  function synsetsAt(i: number): Uint32Array {
    return synsets.subarray(synsetStart[i], synsetStart[i + 1]);
  }

  return {
    dims,
    vectors,
    addVector(word, weight, out) {
      const i = lookup(vocab, word);
      if (i < 0) return false;
      const scale = weight / 127;
      const base = i * dims;
      for (let d = 0; d < dims; d++) out[d] += vectors[base + d] * scale;
      return true;
    },
    wordSimilarity(x, y) {
      const i = lookup(vocab, x);
      const j = lookup(vocab, y);
      if (i < 0 || j < 0) return Number.NaN;
      let dot = 0;
      let nx = 0;
      let ny = 0;
      for (let d = 0; d < dims; d++) {
        const p = vectors[i * dims + d];
        const q = vectors[j * dims + d];
        dot += p * q;
        nx += p * p;
        ny += q * q;
      }
      return dot / Math.sqrt(nx * ny);
    },
    rank(word) {
      const i = lookup(vocab, word);
      return i < 0 ? 0 : ranks[i];
    },
    synonyms(x, y) {
      return x === y || shareKey(entry(x).senseKeys, entry(y).senseKeys);
    },
    entry,
    addRow(row, weight, out) {
      const scale = weight / 127;
      const base = row * dims;
      for (let d = 0; d < dims; d++) out[d] += vectors[base + d] * scale;
    },
    lemma,
    entityKind(name) {
      const i = lookup(names, name);
      return i < 0 ? undefined : kinds[nameKinds[i]];
    },
  };
}
