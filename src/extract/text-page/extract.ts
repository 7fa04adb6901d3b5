/**
 * Text page → ExtractedPage: the first line is the title, page furniture is removed (and kept for
 * audit), and a page that carries several stories is split into sections at their subheadings.
 */
import type { ExtractedPage, SectionSpan } from '../../article/types.js';
import { reprintedParagraphs } from '../reprints.js';
import { readDateLine } from './date-line.js';
import { furnitureScore, isProse, type LineFeatures, lineFeatures } from './furniture.js';

type Role = 'content' | 'heading' | 'furniture';

/** Lines after an end-of-article marker are furniture unless this many prose paragraphs follow. */
const PROSE_RESUMES = 3;
/** Consecutive short unpunctuated lines that make a link list. */
const LINK_LIST = 3;
const SHORT = 10;

export interface TextPageOptions {
  /**
   * Lines known to be furniture of the page's site (learnt from the lines its other pages
   * repeat): removed wherever they appear.
   */
  siteFurniture?: (line: string) => boolean;
}

/**
 * Blank space other than single spaces: a line without any is left as it is by the
 * normalisation below, which then need not rebuild it (a text page is often one long line).
 */
const ODD_SPACE = /[^\S ]|\u200b| {2}/;

/**
 * The lines of a text page as the extractor sees them (whitespace-normalised, blank ones dropped),
 * a hard-wrapped page's paragraphs each as one line (`unwrapped`).
 */
export function pageLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (ODD_SPACE.test(l) ? l.replace(/[\u00a0\u200b\s]+/g, ' ') : l).trim());
  const width = wrapWidth(lines);
  return (width ? unwrapped(lines, width) : lines).filter((l) => l.length > 0);
}

/**
 * The column a hard-wrapped page (an e-mailed release, agency copy, a plain-text archive) breaks
 * its lines at, or 0 for a page whose lines are its paragraphs. Wrapped, most lines of prose end a
 * few characters short of one width (60-100 columns), mostly inside a sentence, and few run past
 * it (a long address, a table row); read line by line, each line of a paragraph would be a
 * paragraph, and one that ends without a stop a heading. A page of one-line paragraphs as long as
 * each other ends nearly every line with a stop.
 */
function wrapWidth(lines: readonly string[]): number {
  let width = 0;
  let count = 0;
  let longer = 0;
  for (const l of lines) {
    if (l.length === 0) continue;
    count++;
    if (l.length > WRAP.widest) longer++;
    else if (l.length > width) width = l.length;
  }
  if (count < WRAP.lines || width < WRAP.narrowest || longer > 0.1 * count) return 0;
  let full = 0;
  let running = 0;
  for (const l of lines) {
    if (l.length < width - WRAP.slack || l.length > width) continue;
    full++;
    if (runsOn(l, width)) running++;
  }
  return full >= 0.5 * count && running >= 0.5 * full ? width : 0;
}

/** Wrapped pages: widths, the shortfall of a full line, and the lines needed to tell one. */
const WRAP = { narrowest: 60, widest: 100, slack: 15, lines: 4 };

