/**
 * ExtractedPage → Article: sentences with offsets and section numbers, and a stable id.
 */

import { hashString } from '../text/hash.js';
import { splitSentences } from '../text/sentences.js';
import { type Dateline, parseDateline } from './dateline.js';
import type { Article, ExtractedPage, SectionSpan, Sentence } from './types.js';

export interface ArticleMeta {
  /** The source's own id; when absent the id is a hash of the normalised text. */
  id?: string;
  source?: string;
  url?: string;
  site?: string;
  published?: string;
  title?: string;
  /** The record's author: the page's own byline, where it has one, comes first. */
  author?: string;
}

/**
 * A page with what its record or feed item says of it (title, address, site, date) taking the
 * place of what the page says, as a corpus takes it; the record's author where the page names none.
 */
export function withMeta(page: ExtractedPage, meta: ArticleMeta): ExtractedPage {
  return {
    ...page,
    title: meta.title ?? page.title,
    url: meta.url ?? page.url,
    site: meta.site ?? page.site,
    published: meta.published ?? page.published,
    authors: page.authors?.length ? page.authors : meta.author ? [meta.author] : page.authors,
  };
}

export function buildArticle(extracted: ExtractedPage, meta: ArticleMeta = {}): Article {
  const page = withMeta(extracted, meta);
  const sentences: Sentence[] = [];
  const sections = page.sections.length ? page.sections : [{ start: 0, end: page.text.length }];
  let dateline: Dateline | undefined;
  sections.forEach((section, index) => {
    const body = page.text.slice(section.start, section.end);
    for (const span of splitSentences(body)) {
      let start = section.start + span.start;
      if (span.start === firstSentenceStart(body, section.title)) {
        // The dateline stays in the text but not in the sentence: a reprint without it is the same story.
        const found = parseDateline(page.text.slice(start, section.start + span.end));
        if (found) {
          dateline ??= found;
          start += found.length;
        }
      }
      const end = section.start + span.end;
      // A section's heading is a title, not a sentence of the story.
      if (section.title && page.text.slice(start, end) === section.title) continue;
      sentences.push({ text: page.text.slice(start, end), start, end, section: index });
    }
  });
  return {
    id: meta.id ?? contentId(page.text),
    title: page.title,
    text: page.text,
    url: page.url,
    site: page.site,
    published: page.published ?? datelineDate(dateline),
    modified: page.modified,
    authors: page.authors ?? [],
    lang: page.lang ?? 'en',
    sections,
    furniture: page.furniture,
    sentences,
    dateline,
    source: meta.source,
  };
}

/** The paragraphs (non-blank lines) of an article's text, trimmed, in order. */
export const paragraphsOf = (a: Article): string[] =>
  a.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * `article` without the paragraphs (`paragraphsOf`) that `drop` picks, which join its furniture:
 * its sections, sentences and dateline read again from what is left; its id and metadata kept.
 * The article itself when nothing is dropped.
 */
export function withoutParagraphs(article: Article, drop: (paragraph: string) => boolean): Article {
  const dropped: string[] = [];
  const sections: SectionSpan[] = [];
  let text = '';
  for (const section of article.sections) {
    const kept: string[] = [];
    for (const line of article.text.slice(section.start, section.end).split('\n')) {
      const p = line.trim();
      if (!p) continue;
      if (drop(p)) dropped.push(p);
      else kept.push(p);
    }
    if (kept.length === 0) continue;
    const start = text ? text.length + 2 : 0;
    text = text ? `${text}\n\n${kept.join('\n\n')}` : kept.join('\n\n');
    // A heading dropped leaves its section untitled.
    const title = section.title !== undefined && kept[0] === section.title ? section.title : undefined;
    sections.push({ ...(title !== undefined && { title }), start, end: text.length });
  }
  if (dropped.length === 0) return article;
  const { id, source, title, url, site, published, modified, authors, lang, furniture } = article;
  return buildArticle(
    {
      title,
      text,
      sections: sections.length ? sections : [{ start: 0, end: 0 }],
      furniture: [...furniture, ...dropped],
      url,
      site,
      published,
      modified,
      authors,
      lang,
    },
    { id, source },
  );
}

/** Where the first sentence of a section's story starts (after its heading, if any). */
function firstSentenceStart(body: string, title: string | undefined): number {
  let at = 0;
  if (title && body.startsWith(title)) at = title.length;
  while (at < body.length && /\s/.test(body[at])) at++;
  return at;
}

/** A bare text (no headline line, no furniture) as a one-section article: what data sets hold. */
export function articleFromText(text: string, meta: ArticleMeta = {}): Article {
  return buildArticle({ title: '', text, sections: [{ start: 0, end: text.length }], furniture: [] }, meta);
}

/**
 * Content id: two 32-bit hashes of the whitespace- and case-normalised text, so the same article
 * read from two files (or with other furniture around it) gets the same id.
 */
export function contentId(text: string): string {
  const norm = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const h1 = hashString(norm);
  const h2 = hashString(`${norm.length}:${norm}`);
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The dateline's date when it names the year ("WASHINGTON, March 4, 2026 (AP) -"), as ISO 8601. */
function datelineDate(d: Dateline | undefined): string | undefined {
  if (!d?.date || !/\d{4}/.test(d.date)) return undefined;
  const t = Date.parse(`${d.date} 00:00 UTC`);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}
