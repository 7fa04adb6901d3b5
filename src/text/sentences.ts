/**
 * Sentence splitting for news text. A line break always ends a sentence (pages come as one
 * paragraph a line). Inside a line, ".", "!" and "?" — with any closing quotes and brackets after
 * them — end a sentence when followed by a space and a sentence opening, except after
 * abbreviations ("Mr.", "Gen."), initials ("George W. Bush") and dotted acronyms ("U.S.", "p.m."),
 * which end a sentence only when the next word is one that typically opens a sentence.
 */

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations that are never sentence-final in news copy (titles, "No. 10", months). */
const TITLES = new Set(
  `mr mrs ms dr prof st gen sen rep gov lt col capt sgt cpl maj adm cmdr rev hon fr mt ft no nos vs v jan feb mar
apr jun jul aug sep sept oct nov dec ave blvd rd approx dept est fig al op vol pp cf`.split(/\s+/),
);
/** Abbreviations that often end a sentence too ("... Ltd. The company said"). */
const MAYBE_FINAL = new Set(['inc', 'ltd', 'co', 'corp', 'etc', 'jr', 'sr', 'bros', 'plc', 'llc']);

/** Words that typically open a sentence: after "U.S." or "Inc." they signal a boundary. */
const OPENERS = new Set(
  `the a an he she it they we i you his her its their our this that these those there here but and so yet
however meanwhile in on at for after before when while if as also then now today yesterday earlier later mr mrs
ms dr some many most no not one two three police officials authorities president prime minister`.split(/\s+/),
);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e });
    else if (e > s && out.length > 0 && out[out.length - 1].end === s) out[out.length - 1].end = e;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Extend over repeated terminators and closing quotes/brackets: `said."` or `?!`.
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < text.length && CLOSERS.has(text[j])) j++;
    if (j >= text.length || !(text[j] === ' ' || text[j] === '\t' || text[j] === '\u00a0')) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    // A quote standing alone after the terminator closes the sentence: `there. " Lohan said`.
    if (CLOSERS.has(text[k]) && text[k] !== '(' && (text[k + 1] === ' ' || k + 1 === text.length)) {
      j = k + 1;
      k = j;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    }
    if (k >= text.length || text[k] === '\n') {
      i = j - 1;
      continue;
    }
    const next = text[k];
    const opens = /[\p{Lu}\p{N}"“‘'([]/u.test(next);
    if (!opens) {
      i = j - 1;
      continue;
    }
    if (ch === '.' && j === i + 1 && !isBoundaryAfterPeriod(text, i, k)) {
      i = j - 1;
      continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, text.length);
  return out;
}

/** Decides a single "." followed by a space and a capital: abbreviation, initial, or boundary. */
function isBoundaryAfterPeriod(text: string, dot: number, nextStart: number): boolean {
  let w = dot;
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1])) w--;
  const before = text.slice(w, dot);
  const word = before.toLowerCase();
  const nextWord = /^[\p{L}']+/u.exec(text.slice(nextStart, nextStart + 30))?.[0].toLowerCase() ?? '';
  if (word.length === 0) return true;
  // Dotted acronyms and times: "U.S.", "a.m.", "p.m." (the text before the final dot has a dot).
  if (word.includes('.')) return OPENERS.has(nextWord);
  // A single capital letter is an initial ("George W. Bush"), unless a sentence opener follows.
  if (before.length === 1 && /\p{Lu}/u.test(before)) return OPENERS.has(nextWord) && nextWord !== 'a';
  // "No. 10" is a number sign; "No. I've done it" is an answer.
  if (word === 'no') return !/\d/.test(text[nextStart]);
  if (TITLES.has(word)) return false;
  if (MAYBE_FINAL.has(word)) return OPENERS.has(nextWord);
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x200b;
}
