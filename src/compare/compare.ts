/**
 * The whole pair pipeline: profiles → candidate sentence pairs → paraphrase model → alignment →
 * facts → relation. Pure: the lexicon and the model come in as arguments.
 */
import { type Alignment, alignSentences, type ScoredPair } from '../align/align.js';
import type { Article } from '../article/types.js';
import {
  compareFacts,
  countSharedFacts,
  extractFacts,
  type Fact,
  type FactComparison,
  meaningChanges,
} from '../facts/index.js';
import { type Relation, type RelationInput, relate } from '../relate/relate.js';
import { type BoostedModel, predictProbability } from '../similarity/boosting.js';
import { pairFeatures } from '../similarity/features.js';
import { dot, type Profiles, profileSentences, termsOf } from '../similarity/profile.js';
import { sequenceHash } from '../text/hash.js';
import type { Lexicon } from '../text/lexicon/types.js';
import { tokenize } from '../text/tokens.js';
import { type ArticleSurface, type PairSurface, pairSurface, surfaceOf } from './surface.js';

export interface CompareContext {
  lexicon: Lexicon;
  model: BoostedModel;
}

export interface CompareOptions {
  /**
   * Sentence pairs below both cheap similarities (shared weighted words; cosine of the SIF
   * sentence vectors) are not scored by the model: it keeps article pairs fast without losing
   * paraphrases, which share either words or meaning. The vector cutoff is high because any two
   * news sentences' averaged vectors point roughly the same way.
   */
  prefilterOverlap: number;
  prefilterVector: number;
  /** ...but every sentence's best few partners are scored anyway... */
  partnersPerSentence: number;
  /** ...if they reach this share of a cutoff (a sentence with no plausible partner has none). */
  partnerFloor: number;
  /**
   * A sentence of at least `liftedWords` words whose words appear, in order, for `liftedShare`
   * of its length inside the other sentence was lifted from it.
   */
  liftedWords: number;
  liftedShare: number;
  /**
   * Two sentences sharing this share of the larger one's content weight, each the other's best,
   * are a lightly edited pair: their rivals are not scored.
   */
  dominantOverlap: number;
  /**
   * Passages: tiles of at least `passageWords` consecutive content words (stopwords skipped, so
   * "quitting the BBC" is a tile of two); a sentence reuses when `passageShare` of its
   * content words lie in passages (fitted with the relation's passage thresholds:
   * `src/scripts/fit-relation.ts`).
   */
  passageWords: number;
  passageShare: number;
}

/** A lifted sentence counts as a confident pair, aligned as near-verbatim. */
const LIFTED_PROBABILITY = 0.9;
const LIFTED_SURFACE = 0.8;

export const defaultCompareOptions: CompareOptions = {
  liftedWords: 6,
  liftedShare: 0.9,
  dominantOverlap: 0.8,
  prefilterOverlap: 0.2,
  prefilterVector: 0.85,
  partnersPerSentence: 1,
  partnerFloor: 0.5,
  passageWords: 2,
  passageShare: 0.2,
};

export interface ArticleSummary {
  id: string;
  title: string;
  source?: string;
  url?: string;
  site?: string;
  published?: string;
  sentences: Array<{ text: string; start: number; end: number; section: number }>;
  sections: Array<{ title?: string; start: number; end: number }>;
  furniture: string[];
}

export interface FactSummary {
  shared: Array<{ text: string; kind: string; textB: string }>;
  onlyA: Array<{ text: string; kind: string }>;
  onlyB: Array<{ text: string; kind: string }>;
  conflicts: Array<{ kind: string; a: string; b: string; reason: string }>;
}

export interface MeaningChange {
  /** Index into `alignments`. */
  alignment: number;
  kind: 'negation' | 'number';
  detail: string;
}

/** The `newstrace compare --json` contract (see ARCHITECTURE.md). */
export interface Comparison {
  a: ArticleSummary;
  b: ArticleSummary;
  relation: Relation;
  alignments: Alignment[];
  facts: FactSummary;
  changes: MeaningChange[];
}

