/**
 * From raw page content to an Article: picks the extractor by kind (text page or HTML).
 * Pure; reading bytes is `source/`'s job.
 */
import { type ArticleMeta, buildArticle } from '../article/build.js';
import type { Article } from '../article/types.js';
import { extractHtml } from '../extract/html/index.js';
import { extractTextPage } from '../extract/text-page/index.js';

export type PageKind = 'text' | 'html';

export function articleFromPage(content: string, kind: PageKind, meta: ArticleMeta = {}): Article {
  const page = kind === 'html' ? extractHtml(content, { url: meta.url }) : extractTextPage(content);
  return buildArticle(page, meta);
}
