/**
 * From raw page content to an Article: picks the extractor by kind (text page or HTML).
 * Pure; reading bytes is `source/`'s job.
 */
import { type ArticleMeta, buildArticle } from '../article/build.js';
import type { Article, ExtractedPage } from '../article/types.js';
import { extractHtml } from '../extract/html/index.js';
import { extractTextPage } from '../extract/text-page/index.js';

export type PageKind = 'text' | 'html';

/** `siteFurniture`: lines (paragraphs of HTML) the page's site is known to repeat on its pages. */
export function extractPage(
  content: string,
  kind: PageKind,
  opts: { url?: string; siteFurniture?: (line: string) => boolean } = {},
): ExtractedPage {
  return kind === 'html'
    ? extractHtml(content, { url: opts.url, siteFurniture: opts.siteFurniture })
    : extractTextPage(content, { siteFurniture: opts.siteFurniture });
}

export function articleFromPage(content: string, kind: PageKind, meta: ArticleMeta = {}): Article {
  return buildArticle(extractPage(content, kind, { url: meta.url }), meta);
}
