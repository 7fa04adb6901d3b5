/**
 * The relation of two articles — duplicate, near-duplicate, rewrite, partial reuse, same story,
 * related, unrelated — and who derived from whom, with the evidence a reader can check.
 */
import type { Alignment } from '../align/align.js';
import { MONTH_NUMBERS } from '../text/months.js';

export type RelationType =
  | 'duplicate'
  | 'near-duplicate'
  | 'rewrite'
  | 'partial-reuse'
  | 'same-story'
  | 'related'
  | 'unrelated';

export type Direction = 'a-from-b' | 'b-from-a' | 'common-source' | 'unknown';

/** The relations a corpus keeps, from the closest reuse to none: the order listings give them in. */
export const KEPT_RELATIONS: readonly RelationType[] = [
  'duplicate',
  'near-duplicate',
  'rewrite',
  'partial-reuse',
  'same-story',
];

const KEPT = new Set(KEPT_RELATIONS);
/** Whether a corpus stores a relation of this type. */
export const isKept = (type: RelationType): boolean => KEPT.has(type);

/** Relations the closest reuse first and, within a kind, those that cover most of side A. */
export const closestFirst = (
  x: Pick<Relation, 'type' | 'coverageA'>,
  y: Pick<Relation, 'type' | 'coverageA'>,
) => KEPT_RELATIONS.indexOf(x.type) - KEPT_RELATIONS.indexOf(y.type) || y.coverageA - x.coverageA;

export interface Relation {
  type: RelationType;
  direction: Direction;
  /** Share of A's sentences that retell something in B. */
  coverageA: number;
  coverageB: number;
  /** Share of A's (B's) running content words that the other article also uses. */
  containmentA: number;
  containmentB: number;
  /** Share of A's (B's) content words in sentences built on passages shared with the other. */
  passageA: number;
  passageB: number;
  /** Whole-article similarity (cosine of weighted term sets), 0..1. */
  similarity: number;
  evidence: string[];
}

/** What the relation is decided from: alignment summary, facts and metadata of the pair. */
export interface RelationInput {
  sentencesA: number;
  sentencesB: number;
  alignments: readonly Alignment[];
  /** Distinct names, numbers, dates and quotes found in both sides. */
  sharedFacts: number;
  /** Whole-article content similarity (cosine of weighted term sets), 0..1. */
  documentSimilarity: number;
  /** Share of A's (B's) running content words that the other article also uses. */
  containmentA: number;
  containmentB: number;
  /** Share of A's (B's) content words in sentences built on passages shared with the other. */
  passageA: number;
  passageB: number;
  /** Share of A's (B's) content words inside passages shared with the other. */
  tiledA: number;
  tiledB: number;
  /** The longest shared passage, in content words; and the longest run of it outside quotes. */
  longestPassage: number;
  longestNarrative: number;
  publishedA?: string;
  publishedB?: string;
  /**
   * The dates of the two sides' datelines as written without a year ("April 23"): wire copy and
   * its updates carry them where a page gives no publication date.
   */
  datelineA?: string;
  datelineB?: string;
  /** News agencies each side credits (dateline or attribution), as written; compared ignoring case. */
  creditsA: readonly string[];
  creditsB: readonly string[];
}

export interface RelateOptions {
  /** Coverage of the more-covered side from which an article counts as wholly derived... */
  wholly: number;
  /** ...or vocabulary containment of the more-contained side... */
  whollyContainment: number;
  /**
   * ...when that side has at most this many sentences: a brief condensed from a longer text, which
   * the paraphrase model (trained on sentence pairs) does not align. A longer text's sentences say
   * how much of it is retold, and its words are found by chance in a long enough other side (a
   * page with hundreds of comments holds 88% of an unrelated post's words).
   */
  containmentSentences: number;
  /**
   * ...or share of the more-reusing side in sentences built on passages shared with the other (1:
   * every sentence of it reuses)...
   */
  whollyPassage: number;
  /**
   * ...counted when the reusing side has this many sentences: the passage share of one sentence
   * is all or nothing, and there the paraphrase model's judgement (coverage) decides.
   */
  passageSentences: number;
  /**
   * Passage share from which some passages count as reused. Scattered shared words and names do
   * not make a reusing sentence, so an independent report of the same event stays below it even
   * when it repeats the same quotes.
   */
  partialPassage: number;
  /** ...or a shared run of this many content words outside quotation marks: a taken sentence. */
  partialNarrative: number;
  /**
   * Passages no longer than this many content words ("Prime Minister", "last year") make no reuse
   * on their own where no sentence is retold and the reusing side has more than `briefSentences`
   * sentences: any two texts on one subject share their names. A brief of a sentence or two that
   * carries its source's names in each sentence is what METER calls partially derived.
   */
  namesRun: number;
  briefSentences: number;
  /** Share of retold sentences that are (near-)verbatim for a near-duplicate. */
  verbatimShare: number;
  /** Shared facts and document similarity for two independent reports of one event. */
  sameStoryFacts: number;
  sameStorySimilarity: number;
  relatedSimilarity: number;
  /** Coverage gap from which containment counts as evidence of direction. */
  asymmetry: number;
}

