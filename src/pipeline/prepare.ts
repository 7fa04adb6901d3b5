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
import { isKnownLine, siteLineKeys } from '../extract/text-page/site-furniture.js';
import { extractPage, type PageKind } from './page.js';
import { RecentlyUsed } from './recently-used.js';

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
  /**
   * The ingest run the job belongs to: an article is answered as a repeat (see `PreparedJob`) only
   * of one of the same run, whose caller holds its preparation (a server's workers outlive runs).
   */
  run?: string;
}

interface PreparedBase {
  source: string;
  article: Article;
  siteLines?: { site: string; keys: number[] };
}

/**
 * A job done: the page held no article text; or its article prepared, with its fingerprints; or
 * its article repeats word for word one prepared before (`repeats`, that article's id: a reprint
 * on another page), whose preparation the caller holds and shares, so it is not prepared again
 * nor sent back.
 */
export type PreparedJob =
  | (PreparedBase & { outcome: 'empty' })
  | (PreparedBase & { outcome: 'prepared'; prepared: PreparedArticle; fingerprints: Fingerprints })
  | (PreparedBase & { outcome: 'repeat'; repeats: string; fingerprints: Fingerprints });

/**
 * The texts a preparer prepared last, each with its article's id and fingerprints (which depend on
 * the text alone), least recently used out: a reprint found here is not prepared again. A wire
 * story runs on many sites, often within the hour; of 10k generated articles 929 repeat an
 * earlier text.
 */
export class RecentTexts {
  private readonly texts: RecentlyUsed<string, { run?: string; id: string; fingerprints: Fingerprints }>;

  constructor(capacity: number) {
    this.texts = new RecentlyUsed(capacity);
  }

  /** The article of run `run` prepared last with `article`'s text, if one is remembered. */
  repeated(article: Article, run?: string): { id: string; fingerprints: Fingerprints } | undefined {
    const found = this.texts.peek(article.text);
    if (!found || found.run !== run) return undefined;
    this.texts.set(article.text, found);
    return found;
  }

  remember(article: Article, fingerprints: Fingerprints, run?: string): void {
    this.texts.set(article.text, { run, id: article.id, fingerprints });
  }
}

/**
 * Extracts and prepares the job's article. With `recent`, an article whose text was prepared
 * lately is answered with that article's id instead (see `PreparedJob`), and a prepared one is
 * remembered.
 */
export function prepareJob(job: PrepareJob, ctx: CompareContext, recent?: RecentTexts): PreparedJob {
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
  const base = { source: job.source, article, siteLines };
  if (article.sentences.length === 0) return { ...base, outcome: 'empty' };
  // (An article of the same id is one stored already, or about to be: the caller finds it so.)
  const before = recent?.repeated(article, job.run);
  if (before) return { ...base, outcome: 'repeat', repeats: before.id, fingerprints: before.fingerprints };
  const prepared = prepareArticle(article, ctx);
  const fingerprints = fingerprintArticle(prepared, job.banding);
  recent?.remember(article, fingerprints, job.run);
  return { ...base, outcome: 'prepared', prepared, fingerprints };
}

/** A page as an article: extracted (without what its site's other pages repeat, where known), with its record's metadata. */
export function extractRaw(raw: RawPage, site?: PrepareJob['site']): Article {
  const known = new Set(site?.known);
  const siteFurniture = known.size ? isKnownLine(known) : undefined;
  const page = extractPage(raw.content, raw.kind, { url: raw.meta.url, siteFurniture });
  return buildArticle(page, raw.meta);
}
