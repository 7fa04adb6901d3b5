/**
 * HTML page → ExtractedPage.
 *
 * One parse with htmlparser2, then three linear passes over the tree:
 *  1. text and link lengths of every element (for link density);
 *  2. paragraphs in document order: `<p>`, headings, list items, quotes, captions, and the runs
 *     of loose text that many pages put straight into `<div>` or `<td>`, each with the element
 *     that holds it and whether it sits under page chrome (menus, share bars, comments, related
 *     links: by tag, role, class and id);
 *  3. scoring: each paragraph of prose credits its holder and, less, the holder's ancestors
 *     (commas and length count, link-heavy text does not); the best container, with the
 *     siblings that score close to it, is the article.
 * If that yields almost nothing (pages whose class names look like chrome throughout), the
 * scoring runs again with the chrome filter off. Paragraphs that read as furniture ("Share this",
 * "Leave a comment"), by the same classifier as text pages, are set apart.
 */
import { type ChildNode, type Element, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { ExtractedPage, SectionSpan } from '../../article/types.js';
import { reprintedParagraphs } from '../reprints.js';
import { readDateLine } from '../text-page/date-line.js';
import { furnitureScore, lineFeatures } from '../text-page/furniture.js';
import { NO_TEXT, normaliseSpace } from './dom.js';
import { chooseTitle, flatText, MAX_NODES, type Meta, readMeta } from './metadata.js';

/** Never content, whatever their class. */
const DROP = new Set([
  ...NO_TEXT,
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'input',
  'textarea',
  'dialog',
]);
/** Chrome by tag: dropped unless they hold the article (some sites put it in an `<aside>`). */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'menu', 'header']);
const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)$/;
/** Class or id of page chrome... */
const CHROME =
  /(comment(?!ary)|disqus|author[-_]?(bio|box|info|description|about|details|profile)|about[-_]?(the[-_]?)?author|biography)|(^|[\s_-])(bio|responses|discussion|nav|navbar|navigation|menu|footer|foot|header|topbar|teaser|share|sharing|social|related|recommend(ed|ations)?|comments?|commentlist|respond|reply|cookie|consent|gdpr|newsletter|subscribe|subscription|promo|advert(isement)?|ads?|adsense|sponsor(ed)?|sidebar|side-bar|breadcrumbs?|widget|popup|modal|banner|masthead|more-stories|read-?more|also-read|tags?|tagcloud|taglist|author-bio|pagination|pager|disqus|outbrain|taboola|skip|signup|login|toolbar|rss|print|jump|trending|popular|most-read|hidden)([\s_-]|$)/i;
/** ...unless it also says it is the content. */
const CONTENT_LABEL = /(^|[\s_-])(article|body|content|entry|main|post|story|text|blog)([\s_-]|$)/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget/i;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Elements that end a run of loose text: everything else is inline. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  ...HEADINGS,
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'body',
  'html',
]);
/** Blocks whose whole text is one paragraph. */
const PARAGRAPH = new Set([
  'p',
  'pre',
  'blockquote',
  'li',
  'dd',
  'dt',
  'figcaption',
  'address',
  ...HEADINGS,
  'th',
]);

interface Paragraph {
  text: string;
  /** Characters of link text inside it. */
  links: number;
  /** The element that holds it (its own element for `<p>`, the container for loose text). */
  holder: Element;
  kind: 'p' | 'heading' | 'item' | 'caption';
  /** The nearest element around it that looks like page chrome (class, id, role or tag), if any. */
  chromeAt: Element | null;
  /** Set once the page is read: under chrome that does not hold the bulk of the page's prose. */
  chrome: boolean;
  /** Whether the line classifier calls its text furniture: set when first asked (`isFurnitureLine`). */
  furnitureLine?: boolean;
}

/** The line classifier's verdict on a paragraph, read once: choosing and assembling both ask. */
function isFurnitureLine(p: Paragraph): boolean {
  p.furnitureLine ??= furnitureScore(lineFeatures(p.text)) >= 1;
  return p.furnitureLine;
}