/**
 * `whollyPassage` and `partialPassage` (with the comparison's `passageShare`) are fitted on METER
 * by `src/scripts/fit-relation.ts`; its committed output gives the cross-validated figures.
 */
export const defaultRelateOptions: RelateOptions = {
  wholly: 0.7,
  whollyContainment: 0.85,
  containmentSentences: 5,
  whollyPassage: 1,
  passageSentences: 2,
  partialPassage: 0.5,
  partialNarrative: 8,
  namesRun: 2,
  briefSentences: 2,
  verbatimShare: 0.7,
  sameStoryFacts: 3,
  sameStorySimilarity: 0.25,
  relatedSimilarity: 0.2,
  asymmetry: 0.3,
};

/**
 * Whether a pair, from what it shares on its surface alone, may relate more closely than
 * `related`: derived (any kind of reuse) or the same story. False rules the pair out without
 * scoring its sentences, which is most of a pair's cost; a corpus asks this of every candidate.
 *
 * Every route of `relate` but one is decided by these inputs: the same story needs document
 * similarity `sameStorySimilarity`, containment and passages decide "wholly" and "partially" on
 * their own. The one left is coverage (sentences retold by the paraphrase model), and retelling
 * `wholly` of an article keeps its terms: of METER's 574 newspaper–agency pairs, the seeds, the
 * bundled sample's pairs and the derived pairs of a generated corpus, none reached that coverage
 * with a document similarity below 0.28 (the seeds' paraphrase: 0.34), so below
 * `sameStorySimilarity` no pair was ruled out that `relate` stores.
 */
export function mayRelateClosely(
  surface: Pick<
    RelationInput,
    'documentSimilarity' | 'containmentA' | 'containmentB' | 'passageA' | 'passageB' | 'longestNarrative'
  >,
  options: Partial<RelateOptions> = {},
): boolean {
  const opt = { ...defaultRelateOptions, ...options };
  return (
    surface.documentSimilarity >= opt.sameStorySimilarity ||
    Math.max(surface.containmentA, surface.containmentB) >= opt.whollyContainment ||
    Math.max(surface.passageA, surface.passageB) >= Math.min(opt.partialPassage, opt.whollyPassage) ||
    surface.longestNarrative >= opt.partialNarrative
  );
}

/** Whether the shared passages are names and stock phrases only, on a side longer than a brief. */
const onlyNames = (input: RelationInput, reusingSentences: number, opt: RelateOptions) =>
  input.longestPassage <= opt.namesRun && reusingSentences > opt.briefSentences;

