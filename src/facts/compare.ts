/**
 * Which facts two articles share, which only one has, and which conflict (the same kind of fact
 * with a different value), plus meaning changes between two sentences aligned as one.
 */

import { withoutAccents } from '../text/names.js';
import { isStopword } from '../text/stopwords.js';
import { NEGATIONS, TokenFlag, TokenKind, type Tokens, tokenize } from '../text/tokens.js';
import { type Fact, type FactKind, MEASURES } from './extract.js';

export interface FactComparison {
  shared: Array<{ text: string; kind: FactKind; a: Fact; b: Fact }>;
  /** Facts of one side that the other neither shares nor contradicts (a conflict lists its own). */
  onlyA: Array<{ text: string; kind: FactKind; fact: Fact }>;
  onlyB: Array<{ text: string; kind: FactKind; fact: Fact }>;
  conflicts: Array<{ kind: FactKind; a: string; b: string; reason: string }>;
}

const NAME_KINDS = new Set<FactKind>(['person', 'organization', 'place', 'entity']);
const NUMERIC = new Set<FactKind>(['number', 'money', 'percent']);

/** A name with the forms `sameName` compares, derived once per article. */
interface NameForm {
  /** Position in the article's distinct facts. */
  at: number;
  fact: Fact;
  /** The key without its "name:" prefix. */
  tail: string;
  /** Count of the name's words (connectors left out), the last of them ('' if none), their initials. */
  parts: number;
  last: string;
  initials: string;
  /** Person or entity: the kinds a surname alone may stand for. */
  personal: boolean;
  /** Lowercase form of an all-capitals name of 2–6 letters ("BRF"), else ''. */
  acronym: string;
}

interface QuoteForm {
  at: number;
  fact: Fact;
  words: Set<string>;
}

interface PlainForm {
  at: number;
  fact: Fact;
}

type Form = NameForm | QuoteForm | PlainForm;

/**
 * An article's distinct facts split by what can match what: names match names, numbers numbers,
 * quotes quotes, and anything else (dates) only a fact of its kind and key. A fact is compared with
 * the facts of its own group only, by forms derived once per article rather than once per pair.
 */
interface FactIndex {
  /** One fact per key, the first mention kept; `forms` is parallel. */
  facts: Fact[];
  forms: Form[];
  names: NameForm[];
  numbers: PlainForm[];
  quotes: QuoteForm[];
  /** Other facts by key: keys are distinct, so the lookup finds the only candidate. */
  others: Map<string, PlainForm>;
}

/**
 * Indexes memoised by facts array: an article is compared with every candidate it may be related
 * to, and its facts never change after extraction. Invisible to callers.
 */
const indexMemo = new WeakMap<readonly Fact[], FactIndex>();

function factIndex(facts: readonly Fact[]): FactIndex {
  let index = indexMemo.get(facts);
  if (!index) {
    index = buildIndex(facts);
    indexMemo.set(facts, index);
  }
  return index;
}

function buildIndex(all: readonly Fact[]): FactIndex {
  const facts = distinct(all);
  const index: FactIndex = { facts, forms: [], names: [], numbers: [], quotes: [], others: new Map() };
  facts.forEach((fact, at) => {
    index.forms.push(addForm(index, fact, at));
  });
  return index;
}

/** One fact per key, the first mention kept. */
function distinct(facts: readonly Fact[]): Fact[] {
  const seen = new Map<string, Fact>();
  for (const f of facts) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}

/** Files a fact under its group; returns its form. */
function addForm(index: FactIndex, fact: Fact, at: number): Form {
  if (fact.kind === 'quote') {
    const form = { at, fact, words: quoteWords(fact) };
    index.quotes.push(form);
    return form;
  }
  if (NAME_KINDS.has(fact.kind)) {
    const form = nameForm(fact, at);
    index.names.push(form);
    return form;
  }
  const form = { at, fact };
  if (NUMERIC.has(fact.kind)) index.numbers.push(form);
  else index.others.set(fact.key, form);
  return form;
}