export interface HtmlOptions {
  url?: string;
  /** Paragraphs (and titles) the page's site repeats on its pages (learnt by ingest): furniture there. */
  siteFurniture?: (paragraph: string) => boolean;
}

export function extractHtml(html: string, opts: HtmlOptions = {}): ExtractedPage {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const { titles, ...rest } = readMeta(doc.children, opts.url);
  const paragraphs = readParagraphs(doc.children);

  let chosen = chooseArticle(paragraphs, false);
  if (textLength(chosen) < 250) {
    const relaxed = chooseArticle(paragraphs, true);
    if (textLength(relaxed) > textLength(chosen)) chosen = relaxed;
  }
  // Where the page's title fields disagree, the article's words decide between them.
  const meta: Meta = {
    ...rest,
    title: chooseTitle(titles, chosen.map((p) => p.text).join(' '), opts.siteFurniture),
  };
  if (chosen.length === 0) {
    return {
      ...meta,
      text: '',
      sections: [],
      furniture: [],
      noArticle: 'no block of prose found on the page',
    };
  }
  return assemble(meta, chosen, paragraphs, opts.siteFurniture);
}

function textLength(ps: readonly Paragraph[]): number {
  let n = 0;
  for (const p of ps) n += p.text.length;
  return n;
}

/**
 * Pass 2: the page's paragraphs in document order. Chrome is decided last: a wrapper whose class
 * says "share" or "sidebar" but that holds most of the page's prose is the article's wrapper.
 */
function readParagraphs(roots: ChildNode[]): Paragraph[] {
  const out: Paragraph[] = [];
  /** Each chrome element's nearest chrome ancestor. */
  const outer = new Map<Element, Element | null>();
  let visited = 0;

  const visit = (el: Element, chrome: Element | null, inArticle: boolean) => {
    if (++visited > MAX_NODES) return;
    if (PARAGRAPH.has(el.name) && !hasBlockChild(el)) {
      const { text, links } = inlineText(el.children);
      if (text) out.push({ text, links, holder: el, kind: kindOf(el.name), chromeAt: chrome, chrome: false });
      return;
    }
    // Loose text between the blocks of a container: one paragraph per run.
    let run: ChildNode[] = [];
    const flush = () => {
      if (run.length === 0) return;
      for (const piece of splitAtDoubleBreaks(run)) {
        const { text, links } = inlineText(piece);
        if (text) out.push({ text, links, holder: el, kind: 'p', chromeAt: chrome, chrome: false });
      }
      run = [];
    };
    let scriptLeak = false;
    for (const child of el.children) {
      if (child.type === 'text') {
        if (scriptLeak) {
          scriptLeak = false;
          const end = child.data.indexOf('-->');
          if (end >= 0) {
            run.push(new Text(child.data.slice(end + 3)));
            continue;
          }
        }
        run.push(child);
        continue;
      }
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
      const c = child as Element;
      scriptLeak = c.name === 'script' && endsInOpenComment(c);
      if (DROP.has(c.name) || isHidden(c)) continue;
      if (!BLOCK.has(c.name)) {
        run.push(c);
        continue;
      }
      flush();
      let inner = chrome;
      if (isChrome(c, inArticle)) {
        outer.set(c, chrome);
        inner = c;
      }
      visit(c, inner, inArticle || c.name === 'article' || c.name === 'main');
    }
    flush();
  };

  for (const node of roots) {
    if (node.type === 'tag') visit(node as Element, null, false);
  }

  const prose = new Map<Element, number>();
  let total = 0;
  for (const p of out) {
    if (p.text.length < 25 || p.kind === 'heading') continue;
    total += p.text.length;
    for (let c = p.chromeAt; c; c = outer.get(c) ?? null) prose.set(c, (prose.get(c) ?? 0) + p.text.length);
  }
  const isRealChrome = (c: Element) =>
    !SOFT_CHROME.test(labelOf(c)) || (prose.get(c) ?? 0) < CHROME_MAX_SHARE * total;
  for (const p of out) {
    for (let c = p.chromeAt; c && !p.chrome; c = outer.get(c) ?? null) p.chrome = isRealChrome(c);
  }
  return out;
}

