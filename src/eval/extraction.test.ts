import { describe, expect, it } from 'vitest';
import { articleOfGold, averageScores, pageCounts, shingleCounts } from './extraction.js';

describe("extraction scoring (the article-extraction benchmark's definitions)", () => {
  it('counts shingles as a multiset, over words of any script', () => {
    const counts = shingleCounts('Café au lait, café au lait. Café au lait!');
    expect(counts.get('café au lait café')).toBe(2);
    expect(shingleCounts('Only three words').get('only three words')).toBe(1);
  });

  it('cuts a gold text at its comments marker, however the annotator typed it', () => {
    const article = 'Council approves the budget.\nThe vote was 7 to 2.\n';
    for (const marker of [
      '!@#$%^&*()  COMMENTS',
      '!@#$%^&*() COMMENTS',
      '!@ $%^&*()  COMMENTS',
      '  #$%^&*()  COMMENTS',
      '!@#$%^&*()  COMMNENTS',
      '!@#$%^&*()',
    ])
      expect(articleOfGold(`${article}${marker}\nGreat news!\n`)).toBe(article);
    // The word in the article's own text is not a marker, nor is a row of stars between sections.
    const text = 'Readers left COMMENTS on the plan.\n* * * *\nMore COMMENTS: none.\n';
    expect(articleOfGold(text)).toBe(text);
  });

  it('charges a page its text printed twice', () => {
    const gold = 'one two three four five six';
    expect(pageCounts(gold, gold)).toEqual({ tp: 3, fp: 0, fn: 0 });
    expect(pageCounts(`${gold}\n\n${gold}`, gold)).toEqual({ tp: 3, fp: 6, fn: 0 });
  });

  it('averages precision over pages with an extraction and takes F1 from the averages', () => {
    const s = averageScores([
      { tp: 1, fp: 1, fn: 0 }, // P 0.5, R 1
      { tp: 0, fp: 0, fn: 4 }, // nothing extracted: no precision, R 0
      { tp: 0, fp: 0, fn: 0 }, // empty gold, empty extraction: 1 and 1
    ]);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
  });
});