/**
 * An article with the work that does not depend on the other side done: sentence profiles, facts,
 * term weights. A corpus compares each article with several candidates; preparing it once makes
 * each further comparison cheaper.
 */
export interface PreparedArticle {
  article: Article;
  profiles: Profiles;
  facts: Fact[];
  /** Content words and weighted vocabulary: what the surface screen and tiling read. */
  surface: ArticleSurface;
  /** News agencies the article credits, as written: read once, not at every comparison. */
  credits: string[];
}

export function prepareArticle(article: Article, ctx: CompareContext): PreparedArticle {
  const tokens = tokenize(article.text);
  const profiles = profileSentences(article.text, article.sentences, tokens, ctx.lexicon);
  return {
    article,
    profiles,
    facts: extractFacts(article.text, { lexicon: ctx.lexicon, sentences: article.sentences, tokens }),
    surface: surfaceOf(profiles),
    credits: credits(article),
  };
}

const prepared = (x: Article | PreparedArticle, ctx: CompareContext): PreparedArticle =>
  'profiles' in x ? x : prepareArticle(x, ctx);

/**
 * Everything the relation of two articles is decided from. Exposed so that the relation's
 * thresholds can be fitted (`src/scripts/fit-relation.ts`) without re-running alignment.
 */
export function examinePair(
  first: Article | PreparedArticle,
  second: Article | PreparedArticle,
  ctx: CompareContext,
  options: Partial<CompareOptions> = {},
  /** The pair's surface, when the caller has computed it already (`pairSurface`). */
  surface?: PairSurface,
): {
  a: PreparedArticle;
  b: PreparedArticle;
  alignments: Alignment[];
  facts: FactComparison;
  input: RelationInput;
} {
  const opt = { ...defaultCompareOptions, ...options };
  const A = prepared(first, ctx);
  const B = prepared(second, ctx);
  const alignments = alignPair(A, B, ctx, opt);
  const facts = compareFacts(A.facts, B.facts, { a: A.article.text, b: B.article.text });
  const input = inputOf(
    A,
    B,
    alignments,
    facts.shared.length,
    surface ?? pairSurface(A.surface, B.surface, opt),
  );
  return { a: A, b: B, alignments, facts, input };
}

/**
 * What the relation of two prepared articles is decided from, and nothing more: `examinePair`'s
 * `input` without the comparison of their facts that only a report shows (what each side alone
 * holds, conflicts), which a corpus would otherwise compute for every candidate it verifies.
 */
export function relationInput(
  A: PreparedArticle,
  B: PreparedArticle,
  ctx: CompareContext,
  surface: PairSurface,
): RelationInput {
  const alignments = alignPair(A, B, ctx, defaultCompareOptions);
  return inputOf(A, B, alignments, countSharedFacts(A.facts, B.facts), surface);
}

/** The two articles' sentences scored in pairs and aligned. */
function alignPair(
  A: PreparedArticle,
  B: PreparedArticle,
  ctx: CompareContext,
  opt: CompareOptions,
): Alignment[] {
  const pairs = scorePairs(A.profiles, B.profiles, ctx, opt);
  return alignSentences(A.profiles.count, B.profiles.count, pairs, { threshold: ctx.model.threshold });
}

function inputOf(
  A: PreparedArticle,
  B: PreparedArticle,
  alignments: Alignment[],
  sharedFacts: number,
  surface: PairSurface,
): RelationInput {
  return {
    sentencesA: A.profiles.count,
    sentencesB: B.profiles.count,
    alignments,
    sharedFacts,
    ...surface,
    publishedA: A.article.published,
    datelineA: A.article.dateline?.date,
    creditsA: A.credits,
    ...secondSide(B.article, B.credits),
  };
}

