/**
 * HTML page → ExtractedPage. One parse with htmlparser2 into a DOM, boilerplate subtrees dropped
 * by tag and by class/id patterns, then the block container holding the most prose (text length
 * weighted down by link density) is taken as the article; its paragraphs, headings, list items and
 * block quotes come out in order. Metadata from JSON-LD, meta tags and `<time>`.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { ExtractedPage, SectionSpan } from '../../article/types.js';

const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'footer',
  'aside',
  'menu',
  'dialog',
  'figcaption',
  'video',
  'audio',
]);
const BOILERPLATE =
  /(^|[\s_-])(nav|navbar|menu|footer|share|sharing|social|related|recommend|comment|comments|cookie|consent|newsletter|subscribe|promo|advert|ads?|sidebar|breadcrumbs?|widget|popup|modal|banner|masthead|teaser|more-stories|read-more|tags|byline-share|author-bio|pagination)([\s_-]|$)/i;
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'td',
]);
/** Upper bound on nodes visited: a 10 MB page stays linear and bounded. */
const MAX_NODES = 400_000;

interface Block {
  tag: string;
  text: string;
  links: number;
}

export function extractHtml(html: string, opts: { url?: string } = {}): ExtractedPage {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const meta = readMeta(doc.children, opts.url);
  const furniture: string[] = [];
  let visited = 0;

  // Score containers: each block's prose counts for its parent and (halved) its grandparent.
  const scores = new Map<Element, number>();
  const blocksOf = new Map<Element, Block[]>();
  const walk = (nodes: ChildNode[], parent: Element | undefined) => {
    for (const node of nodes) {
      if (++visited > MAX_NODES) return;
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      if (isBoilerplate(el)) {
        const t = textOf(el).trim();
        if (t && furniture.length < 200) furniture.push(t.replace(/\s+/g, ' ').slice(0, 200));
        continue;
      }
      if (BLOCKS.has(el.name)) {
        const block = { tag: el.name, text: blockText(el), links: linkText(el) };
        if (block.text && parent) {
          const list = blocksOf.get(parent) ?? [];
          list.push(block);
          blocksOf.set(parent, list);
          const prose = proseScore(block);
          scores.set(parent, (scores.get(parent) ?? 0) + prose);
          const grand = parent.parent as Element | null;
          if (grand && grand.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + prose / 2);
        }
        if (el.name !== 'li' && el.name !== 'td') continue;
      }
      walk(el.children, el);
    }
  };
  walk(doc.children, undefined);

  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const bonus = el.name === 'article' || /articlebody/i.test(el.attribs.itemprop ?? '') ? 1.5 : 1;
    if (score * bonus > bestScore) {
      best = el;
      bestScore = score * bonus;
    }
  }
  if (!best || bestScore < 1) {
    return { ...meta, text: '', sections: [], furniture, noArticle: 'no block of prose found on the page' };
  }

  // The article: every block under the chosen container, in document order.
  const paragraphs: Array<{ text: string; heading: boolean }> = [];
  const collect = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      const el = node as Element;
      if (isBoilerplate(el)) continue;
      if (BLOCKS.has(el.name) && el.name !== 'li' && el.name !== 'td') {
        const b = { tag: el.name, text: blockText(el), links: linkText(el) };
        if (!b.text) continue;
        const heading = /^h[1-6]$/.test(el.name);
        if (!heading && b.links / Math.max(b.text.length, 1) > 0.6) furniture.push(b.text.slice(0, 200));
        else paragraphs.push({ text: b.text, heading });
        continue;
      }
      if (el.name === 'li') {
        const t = blockText(el);
        if (t && linkText(el) / Math.max(t.length, 1) <= 0.5) paragraphs.push({ text: t, heading: false });
        continue;
      }
      collect(el.children);
    }
  };
  collect([best]);
  // The page's own headline inside the article is the title, not a paragraph.
  if (paragraphs[0]?.heading && sameText(paragraphs[0].text, meta.title)) paragraphs.shift();
  if (!meta.title) {
    const h = paragraphs.findIndex((p) => p.heading);
    if (h === 0) meta.title = (paragraphs.shift() as { text: string }).text;
  }

  const texts: string[] = [];
  const sections: SectionSpan[] = [];
  let at = 0;
  let section: SectionSpan = { start: 0, end: 0 };
  paragraphs.forEach((p, i) => {
    // A heading followed by at least two paragraphs, after some text, starts a new story.
    const following = paragraphs.slice(i + 1, i + 3).filter((q) => !q.heading).length;
    if (p.heading && texts.length > 0 && following >= 2) {
      section.end = at - 2;
      sections.push(section);
      section = { title: p.text, start: at, end: 0 };
    }
    texts.push(p.text);
    at += p.text.length + 2;
  });
  const text = texts.join('\n\n');
  section.end = text.length;
  if (text) sections.push(section);
  return { ...meta, text, sections, furniture };
}