/**
 * A script opened inside an HTML comment (`<script><!-- … document.write('<script src=…></script>');
 * //--></script>`): browsers read the written `</script>` as part of the script (HTML's "double
 * escaped" state), the parser ends the script there, and the script's tail up to `-->` comes out as
 * text after it ("');\n}\n//-->").
 */
function endsInOpenComment(script: Element): boolean {
  const code = script.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
  const open = code.lastIndexOf('<!--');
  return open >= 0 && code.indexOf('-->', open) < 0 && /<script\b/i.test(code.slice(open));
}

/**
 * Wrappers named for the tools around an article ("share_wrapper", "print-area") are taken for the
 * article's wrapper when they hold more than this share of the page's prose. Comments, menus and
 * sidebars never are: a long comment thread is still not the article.
 */
const CHROME_MAX_SHARE = 0.25;
const SOFT_CHROME = /share|sharing|social|print|tools?|toolbar|jump|hidden|widget|signup|login/i;

function labelOf(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
}

function kindOf(tag: string): Paragraph['kind'] {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'item';
  if (tag === 'figcaption') return 'caption';
  return 'p';
}

function hasBlockChild(el: Element): boolean {
  for (const c of el.children) {
    if (c.type === 'tag' && BLOCK.has((c as Element).name) && !DROP.has((c as Element).name)) return true;
  }
  return false;
}

/** Splits a run of inline nodes where two `<br>` in a row mark a paragraph break. */
function splitAtDoubleBreaks(run: ChildNode[]): ChildNode[][] {
  const pieces: ChildNode[][] = [[]];
  let breaks = 0;
  for (const node of run) {
    const isBreak = node.type === 'tag' && (node as Element).name === 'br';
    const blank = node.type === 'text' && !node.data.trim();
    if (isBreak) breaks++;
    else if (!blank) {
      if (breaks >= 2 && pieces[pieces.length - 1].length) pieces.push([]);
      breaks = 0;
    }
    pieces[pieces.length - 1].push(node);
  }
  return pieces;
}

/** Text of inline nodes and the share of it inside links. */
function inlineText(nodes: ChildNode[]): { text: string; links: number } {
  let raw = '';
  let links = 0;
  const walk = (node: ChildNode, inLink: boolean) => {
    if (node.type === 'text') {
      raw += node.data;
      if (inLink) links += node.data.trim().length;
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (el.name === 'br') {
      raw += '\n';
      return;
    }
    if (DROP.has(el.name) || isHidden(el)) return;
    const link = inLink || el.name === 'a';
    for (const c of el.children) walk(c, link);
    if (BLOCK.has(el.name)) raw += '\n';
  };
  for (const n of nodes) walk(n, false);
  const text = normaliseSpace(raw);
  return { text, links: Math.min(links, text.length) };
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  return (
    a.hidden !== undefined ||
    a['aria-hidden'] === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '')
  );
}

function isChrome(el: Element, inArticle: boolean): boolean {
  const a = el.attribs;
  if (CHROME_ROLES.test(a.role ?? '')) return true;
  const label = `${a.class ?? ''} ${a.id ?? ''}`.trim();
  const content = label.length > 0 && CONTENT_LABEL.test(label);
  // An article's own <header> holds its headline and byline.
  if (el.name === 'header' && inArticle) return false;
  if (CHROME_TAGS.has(el.name))
    return !content && !(el.name === 'header' && /article|entry|post|story/i.test(label));
  return label.length > 0 && CHROME.test(label) && !content;
}

/**
 * Share of the best block's prose that an element around it must reach with its own paragraphs
 * for the block to be a part of that element's article rather than the article itself.
 */
const NESTED_PROSE = 0.3;

