/**
 * Greedy String Tiling (Wise 1993) of two token sequences: the passages they share, longest
 * first, each token in at most one tile. This is how METER's authors measured text reuse from
 * agency copy. A derived text shares runs of words with its source in sentence after sentence;
 * an independent report of the same event shares names and scattered words, and the quotations
 * both reporters wrote down. (Measured on METER: runs of two or more content words, counted per
 * sentence, separate the two better than the longest run or the share in long runs.)
 *
 * Tokens are 32-bit ids (stem hashes), so a tiling is integer comparisons over typed arrays.
 */

export interface Tile {
  /** Start of the tile in A and in B, and its length in tokens. */
  a: number;
  b: number;
  length: number;
}

export interface TilingSummary {
  tiles: Tile[];
  /** Tokens of A (of B) inside a tile. */
  tiledA: number;
  tiledB: number;
  longest: number;
}

/**
 * Tiles of at least `minLength` tokens. Each round finds the longest matches between tokens not
 * yet tiled and tiles those that do not overlap one tiled earlier in the round; a match cut short
 * by a tile is found again, shorter, in a later round, as in the original algorithm.
 *
 * Candidate starts come from equal `minLength`-gram hashes, found once by sorting both sides'
 * gram hashes: a round then only extends those candidates still untiled.
 */
export function greedyStringTiling(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  minLength: number,
): TilingSummary {
  const tiles: Tile[] = [];
  const markedA = new Uint8Array(a.length);
  const markedB = new Uint8Array(b.length);
  const [candA, candB] = seedPairs(a, b, minLength);
  let tiledA = 0;
  let tiledB = 0;
  let longest = 0;
  const lengths = new Int32Array(candA.length);
  for (;;) {
    let best = 0;
    for (let c = 0; c < candA.length; c++) {
      const i = candA[c];
      const j = candB[c];
      // Only a left-maximal start: the run one token earlier is the same match, longer.
      if (i > 0 && j > 0 && !markedA[i - 1] && !markedB[j - 1] && a[i - 1] === b[j - 1]) {
        lengths[c] = 0;
        continue;
      }
      let k = 0;
      while (
        i + k < a.length &&
        j + k < b.length &&
        !markedA[i + k] &&
        !markedB[j + k] &&
        a[i + k] === b[j + k]
      )
        k++;
      lengths[c] = k;
      if (k > best) best = k;
    }
    if (best < minLength) break;
    for (let c = 0; c < candA.length; c++) {
      if (lengths[c] !== best) continue;
      const i = candA[c];
      const j = candB[c];
      // An earlier tile of this round may occlude this match (same length, overlapping).
      let free = true;
      for (let k = 0; k < best && free; k++) if (markedA[i + k] || markedB[j + k]) free = false;
      if (!free) continue;
      markedA.fill(1, i, i + best);
      markedB.fill(1, j, j + best);
      tiles.push({ a: i, b: j, length: best });
      tiledA += best;
      tiledB += best;
    }
    if (best > longest) longest = best;
  }
  return { tiles, tiledA, tiledB, longest };
}

/**
 * Every (i, j) whose `n`-grams are equal, in order of i. Both sides' gram hashes are sorted with
 * their positions and merged; equal hashes are checked token by token, so collisions do no harm.
 */
function seedPairs(a: ArrayLike<number>, b: ArrayLike<number>, n: number): [Int32Array, Int32Array] {
  const ga = gramOrder(a, n);
  const gb = gramOrder(b, n);
  const outA: number[] = [];
  const outB: number[] = [];
  let p = 0;
  let q = 0;
  while (p < ga.hashes.length && q < gb.hashes.length) {
    const h = ga.hashes[p];
    if (h < gb.hashes[q]) p++;
    else if (h > gb.hashes[q]) q++;
    else {
      let pEnd = p;
      while (pEnd < ga.hashes.length && ga.hashes[pEnd] === h) pEnd++;
      let qEnd = q;
      while (qEnd < gb.hashes.length && gb.hashes[qEnd] === h) qEnd++;
      for (let x = p; x < pEnd; x++) {
        for (let y = q; y < qEnd; y++) {
          const i = ga.starts[x];
          const j = gb.starts[y];
          let same = true;
          for (let k = 0; k < n && same; k++) same = a[i + k] === b[j + k];
          if (same) {
            outA.push(i);
            outB.push(j);
          }
        }
      }
      p = pEnd;
      q = qEnd;
    }
  }
  return [Int32Array.from(outA), Int32Array.from(outB)];
}

