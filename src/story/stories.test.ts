import { describe, expect, it } from 'vitest';
import type { ArticleRow, StoredRelation } from '../store/store.js';
import { buildStories, filterStories } from './stories.js';

const row = (id: string, hour: number): ArticleRow => ({
  id,
  title: `Title ${id}`,
  site: `${id}.example`,
  published: new Date(Date.UTC(2026, 2, 4, hour)).toISOString(),
});
const rel = (
  a: string,
  b: string,
  type: StoredRelation['type'],
  direction: StoredRelation['direction'] = 'a-from-b',
): StoredRelation => ({
  a,
  b,
  type,
  direction,
  coverageA: 1,
  coverageB: 1,
  similarity: 0.5,
  evidence: [],
});

describe('buildStories', () => {
  const articles = [
    row('wire', 8),
    row('reprint1', 9),
    row('reprint2', 10),
    row('rewrite', 11),
    row('own', 12),
    row('other', 13),
  ];
  const relations = [
    rel('reprint1', 'wire', 'duplicate'),
    rel('reprint2', 'wire', 'near-duplicate'),
    rel('rewrite', 'wire', 'rewrite'),
    rel('rewrite', 'reprint1', 'rewrite'),
    rel('own', 'wire', 'same-story', 'unknown'),
  ];
  const stories = buildStories(articles, relations);

  it('groups linked articles into one story, the unlinked one alone', () => {
    expect(stories.map((s) => s.articles.length)).toEqual([5, 1]);
  });

  it("names the origin and each article's role", () => {
    const s = stories[0];
    expect(s.origin).toBe('wire');
    expect(Object.fromEntries(s.articles.map((a) => [a.id, a.role]))).toEqual({
      wire: 'origin',
      reprint1: 'copy',
      reprint2: 'copy',
      rewrite: 'rewrite',
      own: 'independent',
    });
    expect(s.articles.find((a) => a.id === 'reprint1')?.sameTextOnly).toBeUndefined();
    expect(s.start).toBe('2026-03-04T08:00:00.000Z');
    expect(s.end).toBe('2026-03-04T12:00:00.000Z');
  });

  it('collapses reprints: a copy keeps only its edge to the original', () => {
    const s = stories[0];
    expect(s.articles.find((a) => a.id === 'reprint1')?.copyOf).toBe('wire');
    expect(s.edges.some((e) => e.from === 'rewrite' && e.to === 'reprint1')).toBe(false);
    expect(s.edges.some((e) => e.from === 'rewrite' && e.to === 'wire')).toBe(true);
  });
});

describe('reprints of reprints', () => {
  // The wire on four sites: the later reprints verified against earlier reprints, not the wire
  // (a corpus verifies the strongest few holders of a text), and a rewrite against a reprint only.
  const articles = ['wire', 'r1', 'r2', 'r3', 'rewrite', 'report'].map((id, k) => row(id, 8 + k));
  const relations = [
    rel('r1', 'wire', 'duplicate'),
    rel('r2', 'r1', 'duplicate'),
    rel('r3', 'r2', 'near-duplicate'),
    rel('rewrite', 'r3', 'rewrite'),
    rel('report', 'r2', 'same-story', 'unknown'),
    rel('report', 'rewrite', 'same-story', 'unknown'),
  ];
  const [story] = buildStories(articles, relations);

  it('are reprints of the first, and what was found with a reprint is drawn on the first', () => {
    expect(story.origin).toBe('wire');
    expect(Object.fromEntries(story.articles.map((a) => [a.id, a.copyOf ?? a.role]))).toEqual({
      wire: 'origin',
      r1: 'wire',
      r2: 'wire',
      r3: 'wire',
      rewrite: 'rewrite',
      report: 'independent',
    });
    const edges = story.edges.map((e) => [e.from, e.to, e.type, e.via ?? [], e.closest]);
    expect(edges).toContainEqual(['rewrite', 'wire', 'rewrite', ['r3'], true]);
    expect(edges).toContainEqual(['report', 'wire', 'same-story', ['r2'], true]);
    // The report's own edge to the rewrite stands as stored; a reprint of a reprint keeps an edge
    // to the first, through the reprint it was found with.
    expect(edges).toContainEqual(['report', 'rewrite', 'same-story', [], false]);
    expect(edges).toContainEqual(['r2', 'wire', 'duplicate', ['r1'], true]);
    expect(edges).toContainEqual(['r3', 'wire', 'near-duplicate', ['r2'], true]);
  });

  it('make no loop where two reprints name each other', () => {
    const loop = [rel('r1', 'wire', 'duplicate'), rel('wire', 'r1', 'duplicate', 'unknown')];
    const [s] = buildStories(articles.slice(0, 2), loop);
    expect(s.articles.filter((a) => a.copyOf)).toHaveLength(1);
  });
});

