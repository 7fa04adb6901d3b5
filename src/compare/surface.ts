/**
 * An article's surface: its content words in reading order and its weighted vocabulary, as 32-bit
 * stem hashes. Enough to say what two articles share on their surface (`pairSurface`: document
 * similarity, containment, shared passages) without profiling or scoring a sentence, and small
 * enough (~2.3 KB encoded) to keep in the store beside each article, so that a corpus screens a stored
 * candidate without preparing it again.
 */
import { passageReuse } from '../align/tiling.js';
import type { RelationInput } from '../relate/relate.js';
import type { Profiles } from '../similarity/profile.js';

export interface ArticleSurface {
  /** Content-word ids (stem hashes) in reading order, each sentence's count of them, and 1 where quoted. */
  words: Uint32Array;
  sentenceWords: Uint32Array;
  quoted: Uint8Array;
  /**
   * Each distinct content term once, in order of first use, with its informativeness: what the
   * article is about. The order is kept so that sums over terms run in one order wherever the
   * surface comes from (a float sum depends on it).
   */
  termIds: Uint32Array;
  termWeights: Float32Array;
  /** `termIds` ascending: membership by binary search. */
  sortedTermIds: Uint32Array;
}

/**
 * The surface of an article from its sentence profiles. Stopwords are left out: "of the" and "said
 * that he" are in every text, and a run of content words is what a copy keeps and an independent
 * report of the same event does not.
 */
export function surfaceOf(profiles: Profiles): ArticleSurface {
  const { count, termStart, content } = profiles;
  const sentenceWords = new Uint32Array(count);
  for (let s = 0; s < count; s++)
    for (let k = termStart[s]; k < termStart[s + 1]; k++) sentenceWords[s] += content[k];
  let total = 0;
  for (let s = 0; s < count; s++) total += sentenceWords[s];
  const words = new Uint32Array(total);
  const quoted = new Uint8Array(total);
  // A term's weight is that of its last use (forms of one stem may differ in rank), its place
  // that of its first.
  const terms = termPositions(total);
  const weights = new Float32Array(total);
  let at = 0;
  for (let s = 0; s < count; s++) {
    for (let k = termStart[s]; k < termStart[s + 1]; k++) {
      if (!content[k]) continue;
      const id = profiles.stemIds[k];
      quoted[at] = (profiles.quoteOpen[s] + profiles.quoteParity[k]) & 1;
      words[at++] = id;
      weights[terms.of(id)] = profiles.weight[k];
    }
  }
  const termIds = terms.ids.slice(0, terms.count());
  const termWeights = weights.slice(0, termIds.length);
  return { words, sentenceWords, quoted, termIds, termWeights, sortedTermIds: termIds.slice().sort() };
}

/**
 * Distinct term ids numbered in order of first use, found again through an open-addressing table
 * (a `Map` of numbers cost a tenth of preparing an article's profiles). Ids are stem hashes, well
 * spread already. `capacity`: how many ids may be numbered.
 */
function termPositions(capacity: number) {
  let size = 64;
  while (size < 2 * capacity) size *= 2;
  if (slots.length < size) slots = new Int32Array(size);
  const table = slots.subarray(0, size).fill(0);
  const mask = size - 1;
  const ids = new Uint32Array(capacity);
  let count = 0;
  return {
    ids,
    count: () => count,
    /** The number of `id`, the next one if it is new. */
    of(id: number): number {
      let h = id & mask;
      while (table[h] !== 0 && ids[table[h] - 1] !== id) h = (h + 1) & mask;
      if (table[h] === 0) {
        ids[count] = id;
        table[h] = ++count;
      }
      return table[h] - 1;
    },
  };
}

/** The table of `termPositions`, grown to the largest asked for: nothing outside one call sees it. */
let slots = new Int32Array(1024);

/**
 * What two articles share on their surface, part of the relation's input: a few hundred
 * microseconds where scoring the pair's sentences costs milliseconds, and enough for a corpus to
 * rule out most candidates (`mayRelateClosely`).
 */
