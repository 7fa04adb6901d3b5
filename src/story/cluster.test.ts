import { describe, expect, it } from 'vitest';
import { clusterByLinks, groupArticles, type Link } from './cluster.js';

/** Every pair of `items` linked with probability `p`. */
const clique = (items: number[], p: number): Link[] =>
  items.flatMap((a, i) => items.slice(i + 1).map((b) => ({ a, b, probability: p })));

const partition = (cluster: number[]) => {
  const groups = new Map<number, number[]>();
  cluster.forEach((c, k) => {
    groups.set(c, [...(groups.get(c) ?? []), k]);
  });
  return [...groups.values()].sort((x, y) => x[0] - y[0]);
};

describe('clusterByLinks', () => {
  it('keeps two tight groups apart when only a few of their members are linked across', () => {
    const links = [
      ...clique([0, 1, 2, 3], 0.95),
      ...clique([4, 5, 6, 7], 0.95),
      { a: 3, b: 4, probability: 0.9 },
    ];
    expect(partition(clusterByLinks(9, links, 0.5))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8]]);
  });

  it('merges a story whose members were not all compared with each other', () => {
    // A chain of confident links: each article was verified against its neighbours only.
    const links = [0, 1, 2, 3, 4].map((a) => ({ a, b: a + 1, probability: 0.9 }));
    expect(partition(clusterByLinks(6, links, 0.5))).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('leaves weakly linked articles alone', () => {
    expect(partition(clusterByLinks(2, [{ a: 0, b: 1, probability: 0.3 }], 0.5))).toEqual([[0], [1]]);
  });

  it('does not depend on the order of the links', () => {
    const links = [
      ...clique([0, 1, 2], 0.8),
      ...clique([3, 4, 5], 0.7),
      { a: 2, b: 3, probability: 0.9 },
      { a: 1, b: 4, probability: 0.6 },
      { a: 5, b: 6, probability: 0.55 },
    ];
    const forward = partition(clusterByLinks(7, links, 0.5));
    expect(partition(clusterByLinks(7, [...links].reverse(), 0.5))).toEqual(forward);
  });
});

describe('groupArticles', () => {
  it('maps ids to stories and skips relations outside the given ids', () => {
    const story = groupArticles(
      ['x', 'y', 'z'],
      [
        { a: 'x', b: 'y' },
        { a: 'y', b: 'elsewhere' },
      ],
      [0.9, 0.9],
      0.5,
    );
    expect(story.get('x')).toBe(story.get('y'));
    expect(story.get('z')).not.toBe(story.get('x'));
  });

  it('keeps a much-reprinted story whole, though each copy was compared with a few others only', () => {
    // 60 copies of one wire story, each verified against its three predecessors: a sparse chain
    // whose halves share few links, at a link probability under the bar.
    const ids = Array.from({ length: 60 }, (_, k) => `c${k}`);
    const relations = ids.flatMap((id, k) =>
      [1, 2, 3].filter((d) => k - d >= 0).map((d) => ({ a: id, b: ids[k - d], type: 'duplicate' })),
    );
    const story = groupArticles(
      [...ids, 'other'],
      relations,
      relations.map(() => 0.3),
      0.5,
    );
    expect(new Set(ids.map((id) => story.get(id))).size).toBe(1);
    expect(story.get('other')).not.toBe(story.get('c0'));
    // The same links as mere same-story reports stay apart at that probability.
    const reports = relations.map((r) => ({ ...r, type: 'same-story' }));
    const apart = groupArticles(
      ids,
      reports,
      reports.map(() => 0.3),
      0.5,
    );
    expect(new Set(ids.map((id) => apart.get(id))).size).toBeGreaterThan(1);
    // Stories are named by one of their members.
    expect(ids).toContain(ids[story.get('c5') as number]);
  });
});

describe('groupArticles with rewrites', () => {
  /**
   * A wire story and 200 rewordings of it, each verified against ~20 earlier ones: groups of
   * copies tied by many rewrites, each link's probability low (its neighbourhood overlaps little
   * with its partner's in so sparse and large a graph), as the link model judged them.
   */
  const ids = Array.from({ length: 200 }, (_, k) => `r${k}`);
  const rewrite = (a: string, b: string, coverage: number, similarity: number) => ({
    a,
    b,
    type: 'rewrite',
    coverageA: coverage,
    coverageB: coverage,
    similarity,
  });
  const relations = ids.flatMap((id, k) =>
    Array.from({ length: Math.min(k, 20) }, (_, d) => {
      const other = (k * 7 + d * 13) % k;
      return rewrite(id, ids[other], 0.75, 0.85);
    }),
  );

  it('keeps a large, sparsely compared story of strong rewrites whole', () => {
    const story = groupArticles(
      ids,
      relations,
      relations.map(() => 0.15),
      0.55,
    );
    expect(new Set(ids.map((id) => story.get(id))).size).toBe(1);
  });

  it('leaves one-sided or dissimilar rewrites to the link model', () => {
    for (const weak of [
      relations.map((r) => ({ ...r, coverageB: 0.3 })),
      relations.map((r) => ({ ...r, similarity: 0.3 })),
    ]) {
      const story = groupArticles(
        ids,
        weak,
        weak.map(() => 0.15),
        0.55,
      );
      expect(new Set(ids.map((id) => story.get(id))).size).toBe(ids.length);
    }
  });
});