function nameForm(fact: Fact, at: number): NameForm {
  const parts = withoutAccents(fact.text.toLowerCase())
    .split(/[\s]+/)
    .map((p) => p.replace(/[^a-z0-9]/g, ''))
    .filter((p) => p && !['of', 'and', 'for', 'the'].includes(p));
  return {
    at,
    fact,
    tail: fact.key.slice(5),
    parts: parts.length,
    last: parts.length ? parts[parts.length - 1] : '',
    initials: parts.map((p) => p[0]).join(''),
    personal: fact.kind === 'person' || fact.kind === 'entity',
    acronym: /^[A-Z]{2,6}$/.test(fact.text) ? fact.text.toLowerCase() : '',
  };
}

function sameName(a: NameForm, b: NameForm): boolean {
  if (a.fact.key === b.fact.key) return true;
  // A place inside a name of another kind is another thing: "New York" is not the "New York
  // Times", nor "Pakistan" the "Pakistan-Russia" talks, nor "Washington" George Washington.
  if ((a.fact.kind === 'place') !== (b.fact.kind === 'place') && !a.acronym && !b.acronym) return false;
  const ka = a.tail;
  const kb = b.tail;
  // Surname or shortened form: "Kakar" = "Anwaarul Haq Kakar", "Putin" = "Vladimir Putin".
  if (
    a.last.length > 2 &&
    a.last === b.last &&
    (a.personal || b.personal) &&
    (a.parts === 1 || b.parts === 1 || ka.endsWith(kb) || kb.endsWith(ka))
  ) {
    return true;
  }
  // Acronyms: "BRF" = "Belt and Road Forum".
  if (a.acronym && b.parts >= 2) return b.initials === a.acronym;
  if (b.acronym && a.parts >= 2) return a.initials === b.acronym;
  // Longer names containing the other whole: "Third Belt and Road Forum for International
  // Cooperation". Only the longer key can contain the other (of equal length, only an equal one).
  return ka.length >= 6 && kb.length >= 6 && (ka.length >= kb.length ? ka.includes(kb) : kb.includes(ka));
}

function sameNumber(a: Fact, b: Fact): boolean {
  if (a.value === undefined || b.value === undefined) return false;
  const ordA = a.key.startsWith('ord:');
  const ordB = b.key.startsWith('ord:');
  if (ordA !== ordB) return false;
  // "ten days" = "10 days"; "two weeks" = "14 days", "5 km" = "3.1 miles": a rewrite converts.
  const converted = !ordA && a.unit !== b.unit ? inCommonUnit(a, b) : undefined;
  if (converted) return Math.abs(Math.log(converted[0] / converted[1])) <= CONVERTED_TOLERANCE;
  const close = Math.abs(a.value - b.value) <= 1e-9 * Math.max(Math.abs(a.value), 1);
  if (!close) return false;
  if (!a.unit || !b.unit || a.unit === b.unit || ordA) return true;
  // "48,000 cars" = "48,000 vehicles": a counted noun is reworded freely; "5 km" ≠ "5 miles", and
  // a measure is no count of things ("12 miles" ≠ "12 magazines").
  return !MEASURES.has(a.unit) && !MEASURES.has(b.unit);
}

/** How far apart two converted figures may be and still be one figure rounded ("3.1 miles"). */
const CONVERTED_TOLERANCE = Math.log(1.06);

/** What a figure measures, for a reader: "percentage", "time", "USD" (a currency's code), "tons". */
function figureName(kind: FactKind, unit: string): string {
  if (unit === '%') return 'percentage';
  // A currency's code in capitals ("USD"); "rupee", of no country, as the word.
  return CONVERSIONS[unit]?.[0] ?? (kind === 'money' && unit.length === 3 ? unit.toUpperCase() : unit);
}

