/**
 * Facts of an article: people, organisations, places, numbers with units, money, percentages,
 * dates and quotes — each with a canonical key, so that "a million tons" and "1,000,000 tons",
 * "Anwaar-ul-Haq" and "Anwaarul Haq", "Third" and "3rd" are one fact.
 */
import type { EntityKind, Lexicon } from '../text/lexicon/types.js';
import { MONTH_NUMBERS } from '../text/months.js';
import { nameKey } from '../text/names.js';
import { TokenFlag, TokenKind, type Tokens, tokenize, wordEntry } from '../text/tokens.js';

export type FactKind =
  | 'person'
  | 'organization'
  | 'place'
  | 'entity'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'quote';

export interface Fact {
  kind: FactKind;
  /** Surface form as in the article. */
  text: string;
  /** Canonical key used for matching. */
  key: string;
  value?: number;
  unit?: string;
  start: number;
  end: number;
  sentence?: number;
  speaker?: string;
}

export interface FactOptions {
  lexicon?: Lexicon;
  sentences?: ReadonlyArray<{ start: number; end: number }>;
  /** `tokenize(text)`, when the caller has it already. */
  tokens?: Tokens;
}

/** Month names and their abbreviations ("Oct", "Sept"). */
const MONTHS = new Set(MONTH_NUMBERS.keys());
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);
const QUANTITY_ADJECTIVES = new Set([
  'new',
  'more',
  'additional',
  'other',
  'extra',
  'fresh',
  'further',
  'old',
  'young',
  'local',
  'foreign',
]);
const CURRENCIES: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', '¥': 'jpy', '#': 'gbp' };
const CURRENCY_WORDS: Record<string, string> = Object.assign(Object.create(null), {
  dollar: 'usd',
  dollars: 'usd',
  euro: 'eur',
  euros: 'eur',
  pound: 'gbp',
  pounds: 'gbp',
  // Rupees of no country named: Pakistan's, India's, Sri Lanka's and Nepal's are all "Rs".
  rupee: 'rupee',
  rupees: 'rupee',
  yuan: 'cny',
  yen: 'jpy',
  usd: 'usd',
  eur: 'eur',
  gbp: 'gbp',
});
/**
 * Currencies written as letters before an amount, joined to it or not ("Rs50bn", "Rs. 50 million",
 * "PKR 200", "US$ 5": the last by its symbol).
 */
const CURRENCY_CODES: Record<string, string> = Object.assign(Object.create(null), {
  rs: 'rupee',
  pkr: 'pkr',
  inr: 'inr',
  lkr: 'lkr',
  npr: 'npr',
  usd: 'usd',
  eur: 'eur',
  gbp: 'gbp',
  cny: 'cny',
  rmb: 'cny',
  jpy: 'jpy',
  chf: 'chf',
  aud: 'aud',
  cad: 'cad',
  hkd: 'hkd',
  sgd: 'sgd',
  rp: 'idr',
  tk: 'bdt',
  ksh: 'kes',
});
/** Words that precede a person's name and are not part of it. */
const PERSON_TITLES = new Set(
  `president prime minister premier caretaker interim chancellor king queen prince princess mr mrs ms dr prof sir chair
dame lord lady senator sen governor gov mayor general gen chief justice judge pope secretary ambassador
foreign finance defence defense deputy vice first pm chairman chairwoman ceo director spokesman spokeswoman
minister's leader coach captain actress actor singer star rep representative grandmaster professor councillor
councilor commissioner inspector detective sergeant constable colonel lieutenant commander admiral bishop
archbishop rabbi imam sheikh superintendent`.split(/\s+/),
);
const ORG_CUES =
  /\b(ministry|bank|forum|corp|corporation|inc|ltd|plc|llc|university|college|office|council|party|agency|association|committee|court|commission|company|group|union|organization|organisation|institute|department|board|authority|police|army|navy|force|news|times|post|press|federation|league|club|fund|foundation|parliament|assembly|senate|congress|cabinet|government|chamber|commerce|service|services|school|hospital|church|museum|library|airlines?|railways?)\b/i;
const PLACE_CUES =
  /(^(port|lake|mount|fort|cape|saint|st|new|north|south|east|west)\b)|\brepublic of\b|\b(province|city|county|state|republic|island|islands|region|valley|river|sea|ocean|street|road|avenue|square|district|bridge|harbou?r|bay|park|airport|station|crossing|mountains?|hills?|lake)$/i;
/** Organisations named by their holder's title: "PM Office", "the President's Office". */
const OFFICE = /^(office|secretariat)$/;
/** Buildings named by a word that is also a surname, after words of the language: "Great Hall". */
const FACILITY = /^(hall|palace|stadium|arena|cathedral|mosque|plaza|centre|center|building|terminal)$/;
/** Points of a rate: "percentage points", "basis points" (a hundredth of one). */
const RATE_POINTS = new Set(['percentage', 'basis']);
/** Units of measure (lemmas and currency codes): a figure in one is a fact however small. */
export const MEASURES = new Set([
  ...`% percent km kilometer kilometre mile metre meter cm mm kg kilogram gram ton tonne pound ounce mw gw kw kwh
megawatt gigawatt kilowatt hectare acre liter litre gallon barrel degree celsius fahrenheit second minute hour day
week month year decade century rub dollar euro pound yen yuan rupee ruble`.split(/\s+/),
  // Every currency a figure is read in: amounts in two currencies are two figures.
  ...Object.values(CURRENCIES),
  ...Object.values(CURRENCY_WORDS),
  ...Object.values(CURRENCY_CODES),
  ...[...RATE_POINTS].map((w) => `${w} point`),
]);

/** Units as they are shortened ("4 mins", "3 hrs"): the unit a full word would give. */
const UNIT_ABBREVIATIONS = new Map([
  ...['sec', 'secs'].map((w) => [w, 'second'] as const),
  ...['min', 'mins'].map((w) => [w, 'minute'] as const),
  ...['hr', 'hrs'].map((w) => [w, 'hour'] as const),
  ...['yr', 'yrs'].map((w) => [w, 'year'] as const),
  ['kms', 'km'],
  ['kgs', 'kg'],
]);

/** Lowercase words allowed inside a name between capitalised words. */
const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'the',
  'de',
  'del',
  'da',
  'van',
  'von',
  'bin',
  'ul',
  'al',
  'el',
  'la',
  'le',
  'du',
  '&',
]);
/** Titles written short, with a full stop after them in American usage. */
const SHORT_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'st',
  'jr',
  'sr',
]);
/** Words that qualify a title before it: "Former Prime Minister Imran Khan". */
const TITLE_MODIFIERS = new Set(['former', 'acting', 'incoming', 'outgoing']);
/** What follows "Chief" in a title: "Chief Executive", "Chief Operating Officer". */
const CHIEF_OF = new Set(['executive', 'operating', 'financial', 'technology', 'information', 'economist']);
/** Words between a title and its portfolio: "Minister of Fisheries", "Secretary for Health". */
const PORTFOLIO = new Set(['of', 'for']);
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  // "I'm", "I'll", "I've", "I'd": the pronoun with its verb, one token.
  "i'm",
  "i'll",
  "i've",
  "i'd",
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'this',
  'that',
  'these',
  'those',
  'there',
  'but',
  'and',
  'or',
  'in',
  'on',
  'at',
  'for',
  'after',
  'before',
  'when',
  'while',
  'if',
  'as',
  'also',
  'then',
  'now',
  'today',
  'yesterday',
  'earlier',
  'later',
  'meanwhile',
  'however',
  'during',
  'since',
  'despite',
  'according',
  'citing',
  'regarding',
  'furthermore',
  'moreover',
  'with',
  'by',
  'from',
  'to',
  'of',
  'some',
  'many',
  'most',
  'both',
  'all',
  'each',
  'every',
  'no',
  'not',
  'one',
  'two',
  'three',
  'said',
  'says',
  'who',
  'what',
  'which',
  'where',
  'why',
  'how',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'do',
  'did',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  "'s",
  'leave',
  'reply',
  'share',
  'read',
  'more',
  'next',
  'post',
  'click',
  'here',
  'addressing',
  'concluding',
  'explaining',
  'terming',
  'discussing',
  'reflecting',
  'held',
]);

