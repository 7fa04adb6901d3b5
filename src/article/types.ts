/**
 * The data contracts shared by every stage. Stages exchange plain data: no classes with hidden
 * state, nothing that needs I/O to interpret.
 */

import type { Dateline } from './dateline.js';

/** What an extractor (text page or HTML) pulls out of one page, before sentences are split. */
export interface ExtractedPage {
  /** Headline without site suffix; empty string when the page has none. */
  title: string;
  /**
   * The article's own text: paragraphs separated by a blank line ("\n\n"). Section headings,
   * when a page holds several stories, are paragraphs of their own at the start of a section.
   */
  text: string;
  /**
   * Stories the page holds, in order, as character ranges into `text`. A page with a single
   * story has exactly one section covering all of `text`.
   */
  sections: SectionSpan[];
  /** Lines or blocks removed as page furniture, in page order, kept so a user can audit them. */
  furniture: string[];
  published?: string;
  modified?: string;
  authors?: string[];
  site?: string;
  url?: string;
  lang?: string;
  description?: string;
  /** Set when the page has no article at all (a menu, an index page, an error page). */
  noArticle?: string;
}

/** A range of the article text. `start` inclusive, `end` exclusive, UTF-16 code units. */
export interface SectionSpan {
  title?: string;
  start: number;
  end: number;
}

/** A sentence of the article text with its offsets into `Article.text`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index into `Article.sections`. */
  section: number;
}

/** An article ready for comparison: extracted, split into sentences, with a stable id. */
export interface Article {
  /** Stable id: the source's own id where it gives one, else a hash of the normalised text. */
  id: string;
  title: string;
  text: string;
  url?: string;
  site?: string;
  published?: string;
  modified?: string;
  authors: string[];
  lang: string;
  sections: SectionSpan[];
  furniture: string[];
  sentences: Sentence[];
  /** The wire dateline opening the story ("PORT ALDER, March 4 (Meridian Press) -"), if any. */
  dateline?: Dateline;
  /** Where it came from (a path, `-` for stdin, a URL), for messages and reports. */
  source?: string;
}