export type PairSurface = Pick<
  RelationInput,
  | 'documentSimilarity'
  | 'containmentA'
  | 'containmentB'
  | 'passageA'
  | 'passageB'
  | 'tiledA'
  | 'tiledB'
  | 'longestPassage'
  | 'longestNarrative'
>;

export interface SurfaceOptions {
  /** Passages are runs of at least this many content words (stopwords skipped)... */
  passageWords: number;
  /** ...and a sentence reuses when this share of its content words lies in passages. */
  passageShare: number;
}

/** Whether two surfaces hold the same values (a text and its reprint): their pair surfaces with a third are the same. */
export function sameSurface(x: ArticleSurface, y: ArticleSurface): boolean {
  const same = (p: ArrayLike<number>, q: ArrayLike<number>) => {
    if (p.length !== q.length) return false;
    for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return false;
    return true;
  };
  return (
    same(x.words, y.words) &&
    same(x.sentenceWords, y.sentenceWords) &&
    same(x.quoted, y.quoted) &&
    same(x.termIds, y.termIds) &&
    same(x.termWeights, y.termWeights)
  );
}

export function pairSurface(A: ArticleSurface, B: ArticleSurface, opt: SurfaceOptions): PairSurface {
  const passages = passageReuse(
    { words: A.words, sentences: A.sentenceWords, quoted: A.quoted },
    { words: B.words, sentences: B.sentenceWords, quoted: B.quoted },
    {
      minLength: passageLength(opt.passageWords, Math.max(A.words.length, B.words.length)),
      sentenceShare: opt.passageShare,
    },
  );
  return {
    documentSimilarity: documentSimilarity(A, B),
    containmentA: containment(A, B),
    containmentB: containment(B, A),
    passageA: passages.passageA,
    passageB: passages.passageB,
    tiledA: passages.tiledA,
    tiledB: passages.tiledB,
    longestPassage: passages.longest,
    longestNarrative: passages.longestNarrative,
  };
}

/**
 * Content words in the longer side up to which a passage is `passageWords` long: a news article has
 * a few hundred (METER's longest text 591), a page with all its comments tens of thousands.
 */
const CHANCE_WORDS = 2_500;

/**
 * The shortest passage between two texts, the longer of which has `longer` content words: one word
 * more for each tenfold beyond `CHANCE_WORDS`. A run of two content words from a short text turns
 * up by chance somewhere in 20,000 (a post with hundreds of comments held such runs from most of
 * the short pages it was compared with, and was "partial reuse" of each).
 */
function passageLength(words: number, longer: number): number {
  return longer <= CHANCE_WORDS ? words : words + Math.ceil(Math.log10(longer / CHANCE_WORDS));
}

/**
 * Cosine of the two articles' weighted term sets. Plain term overlap, not word vectors: averaged
 * vectors of any two news articles point the same way, while two reports of one event share
 * their rare words (names, places, the thing that happened).
 */
function documentSimilarity(A: ArticleSurface, B: ArticleSurface): number {
  let shared = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < A.termIds.length; k++) {
    const w = A.termWeights[k];
    na += w * w;
    if (holds(B.sortedTermIds, A.termIds[k])) shared += w * w;
  }
  for (let k = 0; k < B.termWeights.length; k++) nb += B.termWeights[k] * B.termWeights[k];
  return na && nb ? shared / Math.sqrt(na * nb) : 0;
}

/**
 * Share of A's running content words that B also uses. A text condensed or rewritten from another
 * keeps most of its vocabulary even where no sentence survives whole; an independent report of
 * the same event keeps the names but not the wording.
 */
function containment(A: ArticleSurface, B: ArticleSurface): number {
  let found = 0;
  for (let k = 0; k < A.words.length; k++) if (holds(B.sortedTermIds, A.words[k])) found++;
  return A.words.length ? found / A.words.length : 0;
}