export function extractFacts(text: string, opts: FactOptions = {}): Fact[] {
  const t = sentenceStarts(text, opts.tokens ?? tokenize(text), opts.sentences);
  const facts: Fact[] = [];
  const sentenceOf = sentenceLocator(opts.sentences);
  const usedAsDate = new Uint8Array(t.count);
  readCodes(text, t, facts, usedAsDate, opts.lexicon);
  readDates(text, t, facts, usedAsDate);
  readNumbers(text, t, facts, usedAsDate, opts.lexicon);
  readNames(text, t, facts, usedAsDate, opts.lexicon);
  readQuotes(text, facts);
  for (const f of facts) f.sentence = sentenceOf(f.start);
  // Text outside every sentence is the article's furniture of its own (a dateline: its agency is
  // the article's credit, not a name in the story).
  const told = opts.sentences?.length ? facts.filter((f) => f.sentence !== undefined) : facts;
  return told.sort((x, y) => x.start - y.start);
}

/** A few capitalised words closed by a quotation mark: a quoted title or nickname. */
const QUOTED_NAME = /^\p{Lu}[\p{L}'’-]*(?: [\p{Lu}\d][\p{L}\d'’-]*){0,3}["”’']/u;
/** Quotation marks that open a quotation: straight and curly double, and the opening single. */
const OPENING_QUOTES = new Set(['"', '“', '‘', "'"].map((q) => q.charCodeAt(0)));

/**
 * `t` with the first word of every sentence, and of every quotation opened inside one, flagged
 * sentence-initial, and no other. The tokenizer starts a sentence after a full stop only, so the
 * first word after a headline or a heading ("Officials said …") read as a name; the article's
 * sentences know where each begins. A copy of the flags: the tokens are shared with the sentence
 * profiles.
 */

function sentenceStarts(text: string, t: Tokens, sentences: FactOptions['sentences']): Tokens {
  // The tokenizer also starts one after every full stop ("Ms. Ruiz", "U.S. and"): the sentences,
  // where known, alone say where one starts.
  const flags = sentences?.length ? t.flags.map((f) => f & ~TokenFlag.SentenceInitial) : t.flags.slice();
  let k = 0;
  for (const s of sentences ?? []) {
    while (k < t.count && t.start[k] < s.start) k++;
    let x = k;
    while (
      x < t.count &&
      t.start[x] < s.end &&
      t.kind[x] !== TokenKind.Word &&
      t.kind[x] !== TokenKind.Number
    )
      x++;
    if (x < t.count && t.start[x] < s.end) flags[x] |= TokenFlag.SentenceInitial;
  }
  // A quotation opening inside a sentence starts one of its own: "said, "Someone set it alight""
  // capitalises "Someone" as a sentence's first word, not as a name.
  for (let k = 0; k < t.count; k++)
    if (t.kind[k] === TokenKind.Word && opensQuotation(text, t.start[k]))
      flags[k] |= TokenFlag.SentenceInitial;
  return { ...t, flags };
}

/**
 * Whether the word at `at` opens a quotation: right after an opening quotation mark that follows
 * punctuation, a word in lower case ("said, "Someone…", "comments like "Well…") or nothing. After
 * a capitalised word the quotation marks hold a nickname inside a name: Paul "Bonehead" Arthurs.
 */
function opensQuotation(text: string, at: number): boolean {
  if (at < 1 || !OPENING_QUOTES.has(text.charCodeAt(at - 1))) return false;
  // A title or a nickname in quotation marks ("The Exorcist", "Bonehead") is a name, not speech.
  if (QUOTED_NAME.test(text.slice(at, at + 60))) return false;
  let b = at - 2;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t' || text[b] === '\n')) b--;
  if (b < 0 || /[(:,;—–-]/.test(text[b])) return true;
  if (b === at - 2 || !/[\p{L}.]/u.test(text[b])) return false;
  let w = b;
  while (w > 0 && /\p{L}/u.test(text[w - 1])) w--;
  return /\p{Ll}/u.test(text[w]);
}

function sentenceLocator(
  sentences?: ReadonlyArray<{ start: number; end: number }>,
): (at: number) => number | undefined {
  if (!sentences || sentences.length === 0) return () => undefined;
  return (at) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return at >= sentences[lo].start && at < sentences[lo].end ? lo : undefined;
  };
}

const isWord = (t: Tokens, k: number) => k >= 0 && k < t.count && t.kind[k] === TokenKind.Word;
const isNumber = (t: Tokens, k: number) => k >= 0 && k < t.count && t.kind[k] === TokenKind.Number;

/** Plural nouns without an "s". */
const PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'cattle', 'feet']);

/**
 * "S&P 500", "FTSE 100", "Category 4 storm", "Apollo 11": a whole number written right after a
 * name is part of the name, not a count, unless a plural noun follows it ("told Reuters 15 people
 * died", "Boeing 737 jets").
 */
function designation(text: string, t: Tokens, k: number, lexicon?: Lexicon): boolean {
  const before = k - 1;
  if (!isNumber(t, k) || before < 0 || t.kind[before] !== TokenKind.Word) return false;
  if ((t.flags[before] & (TokenFlag.Capitalised | TokenFlag.AllCaps)) === 0) return false;
  if (!/^\d+$/.test(text.slice(t.start[k], t.end[k])) || text.slice(t.end[before], t.start[k]) !== ' ')
    return false;
  const w = t.norm[before];
  if (MONTHS.has(w) || DATE_WORDS.has(w) || PERSON_TITLES.has(w) || w in CURRENCY_CODES) return false;
  // "Within 12 miles", "The 4 cables": a capitalised function word begins a sentence, not a name.
  if ((t.flags[before] & TokenFlag.Stopword) !== 0 || FUNCTION_WORDS.has(w)) return false;
  const after = k + 1;
  if (after < t.count && (t.norm[after] === '%' || t.norm[after] === 'percent')) return false;
  const n = t.norm[after] ?? '';
  // "2-1", "10-12": a score or a range.
  if (n === '-' && t.start[after] === t.end[k]) return false;
  const plural =
    t.kind[after] === TokenKind.Word &&
    (t.flags[after] & TokenFlag.Capitalised) === 0 &&
    (pluralInS(n, lexicon) || PLURALS.has(n));
  return !plural;
}

/** The name that words x … y write, as a fact of `kind`. */
function nameOfWords(kind: FactKind, text: string, t: Tokens, x: number, y: number): Fact {
  const name = text.slice(t.start[x], t.end[y]);
  return { kind, text: name, key: `name:${nameKey(name)}`, start: t.start[x], end: t.end[y] };
}

/** What `used` holds for the words of a code (others hold 1): a product's count reads past it. */
const CODE = 2;

