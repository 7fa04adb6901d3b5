/**
 * A story's provenance graph as an arc diagram, the geometry only (the HTML report draws it as
 * markup, the web UI as DOM): the story's articles that are not copies on a line in time order (a
 * copy counts on its original's node), each relation an arc between two of them — derivations
 * above the line, from the derived article to its source, and what has no direction (independent
 * reports, reuse whose source is unknown) below it. On a line no arc passes through a node, as a
 * straight edge between two articles passes through those placed between them.
 */
import { isDirected } from '../story/directed.js';

/** A story's edge as the layout reads it (`StoryEdge`, or the API's JSON of it). */
type Edge = { from: string; to: string; type: string; direction: string };

export interface ArcLayoutOptions {
  /** Distance between two neighbouring nodes, and from the first and last to the edges. */
  step: number;
  margin: number;
  /** Highest an arc rises above (or falls below) the line: half its span up to this. */
  maxRise: number;
  /** Radius of each article's node: arcs start and end on its ring. */
  radius: (id: string) => number;
}

export interface ArcNode {
  id: string;
  x: number;
  /** Copies of it in the story, drawn on its node. */
  copies: number;
}

export interface Arc<E extends Edge> {
  edge: E;
  /** SVG path data, drawn from the derived article (`edge.from`) to its source. */
  d: string;
  /** Above the line, with an arrowhead at the source's end. */
  directed: boolean;
}

export interface ArcDiagram<E extends Edge> {
  width: number;
  height: number;
  /** The line's height in the drawing. */
  line: number;
  nodes: ArcNode[];
  arcs: Array<Arc<E>>;
}

export function arcDiagram<E extends Edge>(
  story: { articles: ReadonlyArray<{ id: string; copyOf?: string }>; edges: readonly E[] },
  opt: ArcLayoutOptions,
): ArcDiagram<E> {
  const copies = new Map<string, number>();
  for (const a of story.articles) if (a.copyOf) copies.set(a.copyOf, (copies.get(a.copyOf) ?? 0) + 1);
  const shown = story.articles.filter((a) => !a.copyOf);
  const x = new Map(shown.map((a, k) => [a.id, opt.margin + k * opt.step]));
  const width = Math.max(260, 2 * opt.margin + opt.step * (shown.length - 1));
  const edges = story.edges.filter((e) => x.has(e.from) && x.has(e.to));
  const rise = (e: E) =>
    Math.min(Math.abs((x.get(e.from) as number) - (x.get(e.to) as number)) / 2, opt.maxRise);
  const reach = (list: E[]) => (list.length ? Math.max(...list.map(rise)) : 0) + 12;
  const line = reach(edges.filter(isDirected)) + 8;
  const height = line + reach(edges.filter((e) => !isDirected(e))) + 8;
  const arcs = edges.map((edge) => {
    const directed = isDirected(edge);
    const side = directed ? -1 : 1;
    const [x1, y1] = [x.get(edge.from) as number, line + side * opt.radius(edge.from)];
    const [x2, y2] = [x.get(edge.to) as number, line + side * opt.radius(edge.to)];
    // The apex of a quadratic curve is halfway between its control point and its ends' midpoint.
    const apex = line + side * rise(edge);
    const control = 2 * apex - (y1 + y2) / 2;
    return { edge, d: `M${x1},${y1} Q${(x1 + x2) / 2},${control} ${x2},${y2}`, directed };
  });
  return {
    width,
    height,
    line,
    nodes: shown.map((a) => ({ id: a.id, x: x.get(a.id) as number, copies: copies.get(a.id) ?? 0 })),
    arcs,
  };
}