function holds(sorted: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * A surface as bytes for the store: a header of counts; the term ids and weights and the sentences'
 * word counts as 32-bit values; each word as the index of its term (one byte where the article
 * has at most 256 distinct terms, two up to 65,536, else four); the quote flags as bits. About 2.3
 * KB for 600 words, where a word's 32-bit id and a byte for its flag took 3.9.
 */
export function encodeSurface(s: ArticleSurface): Uint8Array {
  const words = s.words.length;
  const terms = s.termIds.length;
  const layout = surfaceLayout(words, s.sentenceWords.length, terms);
  const bytes = new Uint8Array(layout.bytes);
  const u32 = new Uint32Array(bytes.buffer, 0, layout.ints);
  u32.set([words, s.sentenceWords.length, terms]);
  u32.set(s.termIds, layout.termIds);
  new Float32Array(bytes.buffer, 4 * layout.termWeights, terms).set(s.termWeights);
  u32.set(s.sentenceWords, layout.sentenceWords);
  // Room for one more term than the surface holds: a word that is not among them is numbered
  // after them, and refused.
  const positions = termPositions(terms + 1);
  for (let k = 0; k < terms; k++) positions.of(s.termIds[k]);
  const indices = termIndices(bytes.buffer, layout);
  for (let k = 0; k < words; k++) {
    const index = positions.of(s.words[k]);
    if (index >= terms) throw new Error('a surface word is not among its terms');
    indices[k] = index;
  }
  for (let k = 0; k < words; k++) if (s.quoted[k]) bytes[layout.quoted + (k >> 3)] |= 1 << (k & 7);
  return bytes;
}

/** The surface `encodeSurface` wrote; throws on bytes of another shape. */
export function decodeSurface(bytes: Uint8Array): ArticleSurface {
  // Copied so that the 32-bit views are aligned whatever buffer the bytes came in.
  const own = bytes.slice();
  if (own.length < 12) throw new Error('a stored article surface is cut short');
  const [words, sentences, terms] = new Uint32Array(own.buffer, 0, 3);
  const layout = surfaceLayout(words, sentences, terms);
  if (own.length !== layout.bytes) throw new Error('a stored article surface has the wrong length');
  const termIds = new Uint32Array(own.buffer, 4 * layout.termIds, terms);
  const indices = termIndices(own.buffer, layout);
  const wordIds = new Uint32Array(words);
  const quoted = new Uint8Array(words);
  for (let k = 0; k < words; k++) {
    if (indices[k] >= terms) throw new Error('a stored article surface names a term it does not hold');
    wordIds[k] = termIds[indices[k]];
    quoted[k] = (own[layout.quoted + (k >> 3)] >> (k & 7)) & 1;
  }
  return {
    words: wordIds,
    sentenceWords: new Uint32Array(own.buffer, 4 * layout.sentenceWords, sentences),
    quoted,
    termIds,
    termWeights: new Float32Array(own.buffer, 4 * layout.termWeights, terms),
    sortedTermIds: termIds.slice().sort(),
  };
}

/** Where each part of an encoded surface starts (32-bit parts in 4-byte units, the rest in bytes). */
function surfaceLayout(words: number, sentences: number, terms: number) {
  const termIds = 3;
  const termWeights = termIds + terms;
  const sentenceWords = termWeights + terms;
  const ints = sentenceWords + sentences;
  const width = terms <= 0x100 ? 1 : terms <= 0x10000 ? 2 : 4;
  const quoted = 4 * ints + width * words;
  return { termIds, termWeights, sentenceWords, ints, width, quoted, bytes: quoted + Math.ceil(words / 8) };
}

/** The words' term indices of an encoded surface, as a view of the width its layout gives. */
function termIndices(buffer: ArrayBufferLike, layout: ReturnType<typeof surfaceLayout>) {
  const at = 4 * layout.ints;
  const n = (layout.quoted - at) / layout.width;
  return layout.width === 1
    ? new Uint8Array(buffer, at, n)
    : layout.width === 2
      ? new Uint16Array(buffer, at, n)
      : new Uint32Array(buffer, at, n);
}
