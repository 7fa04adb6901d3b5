/**
 * The per-article work of ingest that needs nothing but the article: extraction, preparation for
 * comparison, sketch and key terms. Pure, so that worker threads can do it for the main thread,
 * which keeps what needs the store (candidates, verification, writing).
 */
import { type ArticleMeta, buildArticle } from '../article/build.js';
import type { Article } from '../article/types.js';
import { type Fingerprints, fingerprintArticle } from '../candidates/fingerprints.js';
import type { Banding } from '../candidates/lsh.js';
import { type CompareContext, type PreparedArticle, prepareArticle } from '../compare/compare.js';
import { siteLineKey, siteLineKeys } from '../extract/text-page/site-furniture.js';
import { extractPage, type PageKind } from './page.js';

/** A page as read, before extraction: its content and what the input said about it. */
export interface RawPage {
  content: string;
  kind: PageKind;
  meta: ArticleMeta;
}

export interface PrepareJob {
  source: string;
  /** A page to extract, or an article built by the caller. */
  raw?: RawPage;
  article?: Article;
  /**
   * For a page of a known site: its line keys (an HTML page's are read when it is extracted:
   * none here), and those the site's pages repeat.
   */
  site?: { site: string; keys: number[]; known: number[] };
  banding: Banding;
}

export interface PreparedJob {
  source: string;
  article: Article;
  /** Absent when the page held no article text. */
  prepared?: PreparedArticle;
  fingerprints?: Fingerprints;
  siteLines?: { site: string; keys: number[] };
}

export function prepareJob(job: PrepareJob, ctx: CompareContext): PreparedJob {
  const article = job.article ?? extractRaw(job.raw as RawPage, job.site);
  const siteLines = job.site
    ? {
        site: job.site.site,
        // An HTML page's lines: its title and its article's paragraphs, as extracted (a title
        // that the site's pages repeat is its template's, "Official Blog of …").
        keys:
          job.raw?.kind === 'html'
            ? siteLineKeys([article.title, ...article.text.split(/\n+/)])
            : job.site.keys,
      }
    : undefined;
  if (article.sentences.length === 0) return { source: job.source, article, siteLines };
  const prepared = prepareArticle(article, ctx);
  return {
    source: job.source,
    article,
    prepared,
    fingerprints: fingerprintArticle(prepared, job.banding),
    siteLines,
  };
}

/** A page as an article: extracted (without what its site's other pages repeat, where known), with its record's metadata. */
export function extractRaw(raw: RawPage, site?: PrepareJob['site']): Article {
  const known = new Set(site?.known);
  const siteFurniture = known.size
    ? (line: string) => {
        const k = siteLineKey(line);
        return k !== undefined && known.has(k);
      }
    : undefined;
  const page = extractPage(raw.content, raw.kind, { url: raw.meta.url, siteFurniture });
  return buildArticle(page, raw.meta);
}