/** Units of one dimension with their size in its base unit (days, metres, kilograms, ...). */
const CONVERSIONS: Record<string, [dimension: string, size: number]> = {
  'year old': ['age', 1],
  second: ['time', 1 / 86_400],
  minute: ['time', 1 / 1_440],
  hour: ['time', 1 / 24],
  day: ['time', 1],
  week: ['time', 7],
  month: ['time', 30.44],
  year: ['time', 365.25],
  decade: ['time', 3_652.5],
  century: ['time', 36_525],
  mm: ['length', 0.001],
  cm: ['length', 0.01],
  metre: ['length', 1],
  meter: ['length', 1],
  km: ['length', 1_000],
  kilometre: ['length', 1_000],
  kilometer: ['length', 1_000],
  mile: ['length', 1_609.34],
  gram: ['mass', 0.001],
  kg: ['mass', 1],
  kilogram: ['mass', 1],
  ton: ['mass', 1_000],
  tonne: ['mass', 1_000],
  ounce: ['mass', 0.02835],
  'percentage point': ['rate', 1],
  'basis point': ['rate', 0.01],
  hectare: ['area', 10_000],
  acre: ['area', 4_046.86],
  liter: ['volume', 1],
  litre: ['volume', 1],
  gallon: ['volume', 3.785],
};

/**
 * One measure written in two units of one dimension ("two weeks" and "14 days", "5 km" and "3.1
 * miles"): false for the same unit, whose facts share a key.
 */
export function sameMeasureInOtherUnits(a: Fact, b: Fact): boolean {
  if (a.unit === b.unit || a.key.startsWith('ord:') || b.key.startsWith('ord:')) return false;
  const converted = inCommonUnit(a, b);
  return converted !== undefined && Math.abs(Math.log(converted[0] / converted[1])) <= CONVERTED_TOLERANCE;
}

/** The two figures in the base unit of their common dimension, if their units have one. */
function inCommonUnit(a: Fact, b: Fact): [number, number] | undefined {
  const ua = a.unit ? CONVERSIONS[a.unit] : undefined;
  const ub = b.unit ? CONVERSIONS[b.unit] : undefined;
  if (!ua || !ub || ua[0] !== ub[0] || a.value === undefined || b.value === undefined) return undefined;
  return [a.value * ua[1], b.value * ub[1]];
}

function quoteWords(f: Fact): Set<string> {
  return new Set(wordsOf(f.text));
}

/** The words of a text, lowercase, in order. */
function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  // The letters and digits of ASCII text are [a-z0-9] once lowercase; the Unicode classes are slower.
  return lower.match(ASCII.test(lower) ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu) ?? [];
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * How one quotation of the same words differs from the other: the words each puts in the
 * speaker's mouth that the other does not. Nothing when they are word for word the same, or one
 * quotes a stretch of the other (a quotation cut short is not a quotation changed).
 */
function quoteChange(a: string, b: string): string | undefined {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const [shorter, longer] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (` ${longer.join(' ')} `.includes(` ${shorter.join(' ')} `)) return undefined;
  const inB = new Set(wb);
  const inA = new Set(wa);
  const onlyA = [...new Set(wa.filter((w) => !inB.has(w)))];
  const onlyB = [...new Set(wb.filter((w) => !inA.has(w)))];
  // The same words in another order ("the bridge, he said, will reopen") change nothing said.
  if (onlyA.length === 0 && onlyB.length === 0) return undefined;
  // Told of the words that carry meaning: "remain", "closed" / "stays", "shut", not "of", "and" or
  // the "s" of "people's"; a negation always; every word where those are all that differ.
  const telling = (w: string) => (w.length > 1 && !isStopword(w)) || NEGATIONS.has(w);
  const [shownA, shownB] =
    onlyA.some(telling) || onlyB.some(telling)
      ? [onlyA.filter(telling), onlyB.filter(telling)]
      : [onlyA, onlyB];
  const list = (ws: string[]) => (ws.length ? ws.map((w) => `"${w}"`).join(', ') : 'none');
  return `the quotation's words differ: ${list(shownA)} / ${list(shownB)}`;
}

function sameQuote(wa: Set<string>, wb: Set<string>): boolean {
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common || 1) >= 0.6;
}

/**
 * Marks every fact of `b` that `form` (a fact of the other article) matches and returns the
 * first one's position, or -1. Facts of different groups never match: only `form`'s is read.
 */
