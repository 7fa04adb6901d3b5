/**
 * The per-article work of ingest that needs nothing but the article: extraction, preparation for
 * comparison, sketch and key terms. Pure, so that worker threads can do it for the main thread,
 * which keeps what needs the store (candidates, verification, writing).
 */
import { type ArticleMeta, buildArticle } from '../article/build.js';
import type { Article } from '../article/types.js';
import { type Fingerprints, fingerprintArticle } from '../candidates/fingerprints.js';
import type { Banding } from '../candidates/lsh.js';
import { type CompareContext, type PreparedArticle, prepareArticle, sameText } from '../compare/compare.js';
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

/**
 * Texts prepared lately, each with its preparation and fingerprints: a reprint of one (a wire story
 * on many sites) is prepared once. All of it but the article's metadata follows from the text and
 * its sentences.
 */
export class RecentTexts {
  private readonly byText = new Map<
    string,
    { prepared: PreparedArticle; fingerprints: Fingerprints; banding: Banding }
  >();

  constructor(private readonly capacity = RECENT_TEXTS) {}

  /** `article` prepared as the earlier reprint of its text was, if one is kept. */
  reprint(article: Article, banding: Banding): Pick<PreparedJob, 'prepared' | 'fingerprints'> | undefined {
    const kept = this.byText.get(article.text);
    if (!kept || !sameText(kept.prepared.article, article)) return undefined;
    if (kept.banding.bands !== banding.bands || kept.banding.rows !== banding.rows) return undefined;
    return { prepared: { ...kept.prepared, article }, fingerprints: kept.fingerprints };
  }

  keep(prepared: PreparedArticle, fingerprints: Fingerprints, banding: Banding): void {
    const text = prepared.article.text;
    this.byText.delete(text);
    if (this.byText.size >= this.capacity) this.byText.delete(this.byText.keys().next().value as string);
    this.byText.set(text, { prepared, fingerprints, banding });
  }
}

/**
 * Texts a preparing thread keeps (~100 KB each): a stream's reprints of a story come close together,
 * and the generated corpus's copies follow their originals.
 */
const RECENT_TEXTS = 64;

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
  if (article.sentences.length === 0) return { source: job.source, article, siteLines };
  const reprint = recent?.reprint(article, job.banding);
  if (reprint) return { source: job.source, article, ...reprint, siteLines };
  const prepared = prepareArticle(article, ctx);
  const fingerprints = fingerprintArticle(prepared, job.banding);
  recent?.keep(prepared, fingerprints, job.banding);
  return { source: job.source, article, prepared, fingerprints, siteLines };
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