/**
 * Codes: letters joined to a number, a hyphen at most between ("COVID-19", "MH17", "F-16",
 * "A320neo", "Sars-CoV-2", "G7"), each one name. Read as a count, "COVID-19 cases" was 19
 * pandemics and "Flight MH17" 17 flights, and a bare 17 of the other article matched it; as names
 * they are the anchors they are (the same flight, the same jet). A hyphen joins a code only after
 * an acronym, a letter or a word no dictionary knows: "Mid-2020" and "Top-10" are no codes.
 */
function readCodes(text: string, t: Tokens, facts: Fact[], used: Uint8Array, lexicon?: Lexicon): void {
  const glued = (x: number) => x > 0 && t.start[x] === t.end[x - 1];
  const upper = (x: number) => (t.flags[x] & (TokenFlag.Capitalised | TokenFlag.AllCaps)) !== 0;
  const common = (x: number) =>
    lexicon !== undefined &&
    (t.flags[x] & TokenFlag.AllCaps) === 0 &&
    t.norm[x].length > 1 &&
    wordEntry(t, x, lexicon).listed;
  for (let k = 1; k < t.count; k++) {
    if (!isNumber(t, k) || used[k] || !/^\d+$/.test(text.slice(t.start[k], t.end[k]))) continue;
    let s: number;
    if (isWord(t, k - 1) && glued(k)) s = k - 1;
    else if (t.norm[k - 1] === '-' && isWord(t, k - 2) && glued(k) && glued(k - 1) && !common(k - 2))
      s = k - 2;
    // Text split into tokens and joined again spaces the hyphen ("AK - 47", "SAT - 3"): after an
    // acronym, still a code.
    else if (
      t.norm[k - 1] === '-' &&
      isWord(t, k - 2) &&
      (t.flags[k - 2] & TokenFlag.AllCaps) !== 0 &&
      text.slice(t.end[k - 2], t.start[k]) === ' - '
    )
      s = k - 2;
    else continue;
    if (!upper(s) || t.norm[s] in CURRENCY_CODES || DATE_WORDS.has(t.norm[s])) continue;
    // Earlier parts joined by hyphens ("Sars-CoV-2"), later ones joined to the number ("A320neo").
    while (s >= 2 && t.norm[s - 1] === '-' && glued(s) && glued(s - 1) && isWord(t, s - 2)) s -= 2;
    let e = k;
    while (e + 1 < t.count && glued(e + 1) && (isWord(t, e + 1) || isNumber(t, e + 1))) e++;
    if (used.subarray(s, e + 1).some((u) => u)) continue;
    used.fill(CODE, s, e + 1);
    facts.push(nameOfWords('entity', text, t, s, e));
    k = e;
  }
}

/** What a date word is: one lookup per word instead of one per list. */
const DATE_WORDS = new Map<string, 'month' | 'weekday' | 'relative'>([
  ...[...MONTHS].map((w) => [w, 'month'] as const),
  ...[...WEEKDAYS].map((w) => [w, 'weekday'] as const),
  ...[...RELATIVE_DAYS].map((w) => [w, 'relative'] as const),
]);

function readDates(text: string, t: Tokens, facts: Fact[], used: Uint8Array): void {
  for (let k = 0; k < t.count; k++) {
    const kind = t.kind[k];
    if (kind === TokenKind.Number) {
      const v = t.value[k];
      if (!used[k] && v >= 1900 && v <= 2100 && /^\d{4}$/.test(text.slice(t.start[k], t.end[k]))) {
        used[k] = 1;
        facts.push({ kind: 'date', text: String(v), key: `year:${v}`, start: t.start[k], end: t.end[k] });
      }
      continue;
    }
    if (kind !== TokenKind.Word) continue;
    const n = t.norm[k];
    const what = DATE_WORDS.get(n);
    if (what === 'month') {
      if ((t.flags[k] & TokenFlag.Capitalised) !== 0 && n !== 'may') readMonthDate(text, t, k, facts, used);
    } else if (what !== undefined) {
      used[k] = 1;
      facts.push({
        kind: 'date',
        text: text.slice(t.start[k], t.end[k]),
        key: `${what === 'weekday' ? 'day' : 'rel'}:${n}`,
        start: t.start[k],
        end: t.end[k],
      });
    }
  }
}

/**
 * "Oct 17, 2023", "Dec. 3", "October 17", "17 October 2023", "October 2023" around the month at
 * `k`; a month alone is no date. Keyed by its numbers ("date:2023-10-17"), so that one day
 * written two ways is one fact.
 */
function readMonthDate(text: string, t: Tokens, k: number, facts: Fact[], used: Uint8Array): void {
  let s = k;
  let e = k;
  let day: number | undefined;
  const isDay = (x: number) =>
    isNumber(t, x) && Number.isInteger(t.value[x]) && t.value[x] >= 1 && t.value[x] <= 31;
  // An abbreviated month may take a full stop: "Dec. 3".
  const next = t.norm[k + 1] === '.' && t.norm[k].length <= 4 ? k + 2 : k + 1;
  if (isDay(next)) {
    e = next;
    day = t.value[next];
  } else if (isDay(k - 1)) {
    s = k - 1;
    day = t.value[s];
  }
  let j = e + 1;
  if (t.norm[j] === ',') j++;
  let year: number | undefined;
  if (isNumber(t, j) && t.value[j] >= 1900 && t.value[j] <= 2100) {
    e = j;
    year = t.value[j];
  }
  if (e === k && s === k) return;
  for (let x = s; x <= e; x++) used[x] = 1;
  const month = MONTH_NUMBERS.get(t.norm[k]);
  facts.push({
    kind: 'date',
    text: text.slice(t.start[s], t.end[e]),
    key: `date:${[year, month, day].filter((x) => x !== undefined).join('-')}`,
    start: t.start[s],
    end: t.end[e],
  });
}