export function relate(input: RelationInput, options: Partial<RelateOptions> = {}): Relation {
  const opt = { ...defaultRelateOptions, ...options };
  const retold = input.alignments.filter((al) => al.kind !== 'related');
  let alignedA = 0;
  let alignedB = 0;
  let verbatimA = 0;
  let allVerbatim = retold.length > 0;
  for (const al of retold) {
    alignedA += al.a.length;
    alignedB += al.b.length;
    if (al.kind === 'verbatim' || al.kind === 'near-verbatim') verbatimA += al.a.length;
    if (al.kind !== 'verbatim') allVerbatim = false;
  }
  const coverageA = input.sentencesA ? alignedA / input.sentencesA : 0;
  const coverageB = input.sentencesB ? alignedB / input.sentencesB : 0;
  const covered = Math.max(coverageA, coverageB);
  // The vocabulary containment of the more-contained side, where that side is a brief.
  const containedSentences = input.containmentA >= input.containmentB ? input.sentencesA : input.sentencesB;
  const contained =
    containedSentences <= opt.containmentSentences ? Math.max(input.containmentA, input.containmentB) : 0;
  const passage = Math.max(input.passageA, input.passageB);
  // The reusing side is the one more of whose text sits in shared passages: the derived text.
  const reusingSentences = input.passageA >= input.passageB ? input.sentencesA : input.sentencesB;
  const verbatimShare = alignedA ? verbatimA / alignedA : 0;
  const evidence: string[] = [
    `${alignedA} of ${input.sentencesA} sentences of A and ${alignedB} of ${input.sentencesB} of B retell each other` +
      (retold.length ? ` (${Math.round(verbatimShare * 100)}% of them word for word or nearly)` : ''),
  ];

  let type: RelationType;
  if (allVerbatim && coverageA >= 0.95 && coverageB >= 0.95) type = 'duplicate';
  else if (
    covered >= opt.wholly ||
    contained >= opt.whollyContainment ||
    (passage >= opt.whollyPassage && reusingSentences >= opt.passageSentences)
  ) {
    type =
      verbatimShare >= opt.verbatimShare && Math.min(coverageA, coverageB) >= opt.wholly
        ? 'near-duplicate'
        : 'rewrite';
  } else if (
    (passage >= opt.partialPassage && !(retold.length === 0 && onlyNames(input, reusingSentences, opt))) ||
    input.longestNarrative >= opt.partialNarrative
  )
    type = 'partial-reuse';
  else if (input.sharedFacts >= opt.sameStoryFacts && input.documentSimilarity >= opt.sameStorySimilarity)
    type = 'same-story';
  else if (input.documentSimilarity >= opt.relatedSimilarity) type = 'related';
  else type = 'unrelated';
  evidence.push(
    `${Math.round(input.passageA * 100)}% of A's words and ${Math.round(input.passageB * 100)}% of B's are in ` +
      `sentences built on shared passages (${Math.round(input.tiledA * 100)}% and ` +
      `${Math.round(input.tiledB * 100)}% inside them; the longest runs ${input.longestPassage} content words, ` +
      `${input.longestNarrative} of them outside quotes)`,
  );
  evidence.push(
    `${input.sharedFacts} facts in common; document similarity ${input.documentSimilarity.toFixed(2)}; ` +
      `${Math.round(input.containmentA * 100)}% of A's words are in B, ${Math.round(input.containmentB * 100)}% of B's in A`,
  );

  const derived = type !== 'same-story' && type !== 'related' && type !== 'unrelated';
  const direction = derived ? directionOf(input, coverageA, coverageB, opt, evidence) : 'unknown';
  return {
    type,
    direction,
    coverageA: round3(coverageA),
    coverageB: round3(coverageB),
    containmentA: round3(input.containmentA),
    containmentB: round3(input.containmentB),
    passageA: round3(input.passageA),
    passageB: round3(input.passageB),
    similarity: round3(input.documentSimilarity),
    evidence,
  };
}

/**
 * Who derived from whom. Each signal votes; a direction is claimed only when the votes agree,
 * because a wrong "A copied B" is worse for a journalist than an honest "unknown".
 */
