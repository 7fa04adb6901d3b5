/**
 * Tokenizer: words, numbers, punctuation and symbols with offsets into the original text, a
 * canonical form (lowercase, ASCII quotes, American spelling, numbers as values) and a stem.
 *
 * Output is a struct of arrays — no object per token — because every sentence of every article
 * passes through here. Number phrases collapse to one token with a value, so that "a million",
 * "one million", "1,000,000" and "1m" compare equal, and "Third" equals "3rd".
 */
import stemmer from 'wink-porter2-stemmer';
import { hashString } from './hash.js';
import type { Lexicon, WordEntry } from './lexicon/types.js';
import { americanSpelling } from './spelling.js';
import { isStopword } from './stopwords.js';

export enum TokenKind {
  Word = 1,
  Number = 2,
  Punct = 3,
  Symbol = 4,
}

export enum TokenFlag {
  Capitalised = 1,
  AllCaps = 2,
  Stopword = 4,
  SentenceInitial = 8,
  Negation = 16,
  Ordinal = 32,
}

export interface Tokens {
  count: number;
  /** Offsets into the input string (end exclusive). */
  start: Uint32Array;
  end: Uint32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** Canonical form: lowercase, American spelling; numbers as their value ("1000000"). */
  norm: string[];
  /** Porter2 stem of `norm` for words; `norm` itself for numbers and punctuation. */
  stem: string[];
  /** Value of number tokens, NaN otherwise. */
  value: Float64Array;
  /** Of each word token, what the tokenizer knows of its word (`wordEntry`, `stemHash` read it); else undefined. */
  words: Array<WordForms | undefined>;
}