function readNumbers(text: string, t: Tokens, facts: Fact[], used: Uint8Array, lexicon?: Lexicon): void {
  readFractionalRates(text, t, facts, used);
  for (let k = 0; k < t.count; k++) {
    if (!isNumber(t, k) || used[k] || designation(text, t, k, lexicon)) continue;
    const surfaceNumber = text.slice(t.start[k], t.end[k]);
    const digits = /\d/.test(surfaceNumber);
    const ordinal = (t.flags[k] & TokenFlag.Ordinal) !== 0;
    let value = t.value[k];
    let start = t.start[k];
    let end = t.end[k];
    let kind: FactKind = 'number';
    let unit: string | undefined;
    let prev = k - 1;
    // "half a million": half of the number read.
    if (prev >= 0 && t.norm[prev] === 'half' && /^an? /i.test(surfaceNumber)) {
      value /= 2;
      start = t.start[prev];
      prev--;
    }
    if (
      prev >= 0 &&
      t.kind[prev] === TokenKind.Symbol &&
      CURRENCIES[t.norm[prev]] &&
      // "$5", and "US$ 5" as some sites and tokenized text write it.
      t.start[k] - t.end[prev] <= 1
    ) {
      kind = 'money';
      unit = CURRENCIES[t.norm[prev]];
      start = t.start[prev];
    } else {
      const code = currencyCodeBefore(text, t, prev);
      if (code !== undefined) {
        kind = 'money';
        unit = CURRENCY_CODES[t.norm[code]];
        start = t.start[code];
        used.fill(1, code, k);
      }
    }
    const next = k + 1;
    const clock = kind === 'number' && !ordinal ? clockTime(text, t.end[k], value) : undefined;
    const hyphened = kind === 'number' && !ordinal ? hyphenedMeasure(t, next, lexicon) : undefined;
    const product = kind === 'number' ? productCount(t, next, used, lexicon) : undefined;
    if (clock) {
      // "7 p.m." = "7pm" = 19:00: a time of day, which "8 p.m." elsewhere contradicts.
      unit = 'time of day';
      value = clock.minutes;
      end = clock.end;
      for (let x = next; x < t.count && t.start[x] < end; x++) used[x] = 1;
    } else if (kind === 'number' && ageAfter(t, k)) {
      // "a 34-year-old man": an age, which a "43-year-old" elsewhere contradicts.
      unit = 'year old';
      end = t.end[k + 4];
      for (let x = next; x <= k + 4; x++) used[x] = 1;
    } else if (kind === 'number' && prev >= 0 && t.norm[prev] === 'aged' && !ordinal) {
      unit = 'year old';
      start = t.start[prev];
    } else if (hyphened) {
      // "the 1.2-kilometre bridge", "a 10-day closure": the measure is the word after the hyphen
      // ("a 2.5-billion-dollar plan": a currency).
      const currency = CURRENCY_WORDS[t.norm[next + 1]];
      if (currency) kind = 'money';
      unit = currency ?? hyphened;
      end = t.end[next + 1];
      used[next] = 1;
      used[next + 1] = 1;
    } else if (isWord(t, next)) {
      const w = t.norm[next];
      if (w === 'percent') {
        kind = 'percent';
        unit = '%';
        end = t.end[next];
      } else if (CURRENCY_WORDS[w] && kind === 'number') {
        kind = 'money';
        unit = CURRENCY_WORDS[w];
        end = t.end[next];
      } else if (kind === 'number' && RATE_POINTS.has(w) && /^points?$/.test(t.norm[next + 1] ?? '')) {
        // "0.25 percentage points" = "25 basis points": units of their own, not a count of points.
        unit = `${w} point`;
        end = t.end[next + 1];
        used[next] = 1;
        used[next + 1] = 1;
      } else if (product !== undefined) {
        // "50 Boeing 737 jets": a count of the plural noun after a product's name and number,
        // which is the product's (no count of 737 jets).
        unit = singular(t.norm[product], lexicon);
        end = t.end[product];
        if (!used[product - 1]) used[product - 1] = 1;
        used[product] = 1;
      } else if (
        kind === 'number' &&
        (t.flags[next] & TokenFlag.Stopword) === 0 &&
        !MONTHS.has(w) &&
        // "the 3rd Amber Coast Summit": a capitalised word begins a name; units are written small
        // or in capitals ("8,000 MW").
        (t.flags[next] & (TokenFlag.Capitalised | TokenFlag.AllCaps)) !== TokenFlag.Capitalised
      ) {
        // "2,000 new jobs": the unit is the noun after a quantity adjective; "180 reading places",
        // "30 police officers": the plural noun a singular word modifies (the head comes last).
        const u =
          (QUANTITY_ADJECTIVES.has(w) && isWord(t, next + 1)) || headNounAfter(text, t, next, lexicon)
            ? next + 1
            : next;
        unit = UNIT_ABBREVIATIONS.get(t.norm[u]) ?? singular(t.norm[u], lexicon);
        end = t.end[u];
        for (let x = next; x <= u; x++) used[x] = 1;
      }
    }
    if (!digits && !ordinal && value < 10 && !unit) continue;
    // Small counts written as words ("the two leaders") are grammar, not reported facts; a small
    // measure is one ("within two weeks").
    if (!digits && !ordinal && value < 10 && kind === 'number' && !MEASURES.has(unit ?? '')) continue;
    if (ordinal && value < 3 && !digits) continue;
    const key = `${ordinal ? 'ord' : kind}:${value}${unit ? `:${unit}` : ''}`;
    facts.push({ kind, text: text.slice(start, end), key, value, unit, start, end });
  }
}

/** The unit of measure joined by a hyphen at `next` to the number before it ("10-day"); none otherwise. */
function hyphenedMeasure(t: Tokens, next: number, lexicon?: Lexicon): string | undefined {
  if (t.norm[next] !== '-' || t.start[next] !== t.end[next - 1] || !isWord(t, next + 1)) return undefined;
  if (t.start[next + 1] !== t.end[next]) return undefined;
  const unit = UNIT_ABBREVIATIONS.get(t.norm[next + 1]) ?? singular(t.norm[next + 1], lexicon);
  return MEASURES.has(unit) ? unit : undefined;
}

/** Where a currency written in letters begins before the number after `prev` ("Rs. 50"); none otherwise. */
function currencyCodeBefore(text: string, t: Tokens, prev: number): number | undefined {
  const code = t.norm[prev] === '.' && prev > 0 && t.start[prev] === t.end[prev - 1] ? prev - 1 : prev;
  if (!isWord(t, code) || !(t.norm[code] in CURRENCY_CODES)) return undefined;
  if ((t.flags[code] & (TokenFlag.Capitalised | TokenFlag.AllCaps)) === 0) return undefined;
  return /^\.? ?$/.test(text.slice(t.end[code], t.start[prev + 1])) ? code : undefined;
}

/**
 * For a count followed by a name of one or two capitalised words, a number and a plural noun
 * ("50 Boeing 737 jets", "20 Airbus A320 planes"): where the noun is; none otherwise.
 */
function productCount(t: Tokens, next: number, used: Uint8Array, lexicon?: Lexicon): number | undefined {
  let x = next;
  while (x < next + 2 && isWord(t, x) && (t.flags[x] & (TokenFlag.Capitalised | TokenFlag.AllCaps)) !== 0)
    x++;
  if (x === next || !isNumber(t, x)) return undefined;
  // "20 Airbus A320neo planes": the product's number is a code's; its noun follows the code.
  if (used[x] === CODE) while (x + 1 < t.count && used[x + 1] === CODE) x++;
  else if (used[x]) return undefined;
  if (!isWord(t, x + 1)) return undefined;
  const n = t.norm[x + 1];
  if ((t.flags[x + 1] & TokenFlag.Capitalised) !== 0 || !(pluralInS(n, lexicon) || PLURALS.has(n)))
    return undefined;
  return x + 1;
}

/**
 * "a.m.", "pm", "AM" right after a number ("7 p.m.", "9am"); not "a month", "amendments". The
 * full stop after "pm" ends a sentence; after "p.m" it ends the abbreviation.
 */
const MERIDIEM = /^ ?(?:([ap])\. ?m\b\.?|([ap])m\b)/i;

/**
 * The time of day a number ending at `from` in `text` names, in minutes after midnight ("10.30
 * p.m." and "10:30 p.m." are 1,350), with where its "a.m." or "p.m." ends; none for a number of
 * no clock.
 */
function clockTime(text: string, from: number, value: number): { minutes: number; end: number } | undefined {
  // "9:30 p.m.": the minutes after a colon, then the meridiem.
  const colon = /^:([0-5]\d)/.exec(text.slice(from, from + 3));
  const at = colon ? from + 3 : from;
  const m = MERIDIEM.exec(text.slice(at, at + 8));
  if (!m) return undefined;
  const hours = Math.floor(value);
  const minutes = colon ? Number(colon[1]) : Math.round((value - hours) * 100);
  if (colon && hours !== value) return undefined;
  if (hours < 1 || hours > 12 || minutes >= 60) return undefined;
  const pm = (m[1] ?? m[2]).toLowerCase() === 'p';
  return { minutes: ((hours % 12) + (pm ? 12 : 0)) * 60 + minutes, end: at + m[0].length };
}

/** Fractions a rate's change is written in: "a quarter of a percentage point", "half a point". */
const FRACTIONS = new Map([
  ['quarter', 0.25],
  ['half', 0.5],
  ['quarters', 0.75], // "three quarters", "three-quarters"
]);

