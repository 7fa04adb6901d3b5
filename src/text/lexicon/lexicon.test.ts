import { describe, expect, it } from 'vitest';
import { loadLexicon } from './load.js';

const lexicon = loadLexicon();

describe('lexicon (from the cache npm run build writes)', () => {
  it('knows base forms', () => {
    expect(lexicon.lemma('went')).toBe('go');
    expect(lexicon.lemma('talks')).toBe('talk');
    expect(lexicon.lemma('bridges')).toBe('bridge');
  });

  it('knows synonyms from WordNet and similar words from the vectors', () => {
    expect(lexicon.synonyms('shut', 'close')).toBe(true);
    expect(lexicon.synonyms('bridge', 'banana')).toBe(false);
    expect(lexicon.wordSimilarity('car', 'vehicle')).toBeGreaterThan(lexicon.wordSimilarity('car', 'poem'));
  });

  it('ranks common words before rare ones and knows kinds of proper nouns', () => {
    expect(lexicon.rank('the')).toBeLessThan(lexicon.rank('bridge'));
    expect(lexicon.entityKind('beijing')).toBe('place');
  });
});