/** What the relation reads of the second article besides its text: when it was published, and whom it credits. */
const secondSide = (b: Article, creditsB: string[]) => ({
  publishedB: b.published,
  datelineB: b.dateline?.date,
  creditsB,
});

/**
 * The relation input of an examined pair with its second article replaced by `twin`, an article of
 * the same text and sentences (a reprint of it): the sentences' scores, the alignment and the facts
 * depend on the texts alone, so a corpus compares a text with its reprints once and decides each
 * reprint's relation from its own date.
 */
export function withTwinAsSecond(input: RelationInput, twin: Article): RelationInput {
  return { ...input, ...secondSide(twin, credits(twin)) };
}

/** Whether `x` and `y` are one text read into the same sentences (a reprint and its original). */
export function sameText(x: Article, y: Article): boolean {
  if (x.text !== y.text || x.sentences.length !== y.sentences.length) return false;
  return x.sentences.every((s, k) => s.start === y.sentences[k].start && s.end === y.sentences[k].end);
}

/**
 * The pair's relation and what it rests on (aligned sentences, compared facts), without the parts
 * only a report shows (summaries, meaning changes): what a corpus computes for every candidate
 * it verifies.
 */
export function relateArticles(
  first: Article | PreparedArticle,
  second: Article | PreparedArticle,
  ctx: CompareContext,
  options: Partial<CompareOptions> = {},
  surface?: PairSurface,
): {
  A: PreparedArticle;
  B: PreparedArticle;
  alignments: Alignment[];
  facts: FactComparison;
  relation: Relation;
} {
  const pair = examinePair(first, second, ctx, options, surface);
  return {
    A: pair.a,
    B: pair.b,
    alignments: pair.alignments,
    facts: pair.facts,
    relation: relate(pair.input),
  };
}

export function compareArticles(
  first: Article | PreparedArticle,
  second: Article | PreparedArticle,
  ctx: CompareContext,
  options: Partial<CompareOptions> = {},
): Comparison {
  const { A, B, alignments, facts, relation } = relateArticles(first, second, ctx, options);
  const a = A.article;
  const b = B.article;
  return {
    a: summarise(a),
    b: summarise(b),
    relation,
    alignments,
    facts: summariseFacts(facts),
    changes: changedMeanings(a, b, alignments).map(({ alignment, kind, detail }) => ({
      alignment,
      kind,
      detail,
    })),
  };
}

/**
 * The aligned passages of `a` and `b` (any kind but `related`) whose meaning changed: a negation on
 * one side only, or another figure; with the two passages' text.
 */
export function changedMeanings(
  a: Article,
  b: Article,
  alignments: readonly Alignment[],
): Array<MeaningChange & { textA: string; textB: string }> {
  const out: Array<MeaningChange & { textA: string; textB: string }> = [];
  alignments.forEach((al, index) => {
    if (al.kind === 'related') return;
    const textA = al.a.map((i) => a.sentences[i].text).join(' ');
    const textB = al.b.map((j) => b.sentences[j].text).join(' ');
    for (const c of meaningChanges(textA, textB)) out.push({ alignment: index, ...c, textA, textB });
  });
  return out;
}

/**
 * Scores the sentence pairs worth scoring. A cheap all-pairs pass (one dot product of sentence
 * vectors, one lookup of shared stems) picks the candidates; only those get the full features.
 */
