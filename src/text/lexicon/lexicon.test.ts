import { describe, expect, it } from 'vitest';
import { hashString } from '../hash.js';
import { stemHash, tokenize, wordEntry } from '../tokens.js';
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

  it('keeps only the synsets two one-word terms can share, and still knows every listed word', () => {
    // "shut" and "close" share synsets; "election" has none with another one-word lemma (only
    // multi-word ones, or none), so it carries its lemma's key alone, yet WordNet lists it.
    expect(lexicon.entry('shut').senseKeys.length).toBeGreaterThan(1);
    expect(lexicon.entry('election').senseKeys.length).toBe(1);
    expect(lexicon.entry('election').listed).toBe(true);
    expect(lexicon.entry('elections').listed).toBe(true);
    expect(lexicon.entry('kalomi').listed).toBe(false);
    // A word is its own synonym through its lemma's key, plural or not.
    expect(lexicon.synonyms('election', 'elections')).toBe(true);
  });

  it("gives each token its canonical form's entry and its stem's hash, whichever lexicon asks", () => {
    const t = tokenize('The talks in Beijing ended; 3 ministers spoke of "growth" per cent by cent.');
    const other = loadLexicon();
    for (const lex of [lexicon, other, lexicon]) {
      for (let k = 0; k < t.count; k++) {
        expect(wordEntry(t, k, lex)).toBe(lex.entry(t.norm[k]));
        expect(stemHash(t, k)).toBe(hashString(t.stem[k]));
      }
    }
    expect(wordEntry(t, 1, other)).not.toBe(wordEntry(t, 1, lexicon));
  });

  it('ranks common words before rare ones and knows kinds of proper nouns', () => {
    expect(lexicon.rank('the')).toBeLessThan(lexicon.rank('bridge'));
    expect(lexicon.entityKind('beijing')).toBe('place');
  });
});