function markMatches(form: Form, b: FactIndex, matched: Uint8Array): number {
  let first = -1;
  const mark = (at: number) => {
    matched[at] = 1;
    if (first < 0) first = at;
  };
  const fact = form.fact;
  if (fact.kind === 'quote') {
    const words = (form as QuoteForm).words;
    for (const y of b.quotes) if (sameQuote(words, y.words)) mark(y.at);
  } else if (NAME_KINDS.has(fact.kind)) {
    for (const y of b.names) if (sameName(form as NameForm, y)) mark(y.at);
  } else if (NUMERIC.has(fact.kind)) {
    for (const y of b.numbers) if (sameNumber(fact, y.fact)) mark(y.at);
  } else {
    const y = b.others.get(fact.key);
    if (y && y.fact.kind === fact.kind) mark(y.at);
  }
  return first;
}

/**
 * The kind of a fact both sides hold: the more precise where one side could tell only that it is
 * a name ("Yellen" after a full stop, "Janet Yellen" elsewhere: a person).
 */
function sharedKind(a: Fact, b: Fact): FactKind {
  return a.kind === 'entity' && NAME_KINDS.has(b.kind) ? b.kind : a.kind;
}

/**
 * The facts of two articles compared. Given the texts the facts were read from, two figures
 * conflict only where the words around them share a content word: the same claim with another
 * figure ("a closure would cost $30 million" / "puts the cost of a closure at $35 million"), not
 * two claims that happen to share a unit ("lost more than 30 percent of their crop" / "destroyed 50
 * percent of the shoots").
 */
export function compareFacts(
  a: readonly Fact[],
  b: readonly Fact[],
  texts?: { a: string; b: string },
): FactComparison {
  const A = factIndex(a);
  const B = factIndex(b);
  // An A fact marks every B fact it matches (a full name matches the surname too) and is shared
  // with the first.
  const matchedB = new Uint8Array(B.facts.length);
  const shared: FactComparison['shared'] = [];
  const onlyA: FactComparison['onlyA'] = [];
  for (const form of A.forms) {
    const fa = form.fact;
    const j = markMatches(form, B, matchedB);
    if (j >= 0) shared.push({ text: fa.text, kind: sharedKind(fa, B.facts[j]), a: fa, b: B.facts[j] });
    else onlyA.push({ text: fa.text, kind: fa.kind, fact: fa });
  }
  const onlyB = B.facts
    .filter((_, k) => !matchedB[k])
    .map((fact) => ({ text: fact.text, kind: fact.kind, fact }));
  const { conflicts, involved } = conflictsOf(onlyA, onlyB, texts);
  for (const q of shared) {
    if (q.kind !== 'quote') continue;
    const change = quoteChange(q.a.text, q.b.text);
    if (change) conflicts.push({ kind: 'quote', a: q.a.text, b: q.b.text, reason: change });
  }
  // A figure in conflict is said once, as the conflict: "12 people ≠ 15 people" was also listed
  // as "12 people" only in A and "15 people" only in B.
  const unpaired = (x: { fact: Fact }) => !involved.has(x.fact);
  return { shared, onlyA: onlyA.filter(unpaired), onlyB: onlyB.filter(unpaired), conflicts };
}

/**
 * How many facts of `a` the other article shares: `compareFacts(a, b).shared.length`, without the
 * rest of the comparison (what each side alone holds, conflicts, changed quotes), which a corpus's
 * verification does not read — half the cost of the whole comparison.
 */
export function countSharedFacts(a: readonly Fact[], b: readonly Fact[]): number {
  const B = factIndex(b);
  const matchedB = new Uint8Array(B.facts.length);
  let shared = 0;
  for (const form of factIndex(a).forms) if (markMatches(form, B, matchedB) >= 0) shared++;
  return shared;
}

/**
 * Figures of one unit further apart than this are of different things (a $35 taxi fare, a $30
 * million closure), not one figure changed ("500 people killed" vs "50").
 */
const CONFLICT_RATIO = 10;

/**
 * Two unmatched numbers of the same unit — "500 people killed" vs "50 people killed" — conflict.
 * Conservative: the unit must be a real noun on both sides, the values must differ and be of one
 * order of magnitude (within `CONFLICT_RATIO`); each figure of A conflicts with the closest of B.
 * `involved` holds the figures of both sides that are in a conflict.
 */