export function scorePairs(
  pa: Profiles,
  pb: Profiles,
  ctx: CompareContext,
  opt: CompareOptions,
): ScoredPair[] {
  const n = pa.count;
  const m = pb.count;
  // A sentence found word for word on the other side, or nearly (see settleDominantPairs), is
  // aligned with it: its other pairs could only lose to that one, so they are not scored (copies,
  // reprints and light edits then cost O(sentences) model calls).
  const { partnerA, partnerB } = identicalSentences(pa, pb, opt.liftedWords);
  const { cheap, overlaps } = cheapScores(pa, pb, partnerA, partnerB, opt);
  const chosen = new Uint8Array(n * m);
  settleDominantPairs(overlaps, n, m, partnerA, partnerB, opt.dominantOverlap);
  for (let i = 0; i < n; i++) if (partnerA[i] >= 0) chosen[i * m + partnerA[i]] = 1;
  for (let i = 0; i < n; i++) {
    if (partnerA[i] >= 0) continue;
    for (let j = 0; j < m; j++) if (partnerB[j] < 0 && cheap[i * m + j] >= 1) chosen[i * m + j] = 1;
  }
  for (let i = 0; i < n; i++) if (partnerA[i] < 0) markBest(cheap, chosen, i * m, 1, m, opt);
  for (let j = 0; j < m; j++) if (partnerB[j] < 0) markBest(cheap, chosen, j, m, n, opt);

  const out: ScoredPair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!chosen[i * m + j]) continue;
      const f = pairFeatures(pa, i, pb, j, ctx.lexicon);
      // A sentence found word for word inside a longer one (cut short, or extended with an
      // attribution) is reuse, though the paraphrase model, trained on equivalence, says the two
      // do not mean the same.
      const shorter = Math.min(termsOf(pa, i), termsOf(pb, j));
      const lifted = shorter >= opt.liftedWords && f.lcs >= opt.liftedShare * shorter;
      const probability = predictProbability(ctx.model, f.values);
      out.push({
        i,
        j,
        probability: lifted ? Math.max(probability, LIFTED_PROBABILITY) : probability,
        containedInB: f.softInB,
        containedInA: f.softInA,
        surface: lifted ? Math.max(f.surface, LIFTED_SURFACE) : f.surface,
        sharedAnchors: f.sharedAnchors,
      });
    }
  }
  return out;
}

/**
 * The cheap all-pairs pass over the sentences without a partner: the share of content weight two
 * sentences share (`overlaps`) and, for ranking partners, the larger of it and the cosine of
 * their sentence vectors, each relative to its own cutoff (`cheap`).
 */
function cheapScores(
  pa: Profiles,
  pb: Profiles,
  partnerA: Int32Array,
  partnerB: Int32Array,
  opt: CompareOptions,
): { cheap: Float32Array; overlaps: Float32Array } {
  const n = pa.count;
  const m = pb.count;
  const cheap = new Float32Array(n * m);
  const overlaps = new Float32Array(n * m);
  const shared = sharedWeights(pa, pb, partnerA, partnerB);
  const free: number[] = [];
  for (let j = 0; j < m; j++) if (partnerB[j] < 0) free.push(j);
  const vectors = new Float64Array(free.length);
  for (let i = 0; i < n; i++) {
    if (partnerA[i] >= 0) continue;
    sifCosines(pa, i, pb, free, vectors);
    for (let f = 0; f < free.length; f++) {
      const j = free[f];
      const overlap = shared[i * m + j] / Math.max(pa.contentWeight[i], pb.contentWeight[j], 1e-9);
      overlaps[i * m + j] = overlap;
      cheap[i * m + j] = Math.max(vectors[f] / opt.prefilterVector, overlap / opt.prefilterOverlap);
    }
  }
  return { cheap, overlaps };
}

/**
 * The summed weight (A's weights) of the content stems shared by every pair of free sentences,
 * from an index of A's content stems: the work is the stems the two sides share, not n·m merges.
 * Each pair's weights are added in order of stem id, the order of a merge, so the sums are the
 * same to the last bit.
 */
