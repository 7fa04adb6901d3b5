/**
 * Article extraction on Dragnet's pages (../shared/eval/extraction/dragnet): token-shingle
 * precision and recall averaged over pages, and F1 from the two, as in the usual
 * article-extraction benchmark (multisets of 4-word shingles of lowercased `\w+` tokens; gold
 * text after the comments marker is user comments, not article). newstrace's extractor and
 * Readability.js (with linkedom) are scored on the same pages in the same run, with their pages/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../extract/html/extract.js';
import { decodeBytes } from '../source/index.js';

/**
 * The line the annotators put before a page's user comments: `!@#$%^&*()  COMMENTS`, typed by hand
 * and so written otherwise in 25 of Dragnet's gold files ("!@#$%^&*() COMMENTS", "!@ $%^&*()
 * COMMENTS", "  #$%^&*()  COMMENTS", "!@#$%^&*()  COMMNENTS", "!@#$%^&*()  CORRECTED", the
 * punctuation alone, ...): a line of that punctuation, "$%^&" always in it. Matched exactly, those
 * pages' comments counted as article text (page 419: 45,283 shingles of comments against 1,816 of
 * article).
 */
const COMMENTS_MARKER = /^[ \t]*[!@#$%^&*() \t]*\$%\^&[!@#$%^&*() \t]*([A-Z]{4,})?[ \t]*$/m;

export interface ExtractionPage {
  id: string;
  html: string;
  gold: string;
}

export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
  pagesPerSecond: number;
}

export type Extractor = (html: string) => string;

export function readDragnet(sharedDir: string, limit = Number.POSITIVE_INFINITY): ExtractionPage[] {
  const base = join(sharedDir, 'eval', 'extraction', 'dragnet');
  const ids = readdirSync(join(base, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
    .slice(0, limit);
  return ids.map((id) => {
    const gold = decodeBytes(readFileSync(join(base, 'gold', `${id}.txt`))).text;
    return {
      id,
      html: decodeBytes(readFileSync(join(base, 'html', `${id}.html`))).text,
      gold: articleOfGold(gold),
    };
  });
}

/** A gold file's article text: what comes before its comments marker, if it has one. */
export function articleOfGold(gold: string): string {
  const cut = gold.search(COMMENTS_MARKER);
  return cut >= 0 ? gold.slice(0, cut) : gold;
}

/**
 * The 4-word shingles of a text's lowercased word tokens (`\w+` as Python reads it: letters and
 * digits of any script) with how often each occurs: a multiset, so that a page's text printed
 * twice counts twice. A text of fewer than four tokens is one shingle.
 */
export function shingleCounts(text: string, n = 4): Map<string, number> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  const add = (s: string) => out.set(s, (out.get(s) ?? 0) + 1);
  if (tokens.length > 0 && tokens.length < n) add(tokens.join(' '));
  for (let k = 0; k + n <= tokens.length; k++) add(tokens.slice(k, k + n).join(' '));
  return out;
}

/** A page's shingles found in both texts (true positives), only in the extraction, only in the gold. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function pageCounts(extracted: string, gold: string): PageCounts {
  const e = shingleCounts(extracted);
  const g = shingleCounts(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, ne] of e) {
    const ng = g.get(s) ?? 0;
    tp += Math.min(ne, ng);
    fp += Math.max(0, ne - ng);
  }
  for (const [s, ng] of g) fn += Math.max(0, ng - (e.get(s) ?? 0));
  return { tp, fp, fn };
}

/**
 * Precision averaged over the pages where something was extracted, recall over the pages whose
 * gold has text (a page with neither counts 1 in both), and F1 from the two averages: the
 * benchmark's own definitions, so the figures compare with those published for other extractors.
 */
export function averageScores(pages: readonly PageCounts[]): {
  precision: number;
  recall: number;
  f1: number;
} {
  let p = 0;
  let np = 0;
  let r = 0;
  let nr = 0;
  for (const { tp, fp, fn } of pages) {
    const perfect = fp === 0 && fn === 0;
    if (tp + fp > 0 || perfect) {
      p += perfect ? 1 : tp / (tp + fp);
      np++;
    }
    if (tp + fn > 0 || perfect) {
      r += perfect ? 1 : tp / (tp + fn);
      nr++;
    }
  }
  const precision = np ? p / np : 0;
  const recall = nr ? r / nr : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function scoreExtractor(pages: readonly ExtractionPage[], extract: Extractor): ExtractionScore {
  let ms = 0;
  const counts = pages.map((page) => {
    const start = performance.now();
    let text = '';
    try {
      text = extract(page.html);
    } catch {
      text = '';
    }
    ms += performance.now() - start;
    return pageCounts(text, page.gold);
  });
  return {
    ...averageScores(counts),
    pages: pages.length,
    pagesPerSecond: pages.length / (ms / 1000),
  };
}

/** newstrace: the title and the article text, as `newstrace extract` gives them. */
export const newstraceExtractor: Extractor = (html) => {
  const page = extractHtml(html);
  return page.title ? `${page.title}\n${page.text}` : page.text;
};

/** Readability.js on a linkedom document: its title and text content, scored the same way. */
export const readabilityExtractor: Extractor = (html) => {
  const { document } = parseHTML(html);
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  if (!article) return '';
  return article.title ? `${article.title}\n${article.textContent ?? ''}` : (article.textContent ?? '');
};