function conflictsOf(
  onlyA: FactComparison['onlyA'],
  onlyB: FactComparison['onlyB'],
  texts: { a: string; b: string } | undefined,
): { conflicts: FactComparison['conflicts']; involved: Set<Fact> } {
  const out: FactComparison['conflicts'] = [];
  const involved = new Set<Fact>();
  // Contexts are read only for figures that could conflict, each once.
  const contexts = new Map<Fact, Set<string>>();
  const contextOf = (fact: Fact, text: string) => {
    let c = contexts.get(fact);
    if (!c) {
      c = figureContext(text, fact);
      contexts.set(fact, c);
    }
    return c;
  };
  const sameClaim = (fa: Fact, fb: Fact) => {
    if (!texts) return true;
    const there = contextOf(fb, texts.b);
    for (const stem of contextOf(fa, texts.a)) if (there.has(stem)) return true;
    return false;
  };
  for (const x of onlyA) {
    const fa = x.fact;
    if (
      !NUMERIC.has(fa.kind) ||
      !fa.unit ||
      fa.key.startsWith('ord:') ||
      !(fa.value !== undefined && fa.value > 0)
    )
      continue;
    let closest: Fact | undefined;
    let distance = Math.log(CONFLICT_RATIO);
    for (const y of onlyB) {
      const fb = y.fact;
      if (fb.kind !== fa.kind || fb.key.startsWith('ord:')) continue;
      if (fb.value === undefined || fb.value <= 0) continue;
      // Figures in units of one dimension are compared converted ("ten days" / "two weeks").
      const [va, vb] = fb.unit === fa.unit ? [fa.value, fb.value] : (inCommonUnit(fa, fb) ?? [0, 0]);
      if (va === vb || vb <= 0) continue;
      const d = Math.abs(Math.log(va / vb));
      if (d <= distance && sameClaim(fa, fb)) {
        closest = fb;
        distance = d;
      }
    }
    if (closest) {
      involved.add(fa).add(closest);
      out.push({
        kind: fa.kind,
        a: fa.text,
        b: closest.text,
        reason: `different ${figureName(fa.kind, fa.unit)} figures`,
      });
    }
  }
  return { conflicts: out, involved };
}

/** Words read on each side of a figure for what it counts: its clause, not the whole sentence. */
const CONTEXT_WORDS = 8;
/** Characters of text tokenized on each side of a figure: more than `CONTEXT_WORDS` words need. */
const CONTEXT_CHARS = 120;

/**
 * Stems of the content words within `CONTEXT_WORDS` words of a figure, in its sentence: what the
 * figure is said of.
 */
