import { describe, expect, it } from 'vitest';
import { lineage } from './lineage.js';

const edge = (from: string, to: string, type: string, direction = 'a-from-b') => ({
  from,
  to,
  type,
  direction,
});

describe('lineage', () => {
  it("keeps each article's closest relation to an earlier one, the direction known breaking ties", () => {
    const articles = ['origin', 'copy', 'b', 'a', 'c'].map((id) => ({ id }));
    const edges = [
      edge('copy', 'origin', 'duplicate'),
      edge('a', 'b', 'partial-reuse'),
      edge('a', 'origin', 'rewrite'),
      edge('b', 'origin', 'same-story', 'unknown'),
      // No direction: it counts for the later article, whichever side it is written on.
      edge('a', 'c', 'partial-reuse', 'unknown'),
      edge('c', 'origin', 'same-story', 'unknown'),
      edge('c', 'b', 'partial-reuse', 'unknown'),
      edge('c', 'b', 'same-story', 'unknown'),
    ];
    expect(lineage({ articles, edges })).toEqual([edges[0], edges[2], edges[3], edges[6]]);
  });

  it('gives an article derived from a later one its source, and the first report of all nothing', () => {
    const articles = ['x', 'y'].map((id) => ({ id }));
    const edges = [edge('x', 'y', 'rewrite')];
    expect(lineage({ articles, edges })).toEqual(edges);
    expect(lineage({ articles, edges: [edge('x', 'y', 'same-story', 'unknown')] })).toHaveLength(1);
    expect(lineage({ articles, edges: [] })).toEqual([]);
  });
});