describe('buildStories with the learnt model', () => {
  // Two look-alike events, each of four reports related to one another, tied by one weaker
  // same-story link between them (a shared actor, another day).
  const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
  const articles = ids.map((id, k) => row(id, k));
  const same = (a: string, b: string, similarity: number): StoredRelation => ({
    ...rel(a, b, 'same-story', 'unknown'),
    coverageA: 0.2,
    coverageB: 0.2,
    similarity,
  });
  const relations: StoredRelation[] = [];
  for (const group of [ids.slice(0, 4), ids.slice(4)])
    group.forEach((a, i) => {
      for (const b of group.slice(i + 1)) relations.push(same(a, b, 0.45));
    });
  relations.push(same('a4', 'b1', 0.26));

  it('keeps look-alike events apart', () => {
    const stories = buildStories(articles, relations);
    expect(stories.map((s) => s.articles.map((a) => a.id).sort())).toEqual([
      ['b1', 'b2', 'b3', 'b4'],
      ['a1', 'a2', 'a3', 'a4'],
    ]);
  });

  it('does not depend on the order of articles and relations', () => {
    const forward = buildStories(articles, relations).map((s) => s.id);
    expect(buildStories([...articles].reverse(), [...relations].reverse()).map((s) => s.id)).toEqual(forward);
  });
});

describe('roles where the direction is unknown', () => {
  it('calls an article that shares reused text of unknown direction reuse, not independent', () => {
    const undated = (id: string): ArticleRow => ({ id, title: `Title ${id}` });
    const stories = buildStories(
      [undated('a'), undated('b'), undated('c')],
      [rel('b', 'a', 'rewrite', 'unknown'), rel('c', 'a', 'same-story', 'unknown')],
    );
    const roles = Object.fromEntries(stories[0].articles.map((x) => [x.id, x.role]));
    expect(roles).toEqual({ a: 'origin', b: 'reuse', c: 'independent' });
  });
});

describe('undated articles', () => {
  it('are listed from the origin down, each after the article it derives from', () => {
    const undated = (id: string): ArticleRow => ({ id, title: `Title ${id}` });
    const [story] = buildStories(
      [undated('a'), undated('b'), undated('c'), undated('d'), row('dated', 8)],
      [
        rel('a', 'c', 'rewrite'),
        rel('b', 'a', 'rewrite'),
        rel('d', 'c', 'same-story', 'unknown'),
        rel('dated', 'c', 'rewrite'),
      ],
    );
    expect(story.origin).toBe('c');
    // c first (the origin), then the dated article, then the undated by derivations from c.
    expect(story.articles.map((a) => `${a.id}:${a.role}`)).toEqual([
      'c:origin',
      'dated:rewrite',
      'd:independent',
      'a:rewrite',
      'b:rewrite',
    ]);
  });
});