/** Pass 3: the paragraphs of the best-scoring container and its worthy siblings. */
function chooseArticle(paragraphs: readonly Paragraph[], relaxed: boolean): Paragraph[] {
  const scores = new Map<Element, number>();
  /** What each element's own paragraphs (not its descendants') scored. */
  const own = new Map<Element, number>();
  const credit = (el: Element, amount: number) => {
    if (!scores.has(el)) scores.set(el, baseScore(el));
    scores.set(el, (scores.get(el) as number) + amount);
  };
  for (const p of paragraphs) {
    if ((p.chrome && !relaxed) || p.kind === 'heading' || p.text.length < 25) continue;
    const density = p.links / p.text.length;
    if (density > 0.5) continue;
    // A comment form's instructions or a share bar's call is no vote for its container.
    if (isFurnitureLine(p)) continue;
    const score = (1 + countCommas(p.text) + Math.min(Math.floor(p.text.length / 100), 3)) * (1 - density);
    // The holder of a loose run is its container; a <p>'s container is its parent.
    let el: Element | null = p.kind === 'p' && p.holder.name !== 'p' ? p.holder : parentElement(p.holder);
    if (el) own.set(el, (own.get(el) ?? 0) + score);
    for (let level = 0; el && level < 5; level++) {
      credit(el, level === 0 ? score : level === 1 ? score / 2 : score / (level * 3));
      el = parentElement(el);
    }
  }
  const density = linkDensities(paragraphs);
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    const s = raw * (1 - (density.get(el) ?? 0));
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return [];

  // A container whose parent scores nearly as well is one column of several: take the parent.
  let top: Element = best;
  for (let up = parentElement(top); up && up.name !== 'body' && up.name !== 'html'; up = parentElement(up)) {
    const s = (scores.get(up) ?? 0) * (1 - (density.get(up) ?? 0));
    if (s < bestScore * 0.75) break;
    top = up;
  }
  // A block nested in an element that has prose of its own is a part of that article (a press
  // release quoted in full, a box of background): the article is the element around it. Prose
  // against prose: the block's label ("pr_text") says nothing of the article's size.
  const bestProse = ((scores.get(best) as number) - baseScore(best)) * (1 - (density.get(best) ?? 0));
  let up = parentElement(top);
  for (
    let level = 0;
    up && level < 3 && up.name !== 'body' && up.name !== 'html';
    level++, up = parentElement(up)
  ) {
    if ((own.get(up) ?? 0) * (1 - (density.get(up) ?? 0)) >= bestProse * NESTED_PROSE) {
      top = up;
      break;
    }
  }

  // Siblings that score close to the article, or hold plain prose, belong to it.
  const selected = new Set<Element>([top]);
  const parent = parentElement(top);
  if (parent) {
    const threshold = Math.max(10, bestScore * 0.2);
    const ownClass = top.attribs.class ?? '';
    for (const sib of parent.children) {
      if (sib.type !== 'tag' || sib === top) continue;
      const s = sib as Element;
      let score = (scores.get(s) ?? 0) * (1 - (density.get(s) ?? 0));
      if (ownClass && s.attribs.class === ownClass) score += bestScore * 0.2;
      if (score >= threshold) selected.add(s);
    }
  }
  const inside = (p: Paragraph) => {
    for (let el: Element | null = p.holder; el; el = parentElement(el)) if (selected.has(el)) return true;
    return false;
  };
  // Loose text held by the parent between selected siblings is part of the story too.
  return paragraphs.filter((p) => (relaxed || !p.chrome) && inside(p));
}

function parentElement(el: Element): Element | null {
  const p = el.parent;
  return p && p.type === 'tag' ? (p as Element) : null;
}

function baseScore(el: Element): number {
  let s = 0;
  switch (el.name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      s = 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      s = 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      s = -3;
      break;
    case 'th':
      s = -5;
      break;
  }
  const label = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (label.trim()) {
    if (NEGATIVE.test(label)) s -= 25;
    if (POSITIVE.test(label)) s += 25;
  }
  if (el.name === 'article' || /articlebody|text/i.test(el.attribs.itemprop ?? '')) s += 25;
  return s;
}