/**
 * "a quarter of a percentage point" (0.25), "half a percentage point", "three-quarters of a
 * percentage point": a rate's change in words, the same fact as "25 basis points".
 */
function readFractionalRates(text: string, t: Tokens, facts: Fact[], used: Uint8Array): void {
  for (let k = 0; k < t.count; k++) {
    const fraction = FRACTIONS.get(t.norm[k]);
    if (fraction === undefined || (fraction === 0.75) !== (t.value[k - 2] === 3 || t.norm[k - 2] === 'three'))
      continue;
    let x = k + 1;
    if (t.norm[x] === 'of') x++;
    if (t.norm[x] === 'a') x++;
    if (!RATE_POINTS.has(t.norm[x]) || !/^points?$/.test(t.norm[x + 1] ?? '')) continue;
    let start = fraction === 0.75 ? k - 2 : k;
    if (fraction === 0.25 && (t.norm[k - 1] === 'a' || t.norm[k - 1] === 'one')) start = k - 1;
    const unit = `${t.norm[x]} point`;
    for (let y = start; y <= x + 1; y++) used[y] = 1;
    facts.push({
      kind: 'number',
      text: text.slice(t.start[start], t.end[x + 1]),
      key: `number:${fraction}:${unit}`,
      value: fraction,
      unit,
      start: t.start[start],
      end: t.end[x + 1],
    });
  }
}

/** Whether "-year-old" (or "-years-old") is written onto the number at `k`. */
function ageAfter(t: Tokens, k: number): boolean {
  if (k + 4 >= t.count || t.start[k + 1] !== t.end[k]) return false;
  return (
    t.norm[k + 1] === '-' &&
    (t.norm[k + 2] === 'year' || t.norm[k + 2] === 'years') &&
    t.norm[k + 3] === '-' &&
    t.norm[k + 4] === 'old'
  );
}

/**
 * True when the word after `k` is a plural noun that word `k`, in the singular, modifies: the
 * number counts that noun ("180 reading places"), not word `k`. Both lowercase content words
 * with only spaces between them; "5 people died", "20 minute walk" keep their first word.
 */
function headNounAfter(text: string, t: Tokens, k: number, lexicon?: Lexicon): boolean {
  const h = k + 1;
  if (!lexicon || !isWord(t, h)) return false;
  const plain = (x: number) =>
    (t.flags[x] & (TokenFlag.Stopword | TokenFlag.Capitalised | TokenFlag.AllCaps)) === 0;
  if (!plain(k) || !plain(h) || !/^\s+$/.test(text.slice(t.end[k], t.start[h]))) return false;
  return !pluralInS(t.norm[k], lexicon) && pluralInS(t.norm[h], lexicon) && !MONTHS.has(t.norm[h]);
}

/** A plural in "-s" ("shares", "places"; not "press"), by its lemma. */
function pluralInS(word: string, lexicon?: Lexicon): boolean {
  return word.endsWith('s') && !word.endsWith('ss') && singular(word, lexicon) !== word;
}

function singular(word: string, lexicon?: Lexicon): string {
  if (lexicon) return lexicon.lemma(word);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

/**
 * Lexicon look-ups of one article, memoised: an article repeats its names ("Kakar", "Pakistan"),
 * and each is looked up as a whole, as a last word and as a possible demonym.
 */
interface NameLookups {
  entity(lower: string): EntityKind | undefined;
  demonym(word: string): boolean;
  /** A word of the language (WordNet knows it) that names no person: "fisheries", "affairs". */
  common(lower: string): boolean;
}

function nameLookups(lexicon?: Lexicon): NameLookups {
  const entities = new Map<string, EntityKind | undefined>();
  const demonyms = new Map<string, boolean>();
  const entity = (lower: string) => {
    if (!lexicon) return undefined;
    if (entities.has(lower)) return entities.get(lower);
    const kind = lexicon.entityKind(lower);
    entities.set(lower, kind);
    return kind;
  };
  return {
    entity,
    // A word WordNet lists (itself or its base form) is a common word, whatever names it spells too.
    common: (lower) => lexicon?.entry(lower).listed === true && entity(lower) !== 'person',
    demonym(word) {
      let d = demonyms.get(word);
      if (d === undefined) {
        d = isDemonym(word, entity, lexicon !== undefined);
        demonyms.set(word, d);
      }
      return d;
    },
  };
}

/** Lowercase, hyphens and runs of spaces as one space: the form names are looked up by. */
const lookupForm = (name: string) => name.toLowerCase().replace(/[-\s]+/g, ' ');

/** 1 for each word that may begin or continue a name: capitalised, not a date or unit, not "The". */
function capitals(text: string, t: Tokens, used: Uint8Array): Uint8Array {
  const cap = new Uint8Array(t.count);
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== TokenKind.Word || used[k]) continue;
    // "eBay", "iPhone", "IndiGo": a capital inside a word of small letters is a brand's name.
    if (innerCapital(text, t, k)) cap[k] = 1;
    else if ((t.flags[k] & TokenFlag.Capitalised) !== 0) {
      // "May" is a verb where a sentence or a clause begins it, a surname after a name ("Theresa May").
      const surname = t.norm[k] === 'may' && k > 0 && cap[k - 1] === 1 && t.start[k] === t.end[k - 1] + 1;
      // "on Fridays": days of the week, which a date names only one at a time.
      const weekdays = t.norm[k].endsWith('s') && WEEKDAYS.has(t.norm[k].slice(0, -1));
      cap[k] = (NOT_NAMES.has(t.norm[k]) && !surname) || weekdays ? 0 : 1;
    }
  }
  // An ordinal written out with a capital begins the short name it precedes ("the Second World
  // War", "the Fifth Fleet"), though it is a number too; not a title's ("First Lady", "First
  // Minister"), nor an edition's of a longer name ("the Third Belt and Road Forum", written "3rd"
  // elsewhere: the name is the forum's, the ordinal a fact of its own).
  for (let k = 0; k + 1 < t.count; k++) {
    if (t.kind[k] !== TokenKind.Number || (t.flags[k] & TokenFlag.Ordinal) === 0) continue;
    const first = text.charCodeAt(t.start[k]);
    if (first < 65 || first > 90 || !cap[k + 1] || t.start[k + 1] !== t.end[k] + 1) continue;
    if (PERSON_TITLES.has(t.norm[k + 1])) continue;
    let e = k + 1;
    while (e + 1 < t.count && cap[e + 1]) e++;
    const continued = e + 2 < t.count && CONNECTORS.has(t.norm[e + 1]) && cap[e + 2];
    if (e - k <= 2 && !continued) cap[k] = 1;
  }
  return cap;
}

/** A word of small letters with a capital after its first letter: "eBay", "IndiGo", "McDonald". */
function innerCapital(text: string, t: Tokens, k: number): boolean {
  if ((t.flags[k] & TokenFlag.AllCaps) !== 0) return false;
  let lower = false;
  let inner = false;
  for (let i = t.start[k]; i < t.end[k]; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) inner ||= i > t.start[k];
    else return false;
  }
  return lower && inner;
}

