/**
 * Sentence alignment of two articles: which sentences of A retell which sentences of B.
 *
 * Rewrites reorder, split and merge sentences, so alignment is not a monotone diff: it is a
 * maximum-weight one-to-one matching on the paraphrase model's probability, then unmatched
 * sentences whose content is mostly contained in an aligned partner join that partner's group
 * (one sentence retold as two, or two merged into one).
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
  /** Probability at or above which a pair is a retelling. */
  threshold: number;
  /** A sentence joins a partner's group when this share of its content is in the partner. */
  joinContainment: number;
  /** ... and the pair's probability is at least this. */
  joinProbability: number;
  /** `surface` at or above which an aligned pair is verbatim / near-verbatim. */
  verbatimSurface: number;
  nearVerbatimSurface: number;
}

export const defaultAlignOptions: AlignOptions = {
  threshold: 0.5,
  joinContainment: 0.6,
  joinProbability: 0.2,
  verbatimSurface: 0.97,
  nearVerbatimSurface: 0.75,
};

export function alignSentences(
  n: number,
  m: number,
  pairs: readonly ScoredPair[],
  options: Partial<AlignOptions> = {},
): Alignment[] {
  const opt = { ...defaultAlignOptions, ...options };
  const partnerOfA = new Int32Array(n).fill(-1);
  const partnerOfB = new Int32Array(m).fill(-1);
  const byStrength = [...pairs].sort((p, q) => q.probability - p.probability || q.surface - p.surface);

  // 1. Greedy maximum-weight matching: within a factor of two of the optimum and, on real
  // article pairs where a true partner usually dominates its row and column, equal to it.
  const core: ScoredPair[] = [];
  for (const p of byStrength) {
    if (p.probability < opt.threshold) break;
    if (partnerOfA[p.i] >= 0 || partnerOfB[p.j] >= 0) continue;
    partnerOfA[p.i] = p.j;
    partnerOfB[p.j] = p.i;
    core.push(p);
  }

  // 2. Splits and merges: an unmatched sentence mostly contained in a matched partner joins it.
  const groupOfA = new Int32Array(n).fill(-1);
  const groupOfB = new Int32Array(m).fill(-1);
  const groups: Array<{ a: number[]; b: number[]; pairs: ScoredPair[] }> = core.map((p, g) => {
    groupOfA[p.i] = g;
    groupOfB[p.j] = g;
    return { a: [p.i], b: [p.j], pairs: [p] };
  });
  const joinable = byStrength.filter((p) => p.probability >= opt.joinProbability);
  for (const p of joinable) {
    if (groupOfA[p.i] < 0 && groupOfB[p.j] >= 0 && p.containedInB >= opt.joinContainment) {
      const g = groupOfB[p.j];
      // Only extend the side that is still a single sentence, so groups stay 1-to-many.
      if (groups[g].b.length === 1) {
        groups[g].a.push(p.i);
        groups[g].pairs.push(p);
        groupOfA[p.i] = g;
      }
    } else if (groupOfB[p.j] < 0 && groupOfA[p.i] >= 0 && p.containedInA >= opt.joinContainment) {
      const g = groupOfA[p.i];
      if (groups[g].a.length === 1) {
        groups[g].b.push(p.j);
        groups[g].pairs.push(p);
        groupOfB[p.j] = g;
      }
    }
  }

  const out: Alignment[] = groups.map((g) => {
    const best = g.pairs[0];
    const single = g.a.length === 1 && g.b.length === 1;
    let kind: AlignmentKind = 'paraphrase';
    if (single && best.surface >= opt.verbatimSurface) kind = 'verbatim';
    else if (single && best.surface >= opt.nearVerbatimSurface) kind = 'near-verbatim';
    return {
      a: g.a.sort((x, y) => x - y),
      b: g.b.sort((x, y) => x - y),
      kind,
      score: round3(best.probability),
    };
  });

  // 3. Related pairs: sentences left unaligned on both sides that share names or numbers.
  const relatedA = new Uint8Array(n);
  const relatedB = new Uint8Array(m);
  for (const p of byStrength) {
    if (groupOfA[p.i] >= 0 || groupOfB[p.j] >= 0 || relatedA[p.i] || relatedB[p.j]) continue;
    if (p.sharedAnchors >= 2 && p.probability >= opt.joinProbability) {
      relatedA[p.i] = 1;
      relatedB[p.j] = 1;
      out.push({ a: [p.i], b: [p.j], kind: 'related', score: round3(p.probability) });
    }
  }
  return out.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
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
