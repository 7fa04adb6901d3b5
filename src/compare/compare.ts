/**
 * The whole pair pipeline: profiles → candidate sentence pairs → paraphrase model → alignment →
 * facts → relation. Pure: the lexicon and the model come in as arguments.
 */
import { type Alignment, alignSentences, type ScoredPair } from '../align/align.js';
import type { Article } from '../article/types.js';
import {
  compareFacts,
  extractFacts,
  type Fact,
  type FactComparison,
  meaningChanges,
} from '../facts/index.js';
import { type Relation, relate } from '../relate/relate.js';
import { type BoostedModel, predictProbability } from '../similarity/boosting.js';
import { pairFeatures } from '../similarity/features.js';
import { dot, normalise, profileSentence, type SentenceProfile } from '../similarity/profile.js';
import type { Lexicon } from '../text/lexicon/types.js';

export interface CompareContext {
  lexicon: Lexicon;
  model: BoostedModel;
}

export interface CompareOptions {
  /**
   * Sentence pairs whose cheap similarity (vector cosine or shared weighted words) is below this
   * are not scored by the model: it keeps article pairs fast without losing paraphrases, which
   * always share either words or meaning.
   */
  prefilter: number;
  /** ...but every sentence's best few partners are scored anyway. */
  partnersPerSentence: number;
}

export const defaultCompareOptions: CompareOptions = { prefilter: 0.45, partnersPerSentence: 2 };

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

export function compareArticles(
  a: Article,
  b: Article,
  ctx: CompareContext,
  options: Partial<CompareOptions> = {},
): Comparison {
  const opt = { ...defaultCompareOptions, ...options };
  const pa = a.sentences.map((s) => profileSentence(s.text, ctx.lexicon));
  const pb = b.sentences.map((s) => profileSentence(s.text, ctx.lexicon));
  const pairs = scorePairs(pa, pb, ctx, opt);
  const alignments = alignSentences(pa.length, pb.length, pairs, { threshold: ctx.model.threshold });

  const factsA = extractFacts(a.text, { lexicon: ctx.lexicon, sentences: a.sentences });
  const factsB = extractFacts(b.text, { lexicon: ctx.lexicon, sentences: b.sentences });
  const facts = compareFacts(factsA, factsB);

  const changes: MeaningChange[] = [];
  alignments.forEach((al, index) => {
    if (al.kind === 'related') return;
    const textA = al.a.map((i) => a.sentences[i].text).join(' ');
    const textB = al.b.map((j) => b.sentences[j].text).join(' ');
    for (const c of meaningChanges(textA, textB)) changes.push({ alignment: index, ...c });
  });

  const relation = relate({
    sentencesA: pa.length,
    sentencesB: pb.length,
    alignments,
    sharedFacts: facts.shared.length,
    onlyAFacts: facts.onlyA.length,
    onlyBFacts: facts.onlyB.length,
    documentSimilarity: documentSimilarity(pa, pb),
    publishedA: a.published,
    publishedB: b.published,
    creditsA: credits(factsA, a),
    creditsB: credits(factsB, b),
  });

  return {
    a: summarise(a),
    b: summarise(b),
    relation,
    alignments,
    facts: summariseFacts(facts),
    changes,
  };
}

/**
 * Scores the sentence pairs worth scoring. A cheap all-pairs pass (one dot product of sentence
 * vectors, one lookup of shared stems) picks the candidates; only those get the full features.
 */
export function scorePairs(
  pa: readonly SentenceProfile[],
  pb: readonly SentenceProfile[],
  ctx: CompareContext,
  opt: CompareOptions,
): ScoredPair[] {
  const n = pa.length;
  const m = pb.length;
  const cheap = new Float32Array(n * m);
  const stemsB = pb.map((p) => contentWeights(p));
  for (let i = 0; i < n; i++) {
    const wa = contentWeights(pa[i]);
    for (let j = 0; j < m; j++) {
      let shared = 0;
      for (const [stem, w] of wa) if (stemsB[j].has(stem)) shared += w;
      const overlap = shared / Math.max(pa[i].contentWeight, pb[j].contentWeight, 1e-9);
      cheap[i * m + j] = Math.max(dot(pa[i].sif, pb[j].sif), overlap);
    }
  }
  const chosen = new Uint8Array(n * m);
  for (let k = 0; k < n * m; k++) if (cheap[k] >= opt.prefilter) chosen[k] = 1;
  for (let i = 0; i < n; i++) markBest(cheap, chosen, i * m, 1, m, opt.partnersPerSentence);
  for (let j = 0; j < m; j++) markBest(cheap, chosen, j, m, n, opt.partnersPerSentence);

  const out: ScoredPair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!chosen[i * m + j]) continue;
      const f = pairFeatures(pa[i], pb[j], ctx.lexicon);
      out.push({
        i,
        j,
        probability: predictProbability(ctx.model, f.values),
        containedInB: f.softInB,
        containedInA: f.softInA,
        surface: f.surface,
        sharedAnchors: f.sharedAnchors,
      });
    }
  }
  return out;
}

function contentWeights(p: SentenceProfile): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 0; k < p.stems.length; k++) if (p.content[k]) m.set(p.stems[k], p.weight[k]);
  return m;
}

/** Marks the `count` highest cells of a strided row or column of `cheap`. */
function markBest(
  cheap: Float32Array,
  chosen: Uint8Array,
  offset: number,
  stride: number,
  length: number,
  count: number,
): void {
  const best: number[] = [];
  for (let k = 0; k < length; k++) {
    const cell = offset + k * stride;
    if (cheap[cell] <= 0) continue;
    best.push(cell);
    best.sort((x, y) => cheap[y] - cheap[x]);
    if (best.length > count) best.pop();
  }
  for (const cell of best) chosen[cell] = 1;
}

/** Cosine of the two articles' summed sentence vectors: the gist of what each is about. */
function documentSimilarity(pa: readonly SentenceProfile[], pb: readonly SentenceProfile[]): number {
  if (pa.length === 0 || pb.length === 0) return 0;
  const va = new Float32Array(pa[0].sif.length);
  const vb = new Float32Array(pb[0].sif.length);
  for (const p of pa) for (let d = 0; d < va.length; d++) va[d] += p.sif[d];
  for (const p of pb) for (let d = 0; d < vb.length; d++) vb[d] += p.sif[d];
  normalise(va);
  normalise(vb);
  return Math.max(0, dot(va, vb));
}

/** Agencies an article credits: organisations named in its dateline (first sentence's opening). */
function credits(facts: readonly Fact[], article: Article): string[] {
  const first = article.sentences[0];
  if (!first) return [];
  const head = first.start + Math.min(40, first.end - first.start);
  return facts
    .filter((f) => f.kind === 'organization' && f.start >= first.start && f.end <= head)
    .map((f) => f.text.toLowerCase());
}

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