function readNames(text: string, t: Tokens, facts: Fact[], used: Uint8Array, lexicon?: Lexicon): void {
  const cap = capitals(text, t, used);
  const capital = (k: number) => k < t.count && cap[k] === 1;
  const look = nameLookups(lexicon);
  // A capitalised word at the start of a sentence is a name when the article also writes it with
  // a capital inside a sentence, or when it is no word of the dictionary ("Eastmere closed",
  // "Yellen said": the word vectors know many surnames, WordNet few) nor a function word.
  const namedInside = new Set<string>();
  for (let k = 0; k < t.count; k++) {
    if (cap[k] && (t.flags[k] & TokenFlag.SentenceInitial) === 0) namedInside.add(t.norm[k]);
  }
  const nameAtStart = (k: number) =>
    namedInside.has(t.norm[k]) ||
    innerCapital(text, t, k) ||
    (lexicon !== undefined &&
      t.norm[k].length > 3 &&
      (t.flags[k] & TokenFlag.Stopword) === 0 &&
      !FUNCTION_WORDS.has(t.norm[k]) &&
      !look.common(t.norm[k]));
  // Kind and key of each distinct name (and, for the kind, whether titled, whether an acronym).
  const kinds = [
    new Map<string, FactKind>(),
    new Map<string, FactKind>(),
    new Map<string, FactKind>(),
    new Map<string, FactKind>(),
  ];
  const keys = new Map<string, string>();
  /** Keys of names of unknown kind written as places somewhere; and the first fact of this pass. */
  const placed = new Set<string>();
  const first = facts.length;
  /** A place split off a longer run (a title's portfolio, a place before a name): words x … y. */
  const pushPlace = (x: number, y = x) => {
    facts.push(nameOfWords('place', text, t, x, y));
  };
  /**
   * The organisation split off before an office's title (words x … y): an organisation, also where
   * the dictionary knows its name as a person's ("Tesla CEO").
   */
  const pushOrganisation = (x: number, y: number) => {
    const acronym = x === y && (t.flags[x] & TokenFlag.AllCaps) !== 0;
    const kind = nameKind(text.slice(t.start[x], t.end[y]), false, acronym, look);
    facts.push(nameOfWords(kind === 'person' ? 'organization' : kind, text, t, x, y));
  };
  /**
   * In a run of words k … e, a title after some words and before one to three words that are not
   * all words of the language: where the organisation ends and where its officer's name starts.
   */
  const titleHolder = (k: number, e: number): { organisation: number; name: number } | undefined => {
    let x = e - 1;
    while (x > k && !PERSON_TITLES.has(t.norm[x])) x--;
    if (x <= k || e - x > 3 || !firstName(x + 1)) return undefined;
    // "Martin Luther King Jr": a title followed by a generation is a surname.
    if (GENERATIONS.has(t.norm[x + 1])) return undefined;
    let allCommon = true;
    for (let y = x + 1; y <= e && allCommon; y++) allCommon = !isWord(t, y) || look.common(t.norm[y]);
    if (allCommon) return undefined;
    // The title's own words before it: "Secretary-General", "Deputy Prime Minister".
    let first = x;
    while (
      first - 1 > k &&
      (PERSON_TITLES.has(t.norm[first - 1]) ||
        TITLE_MODIFIERS.has(t.norm[first - 1]) ||
        (t.norm[first - 1] === '-' && PERSON_TITLES.has(t.norm[first - 2])))
    )
      first -= t.norm[first - 1] === '-' ? 2 : 1;
    if (first <= k || CONNECTORS.has(t.norm[first - 1])) return undefined;
    return { organisation: first - 1, name: x + 1 };
  };
  /** The last word of the longest known place of two words or more that starts at word `x`, up to `e`. */
  const placeFrom = (x: number, e: number): number | undefined => {
    for (let y = Math.min(e, x + 3); y > x; y--)
      if (look.entity(lookupForm(text.slice(t.start[x], t.end[y]))) === 'place') return y;
    return undefined;
  };
  /** An initial ("W", "U") or a title written short ("Ms", "Dr"): a full stop after it ends no sentence. */
  const abbreviated = (x: number): boolean =>
    isWord(t, x) &&
    (t.flags[x] & TokenFlag.Capitalised) !== 0 &&
    ((t.end[x] - t.start[x] === 1 && t.norm[x] !== 'i') || SHORT_TITLES.has(t.norm[x]));
  /**
   * Whether word `x`, the last but one of a titled run, is its person's first name though a word of
   * the language ("Minister of the Interior Jan Novak"): it follows a word of the portfolio, not
   * the word opening it ("of the Economy Novak"), and names no plural or institution ("Foreign
   * Affairs Novak", "Home Department Novak").
   */
  const firstName = (x: number): boolean =>
    isWord(t, x) &&
    !CONNECTORS.has(t.norm[x]) &&
    !CONNECTORS.has(t.norm[x - 1]) &&
    singular(t.norm[x], lexicon) === t.norm[x] &&
    !ORG_CUES.test(t.norm[x]) &&
    !FACILITY.test(t.norm[x]);
  for (let k = 0; k < t.count; k++) {
    if (!cap[k]) continue;
    // "Shares of Credit Suisse fell": a plural noun of the language opening a sentence begins no
    // name ("Bank of England" and "Minister of State" are singular).
    if (
      (t.flags[k] & TokenFlag.SentenceInitial) !== 0 &&
      CONNECTORS.has(t.norm[k + 1]) &&
      !nameAtStart(k) &&
      look.common(t.norm[k]) &&
      singular(t.norm[k], lexicon) !== t.norm[k]
    )
      continue;
    // "(Velmoran) Minister of Fisheries and Forestry Tomasz Wierzbicki": a title's portfolio may
    // hold "and".
    let p = k;
    while (capital(p) && (PERSON_TITLES.has(t.norm[p]) || look.demonym(t.norm[p]))) p++;
    const portfolio =
      p > k &&
      PERSON_TITLES.has(t.norm[p - 1]) &&
      PORTFOLIO.has(t.norm[p]) &&
      (capital(p + 1) || (t.norm[p + 1] === 'the' && capital(p + 2)));
    // Extend over capitalised words, connectors between them, and hyphen/apostrophe joins.
    let e = k;
    for (;;) {
      const j = e + 1;
      // A name never runs across a line break: "… by Ana Brezina" above "Port Alder's library".
      if (j < t.count && lineBreakBetween(text, t.end[e], t.start[j])) break;
      if (capital(j)) {
        e = j;
        continue;
      }
      // "S&P 500": a whole number after a name (see `designation`) ends it.
      if (j < t.count && !used[j] && designation(text, t, j, lexicon)) {
        e = j;
        break;
      }
      // "J.K. Rowling", "George W. Bush", "Ms. Ruiz", "U.S.": a full stop after an initial or an
      // abbreviated title joins what follows, unless a sentence starts there.
      const dotted =
        t.norm[j] === '.' &&
        abbreviated(e) &&
        j + 1 < t.count &&
        (t.flags[j + 1] & TokenFlag.SentenceInitial) === 0;
      const joined =
        j < t.count && t.start[j] === t.end[e] && (t.norm[j] === '-' || t.norm[j] === '&' || dotted);
      // "Belt and Road Forum" is one name, "Pakistan and Russia" two: "and" joins a single word
      // to a longer capitalised tail only.
      const conjunction = t.norm[j] === 'and' || t.norm[j] === '&';
      const connector =
        (isWord(t, j) || t.norm[j] === '&') &&
        CONNECTORS.has(t.norm[j]) &&
        (!conjunction || portfolio || (e === k && capital(j + 1) && capital(j + 2)));
      if (
        (joined || connector) &&
        (capital(j + 1) || (joined && isWord(t, j + 1) && t.start[j + 1] === t.end[j])) &&
        !lineBreakBetween(text, t.end[j], t.start[j + 1])
      ) {
        e = j + 1;
        continue;
      }
      // "Great Hall of the People", "Department of the Interior": "of the" after a building's or an
      // institution's noun; and after a title, whose portfolio it opens ("Minister of the Interior
      // Ana Ruiz": the portfolio is set apart below, and a place in it is a fact of its own, as in
      // "President of the United States"); not after a person ("Kakar of the PML-N").
      if (
        connector &&
        !conjunction &&
        t.norm[j] !== 'the' &&
        (FACILITY.test(t.norm[e]) || ORG_CUES.test(t.norm[e]) || PERSON_TITLES.has(t.norm[e]) || portfolio) &&
        t.norm[j + 1] === 'the' &&
        capital(j + 2) &&
        !lineBreakBetween(text, t.end[j], t.start[j + 2])
      ) {
        e = j + 2;
        continue;
      }
      break;
    }
    // A single word shorter than two letters is no name; nor is a sentence's first word unless it
    // is known as a name, an acronym, or a name elsewhere in the article.
    const single = e === k;
    const length = t.end[e] - t.start[k];
    const acronym = single && (t.flags[k] & TokenFlag.AllCaps) !== 0 && length >= 2 && length <= 6;
    // "degrees Celsius": a scale after "degrees" is the number's unit, though named after a person.
    if (single && k > 0 && (t.norm[k - 1] === 'degrees' || t.norm[k - 1] === 'degree')) continue;
    if (
      single &&
      (length < 2 ||
        ((t.flags[k] & TokenFlag.SentenceInitial) !== 0 &&
          !acronym &&
          !nameAtStart(k) &&
          !look.entity(lookupForm(text.slice(t.start[k], t.end[k])))))
    ) {
      continue;
    }
    // Strip leading titles ("Prime Minister", "Russian President") from the name itself.
    let s = k;
    let titled = false;
    while (
      s < e &&
      (PERSON_TITLES.has(t.norm[s]) ||
        TITLE_MODIFIERS.has(t.norm[s]) ||
        look.demonym(t.norm[s]) ||
        // "Chief Executive", "Chief Financial Officer": the words of a chief's title.
        (s > k && t.norm[s - 1] === 'chief' && CHIEF_OF.has(t.norm[s])) ||
        (t.norm[s] === 'officer' && s > k && CHIEF_OF.has(t.norm[s - 1])))
    ) {
      if (PERSON_TITLES.has(t.norm[s])) titled = true;
      // "Ms. Ruiz": the title's full stop goes with it.
      s += t.norm[s + 1] === '.' && t.start[s + 1] === t.end[s] ? 2 : 1;
    }
    // A demonym or "Former" before a title is the title's ("Russian President Vladimir Putin");
    // before a name, the name's own ("European Central Bank", "French Open").
    if (!titled && !PERSON_TITLES.has(t.norm[s])) s = k;
    // "General Motors", "General Electric": "General" before one word of the language begins a
    // company's name (not so "President Trump", whose name is a word too).
    if (
      titled &&
      t.norm[k] === 'general' &&
      s === e &&
      s === k + 1 &&
      look.common(t.norm[s]) &&
      look.entity(t.norm[s]) !== 'person'
    ) {
      s = k;
      titled = false;
    }
    // "Treasury Secretary Janet Yellen", "Tesla CEO Elon Musk", "UN Secretary-General Antonio
    // Guterres": the title of an organisation's office before its holder's name. The holder is the
    // person; the organisation, a name of its own.
    if (!titled && s === k) {
      const holder = titleHolder(k, e);
      if (holder !== undefined) {
        pushOrganisation(k, holder.organisation);
        s = holder.name;
        titled = true;
      }
    }
    if (s === e && PERSON_TITLES.has(t.norm[s])) {
      k = e;
      continue;
    }
    // A month alone ("the lowest April reading") is no name; with a day it was read as a date.
    if (s === e && !titled && MONTHS.has(t.norm[s])) continue;
    // "PM Office", "the Prime Minister's Office", "Putin's Office": an office named by its holder's
    // title or name is named with them, not "Office" alone.
    if (s === e && OFFICE.test(t.norm[s])) {
      let b = k; // the run's own titles: "PM Office"
      if (s === k && k >= 2 && t.norm[k - 1] === "'s" && t.start[k - 1] === t.end[k - 2]) {
        // the capitalised words before a possessive, on its line: "the Prime Minister's Office"
        for (
          let x = k - 2;
          x >= 0 && x > k - 6 && capital(x) && !lineBreakBetween(text, t.end[x], t.start[k]);
          x--
        )
          b = x;
      }
      if (b < s) {
        s = b;
        titled = false;
      }
    }
    if (titled && PORTFOLIO.has(t.norm[s])) {
      // The portfolio's words are words of the language ("Fisheries", "Foreign Affairs") or places;
      // the name, if any, follows them. Its places are facts of their own.
      s++;
      for (;;) {
        const place = s <= e ? placeFrom(s, e) : undefined;
        if (s === e - 1 && firstName(s)) break;
        if (place !== undefined) {
          pushPlace(s, place); // "of the United States"
          s = place + 1;
        } else if (
          s <= e &&
          (CONNECTORS.has(t.norm[s]) || look.common(t.norm[s]) || look.entity(t.norm[s]) === 'place')
        ) {
          if (look.entity(t.norm[s]) === 'place') pushPlace(s);
          s++;
        } else break;
      }
      if (s > e) {
        k = e;
        continue;
      }
    }
    // "Russian" alone is an adjective of nationality, not a person (WordNet's noun sense).
    if (s === e && look.demonym(t.norm[s])) {
      k = e;
      continue;
    }
    // "Ambassador to China Moinul Haq": a place, then a name of words no dictionary knows. (A name
    // of common words after a place is one name: "Beijing Capital International Airport".)
    if (e - s >= 2 && look.entity(t.norm[s]) === 'place') {
      let unknown = true;
      for (let x = s + 1; x <= e && unknown; x++)
        unknown = isWord(t, x) && !look.common(t.norm[x]) && !look.entity(t.norm[x]);
      if (unknown) {
        pushPlace(s);
        s++;
        titled = true;
      }
    }
    // An initial's full stop is the name's ("U.S.", "D.C.").
    const end =
      abbreviated(e) && t.norm[e + 1] === '.' && t.start[e + 1] === t.end[e] ? t.end[e + 1] : t.end[e];
    const name = text.slice(t.start[s], end);
    const byName = kinds[(titled ? 2 : 0) | (acronym ? 1 : 0)];
    let kind = byName.get(name);
    if (kind === undefined) {
      kind = nameKind(name, titled, acronym, look);
      byName.set(name, kind);
    }
    let key = keys.get(name);
    if (key === undefined) {
      key = `name:${nameKey(name)}`;
      keys.set(name, key);
    }
    if (kind === 'entity' && !name.includes('-') && !DESIGNATED.test(name) && placeContext(t, s))
      placed.add(key);
    facts.push({ kind, text: name, key, start: t.start[s], end });
    k = e;
  }
  // A name no dictionary knows is a place wherever the article writes it as one ("the port of
  // Gwadar in Balochistan").
  if (placed.size > 0)
    for (let x = first; x < facts.length; x++)
      if (facts[x].kind === 'entity' && placed.has(facts[x].key)) facts[x].kind = 'place';
}

