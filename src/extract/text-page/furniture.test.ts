import { describe, expect, it } from 'vitest';
import { pageLines } from './extract.js';
import { lineFeatures } from './furniture.js';

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

describe('pageLines', () => {
  it('makes every run of blank space one space, and keeps single-spaced lines as they are', () => {
    expect(pageLines('A  b\u00a0c\u200bd\te\r\n\r\n plain line \n')).toEqual(['A b c d e', 'plain line']);
  });
});
