import { describe, expect, it } from 'vitest';
import { nameKey } from './names.js';
import { splitSentences } from './sentences.js';
import { americanSpelling } from './spelling.js';
import { TokenKind, tokenize } from './tokens.js';

const numbers = (text: string) => {
  const t = tokenize(text);
  const out: number[] = [];
  for (let k = 0; k < t.count; k++) if (t.kind[k] === TokenKind.Number) out.push(t.value[k]);
  return out;
};
const norms = (text: string) => tokenize(text).norm;

describe('tokenize', () => {
  it('reads number phrases as one value', () => {
    expect(numbers('a million people')).toEqual([1e6]);
    expect(numbers('one million people')).toEqual([1e6]);
    expect(numbers('1,000,000 people')).toEqual([1e6]);
    expect(numbers('240 million tons and 1.2bn dollars')).toEqual([240e6, 1.2e9]);
    expect(numbers('two hundred and fifty-five')).toEqual([255]);
  });

  it('gives ordinals in words and digits one form', () => {
    expect(norms('the Third meeting')).toEqual(norms('the 3rd meeting'));
    expect(norms('75th anniversary')).toEqual(norms('seventy-fifth anniversary'));
  });

  it('does not take an article or a stray word for a number', () => {
    expect(numbers('a meeting with a constructor')).toEqual([]);
  });

  it('normalises spelling, contractions, quotes and per cent', () => {
    expect(norms('defence programme')).toEqual(norms('defense program'));
    expect(norms('won’t')).toEqual(norms('will not'));
    expect(norms('5 per cent')).toEqual(norms('5 percent'));
  });
});

describe('americanSpelling', () => {
  it('rewrites British endings', () => {
    expect(americanSpelling('organisation')).toBe('organization');
    expect(americanSpelling('centre')).toBe('center');
    expect(americanSpelling('travelled')).toBe('traveled');
    expect(americanSpelling('house')).toBe('house');
  });
});

describe('nameKey', () => {
  it('matches spelling variants of one name', () => {
    expect(nameKey('Anwaar-ul-Haq')).toBe(nameKey('Anwaarul Haq'));
    expect(nameKey('José')).toBe(nameKey('Jose'));
  });
});

describe('splitSentences', () => {
  const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

  it('survives abbreviations, initials, decimals and times', () => {
    const text =
      'Mr. Smith met U.S. officials at 3.5 p.m. on Monday. J. R. Doe was there too. Prices rose 2.5 percent.';
    expect(split(text)).toEqual([
      'Mr. Smith met U.S. officials at 3.5 p.m. on Monday.',
      'J. R. Doe was there too.',
      'Prices rose 2.5 percent.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    const text = '"We will not gamble," she said. "The bridge stays shut." Then she left.';
    expect(split(text)).toEqual([
      '"We will not gamble," she said.',
      '"The bridge stays shut."',
      'Then she left.',
    ]);
  });
});