/** The first words of events' names: "Hurricane Ian", "Storm Ciarán", "Operation Barbarossa". */
const NAMED_EVENTS = /^(hurricane|typhoon|cyclone|storm|tropical storm|operation) /;
/** Words of the closed classes that neither WordNet nor the stopword list holds: never a name. */
const FUNCTION_WORDS = new Set(
  `whereas amid amidst amongst whilst toward towards onto whereby unto albeit lest unless
everything anything nothing something everyone anyone someone everybody anybody somebody nobody
whatever whoever whichever wherever whenever`.split(/\s+/),
);

/** A name that ends in a letter or a number designates a thing of a series: "in Series B", "in Game 7". */
const DESIGNATED = /\s(?:\p{Lu}|\d+)$/u;
/** Words before a name that make it a place: "in Balochistan", "the port of Gwadar". */
const PLACE_BEFORE = new Set(['in', 'near', 'outside', 'across']);
const PLACE_OF = /^(port|city|town|village|province|region|district|state|island|islands|capital|county)$/;
function placeContext(t: Tokens, s: number): boolean {
  if (s < 1 || !isWord(t, s - 1)) return false;
  // "In Kestrelwick, …" at a sentence's start; not inside a name ("Port Of Spain").
  const f = t.flags[s - 1];
  if ((f & TokenFlag.Capitalised) !== 0 && (f & TokenFlag.SentenceInitial) === 0) return false;
  const before = t.norm[s - 1];
  return PLACE_BEFORE.has(before) || (before === 'of' && s >= 2 && PLACE_OF.test(t.norm[s - 2]));
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let x = from; x < to; x++) if (text.charCodeAt(x) === 10) return true;
  return false;
}