function directionOf(
  input: RelationInput,
  coverageA: number,
  coverageB: number,
  opt: RelateOptions,
  evidence: string[],
): Direction {
  let vote = 0; // > 0: A derived from B; < 0: B derived from A
  let signals = 0;
  const ta = input.publishedA ? Date.parse(input.publishedA) : Number.NaN;
  const tb = input.publishedB ? Date.parse(input.publishedB) : Number.NaN;
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) {
    const later = ta > tb ? 'A' : 'B';
    evidence.push(
      `${later} was published ${formatGap(Math.abs(ta - tb))} after ${later === 'A' ? 'B' : 'A'}`,
    );
    vote += ta > tb ? 2 : -2;
    signals++;
  } else {
    // A side without a publication date may still carry the day in its dateline; the other side's
    // day is its own dateline's or, failing that, its publication date's.
    const dayOf = (dateline: string | undefined, t: number) =>
      dateline
        ? { day: dayOfYear(dateline), said: `dateline (${dateline})` }
        : Number.isFinite(t)
          ? {
              day: dayOfYearOf(new Date(t)),
              said: `publication date (${new Date(t).toISOString().slice(0, 10)})`,
            }
          : undefined;
    const sideA = dayOf(input.datelineA, ta);
    const sideB = dayOf(input.datelineB, tb);
    const days = sideA && sideB ? daysBetween(sideA.day, sideB.day) : undefined;
    if (days !== undefined && sideA && sideB) {
      const [later, then, first] = days > 0 ? ['A', sideA, sideB] : ['B', sideB, sideA];
      evidence.push(
        `${later}'s ${then.said} is ${Math.abs(days)} day${Math.abs(days) > 1 ? 's' : ''} after the other's ${first.said}`,
      );
      vote += days > 0 ? 2 : -2;
      signals++;
    }
  }
  const gap = coverageA - coverageB;
  if (Math.abs(gap) >= opt.asymmetry) {
    const inner = gap > 0 ? 'A' : 'B';
    const outer = gap > 0 ? 'B' : 'A';
    const contained =
      `${inner} is mostly contained in ${outer} (${Math.round(Math.max(coverageA, coverageB) * 100)}% vs ` +
      `${Math.round(Math.min(coverageA, coverageB) * 100)}%)`;
    // A text found inside a longer one is a cut-down copy of it (papers cut wire copy from the
    // bottom) — unless the longer one opens with sentences of its own and then retells the shorter
    // from its start: a new top over earlier copy is how an update or a local story built on wire
    // copy is written, and there the longer one took.
    const lead = newTop(input.alignments, inner === 'A' ? 'a' : 'b');
    if (lead > 0) {
      evidence.push(
        `${contained}, but ${outer} opens with ${lead} sentence${lead > 1 ? 's' : ''} of its own and then retells ${inner} from its start: ${outer} was built on ${inner}`,
      );
      vote += gap > 0 ? -1 : 1;
    } else {
      evidence.push(`${contained}: ${inner} retells part of ${outer}`);
      vote += gap > 0 ? 1 : -1;
    }
    signals++;
  }
  const creditA = new Set(input.creditsA);
  const creditB = new Set(input.creditsB);
  const lowerB = new Set(input.creditsB.map((c) => c.toLowerCase()));
  const common = [...creditA].filter((c) => lowerB.has(c.toLowerCase()));
  if (common.length > 0 && signals === 0) {
    evidence.push(`both credit ${common.join(', ')}: likely copies of a common source`);
    return 'common-source';
  }
  // A credit on one side only is reported but does not vote: the credited side may carry agency
  // copy that the other side rewrote, or both may have used the agency directly.
  for (const [side, credits] of [
    ['A', creditA],
    ['B', creditB],
  ] as const) {
    if (credits.size > 0) evidence.push(`${side} credits ${[...credits].join(', ')}`);
  }
  if (vote === 0) {
    evidence.push('no evidence of who was first');
    return 'unknown';
  }
  return vote > 0 ? 'a-from-b' : 'b-from-a';
}

/**
 * Days from day of year `b` to `a` (April 21 → April 23: 2; Dec. 30 → Jan. 2: 3), when they are
 * close: a story and its copies and updates run over days or weeks, so days further apart than
 * `DATELINE_REACH` (another year's story, a mistyped date) say nothing.
 */
function daysBetween(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || a === b) return undefined;
  // The shorter way round the year: datelines name no year.
  const days = a - b > 182 ? a - b - 365 : a - b < -182 ? a - b + 365 : a - b;
  return Math.abs(days) <= DATELINE_REACH ? days : undefined;
}

const DATELINE_REACH = 60;
/** Days of a (non-leap) year before each month. */
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day of the year of a date written "Month Day" ("Apr. 23", "September 4"). */
function dayOfYear(date: string): number | undefined {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2})\b/.exec(date);
  const month = m ? (MONTH_NUMBERS.get(m[1].toLowerCase()) ?? 0) - 1 : -1;
  const day = m ? Number(m[2]) : 0;
  return month < 0 || day < 1 || day > 31 ? undefined : MONTH_STARTS[month] + day;
}

/** Day of the year of a moment, in UTC. */
function dayOfYearOf(d: Date): number {
  return MONTH_STARTS[d.getUTCMonth()] + d.getUTCDate();
}

/** Opening sentences of its own from which the longer side has a new top. */
const NEW_TOP = 2;

/**
 * Sentences the outer side (the one that is not `inner`) opens with before its first sentence
 * retold by the inner side, when the inner side's own first retold sentence is its first or
 * second; else 0.
 */
function newTop(alignments: readonly Alignment[], inner: 'a' | 'b'): number {
  const outer = inner === 'a' ? 'b' : 'a';
  let firstInner = Number.POSITIVE_INFINITY;
  let firstOuter = Number.POSITIVE_INFINITY;
  for (const al of alignments) {
    if (al.kind === 'related') continue;
    firstInner = Math.min(firstInner, al[inner][0]);
    firstOuter = Math.min(firstOuter, al[outer][0]);
  }
  return firstInner <= 1 && Number.isFinite(firstOuter) && firstOuter >= NEW_TOP ? firstOuter : 0;
}

function formatGap(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