/** A line that ends a sentence (with its closing mark, if any). */
const STOPPED = /[.!?:]["'\u201d\u2019)]*$/;

/** Whether a line of a page wrapped at `width` runs on into the next: full, and inside a sentence. */
const runsOn = (line: string, width: number) =>
  line.length >= width - WRAP.slack && line.length <= width && !STOPPED.test(line);

/**
 * The paragraphs of a page wrapped at `width`: a line that `runsOn` is joined to the next; a blank
 * line, a short one (a paragraph's last, a heading) or one that ends a sentence ends its paragraph
 * (at worst one paragraph read as two). The first line is the page's headline, however long.
 */
function unwrapped(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  let open = '';
  for (const l of lines) {
    if (l.length === 0) {
      if (open) out.push(open);
      open = '';
      continue;
    }
    open = open ? `${open} ${l}` : l;
    if (out.length === 0 || !runsOn(l, width)) {
      out.push(open);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

export function extractTextPage(text: string, options: TextPageOptions = {}): ExtractedPage {
  const lines = pageLines(text);
  if (lines.length === 0) return { title: '', text: '', sections: [], furniture: [] };

  const features = lines.map(lineFeatures);
  // A site's banner or menu above the headline is not the headline, nor is a time stamp or a
  // byline printed above it.
  const aboveHeadline = (i: number) =>
    options.siteFurniture?.(lines[i]) === true || features[i].dateOnly || features[i].byline;
  let first = 0;
  while (first < lines.length - 1 && aboveHeadline(first)) first++;
  const leading = first;
  let title = '';
  // The first line is the headline unless it reads as the story's opening sentence: a page of
  // body text only (as newspaper archives store it) would otherwise lose its lead.
  if (
    furnitureScore(features[first]) < 1 &&
    !isLeadSentence(lines[first], features[first]) &&
    lines.length > first + 1
  ) {
    title = lines[first];
    first++;
  }
  const roles: Role[] = lines.map((_, i) => (i < leading ? 'furniture' : 'content'));
  const firstProse = features.findIndex((f, i) => i >= first && isProse(f));

  // 1. Where the article ends: a strong marker after some prose, with no prose resuming after it.
  let end = lines.length;
  for (let i = Math.max(first, firstProse + 1); i < lines.length && firstProse >= 0; i++) {
    if (!features[i].endsArticle || furnitureScore(features[i]) < 1) continue;
    const proseAfter = features.slice(i + 1).filter(isProse).length;
    if (proseAfter < PROSE_RESUMES) {
      end = i;
      break;
    }
  }
  for (let i = end; i < lines.length; i++) roles[i] = 'furniture';

  // 2. Line by line inside the article.
  const titleWords = new Set(words(title));
  const reprinted = reprintedParagraphs(lines.slice(first, end));
  for (let i = first; i < end; i++) {
    const f = features[i];
    if (furnitureScore(f) >= 1 || options.siteFurniture?.(lines[i]) || reprinted.has(i - first))
      roles[i] = 'furniture';
    else if (firstProse >= 0 && i < firstProse && isCaption(f, lines[i], titleWords)) roles[i] = 'furniture';
  }
  markLinkLists(features, roles, first, end);

  // 3. Sections: a short unpunctuated line with prose before it and at least two paragraphs after;
  // or, on a page of briefs, every such line directly followed by prose, when there are several.
  const nextContent = (i: number) => {
    for (let k = i + 1; k < end; k++) if (roles[k] === 'content') return k;
    return -1;
  };
  const briefs: number[] = [];
  for (let i = first; i < end; i++) {
    if (roles[i] !== 'content' || !isHeadingShape(features[i], lines[i])) continue;
    const k = nextContent(i);
    if (k >= 0 && isProse(features[k])) briefs.push(i);
    const before = countContent(features, roles, first, i);
    let after = 0;
    for (let k = i + 1; k < end && after < 2; k++) {
      if (roles[k] !== 'content') continue;
      if (isHeadingShape(features[k], lines[k])) break;
      after++;
    }
    if (before >= 1 && after >= 2) roles[i] = 'heading';
  }
  if (briefs.length >= 3) for (const i of briefs) roles[i] = 'heading';

  const furniture: string[] = [];
  const paragraphs: string[] = [];
  const sections: SectionSpan[] = [];
  let at = 0;
  let section: SectionSpan = { start: 0, end: 0 };
  for (let i = 0; i < leading; i++) furniture.push(lines[i]);
  for (let i = first; i < lines.length; i++) {
    if (roles[i] === 'furniture') {
      furniture.push(lines[i]);
      continue;
    }
    if (roles[i] === 'heading' && paragraphs.length === 0) section.title = lines[i];
    else if (roles[i] === 'heading') {
      section.end = at - 2;
      sections.push(section);
      section = { title: lines[i], start: at, end: 0 };
    }
    paragraphs.push(lines[i]);
    at += lines[i].length + 2;
  }
  const body = paragraphs.join('\n\n');
  section.end = body.length;
  if (body.length > 0) sections.push(section);
  const published = headDate(lines, features, firstProse >= 0 ? firstProse : end);
  return { title, text: body, sections, furniture, ...(published ? { published } : {}) };
}

/**
 * The date a page's head gives (its lines before the first paragraph of prose): the page's own
 * date line. Date lines further down belong to teasers and comments.
 */
function headDate(lines: string[], features: LineFeatures[], head: number): string | undefined {
  for (let i = 0; i < head; i++) {
    if (!features[i].dateOnly) continue;
    const published = readDateLine(lines[i])?.published;
    if (published) return published;
  }
  return undefined;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A first line that is a sentence, not a headline: long, closed by a full stop, and written with
 * the articles and auxiliaries that headline style drops; or, from eight words, closed by a full
 * stop, mostly in lower case (a headline capitalises its words, or shouts its first: "CORONATION
 * Street actress Tracy Shaw told yesterday how…"), with the small words of a sentence among its
 * lower-case ones ("Well, here's something that we all knew would happen eventually.").
 */
function isLeadSentence(line: string, f: LineFeatures): boolean {
  if (f.words > 40) return true;
  if (f.words >= 12 && /[.!?]["'”’)]?$/.test(line) && /\b(the|a|an|is|was|are|were|has|have)\b/.test(line))
    return true;
  const lowerWords = line
    .split(/\s+/)
    .filter((w) => !/^\p{Lu}/u.test(w))
    .join(' ');
  return f.words >= 8 && /\.["'”’)]?$/.test(line) && f.titleCase < 0.5 && SENTENCE_WORDS.test(lowerWords);
}

/** Words that a sentence uses and a headline drops. */
const SENTENCE_WORDS =
  /\b(the|a|an|is|was|are|were|has|have|had|been|said|says|told|will|would|her|his|its|their|this|that|which|who|we|it)\b/;

/** A short line before the story whose words all come from the headline: an image caption. */
function isCaption(f: LineFeatures, line: string, titleWords: Set<string>): boolean {
  if (f.words > 8 || f.sentenceEnd || titleWords.size === 0) return false;
  return words(line).every((w) => titleWords.has(w));
}

function isHeadingShape(f: LineFeatures, line: string): boolean {
  return f.words >= 2 && f.words <= 14 && !f.sentenceEnd && !f.family && !/[:,;]$/.test(line);
}

function countContent(features: LineFeatures[], roles: Role[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (roles[k] === 'content' && isProse(features[k])) n++;
  return n;
}

/** Runs of short unpunctuated lines (menus, "related" link lists) are furniture. */
function markLinkLists(features: LineFeatures[], roles: Role[], from: number, to: number): void {
  let runStart = -1;
  for (let i = from; i <= to; i++) {
    const short = i < to && roles[i] !== 'heading' && features[i].words <= SHORT && !features[i].sentenceEnd;
    if (short && runStart < 0) runStart = i;
    if (!short && runStart >= 0) {
      if (i - runStart >= LINK_LIST) for (let k = runStart; k < i; k++) roles[k] = 'furniture';
      runStart = -1;
    }
  }
}