function figureContext(text: string, fact: Fact): Set<string> {
  let from = Math.max(0, fact.start - CONTEXT_CHARS);
  const before = text.slice(from, fact.start);
  const stop = Math.max(before.search(/[.!?]["”’]?\s[^.!?]*$/), before.lastIndexOf('\n'));
  if (stop >= 0) from += stop + 1;
  let to = Math.min(text.length, fact.end + CONTEXT_CHARS);
  const after = text.slice(fact.end, to).search(/[.!?]["”’]?(\s|$)|\n/);
  if (after >= 0) to = fact.end + after;
  const t = tokenize(text.slice(from, to));
  const out = new Set<string>();
  const figureStart = fact.start - from;
  const figureEnd = fact.end - from;
  const add = (k: number) => {
    if (t.kind[k] === TokenKind.Word && !(t.flags[k] & TokenFlag.Stopword)) out.add(t.stem[k]);
  };
  let first = 0;
  while (first < t.count && t.end[first] <= figureStart) first++;
  let last = first;
  while (last < t.count && t.start[last] < figureEnd) last++;
  for (let k = first - 1, words = 0; k >= 0 && words < CONTEXT_WORDS; k--) {
    if (t.kind[k] === TokenKind.Word) words++;
    add(k);
  }
  for (let k = last, words = 0; k < t.count && words < CONTEXT_WORDS; k++) {
    if (t.kind[k] === TokenKind.Word) words++;
    add(k);
  }
  return out;
}

/** Tokens after a negation searched for the word it negates ("will not be fully reopened"). */
const NEGATION_REACH = 4;

/**
 * For each negation of `t`, the first content word it governs (within its clause): "not" →
 * "reopen" in "will not reopen", "no" → "evidence" in "no evidence". Keyed by that word's stem,
 * with the text from the negation to it (what a report quotes).
 */
function negatedWords(t: Tokens, text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let k = 0; k < t.count; k++) {
    if (!(t.flags[k] & TokenFlag.Negation)) continue;
    for (let j = k + 1; j < t.count && j <= k + NEGATION_REACH; j++) {
      if (t.kind[j] === TokenKind.Punct) break;
      if (t.kind[j] !== TokenKind.Word || t.flags[j] & (TokenFlag.Stopword | TokenFlag.Negation)) continue;
      if (!out.has(t.stem[j])) out.set(t.stem[j], text.slice(t.start[k], t.end[j]));
      break;
    }
  }
  return out;
}

/**
 * A negation on one side of what the other side states without one: the negated word must be on
 * both sides. An extra clause with a negation ("We will not gamble with lives, and the bridge
 * stays shut" for "The bridge stays shut") negates nothing the other side says.
 */
function flippedNegation(from: Tokens, fromText: string, other: Tokens): string | undefined {
  const negatedThere = negatedWords(other, '');
  const there = new Set(other.stem.slice(0, other.count));
  for (const [stem, quote] of negatedWords(from, fromText)) {
    if (there.has(stem) && !negatedThere.has(stem)) return quote;
  }
  return undefined;
}

interface NumberToken {
  value: number;
  text: string;
  /** Written with digits ("10th", "1.4"), not in words ("tenth"). */
  digits: boolean;
  sort: 'year' | 'percent' | 'figure';
}

function numberTokens(t: ReturnType<typeof tokenize>, text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== TokenKind.Number) continue;
    const written = text.slice(t.start[k], t.end[k]);
    const value = t.value[k];
    const next = t.norm[k + 1];
    const sort =
      next === '%' || next === 'percent'
        ? 'percent'
        : /^\d{4}$/.test(written) && value >= 1800 && value <= 2100
          ? 'year'
          : 'figure';
    out.push({ value, text: written, digits: /\d/.test(written), sort });
  }
  return out;
}

const distinctTexts = (xs: NumberToken[]) => [...new Set(xs.map((x) => x.text))];

/**
 * Meaning changes between two passages aligned as saying the same thing: a word negated on one
 * side only, or a number that differs.
 */
export function meaningChanges(a: string, b: string): Array<{ kind: 'negation' | 'number'; detail: string }> {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const out: Array<{ kind: 'negation' | 'number'; detail: string }> = [];
  const inA = flippedNegation(ta, a, tb);
  const inB = inA === undefined ? flippedNegation(tb, b, ta) : undefined;
  if (inA !== undefined) out.push({ kind: 'negation', detail: `A negates what B affirms ("${inA}")` });
  if (inB !== undefined) out.push({ kind: 'negation', detail: `B negates what A affirms ("${inB}")` });
  const xa = numberTokens(ta, a);
  const xb = numberTokens(tb, b);
  // A figure written in digits on one side whose value the other side nowhere has (in digits or
  // in words: "10th" = "tenth"), paired with one of the same sort there: a year with a year, a
  // percentage with a percentage (not "25 basis points" with "March 2022").
  const unmatched = (x: NumberToken[], other: NumberToken[]) =>
    x.filter((n) => n.digits && !other.some((o) => o.value === n.value));
  const missingA = unmatched(xa, xb);
  const missingB = unmatched(xb, xa);
  const sorts = new Set(missingB.map((n) => n.sort));
  const changedA = missingA.filter((n) => sorts.has(n.sort));
  const changedB = missingB.filter((n) => changedA.some((m) => m.sort === n.sort));
  if (changedA.length && changedB.length) {
    out.push({
      kind: 'number',
      detail: `${distinctTexts(changedA).join(', ')} in A, ${distinctTexts(changedB).join(', ')} in B`,
    });
  }
  return out;
}
