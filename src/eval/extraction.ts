/**
 * Article extraction on Dragnet's pages (../shared/eval/extraction/dragnet): token-shingle
 * precision, recall and F1 averaged over pages, as in the usual article-extraction benchmark
 * (4-word shingles of lowercased `\w+` tokens; gold text after the comments marker is user
 * comments, not article). newstrace's extractor and Readability.js (with linkedom) are scored on
 * the same pages in the same run, with their pages/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../extract/html/extract.js';
import { decodeBytes } from '../source/index.js';

const COMMENTS_MARKER = '!@#$%^&*()  COMMENTS';

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
    const cut = gold.indexOf(COMMENTS_MARKER);
    return {
      id,
      html: decodeBytes(readFileSync(join(base, 'html', `${id}.html`))).text,
      gold: cut >= 0 ? gold.slice(0, cut) : gold,
    };
  });
}

/** The set of 4-word shingles of a text's lowercased `\w+` tokens. */
export function shingles(text: string, n = 4): Set<string> {
  const tokens = text.toLowerCase().match(/\w+/g) ?? [];
  const out = new Set<string>();
  if (tokens.length > 0 && tokens.length < n) out.add(tokens.join(' '));
  for (let k = 0; k + n <= tokens.length; k++) out.add(tokens.slice(k, k + n).join(' '));
  return out;
}

export function pageScore(
  extracted: string,
  gold: string,
): { precision: number; recall: number; f1: number } {
  const e = shingles(extracted);
  const g = shingles(gold);
  if (g.size === 0 && e.size === 0) return { precision: 1, recall: 1, f1: 1 };
  let common = 0;
  for (const s of e) if (g.has(s)) common++;
  const precision = e.size ? common / e.size : 0;
  const recall = g.size ? common / g.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function scoreExtractor(pages: readonly ExtractionPage[], extract: Extractor): ExtractionScore {
  let p = 0;
  let r = 0;
  let f = 0;
  let ms = 0;
  for (const page of pages) {
    const start = performance.now();
    let text = '';
    try {
      text = extract(page.html);
    } catch {
      text = '';
    }
    ms += performance.now() - start;
    const s = pageScore(text, page.gold);
    p += s.precision;
    r += s.recall;
    f += s.f1;
  }
  const n = pages.length || 1;
  return {
    precision: p / n,
    recall: r / n,
    f1: f / n,
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
