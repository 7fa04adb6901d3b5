/**
 * Key terms of an article for same-story candidates: its content words ranked by how often it
 * uses them times how rare they are in general, so the names and things an event is about come
 * first. Two reports of one event share these even when their sentences share little else.
 */
import type { PreparedArticle } from '../compare/compare.js';

export function keyTerms(article: PreparedArticle, count = 20): string[] {
  const score = new Map<string, number>();
  for (const p of article.profiles) {
    for (let k = 0; k < p.stems.length; k++) {
      const stem = p.stems[k];
      if (!p.content[k] || stem.length < 3 || /\d/.test(stem)) continue;
      score.set(stem, (score.get(stem) ?? 0) + p.weight[k]);
    }
  }
  return [...score]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, count)
    .map(([term]) => term);
}
