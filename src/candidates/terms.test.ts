import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { type CompareContext, type PreparedArticle, prepareArticle } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { stemOf } from '../similarity/profile.js';
import { keyTerms } from './terms.js';

/** The ranking as a full sort would give it: each stem's summed weight, then the stems' order. */
function sorted(p: PreparedArticle, count: number): string[] {
  const { profiles } = p;
  const sums = new Map<string, number>();
  for (let k = 0; k < profiles.stemIds.length; k++) {
    if (!profiles.content[k]) continue;
    const stem = stemOf(profiles, k);
    sums.set(stem, (sums.get(stem) ?? 0) + profiles.weight[k]);
  }
  return [...sums]
    .filter(([stem]) => stem.length >= 3 && !/\d/.test(stem))
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, count)
    .map(([stem]) => stem);
}

let ctx: CompareContext;
let ferry: PreparedArticle;
beforeAll(() => {
  ctx = defaultContext();
  ferry = prepareArticle(
    articleFromText(
      'Ferry crews on the Kestrow line walked out at dawn on Thursday over a dispute about night shifts. ' +
        'The Kestrow operator said 14 crossings were cancelled and 3,200 passengers were told to travel by road. ' +
        'Union organiser Dalia Brenner said the Kestrow crews would stay out until the night rota was withdrawn. ' +
        'Talks resume on Monday at the harbour office in Saltby, where the ferry company has its offices.',
    ),
    ctx,
  );
});

describe('keyTerms', () => {
  it('ranks the words an article is about first: its names, its repeated rarer words', () => {
    const terms = keyTerms(ferry, 6);
    expect(terms).toContain('kestrow');
    expect(terms).not.toContain('said');
    // Numbers and words under three letters are not key terms.
    expect(keyTerms(ferry, 1000).some((t) => /\d/.test(t) || t.length < 3)).toBe(false);
  });

  it('gives the first terms of a full sort by weight and then stem, whatever the count', () => {
    const all = sorted(ferry, 1000);
    expect(all.length).toBeGreaterThan(20);
    for (const count of [0, 1, 2, 5, 13, 20, all.length, all.length + 5])
      expect(keyTerms(ferry, count)).toEqual(all.slice(0, count));
    // Words said once each, several of a weight: ties go by stem.
    const flat = prepareArticle(
      articleFromText('Bravo alpha delta charlie foxtrot echo hotel golf. Golf alpha.'),
      ctx,
    );
    for (const count of [1, 3, 8]) expect(keyTerms(flat, count)).toEqual(sorted(flat, count));
  });
});
