/**
 * newstrace: trace news stories to their sources. The public library API.
 *
 * ```ts
 * import { compare } from 'newstrace';
 * const result = compare(textOfA, textOfB);
 * console.log(result.relation.type, result.relation.coverageA, result.alignments);
 * ```
 */
import type { ArticleMeta } from './article/build.js';
import type { Article } from './article/types.js';
import {
  type CompareContext,
  type CompareOptions,
  type Comparison,
  compareArticles,
} from './compare/compare.js';
import { defaultContext } from './compare/context.js';
import { articleFromPage } from './pipeline/page.js';

/** An article to compare: a text page (first line = title), an HTML page, or a built Article. */
export type ArticleInput =
  | string
  | ({ text: string } & ArticleMeta)
  | ({ html: string } & ArticleMeta)
  | Article;

export interface CompareCallOptions extends Partial<CompareOptions> {
  /** Word knowledge and model to use; the bundled ones by default. */
  context?: CompareContext;
}

/** Compares two articles: aligned sentences, their relation, direction and facts. */
export function compare(a: ArticleInput, b: ArticleInput, options: CompareCallOptions = {}): Comparison {
  const { context, ...rest } = options;
  return compareArticles(toArticle(a), toArticle(b), context ?? defaultContext(), rest);
}

/** Turns any accepted input into an Article (extracting text pages and HTML). */
export function toArticle(input: ArticleInput): Article {
  if (typeof input === 'string') return articleFromPage(input, 'text');
  if ('sentences' in input && Array.isArray(input.sentences)) return input as Article;
  if ('html' in input) return articleFromPage(input.html, 'html', input);
  return articleFromPage((input as { text: string }).text, 'text', input);
}

export type { Alignment, AlignmentKind } from './align/align.js';
export type { ArticleMeta } from './article/build.js';
export type { Article, ExtractedPage, SectionSpan, Sentence } from './article/types.js';
export type {
  CompareContext,
  CompareOptions,
  Comparison,
  FactSummary,
  MeaningChange,
} from './compare/compare.js';
export { extractHtml } from './extract/html/index.js';
export { extractTextPage } from './extract/text-page/index.js';
export type { Direction, Relation, RelationType } from './relate/relate.js';
export { loadLexicon } from './text/lexicon/load.js';