interface GramOrder {
  hashes: Float64Array;
  starts: Int32Array;
}

/**
 * Gram orders memoised by sequence: verification tiles a new article with each of its candidates,
 * and a kept article with each new article it is a candidate of, so one sequence's grams were
 * hashed and sorted again for every pair (~2% of ingest's main thread). A sequence is not changed
 * once made (a surface's words), so its order is its own; invisible to callers.
 */
const gramOrders = new WeakMap<ArrayLike<number>, { n: number; order: GramOrder }>();

/** Hashes of the n-grams of a sequence, sorted, with the start of each. */
function gramOrder(ids: ArrayLike<number>, n: number): GramOrder {
  const known = gramOrders.get(ids);
  if (known?.n === n) return known.order;
  const count = Math.max(0, ids.length - n + 1);
  // Hash high, position low in one exact double (32 + 20 bits: texts of up to a million tokens),
  // so that one native sort orders both.
  const packed = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let h = 0x811c9dc5;
    for (let t = 0; t < n; t++) h = Math.imul(h ^ ids[k + t], 0x01000193);
    packed[k] = (h >>> 0) * 2 ** 20 + k;
  }
  packed.sort();
  const hashes = new Float64Array(count);
  const starts = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    starts[k] = packed[k] % 2 ** 20;
    hashes[k] = Math.floor(packed[k] / 2 ** 20);
  }
  const order = { hashes, starts };
  gramOrders.set(ids, { n, order });
  return order;
}

export interface PassageReuse {
  /** Share of A's (B's) tokens inside a shared passage (a tile). */
  tiledA: number;
  tiledB: number;
  /**
   * Share of A's (B's) tokens in sentences that reuse: sentences at least `sentenceShare` of
   * whose tokens lie in tiles. A sentence built around taken passages counts whole, because the
   * rest of it is usually the same sentence lightly edited; a sentence with one shared name or
   * phrase does not count at all.
   */
  passageA: number;
  passageB: number;
  /** Length of the longest tile, in tokens. */
  longest: number;
  /**
   * The longest run of tiled tokens quoted on neither side. Two reporters at one press
   * conference write down the same quotation; only a copy shares the reporter's own sentences.
   */
  longestNarrative: number;
}

export interface PassageOptions {
  minLength: number;
  sentenceShare: number;
}

/** A text to tile: token ids in reading order, each sentence's token count, 1 where quoted. */
export interface TilingText {
  words: ArrayLike<number>;
  sentences: ArrayLike<number>;
  quoted: ArrayLike<number>;
}

/** Passage-level reuse of two texts from their tiling. */
export function passageReuse(a: TilingText, b: TilingText, opt: PassageOptions): PassageReuse {
  const tiling = greedyStringTiling(a.words, b.words, opt.minLength);
  const markedA = new Uint8Array(a.words.length);
  const markedB = new Uint8Array(b.words.length);
  let longestNarrative = 0;
  for (const t of tiling.tiles) {
    markedA.fill(1, t.a, t.a + t.length);
    markedB.fill(1, t.b, t.b + t.length);
    let run = 0;
    for (let k = 0; k < t.length; k++) {
      run = a.quoted[t.a + k] || b.quoted[t.b + k] ? 0 : run + 1;
      if (run > longestNarrative) longestNarrative = run;
    }
  }
  return {
    tiledA: a.words.length ? tiling.tiledA / a.words.length : 0,
    tiledB: b.words.length ? tiling.tiledB / b.words.length : 0,
    passageA: reusingShare(markedA, a.sentences, opt.sentenceShare),
    passageB: reusingShare(markedB, b.sentences, opt.sentenceShare),
    longest: tiling.longest,
    longestNarrative,
  };
}

function reusingShare(marked: Uint8Array, sentences: ArrayLike<number>, share: number): number {
  let at = 0;
  let reusing = 0;
  for (let s = 0; s < sentences.length; s++) {
    const length = sentences[s];
    let tiled = 0;
    for (let k = at; k < at + length; k++) tiled += marked[k];
    if (length > 0 && tiled >= share * length) reusing += length;
    at += length;
  }
  return marked.length ? reusing / marked.length : 0;
}
