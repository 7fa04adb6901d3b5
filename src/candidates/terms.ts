/**
 * Key terms of an article for same-story candidates: its content words ranked by how often it
 * uses them times how rare they are in general, so the names and things an event is about come
 * first. Two reports of one event share these even when their sentences share little else.
 */
import type { PreparedArticle } from '../compare/compare.js';

export function keyTerms(article: PreparedArticle, count = 20): string[] {
  const score = new Map<string, number>();
  const { stems, content, weight } = article.profiles;
  for (let k = 0; k < stems.length; k++) {
    const stem = stems[k];
    if (!content[k] || stem.length < 3 || /\d/.test(stem)) continue;
    score.set(stem, (score.get(stem) ?? 0) + weight[k]);
  }
  return [...score]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, count)
    .map(([term]) => term);
}
