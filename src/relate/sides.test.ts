import { describe, expect, it } from 'vitest';
import { directionInWords, nameSides, swapSides } from './sides.js';

describe('nameSides', () => {
  it('names the sides where the evidence says A and B', () => {
    expect(nameSides("70% of A's words are in B, 44% of B's in A", '[3]', '[1]')).toBe(
      "70% of [3]'s words are in [1], 44% of [1]'s in [3]",
    );
    expect(nameSides('A is mostly contained in B (76% vs 33%): A retells part of B', 'x', 'y')).toBe(
      'x is mostly contained in y (76% vs 33%): x retells part of y',
    );
    expect(nameSides('A was published 5 h after B', '[2]', '[1]')).toBe('[2] was published 5 h after [1]');
  });

  it('leaves acronyms, words and the credits a line quotes alone', () => {
    expect(nameSides('B credits AP, A B Press', '[1]', '[2]')).toBe('[2] credits AP, A B Press');
    expect(nameSides('both credit A.B. News: likely copies of a common source', '[1]', '[2]')).toBe(
      'both credit A.B. News: likely copies of a common source',
    );
    expect(nameSides('A BBC report and B&B hotels', '[1]', '[2]')).toBe('[1] BBC report and B&B hotels');
  });

  it('swaps the sides', () => {
    expect(swapSides("A's dateline is 2 days after the other's")).toBe(
      "B's dateline is 2 days after the other's",
    );
  });
});

describe('directionInWords', () => {
  it('says who took from whom for reuse, that it is not known, or nothing for a pair that reuses nothing', () => {
    expect(directionInWords({ type: 'rewrite', direction: 'a-from-b' }, 'A', 'B')).toBe('A derives from B');
    expect(directionInWords({ type: 'duplicate', direction: 'b-from-a' }, 'it', 'this')).toBe(
      'this derives from it',
    );
    expect(directionInWords({ type: 'partial-reuse', direction: 'unknown' }, 'A', 'B')).toBe(
      'who took from whom is not known',
    );
    expect(directionInWords({ type: 'same-story', direction: 'unknown' }, 'A', 'B')).toBe('');
  });
});
