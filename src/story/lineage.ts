/**
 * A story's lineage: for each of its articles, the one relation that best says where it comes from.
 * The whole relation graph of a big story is a thicket (twenty reports of one event, 186 relations:
 * every pair that shares text or facts); the lineage is the tree a reader follows, one edge an
 * article. `buildStories` marks these edges `closest`; views draw them first.
 */
import { KEPT_RELATIONS } from '../relate/relate.js';
import { isDirected } from './directed.js';

type Edge = { from: string; to: string; type: string; direction: string };

/**
 * How close a relation's type is, 0 the closest: a copy says more of where an article comes from
 * than a rewrite, a rewrite more than a report of the same event (the order of `KEPT_RELATIONS`).
 */
export function closeness(e: { type: string }): number {
  const k = (KEPT_RELATIONS as readonly string[]).indexOf(e.type);
  return k < 0 ? KEPT_RELATIONS.length : k;
}

/**
 * Each article's closest relation to where it comes from: what it copies or retells most closely
 * (its source, where the direction is known), else the earlier article it shares the most with; a
 * tie goes to the direction known, then to the earlier article. An article with no relation to an
 * earlier one (the origin, an independent first report) has none. `articles` are in the story's
 * order (time, then derivation); an edge without a direction counts for the later of its two.
 */
export function lineage<E extends Edge>(story: {
  articles: ReadonlyArray<{ id: string }>;
  edges: readonly E[];
}): E[] {
  const position = new Map(story.articles.map((a, k) => [a.id, k]));
  const at = (id: string) => position.get(id) ?? story.articles.length;
  const best = new Map<string, { edge: E; anchor: string }>();
  for (const edge of story.edges) {
    // The article the edge tells the origin of, and the article it points it to.
    const [article, anchor] = isDirected(edge)
      ? [edge.from, edge.to]
      : at(edge.from) >= at(edge.to)
        ? [edge.from, edge.to]
        : [edge.to, edge.from];
    const had = best.get(article);
    if (!had || isCloser(edge, anchor, had)) best.set(article, { edge, anchor });
  }
  const chosen = new Set([...best.values()].map((b) => b.edge));
  return story.edges.filter((e) => chosen.has(e));

  function isCloser(edge: E, anchor: string, had: { edge: E; anchor: string }): boolean {
    return (
      (closeness(edge) - closeness(had.edge) ||
        Number(isDirected(had.edge)) - Number(isDirected(edge)) ||
        at(anchor) - at(had.anchor)) < 0
    );
  }
}
