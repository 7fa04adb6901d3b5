/**
 * Sentence alignment of two articles: which sentences of A retell which sentences of B.
 *
 * Two kinds of evidence. A pair the paraphrase model is confident about (an anchor) is aligned
 * wherever it sits, so reordered passages are found. Loose retellings — a rewrite that reworded
 * heavily — score lower, and are aligned only where they fall in order between anchors: a
 * monotone dynamic-programming path (as in Gale–Church and Bleualign) over the probability
 * matrix, with one-to-two and two-to-one steps for split and merged sentences.
 */

export type AlignmentKind = 'verbatim' | 'near-verbatim' | 'paraphrase' | 'related';

export interface Alignment {
  /** Sentence indices into A, ascending. */
  a: number[];
  /** Sentence indices into B, ascending. */
  b: number[];
  kind: AlignmentKind;
  /** Paraphrase probability of the group's strongest pair (0..1). */
  score: number;
}

/** What the similarity stage says about one candidate sentence pair. */
export interface ScoredPair {
  i: number;
  j: number;
  /** Probability that the two sentences say the same thing. */
  probability: number;
  /** Share of A-sentence content (weighted) found in the B sentence, exact or soft. */
  containedInB: number;
  /** Share of B-sentence content found in the A sentence. */
  containedInA: number;
  /** Lexical closeness of the surface forms, 0..1 (1 = same words in the same order). */
  surface: number;
  /** Names or numbers in common: a "related" pair shares these without retelling. */
  sharedAnchors: number;
}

export interface AlignOptions {
  /** Probability at or above which a pair is a retelling on its own evidence (an anchor). */
  threshold: number;
  /** Probability at or above which a pair in order with anchors is a retelling. */
  pathThreshold: number;
  /**
   * Weak steps of the path (below `threshold`) kept before the first anchor and after the last.
   * Between anchors the order vouches for a weak step; beyond them only the next step does. Two
   * unrelated posts of one blog, sharing only its newsletter blurb at their ends, otherwise had
   * every in-order pair above `pathThreshold` before the blurb aligned as "paraphrase" ("1." with
   * "One thing was clear to me": same-topic sentences score 0.3-0.5).
   */
  stepsBeyondAnchors: number;
  /** A second sentence joins a split/merge step when its own probability is at least this. */
  joinProbability: number;
  /** Probability enough for a lone sentence sandwiched between aligned steps on both sides. */
  gapThreshold: number;
  /**
   * Share of an unaligned sentence's content found in the single sentence its neighbour is
   * aligned with, from which it joins that step: a merged sentence ("Ferries will run every 15
   * minutes, and bus routes 4 and 11 will be diverted") holds the whole of the short sentence it
   * took in, which the paraphrase model, asked whether the two say the same, rates low.
   */
  containedJoin: number;
  /** `surface` at or above which an aligned pair is verbatim / near-verbatim. */
  verbatimSurface: number;
  nearVerbatimSurface: number;
  /**
   * Sentences on the longer side up to which the probabilities above hold as they are. Each
   * sentence takes its best partners among the other side's, and among thousands the best clears
   * a threshold by chance (an unrelated article against a page of 2,800 sentences: "retold" for
   * 60-78% of its sentences). Beyond this length the chance a threshold leaves, 1 − threshold,
   * shrinks in proportion (a Bonferroni-like correction); news articles have tens of sentences.
   */
  chanceSentences: number;
}

export const defaultAlignOptions: AlignOptions = {
  threshold: 0.5,
  pathThreshold: 0.22,
  stepsBeyondAnchors: 1,
  joinProbability: 0.3,
  gapThreshold: 0.1,
  containedJoin: 0.95,
  verbatimSurface: 0.97,
  nearVerbatimSurface: 0.75,
  chanceSentences: 200,
};

/** `opt` with its probabilities corrected for a longer side of `longer` sentences (`chanceSentences`). */
function forLength(opt: AlignOptions, longer: number): AlignOptions {
  if (longer <= opt.chanceSentences) return opt;
  const stricter = (p: number) => 1 - ((1 - p) * opt.chanceSentences) / longer;
  return {
    ...opt,
    threshold: stricter(opt.threshold),
    pathThreshold: stricter(opt.pathThreshold),
    joinProbability: stricter(opt.joinProbability),
    gapThreshold: stricter(opt.gapThreshold),
  };
}

interface Group {
  a: number[];
  b: number[];
  best: ScoredPair;
}