function sharedWeights(pa: Profiles, pb: Profiles, partnerA: Int32Array, partnerB: Int32Array): Float64Array {
  const m = pb.count;
  const shared = new Float64Array(pa.count * m);
  let total = 0;
  for (let i = 0; i < pa.count; i++)
    if (partnerA[i] < 0) total += pa.contentStart[i + 1] - pa.contentStart[i];
  // Posting lists as linked typed arrays: stem id → first entry, entry → next entry.
  const head = new Map<number, number>();
  const sentence = new Int32Array(total);
  const weight = new Float32Array(total);
  const next = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < pa.count; i++) {
    if (partnerA[i] >= 0) continue;
    for (let k = pa.contentStart[i]; k < pa.contentStart[i + 1]; k++) {
      sentence[at] = i;
      weight[at] = pa.contentIdWeights[k];
      next[at] = head.get(pa.contentIds[k]) ?? -1;
      head.set(pa.contentIds[k], at++);
    }
  }
  const ids = pb.contentIds;
  for (let j = 0; j < m; j++) {
    if (partnerB[j] >= 0) continue;
    for (let k = pb.contentStart[j]; k < pb.contentStart[j + 1]; k++) {
      for (let e = head.get(ids[k]) ?? -1; e >= 0; e = next[e]) shared[sentence[e] * m + j] += weight[e];
    }
  }
  return shared;
}

/**
 * The cosines of sentence `i` of `pa` with each sentence j of `free` in `pb` into `out` (their SIF
 * vectors are unit length). Four products run side by side: each sum keeps the order of `dot`
 * (rounding is order-dependent), while the four chains overlap in time.
 */
function sifCosines(pa: Profiles, i: number, pb: Profiles, free: number[], out: Float64Array): void {
  const dims = pa.dims;
  const sif = pa.sif;
  const x = pb.sif;
  const o = i * dims;
  let f = 0;
  for (; f + 3 < free.length; f += 4) {
    const o0 = free[f] * dims;
    const o1 = free[f + 1] * dims;
    const o2 = free[f + 2] * dims;
    const o3 = free[f + 3] * dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < dims; d++) {
      const v = sif[o + d];
      s0 += v * x[o0 + d];
      s1 += v * x[o1 + d];
      s2 += v * x[o2 + d];
      s3 += v * x[o3 + d];
    }
    out[f] = s0;
    out[f + 1] = s1;
    out[f + 2] = s2;
    out[f + 3] = s3;
  }
  for (; f < free.length; f++) out[f] = dot(sif, x, o, free[f] * dims, dims);
}

/**
 * Pairs whose shared content weighs at least `minOverlap` of the larger sentence's, each the
 * other's best: lightly edited sentences. A sentence split or merged elsewhere cannot share that
 * much, so the pair's rivals need no scoring either. Adds them to the partner arrays.
 */
function settleDominantPairs(
  overlaps: Float32Array,
  n: number,
  m: number,
  partnerA: Int32Array,
  partnerB: Int32Array,
  minOverlap: number,
): void {
  const bestOfA = new Int32Array(n).fill(-1);
  const bestOfB = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    if (partnerA[i] >= 0) continue;
    for (let j = 0; j < m; j++) {
      if (partnerB[j] >= 0) continue;
      const o = overlaps[i * m + j];
      if (o < minOverlap) continue;
      if (bestOfA[i] < 0 || o > overlaps[i * m + bestOfA[i]]) bestOfA[i] = j;
      if (bestOfB[j] < 0 || o > overlaps[bestOfB[j] * m + j]) bestOfB[j] = i;
    }
  }
  for (let i = 0; i < n; i++) {
    const j = bestOfA[i];
    if (j >= 0 && bestOfB[j] === i) {
      partnerA[i] = j;
      partnerB[j] = i;
    }
  }
}

/**
 * Pairs of sentences with the same words in the same order (as stems), each sentence in at most
 * one pair, in reading order; sentences shorter than `minWords` are left to the model, since short
 * stock sentences ("He declined to comment.") repeat without being reused.
 */
