import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.js';

describe('wordDiff', () => {
  it('marks replaced words and ignores case and punctuation around words', () => {
    expect(wordDiff('The leaders discussed Defence, trade.', 'the leaders reviewed defence trade')).toEqual([
      { op: 'same', text: 'the leaders', textA: 'The leaders' },
      { op: 'del', text: 'discussed' },
      { op: 'ins', text: 'reviewed' },
      { op: 'same', text: 'defence trade', textA: 'Defence, trade.' },
    ]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'new words')).toEqual([{ op: 'ins', text: 'new words' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'del', text: 'old' }]);
  });
});