// A word may hold inner apostrophes (don't, Pakistan's) but not hyphens: "Pakistan-Russia" is two
// words, and so is "counter-terrorism" ("counterterrorism" is matched by the similarity stage's
// vectors, not here).
const TOKEN =
  /(\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)|([$€£¥%&@#+=<>§©®°])|(\S)/gu;

const UNITS: Record<string, number> = wordTable({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
const TENS: Record<string, number> = wordTable({
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});
const ORDINALS: Record<string, number> = wordTable({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
});
const SCALES: Record<string, number> = wordTable({
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
  // Abbreviations written straight after digits: "5m", "$2.5bn", "10k".
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  k: 1e3,
  tn: 1e12,
});
const ABBREVIATED_SCALES = new Set(['m', 'mn', 'bn', 'k', 'tn']);
/** Words a spelled-out number can start with: a cheap first test for every word token (memoised in its forms). */
const NUMBER_START = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...Object.keys(ORDINALS),
  'a',
  'an',
]);

/** A lookup object without a prototype, so that `"constructor" in UNITS` is false. */
function wordTable(entries: Record<string, number>): Record<string, number> {
  return Object.assign(Object.create(null), entries);
}
/** Words that deny what their clause says: a quotation that drops one says the opposite. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
]);

interface Raw {
  start: number;
  end: number;
  kind: TokenKind;
  text: string;
  /** Lowercase with ASCII apostrophes, for words; the text itself otherwise. */
  lower: string;
}

function asciiLower(w: string): string {
  const lower = w.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

enum Char {
  Tab = 0x09,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Apostrophe = 0x27,
  Comma = 0x2c,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  UpperA = 0x41,
  UpperZ = 0x5a,
  LowerA = 0x61,
  LowerZ = 0x7a,
  Ascii = 0x80,
}

const isDigit = (c: number) => c >= Char.Zero && c <= Char.Nine;
const isUpper = (c: number) => c >= Char.UpperA && c <= Char.UpperZ;
const isAsciiLetter = (c: number) => isUpper(c) || (c >= Char.LowerA && c <= Char.LowerZ);
/** ASCII characters of `TOKEN`'s symbol class. */
const ASCII_SYMBOLS = new Set('$%&@#+=<>'.split('').map((c) => c.charCodeAt(0)));

/**
 * Raw tokens as `TOKEN` matches them. ASCII text, most of news text, is scanned by character
 * tests, which cost a fraction of a Unicode regex match; from any token that starts with or runs
 * into a character beyond ASCII, the regex itself decides.
 */
function rawTokens(text: string): Raw[] {
  const out: Raw[] = [];
  const n = text.length;
  let at = 0;
  while (at < n) {
    const c = text.charCodeAt(at);
    if (c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn)) at++;
    else if (c >= Char.Ascii) at = matchToken(text, at, out);
    else if (isDigit(c)) at = scanNumber(text, at, out);
    else if (isAsciiLetter(c)) at = scanWord(text, at, out);
    else {
      const kind = ASCII_SYMBOLS.has(c) ? TokenKind.Symbol : TokenKind.Punct;
      const ch = text[at];
      out.push({ start: at, end: at + 1, kind, text: ch, lower: ch });
      at++;
    }
  }
  return out;
}

/** `TOKEN`'s number alternatives: digits with comma groups of three, or plain; then decimals. */
function scanNumber(text: string, start: number, out: Raw[]): number {
  let at = start;
  while (isDigit(text.charCodeAt(at))) at++;
  while (
    text.charCodeAt(at) === Char.Comma &&
    isDigit(text.charCodeAt(at + 1)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    isDigit(text.charCodeAt(at + 3))
  )
    at += 4;
  if (text.charCodeAt(at) === Char.Dot && isDigit(text.charCodeAt(at + 1))) {
    at += 2;
    while (isDigit(text.charCodeAt(at))) at++;
  }
  const digits = text.slice(start, at);
  out.push({ start, end: at, kind: TokenKind.Number, text: digits, lower: digits });
  return at;
}

/** An ASCII word with its inner apostrophes; `TOKEN` decides where a character beyond ASCII follows. */
function scanWord(text: string, start: number, out: Raw[]): number {
  let at = start;
  let upper = false;
  for (;;) {
    const c = text.charCodeAt(at);
    if (isAsciiLetter(c)) {
      if (isUpper(c)) upper = true;
      at++;
    } else if (c === Char.Apostrophe && isAsciiLetter(text.charCodeAt(at + 1))) at++;
    else if (c >= Char.Ascii || (c === Char.Apostrophe && text.charCodeAt(at + 1) >= Char.Ascii)) {
      return matchToken(text, start, out);
    } else break;
  }
  const w = text.slice(start, at);
  pushWord(out, start, at, w, upper ? w.toLowerCase() : w);
  return at;
}

/** The raw token `TOKEN` matches from `from`; returns where matching goes on. */
function matchToken(text: string, from: number, out: Raw[]): number {
  TOKEN.lastIndex = from;
  const m = TOKEN.exec(text);
  if (!m) return text.length;
  const start = m.index;
  const end = start + m[0].length;
  if (m[1]) out.push({ start, end, kind: TokenKind.Number, text: m[1], lower: m[1] });
  else if (m[2]) pushWord(out, start, end, m[2], asciiLower(m[2]));
  else if (m[3]) out.push({ start, end, kind: TokenKind.Symbol, text: m[3], lower: m[3] });
  else out.push({ start, end, kind: TokenKind.Punct, text: m[4], lower: m[4] });
  return end;
}

/** Splits contractions and possessives: "don't" → do + not, "Pakistan's" → Pakistan + 's. */
function pushWord(out: Raw[], start: number, end: number, w: string, lower: string): void {
  const n = lower.length;
  if (n > 3 && lower.charCodeAt(n - 2) === 0x27 && lower.endsWith("n't")) {
    const cut = lower === "can't" ? 2 : lower === "won't" ? 2 : w.length - 3;
    const head = lower === "won't" ? 'will' : w.slice(0, cut);
    out.push({ start, end: start + cut, kind: TokenKind.Word, text: head, lower: asciiLower(head) });
    out.push({ start: start + cut, end, kind: TokenKind.Word, text: 'not', lower: 'not' });
  } else if (n > 2 && lower.charCodeAt(n - 2) === 0x27 && lower.charCodeAt(n - 1) === 0x73) {
    out.push({
      start,
      end: end - 2,
      kind: TokenKind.Word,
      text: w.slice(0, -2),
      lower: lower.slice(0, -2),
    });
    out.push({ start: end - 2, end, kind: TokenKind.Word, text: "'s", lower: "'s" });
  } else out.push({ start, end, kind: TokenKind.Word, text: w, lower });
}

interface NumberPhrase {
  value: number;
  ordinal: boolean;
  /** Index of the first raw token after the phrase. */
  next: number;
}

/**
 * Reads a number phrase starting at raw token `k`: digits with optional scale ("240 million",
 * "1.2bn"), words ("two hundred and fifty", "seventy-five"), "a million", ordinals ("third",
 * "75th", "seventy-fifth"). Returns undefined when no number starts here.
 */
function readNumber(raw: Raw[], k: number): NumberPhrase | undefined {
  const t = raw[k];
  if (t.kind !== TokenKind.Word && t.kind !== TokenKind.Number) return undefined;
  const word = (i: number) => (i < raw.length && raw[i].kind === TokenKind.Word ? raw[i].lower : '');
  const adjacent = (i: number) => i < raw.length && raw[i].start === raw[i - 1].end;
  if (t.kind === TokenKind.Number) {
    let value = Number.parseFloat(t.text.replace(/,/g, ''));
    let next = k + 1;
    const suffix = word(next);
    if (adjacent(next) && /^(st|nd|rd|th)$/.test(suffix)) return { value, ordinal: true, next: next + 1 };
    if (ABBREVIATED_SCALES.has(suffix) && adjacent(next))
      return { value: value * SCALES[suffix], ordinal: false, next: next + 1 };
    // "a $30-million deal", "a 2.5-billion-dollar plan": the scale joined by a hyphen, as an
    // adjective writes it (else "$30", a figure a million times too small).
    const hyphened = raw[next]?.text === '-' && adjacent(next) && adjacent(next + 1) ? word(next + 1) : '';
    if (SCALES[hyphened] >= 1000 && !ABBREVIATED_SCALES.has(hyphened)) {
      value *= SCALES[hyphened];
      next += 2;
    }
    while (SCALES[word(next)] && !ABBREVIATED_SCALES.has(word(next)) && word(next) !== 'dozen') {
      value *= SCALES[word(next)];
      next++;
    }
    return { value, ordinal: false, next };
  }
  if (t.kind !== TokenKind.Word) return undefined;
  const first = word(k);
  if (!(first in UNITS || first in TENS || first in ORDINALS || first === 'a' || first === 'an'))
    return undefined;
  // "a million", "an eighty"? only before a scale word: "a" alone is an article.
  if (first === 'a' || first === 'an') {
    const scale = word(k + 1);
    if (!SCALES[scale] || ABBREVIATED_SCALES.has(scale)) return undefined;
    return readWords(k + 1) ?? { value: SCALES[scale], ordinal: false, next: k + 2 };
  }
  return readWords(k);

  function readWords(i: number): NumberPhrase | undefined {
    let total = 0;
    let current = 0;
    let any = false;
    let ordinal = false;
    let next = i;
    for (;;) {
      const w = word(next);
      if (w in UNITS) current += UNITS[w];
      else if (w in TENS) current += TENS[w];
      else if (w in ORDINALS) {
        const v = ORDINALS[w];
        if (v >= 100) current = (current || 1) * v;
        else current += v;
        ordinal = true;
        any = true;
        next++;
        break;
      } else if (SCALES[w] && !ABBREVIATED_SCALES.has(w) && any) {
        const scale = SCALES[w];
        if (scale === 100) current *= 100;
        else {
          total += current * scale;
          current = 0;
        }
      } else if (w === 'and' && any && (word(next + 1) in UNITS || word(next + 1) in TENS)) {
        // "two hundred and fifty"
      } else if (raw[next]?.text === '-' && any && (word(next + 1) in UNITS || word(next + 1) in ORDINALS)) {
        // "seventy-five", "seventy-fifth"
      } else break;
      any = true;
      next++;
    }
    if (!any) return undefined;
    return { value: total + current, ordinal, next };
  }
}

/** What a lowercase word is, whatever its case or place: its forms and its word-class flags. */
export interface WordForms {
  readonly norm: string;
  readonly stem: string;
  /** `hashString(stem)`. */
  readonly stemHash: number;
  /** `TokenFlag.Stopword` and `TokenFlag.Negation` as they apply. */
  readonly flags: number;
  /** Whether a spelled-out number can start with the word (else `readNumber` need not look). */
  readonly numberStart: boolean;
  /**
   * `lexicon.entry(norm)`, once looked up (`wordEntry`): each token's word is then found once, in
   * this memo, where a second probe of the lexicon's own memo (~100k words, a cache miss each)
   * cost a tenth of preparing an article.
   */
  entry?: WordEntry;
  lexicon?: Lexicon;
}

/** The lexicon's entry of token `k`'s canonical form. */
export function wordEntry(t: Tokens, k: number, lexicon: Lexicon): WordEntry {
  const w = t.words[k];
  if (w === undefined) return lexicon.entry(t.norm[k]);
  if (w.lexicon === lexicon) return w.entry as WordEntry;
  w.entry = lexicon.entry(w.norm);
  w.lexicon = lexicon;
  return w.entry;
}

/** `hashString` of token `k`'s stem. */
export function stemHash(t: Tokens, k: number): number {
  return t.words[k]?.stemHash ?? hashString(t.stem[k]);
}

/**
 * Canonical form and Porter2 stem of a lowercase word, memoised: spelling and stemming dominate
 * tokenizing time and news vocabulary repeats. The memo is bounded and invisible to callers (the
 * same word always has the same forms), so the tokenizer stays a pure function.
 */
const forms = new Map<string, WordForms>();
function formsOf(lower: string): WordForms {
  let f = forms.get(lower);
  if (f === undefined) {
    let norm = lower === "'s" ? lower : americanSpelling(lower);
    if (norm === 'cannot') norm = 'not';
    const stem = norm === "'s" ? norm : stemmer(norm);
    f = {
      norm,
      stem,
      stemHash: hashString(stem),
      flags: (isStopword(norm) ? TokenFlag.Stopword : 0) | (NEGATIONS.has(norm) ? TokenFlag.Negation : 0),
      numberStart: NUMBER_START.has(lower),
      entry: undefined,
      lexicon: undefined,
    };
    if (forms.size >= 200_000) forms.clear();
    forms.set(lower, f);
  }
  return f;
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

export function tokenize(text: string): Tokens {
  const raw = rawTokens(text);
  // Number phrases and "per cent" only ever merge raw tokens: `raw.length` bounds the count.
  // One buffer for the typed arrays: each of them over 64 bytes would be an allocation off the heap.
  const size = raw.length;
  const buffer = new ArrayBuffer(18 * size);
  const value = new Float64Array(buffer, 0, size).fill(Number.NaN);
  const start = new Uint32Array(buffer, 8 * size, size);
  const end = new Uint32Array(buffer, 12 * size, size);
  const kind = new Uint8Array(buffer, 16 * size, size);
  const flags = new Uint8Array(buffer, 17 * size, size);
  const norm: string[] = [];
  const stem: string[] = [];
  const words: Array<WordForms | undefined> = [];
  let c = 0;
  let sentenceStart = true;
  for (let k = 0; k < raw.length; ) {
    const t = raw[k];
    const w = t.kind === TokenKind.Word ? formsOf(t.lower) : undefined;
    const num = w === undefined || w.numberStart ? readNumber(raw, k) : undefined;
    if (num) {
      // "one" alone before a noun is usually a number too; keep it — "one million" = 1e6 needs it.
      const v = num.value;
      const form = num.ordinal ? `${formatValue(v)}th` : formatValue(v);
      start[c] = t.start;
      end[c] = raw[num.next - 1].end;
      kind[c] = TokenKind.Number;
      flags[c] = (num.ordinal ? TokenFlag.Ordinal : 0) | (sentenceStart ? TokenFlag.SentenceInitial : 0);
      norm.push(form);
      stem.push(form);
      words.push(undefined);
      value[c++] = v;
      sentenceStart = false;
      k = num.next;
      continue;
    }
    if (w !== undefined) {
      start[c] = t.start;
      kind[c] = TokenKind.Word;
      if (w.norm === 'per' && k + 1 < raw.length && raw[k + 1].lower === 'cent') {
        end[c] = raw[k + 1].end;
        flags[c++] = sentenceStart ? TokenFlag.SentenceInitial : 0;
        norm.push('percent');
        stem.push('percent');
        words.push(undefined);
        sentenceStart = false;
        k += 2;
        continue;
      }
      let f = w.flags;
      const text0 = t.text.charCodeAt(0);
      if (text0 !== t.lower.charCodeAt(0) && text0 !== 0x27) {
        f |= TokenFlag.Capitalised;
        if (t.text.length > 1 && unchangedByUpperCase(t.text)) f |= TokenFlag.AllCaps;
      } else if (t.text.length > 1 && t.text !== t.lower && unchangedByUpperCase(t.text)) {
        f |= TokenFlag.AllCaps; // a word whose first letter has no case
      }
      if (sentenceStart) f |= TokenFlag.SentenceInitial;
      sentenceStart = false;
      end[c] = t.end;
      flags[c++] = f;
      norm.push(w.norm);
      stem.push(w.stem);
      words.push(w);
      k++;
      continue;
    }
    const n = t.kind === TokenKind.Symbol && t.text === '%' ? 'percent' : normalisePunct(t.text);
    if (t.kind === TokenKind.Punct && (n === '.' || n === '!' || n === '?')) sentenceStart = true;
    start[c] = t.start;
    end[c] = t.end;
    kind[c] = t.kind === TokenKind.Symbol && n === 'percent' ? TokenKind.Word : t.kind;
    flags[c++] = 0;
    norm.push(n);
    stem.push(n);
    words.push(undefined);
    k++;
  }
  if (c === size) return { count: c, start, end, kind, flags, norm, stem, value, words };
  return {
    count: c,
    start: start.subarray(0, c),
    end: end.subarray(0, c),
    kind: kind.subarray(0, c),
    flags: flags.subarray(0, c),
    norm,
    stem,
    value: value.subarray(0, c),
    words,
  };
}

/**
 * `w === w.toUpperCase()` without making the uppercase copy where ASCII decides: an ASCII word is
 * unchanged exactly when it has no letter a to z (and no uppercasing makes one).
 */
function unchangedByUpperCase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= Char.Ascii) return w === w.toUpperCase();
    if (c >= Char.LowerA && c <= Char.LowerZ) return false;
  }
  return true;
}

/** Curly quotes to straight ones, every dash to "-", the ellipsis character to "...". */
export function normalisePunct(p: string): string {
  switch (p) {
    case '‘':
    case '’':
    case '‚':
    case '′':
      return "'";
    case '“':
    case '”':
    case '„':
    case '″':
    case '«':
    case '»':
      return '"';
    case '–':
    case '—':
    case '―':
    case '−':
    case '‒':
      return '-';
    case '…':
      return '...';
    default:
      return p;
  }
}
