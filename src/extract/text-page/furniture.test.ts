import { describe, expect, it } from 'vitest';
import { pageLines } from './extract.js';
import { countWords, lineFeatures } from './furniture.js';

describe('lineFeatures', () => {
  it('reads a sentence end through closing quotes and brackets, but not an ellipsis', () => {
    expect(lineFeatures('He said it was over.').sentenceEnd).toBe(true);
    expect(lineFeatures('"It is over," he said (at last).').sentenceEnd).toBe(true);
    expect(lineFeatures('She asked: "Why now?”').sentenceEnd).toBe(true);
    expect(lineFeatures('The minister said that...').sentenceEnd).toBe(false);
    expect(lineFeatures('A headline without a stop').sentenceEnd).toBe(false);
  });

  it('flags a long teaser cut short with an ellipsis, whatever its form', () => {
    const long = 'The council said on Tuesday that the harbour road would close for a month of repairs';
    for (const end of ['…', '...', '[…]', '[...]'])
      expect(lineFeatures(`${long} ${end}`).truncated).toBe(true);
    expect(lineFeatures('Short line …').truncated).toBe(false);
  });

  it('counts capitalised words, in any script', () => {
    expect(lineFeatures('Élection À Paris').titleCase).toBe(1);
    expect(lineFeatures('"Quoted" (aside) 2024 word').titleCase).toBe(0.75);
  });
});

describe('countWords', () => {
  it('counts words and capitalised words as splitting at whitespace does, Unicode spaces and capitals too', () => {
    const pieces = [
      'a',
      'B',
      'É',
      'é',
      '7',
      '"q',
      '“Q',
      '(x',
      '𝐀',
      'Ωmega',
      'x-y',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\u200b',
      '\ufeff',
      '\u180e',
      '\u0085',
    ];
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const startsCapital = /^[\p{Lu}\d"“'‘(]/u;
    for (let n = 0; n < 2000; n++) {
      let line = '';
      const length = Math.floor(next() * 30);
      for (let k = 0; k < length; k++) line += pieces[Math.floor(next() * pieces.length)];
      const words = line.split(/\s+/).filter(Boolean);
      expect(countWords(line)).toEqual({
        words: words.length,
        capitals: words.filter((w) => startsCapital.test(w)).length,
      });
    }
  });
});

describe('pageLines', () => {
  it('makes every run of blank space one space, and keeps single-spaced lines as they are', () => {
    expect(pageLines('A  b\u00a0c\u200bd\te\r\n\r\n plain line \n')).toEqual(['A b c d e', 'plain line']);
  });
});