function identicalSentences(
  pa: Profiles,
  pb: Profiles,
  minWords: number,
): { partnerA: Int32Array; partnerB: Int32Array } {
  const partnerA = new Int32Array(pa.count).fill(-1);
  const partnerB = new Int32Array(pb.count).fill(-1);
  const free = new Map<number, number[]>();
  for (let j = 0; j < pb.count; j++) {
    if (termsOf(pb, j) < minWords) continue;
    const key = sentenceHash(pb, j);
    const list = free.get(key);
    if (list) list.push(j);
    else free.set(key, [j]);
  }
  if (free.size === 0) return { partnerA, partnerB };
  for (let i = 0; i < pa.count; i++) {
    if (termsOf(pa, i) < minWords) continue;
    const list = free.get(sentenceHash(pa, i));
    if (!list) continue;
    const k = list.findIndex((j) => sameSequence(pa, i, pb, j));
    if (k < 0) continue;
    const j = list[k];
    list.splice(k, 1);
    partnerA[i] = j;
    partnerB[j] = i;
  }
  return { partnerA, partnerB };
}

/** `sequenceHash` of sentence `s`'s stem ids. */
const sentenceHash = (p: Profiles, s: number): number =>
  sequenceHash(p.stemIds, p.termStart[s], p.termStart[s + 1]);

function sameSequence(pa: Profiles, i: number, pb: Profiles, j: number): boolean {
  const n = termsOf(pa, i);
  if (n !== termsOf(pb, j)) return false;
  const a0 = pa.termStart[i];
  const b0 = pb.termStart[j];
  for (let k = 0; k < n; k++) if (pa.stemIds[a0 + k] !== pb.stemIds[b0 + k]) return false;
  return true;
}

/** Marks the `count` highest cells of a strided row or column of `cheap`. */
function markBest(
  cheap: Float32Array,
  chosen: Uint8Array,
  offset: number,
  stride: number,
  length: number,
  opt: CompareOptions,
): void {
  // Kept in order of value, ties in order of position: an insertion, as a stable sort would.
  const best: number[] = [];
  const count = opt.partnersPerSentence;
  for (let k = 0; k < length; k++) {
    const cell = offset + k * stride;
    const value = cheap[cell];
    if (value < opt.partnerFloor) continue;
    let at = best.length;
    while (at > 0 && cheap[best[at - 1]] < value) at--;
    if (at >= count) continue;
    best.splice(at, 0, cell);
    if (best.length > count) best.pop();
  }
  for (const cell of best) chosen[cell] = 1;
}

/** Agencies an article credits: the agency of its dateline, or one it names as the source. */
function credits(article: Article): string[] {
  // One entry per agency whatever its case ("UNS", "Uns"), shown as the article first wrote it.
  const found = new Map<string, string>();
  const add = (name: string) => {
    if (!found.has(name.toLowerCase())) found.set(name.toLowerCase(), name);
  };
  if (article.dateline?.credit) add(article.dateline.credit);
  for (const m of article.text.matchAll(SOURCE_CREDIT)) add(m[1]);
  return [...found.values()];
}

/** "Source: Meridian Press", "(Meridian Press)" on a line of its own, "By Meridian Press". */
const SOURCE_CREDIT =
  /^(?:source|courtesy|via|by|credit)\s*:?\s+([A-Z][A-Za-z&.' ]{1,38}?(?:Press|News|Agency|Wire|Service|AP|AFP|Reuters|UNS|APP|PTI))\s*$/gm;

function summarise(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    url: article.url,
    site: article.site,
    published: article.published,
    sentences: article.sentences.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      section: s.section,
    })),
    sections: article.sections,
    furniture: article.furniture,
  };
}

function summariseFacts(c: FactComparison): FactSummary {
  return {
    shared: c.shared.map((s) => ({ text: s.text, kind: s.kind, textB: s.b.text })),
    onlyA: c.onlyA.map((s) => ({ text: s.text, kind: s.kind })),
    onlyB: c.onlyB.map((s) => ({ text: s.text, kind: s.kind })),
    conflicts: c.conflicts.map((s) => ({ kind: s.kind, a: s.a, b: s.b, reason: s.reason })),
  };
}