describe('copies whose direction is unknown', () => {
  it('keep their edge to the article that stands for them, whichever side the relation names first', () => {
    // The relation names the earlier article first: the later one is taken as the copy.
    const [story] = buildStories(
      [row('first', 8), row('second', 9)],
      [rel('first', 'second', 'duplicate', 'unknown')],
    );
    expect(story.articles.find((a) => a.id === 'second')).toMatchObject({
      copyOf: 'first',
      sameTextOnly: true,
    });
    // Kept, and named as the story reads: from the later article to the earlier one.
    expect(story.edges.map((e) => `${e.from}-${e.to}`)).toEqual(['second-first']);
  });

  it('are listed closest reuse first, then in the order of their articles', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 3), row('d', 4)];
    const [story] = buildStories(rows, [
      rel('d', 'c', 'same-story', 'unknown'),
      rel('d', 'a', 'partial-reuse', 'unknown'),
      rel('b', 'a', 'same-story', 'unknown'),
      rel('c', 'a', 'rewrite', 'a-from-b'),
    ]);
    expect(story.edges.map((e) => `${e.to}-${e.from}:${e.type}`)).toEqual([
      'a-c:rewrite',
      'a-d:partial-reuse',
      'a-b:same-story',
      'c-d:same-story',
    ]);
  });

  it("speaks of an edge's derived article as A, its source as B, whichever way the relation was stored", () => {
    const flipped: StoredRelation = {
      ...rel('wire', 'rewrite', 'rewrite', 'b-from-a'),
      evidence: ["70% of A's words and 60% of B's are in sentences built on shared passages", 'A credits AP'],
    };
    const [story] = buildStories([row('wire', 8), row('rewrite', 9)], [flipped]);
    expect(story.edges[0]).toMatchObject({ from: 'rewrite', to: 'wire', direction: 'a-from-b' });
    expect(story.edges[0].evidence).toEqual([
      "70% of B's words and 60% of A's are in sentences built on shared passages",
      'B credits AP',
    ]);
  });

  it('takes as origin the source the earliest dated article derives from, undated or not', () => {
    const undated: ArticleRow = { id: 'source', title: 'Source' };
    const [story] = buildStories(
      [row('early', 1), row('late', 30), undated],
      [rel('early', 'source', 'rewrite'), rel('late', 'source', 'partial-reuse', 'unknown')],
    );
    // "late" derives from nothing, but "early" derives from "source", which is older still.
    expect(story.origin).toBe('source');
    expect(story.articles[0]).toMatchObject({ id: 'source', role: 'origin' });
  });

  it("takes its title from its articles' headlines, else names its origin's lead", () => {
    const untitled = (id: string, hour: number, lead: string): ArticleRow => ({
      ...row(id, hour),
      title: '',
      lead,
    });
    const [titled] = buildStories([untitled('a', 1, 'A lead.'), row('b', 2)], [rel('b', 'a', 'rewrite')]);
    expect(titled).toMatchObject({ origin: 'a', title: 'Title b' });
    expect(titled.lead).toBeUndefined();
    const [none] = buildStories(
      [untitled('a', 1, 'A ferry ran aground.'), untitled('b', 2, 'B.')],
      [rel('b', 'a', 'rewrite')],
    );
    expect(none).toMatchObject({ title: '', lead: 'A ferry ran aground.' });
  });
});

describe('filterStories', () => {
  // Five stories of one article each, newest first as a listing orders them.
  const stories = buildStories(
    [1, 2, 3, 4, 5].map((h) => row(`s${h}`, h)),
    [],
  );

  it('gives the first stories that pass, up to the limit, in their order', () => {
    const all = filterStories(stories, {});
    expect(all).toEqual(stories);
    expect(filterStories(stories, {}, 2)).toEqual(all.slice(0, 2));
    const since = Date.UTC(2026, 2, 4, 3);
    const recent = filterStories(stories, { since }, 10);
    expect(recent.map((s) => s.articles[0].id).sort()).toEqual(['s3', 's4', 's5']);
    expect(filterStories(stories, { since }, 1)).toEqual(recent.slice(0, 1));
    expect(filterStories(stories, { query: 'title S2', site: 's2.example' }).map((s) => s.id)).toHaveLength(
      1,
    );
    expect(filterStories(stories, { site: 'nowhere.example' })).toEqual([]);
  });
});