function countCommas(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x2c || c === 0x3001 || c === 0xff0c) n++;
  }
  return n;
}

/** Link density of each element that holds paragraphs, summed up the tree. */
function linkDensities(paragraphs: readonly Paragraph[]): Map<Element, number> {
  const text = new Map<Element, number>();
  const links = new Map<Element, number>();
  for (const p of paragraphs) {
    for (let el: Element | null = p.holder; el; el = parentElement(el)) {
      text.set(el, (text.get(el) ?? 0) + p.text.length);
      links.set(el, (links.get(el) ?? 0) + p.links);
    }
  }
  const out = new Map<Element, number>();
  for (const [el, t] of text) out.set(el, t ? (links.get(el) ?? 0) / t : 0);
  return out;
}

/** The chosen paragraphs as text with sections; furniture set apart. */
function assemble(
  meta: Meta,
  chosen: readonly Paragraph[],
  all: readonly Paragraph[],
  siteFurniture?: (paragraph: string) => boolean,
): ExtractedPage {
  const kept: Paragraph[] = [];
  const furniture: string[] = [];
  const reprinted = reprintedParagraphs(chosen.map((p) => p.text));
  // Where a comment section opens, past the first part of the article, the rest is comments: the
  // chosen container holds them on many pages, and a commenter's paragraph reads like prose.
  const total = chosen.reduce((sum, p) => sum + p.text.length, 0);
  const signed = signedCommentsFrom(chosen);
  const teasers = teasersFrom(chosen);
  // The last kept paragraph's text where a comment section opened inside it.
  let cutText: string | undefined;
  let seen = 0;
  for (const [i, p] of chosen.entries()) {
    seen += p.text.length;
    const density = p.links / Math.max(p.text.length, 1);
    const linkList = p.kind !== 'heading' && density > 0.5 && !linkedProse(p);
    if (
      i === signed ||
      i === teasers ||
      (seen > COMMENTS_AFTER * total && opensComments(p)) ||
      (i > 0 && COMMENTS_HEADING.test(p.text))
    ) {
      for (const q of chosen.slice(i)) furniture.push(q.text.slice(0, 200));
      break;
    }
    if (linkList || reprinted.has(i) || isFurnitureLine(p) || siteFurniture?.(p.text)) {
      furniture.push(p.text.slice(0, 200));
      continue;
    }
    kept.push(p);
    // Loose text under `<br>`s can hold the article and its comments in one paragraph.
    const inside = commentsInside(p, seen - p.text.length, COMMENTS_AFTER * total);
    if (inside < 0) continue;
    cutText = p.text.slice(0, inside).trimEnd();
    for (const q of [p.text.slice(inside), ...chosen.slice(i + 1).map((q) => q.text)])
      furniture.push(q.slice(0, 200));
    break;
  }
  // The page's own headline inside the article is the title, not a paragraph.
  if (kept[0]?.kind === 'heading' && sameText(kept[0].text, meta.title)) kept.shift();
  if (!meta.title) {
    const h1 = all.find((p) => p.holder.name === 'h1');
    if (h1) meta.title = h1.text;
    else if (kept[0]?.kind === 'heading') meta.title = (kept.shift() as Paragraph).text;
  }

  const texts: string[] = [];
  const sections: SectionSpan[] = [];
  let at = 0;
  let section: SectionSpan = { start: 0, end: 0 };
  const starts: number[] = [];
  kept.forEach((p, i) => {
    // A heading followed by at least two paragraphs, after some text, starts a new story; a
    // live blog's time stamp just above the heading opens the entry with it.
    const following = kept.slice(i + 1, i + 3).filter((q) => q.kind !== 'heading').length;
    if (p.kind === 'heading' && texts.length > 0 && following >= 2) {
      const stamped = TIME_STAMP.test(texts[texts.length - 1]);
      const start = stamped ? starts[starts.length - 1] : at;
      section.end = Math.max(section.start, start - 2);
      sections.push(section);
      section = { title: p.text, start, end: 0 };
    }
    starts.push(at);
    const text = cutText !== undefined && i === kept.length - 1 ? cutText : p.text;
    texts.push(text);
    at += text.length + 2;
  });
  const text = texts.join('\n\n');
  section.end = text.length;
  if (text) sections.push(section);
  // A section left empty (only the stamp that moved to the next entry) is no section.
  for (let k = sections.length - 1; k >= 0; k--)
    if (sections[k].end <= sections[k].start) sections.splice(k, 1);
  const published = meta.published ?? headDate(all, kept[0]);
  return { ...meta, ...(published ? { published } : {}), text, sections, furniture };
}