export function alignSentences(
  n: number,
  m: number,
  pairs: readonly ScoredPair[],
  options: Partial<AlignOptions> = {},
): Alignment[] {
  const opt = forLength({ ...defaultAlignOptions, ...options }, Math.max(n, m));
  const at = new Map<number, ScoredPair>();
  // The path reads probabilities six times a cell: a dense matrix, not map lookups.
  const probability = new Float64Array(n * m);
  for (const p of pairs) {
    at.set(p.i * m + p.j, p);
    probability[p.i * m + p.j] = p.probability;
  }
  const prob = (i: number, j: number) => probability[i * m + j];

  // 1. The monotone path, its weak steps kept only between anchors or next to them.
  let groups = monotonePath(n, m, prob, opt).map((step) => groupOf(step.a, step.b, at, m));
  groups = withinAnchors(groups, opt.threshold, opt.stepsBeyondAnchors);
  groups = fillGaps(groups, at, m, opt.gapThreshold);
  groups = absorbContained(groups, at, n, m, opt.containedJoin);

  // 2. Anchors out of order: strong pairs whose sentences the path left free.
  const usedA = new Uint8Array(n);
  const usedB = new Uint8Array(m);
  for (const g of groups) {
    for (const i of g.a) usedA[i] = 1;
    for (const j of g.b) usedB[j] = 1;
  }
  const byStrength = [...pairs].sort((p, q) => q.probability - p.probability || q.surface - p.surface);
  for (const p of byStrength) {
    if (p.probability < opt.threshold) break;
    if (usedA[p.i] || usedB[p.j]) continue;
    usedA[p.i] = 1;
    usedB[p.j] = 1;
    groups.push({ a: [p.i], b: [p.j], best: p });
  }

  const out: Alignment[] = groups.map((g) => {
    const single = g.a.length === 1 && g.b.length === 1;
    let kind: AlignmentKind = 'paraphrase';
    if (single && g.best.surface >= opt.verbatimSurface) kind = 'verbatim';
    else if (single && g.best.surface >= opt.nearVerbatimSurface) kind = 'near-verbatim';
    return { a: g.a, b: g.b, kind, score: round3(g.best.probability) };
  });

  // 3. Related pairs: sentences left unaligned on both sides that share names or numbers.
  for (const p of byStrength) {
    if (usedA[p.i] || usedB[p.j]) continue;
    if (p.sharedAnchors >= 2 && p.probability >= opt.pathThreshold) {
      usedA[p.i] = 1;
      usedB[p.j] = 1;
      out.push({ a: [p.i], b: [p.j], kind: 'related', score: round3(p.probability) });
    }
  }
  return out.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
}

/** The path's steps from `beyond` steps before its first anchor to `beyond` after its last. */
function withinAnchors(groups: Group[], threshold: number, beyond: number): Group[] {
  const first = groups.findIndex((g) => g.best.probability >= threshold);
  if (first < 0) return [];
  let last = groups.length - 1;
  while (groups[last].best.probability < threshold) last--;
  return groups.slice(Math.max(0, first - beyond), last + beyond + 1);
}

/**
 * A single sentence left between two aligned steps, facing a single sentence on the other side,
 * is most likely their retelling even when reworded beyond recognition of the model ("energy
 * deficiency" for "energy-deficient country"): the order of the text vouches for it.
 */
function fillGaps(groups: Group[], at: Map<number, ScoredPair>, m: number, threshold: number): Group[] {
  const out: Group[] = [];
  groups.forEach((g, k) => {
    out.push(g);
    const next = groups[k + 1];
    if (!next) return;
    const gapA = next.a[0] - g.a[g.a.length - 1] - 1;
    const gapB = next.b[0] - g.b[g.b.length - 1] - 1;
    if (gapA !== 1 || gapB !== 1) return;
    const i = g.a[g.a.length - 1] + 1;
    const j = g.b[g.b.length - 1] + 1;
    const p = at.get(i * m + j);
    if (p && p.probability >= threshold) out.push({ a: [i], b: [j], best: p });
  });
  return out;
}

/**
 * Sentences left out of the path whose content lies (`share` of it, weighted) within the single
 * sentence an adjacent step aligns on the other side: they join that step, as a merge or a split.
 */