/** "Russian", "Chinese", "Pakistani": adjectives of nationality before a title or name. */
const DEMONYMS = new Set(
  `british french german dutch swiss greek turkish spanish english irish scottish welsh polish danish swedish
norwegian finnish afghan thai filipino chinese japanese vietnamese lebanese sudanese portuguese burmese nepalese
taiwanese senegalese congolese maltese`.split(/\s+/),
);
function isDemonym(
  word: string,
  entity: (lower: string) => EntityKind | undefined,
  withLexicon: boolean,
): boolean {
  if (DEMONYMS.has(word)) return true;
  if (!withLexicon) return /(ian|ani)$/.test(word);
  if (!/(n|i|ese)$/.test(word)) return false;
  // Derived from a place WordNet knows: russian → russia, pakistani → pakistan, italian → italy.
  const stems = [
    word.slice(0, -1),
    word.slice(0, -2),
    `${word.slice(0, -3)}y`,
    word.slice(0, -3),
    `${word.slice(0, -3)}a`,
    `${word.slice(0, -3)}e`, // ukrainian → ukraine, palestinian → palestine
  ];
  return stems.some((s) => s.length > 2 && entity(s) === 'place');
}

/** What follows a surname to tell a son from his father: "Jr", "Sr", "III". */
const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function nameKind(name: string, titled: boolean, acronym: boolean, look: NameLookups): FactKind {
  const { entity } = look;
  const lower = lookupForm(name);
  // "E.U." is the EU: initials with full stops are looked up without them too.
  const known =
    entity(lower) ?? (/^(?:\p{Lu}\.){2,}$/u.test(name) ? entity(lower.replace(/\./g, '')) : undefined);
  if (known) return known;
  if (ORG_CUES.test(lower) || acronym) return 'organization';
  if (PLACE_CUES.test(lower)) return 'place';
  if (titled) return 'person';
  // "Hurricane Ian", "Operation Desert Storm": an event named after a person is no person.
  if (NAMED_EVENTS.test(lower)) return 'entity';
  // "Pakistan-Russia", "Gilgit-Baltistan": a hyphenated compound is a place pair or a region, not
  // a person's name (which has a space: "Anwaar-ul-Haq Kakar").
  if (!/\s/.test(name) && name.includes('-')) return 'entity';
  const parts = lower.split(' ');
  // "Afghan Taliban", "French Open": a demonym begins no person's name; what follows it decides.
  if (parts.length >= 2 && look.demonym(parts[0])) return entity(parts.slice(1).join(' ')) ?? 'entity';
  if (parts.length >= 2 && parts.length <= 4) {
    // "Great Hall", "Town Hall": a building, though "Hall" is also a surname.
    if (FACILITY.test(parts[parts.length - 1]) && parts.slice(0, -1).every((p) => look.common(p)))
      return 'entity';
    if (entity(parts[parts.length - 1]) === 'person') return 'person';
    // "Energy Week", "Great Hall", "Harbour Link": words of the language none of which names a
    // person make an event, a building, a thing; a person's name has a word no dictionary holds
    // ("Wang Zhigang") or one it knows as a name ("Will Smith").
    if (parts.every((p) => look.common(p))) return 'entity';
    // "Dow Jones Industrial Average": a person's name ends in a surname, not in two words of the
    // language; the name that leads the phrase is its namesake's.
    if (parts.length >= 3 && look.common(parts[parts.length - 1]) && look.common(parts[parts.length - 2]))
      return 'entity';
    // "Democratic Republic of Congo": "of" joins the words of an institution or a place, not a
    // person's names.
    if (parts.includes('of')) return 'entity';
    if (parts.every((p) => /^[a-z]+$/.test(p.replace(/\./g, '')))) return 'person';
  }
  // (A single word the lexicon knows was returned as `known` above.)
  return 'entity';
}

/**
 * Quotations in double marks ("…", “…”, ``…''), whose words may hold apostrophes ("people's",
 * "won't"), and in single marks ('…', ‘…’: the British press's), opened at a word's start and
 * closed where no letter follows, so that an apostrophe inside a word ends none.
 */
const DOUBLE_QUOTE = /(?:``|["“])([^"“”\n]{10,600}?)(?:''|["”])/g;
const SINGLE_QUOTE = /(?<![\p{L}\p{N}])['‘]([^"“”‘\n]{10,600}?)['’](?![\p{L}\p{N}])/gu;
const ATTRIBUTION =
  /^[\s,]*(?:(he|she|they|\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})\s+(?:said|says|told|added|stated|wrote|tweeted)|(?:said|says|told|added)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2}|he|she))/u;
const ATTRIBUTION_BEFORE =
  /(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2}|he|she)\s+(?:said|says|told \S+|added|stated)[\s:,]*$/u;
/** Three words or more: two runs of spaces inside a trimmed text. */
const THREE_WORDS = /\s\S+\s/;

function readQuotes(text: string, facts: Fact[]): void {
  const spans: Array<[number, number]> = [];
  for (const quote of [DOUBLE_QUOTE, SINGLE_QUOTE]) {
    // A quotation inside another ("'No,' he told me," she said) is part of it, not one of its own.
    const within = spans.length;
    for (const m of text.matchAll(quote)) {
      const start = m.index as number;
      if (spans.some(([from, to], k) => k < within && start >= from && start < to)) continue;
      spans.push([start, start + m[0].length]);
      readQuote(text, m[1], start, start + m[0].length, facts);
    }
  }
}

/** A quotation of three words or more, and its speaker where one is named beside it. */
function readQuote(text: string, words: string, start: number, end: number, facts: Fact[]): void {
  const inner = words.trim();
  if (!THREE_WORDS.test(inner)) return;
  // The speaker named after the quote, else before it (looked for only then).
  const after = ATTRIBUTION.exec(text.slice(end, end + 60));
  const speaker =
    after?.[1] ?? after?.[2] ?? ATTRIBUTION_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[1];
  facts.push({ kind: 'quote', text: inner, key: `quote:${quoteKey(inner)}`, start, end, speaker });
}

/** Lowercase letters and digits, every other run as one space. */
function quoteKey(inner: string): string {
  const lower = inner.toLowerCase();
  // In ASCII text the letters and digits are [a-z0-9] once lowercase; the Unicode classes are slower.
  return (
    ASCII.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')
  ).trim();
}

const ASCII = /^[\x00-\x7f]*$/;