function isBoilerplate(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(a.style ?? ''))
    return true;
  if (el.name === 'header' && !/article|entry|post/i.test(`${a.class ?? ''} ${a.id ?? ''}`)) return true;
  const role = a.role ?? '';
  if (/^(navigation|banner|contentinfo|complementary|search|menu)$/.test(role)) return true;
  const label = `${a.class ?? ''} ${a.id ?? ''}`;
  return (
    label.length > 0 &&
    BOILERPLATE.test(label) &&
    !/(article|entry|post|story)[-_]?(body|content|text)/i.test(label)
  );
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  const el = node as Element;
  if (el.name === 'br') return '\n';
  if (DROP_TAGS.has(el.name)) return '';
  return el.children.map(textOf).join('');
}

function blockText(el: Element): string {
  return textOf(el)
    .replace(/[ \t\r\f\u00a0]+/g, ' ')
    .replace(/ *\n+ */g, '\n')
    .trim();
}

function linkText(el: Element): number {
  let n = 0;
  const visit = (node: ChildNode) => {
    if (node.type !== 'tag') return;
    const e = node as Element;
    if (e.name === 'a') n += textOf(e).trim().length;
    else e.children.forEach(visit);
  };
  el.children.forEach(visit);
  return n;
}

/** Prose in a block: its length, discounted by link density, boosted by sentence punctuation. */
function proseScore(b: Block): number {
  const len = b.text.length;
  if (len < 25) return 0;
  const density = b.links / len;
  const commas = (b.text.match(/[,.]/g) ?? []).length;
  return (len / 100 + Math.min(commas, 10) / 5) * Math.max(0, 1 - 1.5 * density);
}

function sameText(a: string, b: string): boolean {
  const n = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return n(a) === n(b);
}

type Meta = Omit<ExtractedPage, 'text' | 'sections' | 'furniture'>;

function readMeta(nodes: ChildNode[], url?: string): Meta {
  const metas = new Map<string, string>();
  let titleTag = '';
  let h1 = '';
  let lang: string | undefined;
  let canonical: string | undefined;
  let time: string | undefined;
  const ld: unknown[] = [];
  let seen = 0;
  const visit = (node: ChildNode) => {
    if (++seen > MAX_NODES || node.type === 'text' || node.type === 'comment') return;
    const el = node as Element;
    if (!el.name) return;
    const a = el.attribs ?? {};
    if (el.name === 'html' && a.lang) lang = a.lang;
    if (el.name === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
      if (key && a.content && !metas.has(key)) metas.set(key, a.content.trim());
    } else if (el.name === 'title' && !titleTag) titleTag = textOf(el).trim();
    else if (el.name === 'h1' && !h1) h1 = blockText(el);
    else if (el.name === 'link' && /canonical/i.test(a.rel ?? '') && a.href) canonical = a.href;
    else if (el.name === 'time' && a.datetime && !time) time = a.datetime;
    else if (el.name === 'script' && /ld\+json/i.test(a.type ?? '')) {
      try {
        ld.push(JSON.parse(textOf(el)));
      } catch {
        // Malformed JSON-LD is common; the other sources of metadata remain.
      }
    }
    for (const c of el.children ?? []) visit(c);
  };
  nodes.forEach(visit);
  const article = findArticleLd(ld);
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const nameOf = (v: unknown): string | undefined =>
    str(v) ?? (v && typeof v === 'object' ? str((v as { name?: unknown }).name) : undefined);
  const authorsLd = article?.author;
  const authors = (Array.isArray(authorsLd) ? authorsLd : authorsLd ? [authorsLd] : [])
    .map(nameOf)
    .filter((x): x is string => !!x);
  const metaAuthor = metas.get('author') ?? metas.get('article:author');
  if (!authors.length && metaAuthor && !/^https?:/.test(metaAuthor)) authors.push(metaAuthor);
  const site = metas.get('og:site_name') ?? nameOf(article?.publisher) ?? hostOf(canonical ?? url);
  let title = str(article?.headline) ?? metas.get('og:title') ?? h1 ?? titleTag;
  title = stripSiteSuffix(title || titleTag, site);
  return {
    title,
    published: isoDate(
      str(article?.datePublished) ?? metas.get('article:published_time') ?? metas.get('date') ?? time,
    ),
    modified: isoDate(str(article?.dateModified) ?? metas.get('article:modified_time')),
    authors,
    site,
    url: canonical ?? metas.get('og:url') ?? url,
    lang: (lang ?? metas.get('og:locale') ?? 'en').slice(0, 2).toLowerCase(),
    description: metas.get('description') ?? metas.get('og:description'),
  };
}

function findArticleLd(items: unknown[]): Record<string, unknown> | undefined {
  const stack = [...items];
  while (stack.length) {
    const x = stack.pop();
    if (!x || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      stack.push(...x);
      continue;
    }
    const o = x as Record<string, unknown>;
    const type = String(o['@type'] ?? '');
    if (/(News)?Article|BlogPosting|Report/.test(type)) return o;
    if (o['@graph']) stack.push(o['@graph']);
  }
  return undefined;
}

function stripSiteSuffix(title: string, site?: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title.trim();
  const last = parts[parts.length - 1].toLowerCase();
  if (
    parts.length >= 2 &&
    (!site ||
      last.includes(site.toLowerCase()) ||
      site.toLowerCase().includes(last) ||
      last.split(' ').length <= 3)
  ) {
    return parts.slice(0, -1).join(' - ').trim();
  }
  return title.trim();
}

function hostOf(url?: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function isoDate(s?: string): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(t).toISOString() : undefined;
}