function absorbContained(
  groups: Group[],
  at: Map<number, ScoredPair>,
  n: number,
  m: number,
  share: number,
): Group[] {
  const usedA = new Uint8Array(n);
  const usedB = new Uint8Array(m);
  for (const g of groups) {
    for (const i of g.a) usedA[i] = 1;
    for (const j of g.b) usedB[j] = 1;
  }
  /** `own` with the sentences next to it (of `count`) that `contained` puts inside the partner. */
  const join = (
    own: number[],
    count: number,
    used: Uint8Array,
    pairWith: (k: number) => ScoredPair | undefined,
    contained: (p: ScoredPair) => number,
  ): number[] => {
    let out = own;
    for (const k of [own[0] - 1, own[own.length - 1] + 1]) {
      const p = k >= 0 && k < count && !used[k] ? pairWith(k) : undefined;
      if (p && contained(p) >= share) {
        used[k] = 1;
        out = [...out, k].sort((x, y) => x - y);
      }
    }
    return out;
  };
  return groups.map((g) => {
    const a =
      g.b.length === 1
        ? join(
            g.a,
            n,
            usedA,
            (i) => at.get(i * m + g.b[0]),
            (p) => p.containedInB,
          )
        : g.a;
    const b =
      a.length === 1 && g.b.length === 1
        ? join(
            g.b,
            m,
            usedB,
            (j) => at.get(a[0] * m + j),
            (p) => p.containedInA,
          )
        : g.b;
    return a === g.a && b === g.b ? g : { a, b, best: g.best };
  });
}

function groupOf(a: number[], b: number[], at: Map<number, ScoredPair>, m: number): Group {
  let best: ScoredPair | undefined;
  for (const i of a) {
    for (const j of b) {
      const p = at.get(i * m + j);
      if (p && (!best || p.probability > best.probability)) best = p;
    }
  }
  return { a, b, best: best as ScoredPair };
}

/**
 * Best order-preserving alignment: maximises Σ (probability − pathThreshold) over aligned steps,
 * so a pair helps only when above the threshold. Steps: skip a sentence of either side, align
 * 1–1, or align one sentence with two adjacent ones when both halves score well.
 */
export function monotonePath(
  n: number,
  m: number,
  prob: (i: number, j: number) => number,
  opt: Pick<AlignOptions, 'pathThreshold' | 'joinProbability'>,
): Array<{ a: number[]; b: number[] }> {
  const W = m + 1;
  const score = new Float64Array((n + 1) * W).fill(Number.NEGATIVE_INFINITY);
  // Move into cell (i, j): 0 skip A, 1 skip B, 2 match 1-1, 3 match 1-2, 4 match 2-1, 5 match 2-2.
  const move = new Uint8Array((n + 1) * W);
  score[0] = 0;
  const tau = opt.pathThreshold;
  const relax = (from: number, to: number, gain: number, kind: number) => {
    const s = score[from] + gain;
    if (s > score[to]) {
      score[to] = s;
      move[to] = kind;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = i * W + j;
      if (score[here] === Number.NEGATIVE_INFINITY) continue;
      if (i < n) relax(here, here + W, 0, 0);
      if (j < m) relax(here, here + 1, 0, 1);
      if (i < n && j < m) {
        const p = prob(i, j);
        if (p >= tau) relax(here, here + W + 1, p - tau, 2);
        if (j + 1 < m) {
          const q = prob(i, j + 1);
          if (p >= opt.joinProbability && q >= opt.joinProbability)
            relax(here, here + W + 2, p + q - 2 * tau, 3);
        }
        if (i + 1 < n) {
          const q = prob(i + 1, j);
          if (p >= opt.joinProbability && q >= opt.joinProbability)
            relax(here, here + 2 * W + 1, p + q - 2 * tau, 4);
        }
        if (i + 1 < n && j + 1 < m) {
          // Two sentences retold as two, with the content redistributed across the boundary
          // ("A1 A2" ↔ "B1 B2" where A2 holds the end of B1): the diagonal and one crossing pair.
          const d = prob(i + 1, j + 1);
          const cross = Math.max(prob(i + 1, j), prob(i, j + 1));
          if (Math.min(p, d, cross) >= opt.joinProbability)
            relax(here, here + 2 * W + 2, p + d + cross - 3 * tau, 5);
        }
      }
    }
  }
  const steps: Array<{ a: number[]; b: number[] }> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = move[i * W + j];
    if (k === 0) i--;
    else if (k === 1) j--;
    else if (k === 2) {
      i--;
      j--;
      steps.push({ a: [i], b: [j] });
    } else if (k === 3) {
      i--;
      j -= 2;
      steps.push({ a: [i], b: [j, j + 1] });
    } else if (k === 4) {
      i -= 2;
      j--;
      steps.push({ a: [i, i + 1], b: [j] });
    } else {
      i -= 2;
      j -= 2;
      steps.push({ a: [i, i + 1], b: [j, j + 1] });
    }
  }
  return steps.reverse();
}

/** Share of each side's sentences that belong to a retelling (any kind but `related`). */
export function coverage(n: number, m: number, alignments: readonly Alignment[]): { a: number; b: number } {
  let ca = 0;
  let cb = 0;
  for (const al of alignments) {
    if (al.kind === 'related') continue;
    ca += al.a.length;
    cb += al.b.length;
  }
  return { a: n ? ca / n : 0, b: m ? cb / m : 0 };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
