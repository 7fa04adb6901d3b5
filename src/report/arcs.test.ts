import { describe, expect, it } from 'vitest';
import { arcDiagram } from './arcs.js';

const story = {
  articles: [{ id: 'o' }, { id: 'copy', copyOf: 'o' }, { id: 'r' }, { id: 'i' }, { id: 'p' }],
  edges: [
    { from: 'copy', to: 'o', type: 'duplicate', direction: 'a-from-b' },
    { from: 'r', to: 'o', type: 'rewrite', direction: 'a-from-b' },
    { from: 'p', to: 'o', type: 'partial-reuse', direction: 'a-from-b' },
    { from: 'i', to: 'o', type: 'same-story', direction: 'unknown' },
    { from: 'p', to: 'r', type: 'partial-reuse', direction: 'unknown' },
  ],
};
const opt = { step: 100, margin: 50, maxRise: 120, radius: () => 10 };

/** The curve's points at t = 0, 0.5 and 1, read back from its path data. */
function points(d: string): { start: number[]; apex: number[]; end: number[] } {
  const [x0, y0, cx, cy, x1, y1] = (d.match(/-?[\d.]+/g) ?? []).map(Number);
  return { start: [x0, y0], apex: [(x0 + 2 * cx + x1) / 4, (y0 + 2 * cy + y1) / 4], end: [x1, y1] };
}

describe('arcDiagram', () => {
  it('puts the articles that are not copies on a line in order, a copy counted on its original', () => {
    const d = arcDiagram(story, opt);
    expect(d.nodes).toEqual([
      { id: 'o', x: 50, copies: 1 },
      { id: 'r', x: 150, copies: 0 },
      { id: 'i', x: 250, copies: 0 },
      { id: 'p', x: 350, copies: 0 },
    ]);
    // A copy's edge has no node of its own to end on.
    expect(d.arcs.map((a) => a.edge.from)).toEqual(['r', 'p', 'i', 'p']);
  });

  it('draws derivations above the line from the derived article to its source, the rest below', () => {
    const d = arcDiagram(story, opt);
    for (const arc of d.arcs) {
      const { start, apex, end } = points(arc.d);
      const x = (id: string) => d.nodes.find((n) => n.id === id)?.x;
      expect([start[0], end[0]]).toEqual([x(arc.edge.from), x(arc.edge.to)]);
      // Ends on the nodes' rings, on the arc's side of the line.
      expect(Math.abs(start[1] - d.line)).toBe(10);
      if (arc.directed) expect(apex[1]).toBeLessThan(d.line - 10);
      else expect(apex[1]).toBeGreaterThan(d.line + 10);
      // Half its span high, up to the most allowed, and inside the drawing.
      expect(Math.abs(apex[1] - d.line)).toBe(Math.min(Math.abs(end[0] - start[0]) / 2, 120));
      expect(apex[1]).toBeGreaterThan(0);
      expect(apex[1]).toBeLessThan(d.height);
    }
    expect(d.arcs.map((a) => a.directed)).toEqual([true, true, false, false]);
  });
});