/**
 * Share of the chosen text before which a comment marker does not cut the rest: above it, "12
 * Comments" sits under the headline. Tried on Dragnet's pages, a cut at the comment markers past
 * half the text took 2,031 characters the annotators left out and 9 they kept; a cut at any line
 * that ends a text page's article (teasers, share calls) also took 12,800 they kept ("Related:"
 * lists and share bars inside posts), so only a comment section ends an HTML page's article.
 */
const COMMENTS_AFTER = 0.5;

/**
 * A sentence or more of prose that happens to be mostly links (a paragraph citing the patents a
 * suit names, each title a link): long, ending as a sentence ends, with words of its own between
 * the links. A list of links has none of that.
 */
function linkedProse(p: Paragraph): boolean {
  return (
    p.kind === 'p' &&
    p.text.length - p.links >= 80 &&
    /[.!?]["'”’)]?$/.test(p.text) &&
    p.text.split(/\s+/).length >= 25
  );
}

/**
 * The heading of a comment list, naming the post: "111 Responses to “My New Project”", "5 thoughts
 * on “Ferry fares to rise”". Unlike a count of comments, which also sits under a headline, it
 * stands only where the comments start.
 */
const COMMENTS_HEADING = /^(\d+|one|two|three) (responses?|repl(y|ies)|thoughts?|comments?) (to|on) [“"‘'«]/i;

/**
 * A paragraph that opens a comment section: its first line is a comment marker ("Comments are now
 * closed." heads a block of `<br>` lines with the comment form's instructions under it).
 */
const opensComments = (p: Paragraph): boolean => opensCommentsLine(p.text.split('\n', 1)[0]);

function opensCommentsLine(line: string): boolean {
  const f = lineFeatures(line);
  return f.opensComments && furnitureScore(f) >= 1;
}

/**
 * A comment's signature under it, as weblog software prints it: "Posted by: Ellen at September
 * 10, 2012 11:40 AM", "Comment #2 - Posted by: Kurt at November 10, 2012 5:55 PM", "Posted by:
 * Andrew | Mar 26, 2007 2:00:18 PM", "October 2, 2012 | Permalink". The post's own signature
 * ("Posted by laurie at September 10, 2012 9:01 AM") has the same shape.
 */
const SIGNATURE =
  /^(comment\s*#?\s*\d+\s*[-–—:|]\s*)?posted by:?\s+\S.{0,60}?(\s(at|on)\s|\s?\|\s?).{0,40}\d|\d.{0,40}\|\s*permalink$/i;

/** Signatures that make a comment section: at least three (a post's own and two comments'). */
const SIGNATURES = 3;

/**
 * Where a section of signed comments starts in the chosen paragraphs, or -1: at the first
 * paragraph of the first signed comment, each comment being the largest element around its
 * signature that holds no other signature. The post's own signature, printed above or under its
 * text, is in the element that holds the post, more than three times a typical comment, and is
 * passed over. Comments listed as bare paragraphs, each in no element of its own, are cut at the
 * first comment's signature (its text stays). On Dragnet's pages such sections ran to thousands
 * of words that no comment marker opened.
 */
function signedCommentsFrom(chosen: readonly Paragraph[]): number {
  const signatures: number[] = [];
  chosen.forEach((p, i) => {
    if (p.text.length <= 160 && SIGNATURE.test(p.text)) signatures.push(i);
  });
  if (signatures.length < SIGNATURES) return -1;
  // Signatures under each element; a comment's element is the largest that holds only its own.
  const held = new Map<Element, number>();
  for (const i of signatures)
    for (let e: Element | null = chosen[i].holder; e; e = parentElement(e))
      held.set(e, (held.get(e) ?? 0) + 1);
  const boxes = new Map<Element, { first: number; size: number }>();
  for (const i of signatures) {
    let box = chosen[i].holder;
    for (let up = parentElement(box); up && held.get(up) === 1; up = parentElement(up)) box = up;
    boxes.set(box, { first: i, size: 0 });
  }
  chosen.forEach((p, k) => {
    for (let e: Element | null = p.holder; e; e = parentElement(e)) {
      const box = boxes.get(e);
      if (!box) continue;
      box.first = Math.min(box.first, k);
      box.size += p.text.length;
      return;
    }
  });
  const comments = [...boxes.values()].sort((x, y) => x.first - y.first);
  const sizes = comments.map((c) => c.size).sort((x, y) => x - y);
  const typical = sizes[Math.floor(sizes.length / 2)];
  for (const { first, size } of comments) {
    if (size > 3 * typical) continue;
    // Some of the article stands above it.
    if (chosen.slice(0, first).some((p) => p.kind === 'p' && p.text.length >= 80)) return first;
  }
  return -1;
}

/**
 * Where a list of teasers for other articles starts under the article, or -1: two headings or more
 * that are links, each over its article's first lines ("Recently Cataloged": a headline, its
 * excerpt, its byline, "Read more »"), below some of the article; from the first of them, or from
 * the heading over the list. On Dragnet's pages it took teasers from nine and article text from
 * none; a list article whose every item's heading is a link would lose its items.
 */
function teasersFrom(chosen: readonly Paragraph[]): number {
  const linked = (p: Paragraph) =>
    p.kind === 'heading' && p.text.length >= 15 && p.links >= 0.9 * p.text.length;
  const first = chosen.findIndex(linked);
  if (first < 0 || chosen.filter(linked).length < 2) return -1;
  if (!chosen.slice(0, first).some((p) => p.kind === 'p' && p.links === 0 && p.text.length >= 80)) return -1;
  return first > 0 && chosen[first - 1].kind === 'heading' && chosen[first - 1].links === 0
    ? first - 1
    : first;
}

/**
 * Where, inside a paragraph of several lines that starts at `at` in the chosen text, a comment
 * section opens past `after` characters of it: the offset of the line that opens it, or -1.
 */
function commentsInside(p: Paragraph, at: number, after: number): number {
  if (!p.text.includes('\n')) return -1;
  let offset = 0;
  for (const line of p.text.split('\n')) {
    if (offset > 0 && at + offset > after && opensCommentsLine(line)) return offset;
    offset += line.length + 1;
  }
  return -1;
}

/** Paragraphs above an article's first searched for its date line (the headline's, the byline's). */
const DATE_LINE_REACH = 8;

/**
 * For a page whose metadata gives no date: the date line printed just above its article's first
 * paragraph ("Posted: Nov 27, 2005 8:20 AM ET"), as on a text page. Lower down, date lines belong
 * to comments and teasers.
 */
function headDate(all: readonly Paragraph[], first: Paragraph | undefined): string | undefined {
  const at = first ? all.indexOf(first) : -1;
  for (let k = Math.max(0, at - DATE_LINE_REACH); k < at; k++) {
    const published = readDateLine(all[k].text)?.published;
    if (published) return published;
  }
  return undefined;
}

/** A line that is only a time or a date stamp: "10:32", "9.45am", "4 March 2026", "2026-03-04". */
const TIME_STAMP =
  /^(\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?( [A-Z]{2,4})?|\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})$/iu;

function sameText(a: string, b: string): boolean {
  return flatText(a) === flatText(b);
}
