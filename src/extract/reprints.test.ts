import { describe, expect, it } from 'vitest';
import { reprintedParagraphs } from './reprints.js';

const long = 'The council voted on Tuesday to close the harbour road for repairs.';

describe('reprintedParagraphs', () => {
  it('flags the second printing of a long paragraph, case, spacing and punctuation aside', () => {
    const again = 'the council voted on Tuesday  to close the harbour road, for repairs';
    expect([...reprintedParagraphs([long, 'Other text of the page here.', again])]).toEqual([2]);
  });

  it('leaves short repeats and a single paragraph alone', () => {
    expect(reprintedParagraphs(['Photo: Staff', 'Photo: Staff']).size).toBe(0);
    expect(reprintedParagraphs([long]).size).toBe(0);
  });

  it('counts words as whitespace splits them: seven words repeat freely, eight do not', () => {
    const seven = 'one two three four five six seven';
    const eight = `${seven} eight`;
    expect(reprintedParagraphs([seven, seven]).size).toBe(0);
    expect([...reprintedParagraphs([eight, eight])]).toEqual([1]);
  });
});
