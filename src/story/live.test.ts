import { describe, expect, it } from 'vitest';
import { rng } from '../similarity/boosting.js';
import type { ArticleRow, StoredRelation } from '../store/store.js';
import { corpusOrder, LiveStories, relationOrder } from './live.js';
import { buildStories } from './stories.js';

const TYPES: StoredRelation['type'][] = [
  'duplicate',
  'near-duplicate',
  'rewrite',
  'partial-reuse',
  'same-story',
];
const DIRECTIONS: StoredRelation['direction'][] = ['a-from-b', 'b-from-a', 'unknown', 'common-source'];

/**
 * A corpus with the shapes that break ties: undated articles, articles of one date, clusters
 * chained by weak links, relations of every type and direction.
 */
function corpus(seed: number, n: number): { articles: ArticleRow[]; relations: StoredRelation[] } {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const articles: ArticleRow[] = Array.from({ length: n }, (_, k) => ({
    id: `n${Math.floor(rnd() * 1e6)}-${k}`,
    title: `Article ${k}`,
    site: pick(['a.example', 'b.example', 'c.example']),
    published: rnd() < 0.2 ? undefined : new Date(Date.UTC(2026, 0, 1 + Math.floor(rnd() * 5))).toISOString(),
  }));
  const relations: StoredRelation[] = [];
  for (let k = 1; k < n; k++) {
    // Mostly links to recent articles (stories), sometimes to any (chains between stories).
    const links = rnd() < 0.3 ? 0 : 1 + Math.floor(rnd() * 3);
    for (let l = 0; l < links; l++) {
      const other = rnd() < 0.8 ? Math.max(0, k - 1 - Math.floor(rnd() * 6)) : Math.floor(rnd() * k);
      const coverage = rnd();
      relations.push({
        a: articles[k].id,
        b: articles[other].id,
        type: pick(TYPES),
        direction: pick(DIRECTIONS),
        coverageA: Math.round(coverage * 1000) / 1000,
        coverageB: Math.round(coverage * rnd() * 1000) / 1000,
        similarity: Math.round(rnd() * 1000) / 1000,
        evidence: [`pair ${k}-${other}`],
      });
    }
  }
  return { articles, relations };
}

const batch = (articles: ArticleRow[], relations: StoredRelation[]) =>
  buildStories([...articles].sort(corpusOrder), [...relations].sort(relationOrder));

describe('LiveStories', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives the batch build's stories however the corpus arrives (seed ${seed})`, () => {
      const { articles, relations } = corpus(seed, 400);
      const rnd = rng(seed + 100);
      const live = new LiveStories();
      let a = 0;
      let r = 0;
      let checks = 0;
      while (a < articles.length || r < relations.length) {
        // Articles in chunks, each relation once both its articles are in, or sometimes earlier.
        const next = Math.min(articles.length, a + 1 + Math.floor(rnd() * 30));
        const known = new Set(articles.slice(0, next).map((x) => x.id));
        let until = r;
        while (
          until < relations.length &&
          (rnd() < 0.1 || (known.has(relations[until].a) && known.has(relations[until].b)))
        )
          until++;
        live.add(articles.slice(a, next), relations.slice(r, until));
        a = next;
        r = until;
        if (a === articles.length && r < relations.length) {
          live.add([], relations.slice(r));
          r = relations.length;
        }
        if (rnd() < 0.3 || (a === articles.length && r === relations.length)) {
          const seenRelations = relations.slice(0, r).filter((x) => known.has(x.a) && known.has(x.b));
          expect(live.stories()).toEqual(batch(articles.slice(0, a), seenRelations));
          checks++;
        }
      }
      expect(checks).toBeGreaterThan(2);
      const all = batch(articles, relations);
      expect(all.some((s) => s.articles.length >= 5)).toBe(true);
      for (const s of all) {
        expect(live.story(s.id)).toEqual(s);
        for (const x of s.articles) expect(live.storyOf(x.id)?.id).toBe(s.id);
      }
    });
  }

  it('ignores an article added twice', () => {
    const { articles, relations } = corpus(9, 50);
    const live = new LiveStories();
    live.add(articles, relations);
    live.add(articles.slice(0, 10), []);
    expect(live.stories()).toEqual(batch(articles, relations));
  });
});
