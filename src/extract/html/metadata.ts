/**
 * Page metadata: title (without the site's suffix), dates, authors, site, canonical URL, language
 * and description, from JSON-LD, meta tags, `<time>`, `<title>` and the first `<h1>`.
 */
import type { ChildNode, Element } from 'domhandler';
import type { ExtractedPage } from '../../article/types.js';
import { blockText, textOf } from './dom.js';

/** Upper bound on nodes visited: a 10 MB page stays linear and bounded. */
export const MAX_NODES = 400_000;

export type Meta = Omit<ExtractedPage, 'text' | 'sections' | 'furniture'>;

export function readMeta(nodes: ChildNode[], url?: string): Meta {
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
        ld.push(JSON.parse(rawText(el)));
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
    published:
      isoDate(str(article?.datePublished)) ??
      firstDate(metas, PUBLISHED_KEYS) ??
      isoDate(time) ??
      dateInUrl(canonical ?? metas.get('og:url') ?? url),
    modified: isoDate(str(article?.dateModified)) ?? firstDate(metas, MODIFIED_KEYS),
    authors,
    site,
    url: canonical ?? metas.get('og:url') ?? url,
    lang: (lang ?? metas.get('og:locale') ?? 'en').slice(0, 2).toLowerCase(),
    description: metas.get('description') ?? metas.get('og:description'),
  };
}

/** Meta tags that carry the publication date, most specific first. */
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'article.published',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
  'date',
  'timestamp',
];
const MODIFIED_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'last-modified',
];

function firstDate(metas: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const d = isoDate(metas.get(k));
    if (d) return d;
  }
  return undefined;
}

/** A date in the URL's path: /2026/03/04/, /2026-03-04-, /20260304/. */
export function dateInUrl(url?: string): string | undefined {
  if (!url) return undefined;
  const m =
    /[/_-](20\d\d|19\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(url) ??
    /[/_-](20\d\d|19\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(url);
  if (!m) return undefined;
  return isoDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}T00:00:00Z`);
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

/** The raw text inside an element (a script's source), which `textOf` leaves out. */
function rawText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
}
