import { describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { defaultCompareOptions, prepareArticle } from './compare.js';
import { defaultContext } from './context.js';
import { decodeSurface, encodeSurface, pairSurface } from './surface.js';

const ctx = defaultContext();
const surfaceOfText = (text: string) => prepareArticle(articleFromText(text, { title: 'T' }), ctx).surface;

const harbour = surfaceOfText(
  'The harbour bridge reopened on Monday after repairs. "It is safe," the mayor said. Engineers replaced forty cables over six weeks.',
);
const chess = surfaceOfText(
  'A chess tournament in the old library drew players from nine countries. The final ran late.',
);

describe('article surfaces', () => {
  it('are read back from their bytes as they were written', () => {
    const back = decodeSurface(encodeSurface(harbour));
    expect(back).toEqual(harbour);
    // ...from a byte array that does not start its buffer, as a database driver may hand it over.
    const bytes = encodeSurface(chess);
    const offset = new Uint8Array(bytes.length + 3);
    offset.set(bytes, 3);
    expect(decodeSurface(offset.subarray(3))).toEqual(chess);
  });

  it('keep every word of an article with more distinct terms than a byte can number', () => {
    for (const terms of [300, 70_000]) {
      const termIds = Uint32Array.from({ length: terms }, (_, k) => (k * 2654435761) >>> 0);
      const words = Uint32Array.from({ length: 2 * terms }, (_, k) => termIds[(k * 7) % terms]);
      const surface = {
        words,
        sentenceWords: Uint32Array.of(terms, terms),
        quoted: Uint8Array.from(words, (_, k) => (k % 3 === 0 ? 1 : 0)),
        termIds,
        termWeights: Float32Array.from(termIds, (_, k) => k / 7),
        sortedTermIds: termIds.slice().sort(),
      };
      expect(decodeSurface(encodeSurface(surface))).toEqual(surface);
    }
  });

  it('refuse bytes of another shape', () => {
    expect(() => decodeSurface(new Uint8Array(5))).toThrow(/cut short/);
    expect(() => decodeSurface(encodeSurface(harbour).subarray(0, 40))).toThrow(/wrong length/);
  });

  it('say what two articles share: all of it for one article, little for two unrelated ones', () => {
    const same = pairSurface(harbour, harbour, defaultCompareOptions);
    expect(same.documentSimilarity).toBeCloseTo(1, 6);
    expect(same.containmentA).toBe(1);
    expect(same.passageA).toBe(1);
    const apart = pairSurface(harbour, chess, defaultCompareOptions);
    expect(apart.documentSimilarity).toBeLessThan(0.1);
    expect(apart.longestPassage).toBeLessThan(2);
  });

  it('ask longer passages of a pair whose longer text could hold short ones by chance', () => {
    // A short text whose every sentence shares two-word runs (and no longer one) with the other.
    const surface = (sentences: number[][]) => {
      const words = Uint32Array.from(sentences.flat());
      const termIds = Uint32Array.from(new Set(words));
      return {
        words,
        sentenceWords: Uint32Array.from(sentences, (x) => x.length),
        quoted: new Uint8Array(words.length),
        termIds,
        termWeights: new Float32Array(termIds.length).fill(1),
        sortedTermIds: termIds.slice().sort(),
      };
    };
    const short = surface([
      [1, 2, 90, 3, 4],
      [5, 6, 91, 7, 8],
    ]);
    // The same runs in 2,000 content words, then in 30,000 (the rest words of their own).
    const long = (size: number) =>
      surface([[1, 2, 5, 6, 3, 4, 7, 8, ...Array.from({ length: size - 8 }, (_, k) => 1000 + k)]]);
    expect(pairSurface(short, long(2_000), defaultCompareOptions).passageA).toBe(1);
    expect(pairSurface(short, long(30_000), defaultCompareOptions).passageA).toBe(0);
  });

  it('mark the quoted words', () => {
    expect([...harbour.quoted].some((q) => q === 1)).toBe(true);
    expect(harbour.quoted[0]).toBe(0);
  });
});
