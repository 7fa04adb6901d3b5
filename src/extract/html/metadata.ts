/**
 * Page metadata: title (without the site's suffix), dates, authors, site, canonical URL, language
 * and description, from JSON-LD, meta tags, `<time>`, `<title>` and the first `<h1>`.
 */
import type { ChildNode, Element } from 'domhandler';
import { getDomain } from 'tldts';
import type { ExtractedPage } from '../../article/types.js';
import { isStopword } from '../../text/stopwords.js';
import { blockText, textOf } from './dom.js';

/** Upper bound on nodes visited: a 10 MB page stays linear and bounded. */
export const MAX_NODES = 400_000;

export type Meta = Omit<ExtractedPage, 'text' | 'sections' | 'furniture'>;

/**
 * What a page offers as its title: the article's own fields (JSON-LD headline, `og:title`,
 * `twitter:title`, the first `<h1>`), most specific first, and the `<title>` element.
 */
export interface TitleCandidates {
  preferred: string[];
  /** The first `<h1>` (also last in `preferred`): it is in the article's text wherever it heads it. */
  h1?: string;
  titleTag: string;
  site?: string;
}

/**
 * The page's metadata but its title, and what it offers as a title: the title is chosen once the
 * article's text is known (`chooseTitle`).
 */
export function readMeta(
  nodes: ChildNode[],
  url?: string,
): Omit<Meta, 'title'> & { titles: TitleCandidates } {
  const metas = new Map<string, string>();
  let titleTag = '';
  let h1 = '';
  let lang: string | undefined;
  let canonical: string | undefined;
  let feedHost: string | undefined;
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
    else if (el.name === 'link') feedHost ??= ownFeedHost(a.rel, a.type, a.href);
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
  const site =
    metas.get('og:site_name') ??
    nameOf(article?.publisher) ??
    hostOf(canonical ?? url) ??
    siteBesideHeadline(titleTag, h1) ??
    feedHost;
  const titles: TitleCandidates = {
    preferred: [str(article?.headline), metas.get('og:title'), metas.get('twitter:title'), h1].filter(
      (x): x is string => !!x,
    ),
    h1: h1 || undefined,
    titleTag,
    site,
  };
  return {
    titles,
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

/**
 * The page's title. The article's own fields come first, but a site's template may fill them with
 * the site's or the blog's name ("Official Blog of the National Football League" as `og:title`,
 * "Inside Google Desktop" as `<h1>`) while `<title>` names the page. So a candidate that is the
 * site's name, or a title the site's pages repeat, is passed over; and where `<title>` holds the candidate at one end and more beside it
 * ("Inside Google Desktop: Featured gadget: Periodic Table Interactive"), or names something else
 * entirely, a longer title there may replace the candidate: see the steps below.
 */
export function chooseTitle(
  t: TitleCandidates,
  body = '',
  /** Lines the page's site repeats (learnt by ingest): a title field that says one is the site's. */
  siteFurniture?: (line: string) => boolean,
): string {
  const inBody = bodyWords(body);
  const flatBody = ` ${flatText(body)} `;
  /** The article's text holds the title whole (as its headline often is, above the first paragraph). */
  const quoted = (title: string) => flatText(title) !== '' && flatBody.includes(` ${flatText(title)} `);
  const tagMain = stripSiteSuffix(t.titleTag, t.site);
  for (const c of t.preferred) {
    if (sameName(c, t.site) || siteFurniture?.(c)) continue;
    // An <h1> takes in what sits inside it ("… Anywhere in the World) 274 Comments"): the page's
    // <title>, where the <h1> only adds to it, is the title without them (unless cut short).
    if (c === t.h1 && titleWords(tagMain).length >= 3 && !/(\.\.\.|…)$/.test(tagMain)) {
      if (flatText(c).startsWith(`${flatText(tagMain)} `)) return tagMain;
    }
    const beside = remainderOf(t.titleTag, c);
    const other = beside ? bare(stripSiteSuffix(beside.rest, t.site)) : shareWords(c, tagMain) ? '' : tagMain;
    // Only a longer title replaces the page's own field: a site's or a section's name is short
    // ("Facebook", "Health - AIDS" after the headline in `<title>`).
    if (!other || sameName(other, t.site) || titleWords(other).length <= titleWords(c).length)
      return stripSiteSuffix(c, t.site);
    // The article's text holding a field whole proves it the headline ("Fishtail Bun Wedding Hair
    // Tutorial | Wedding Updos Ideas | DIY Wedding Blog"), but for an <h1>: a blog's banner <h1>
    // is in the text wherever the page is taken whole, and so are its words.
    const isH1 = c === t.h1;
    if (quoted(c) && !isH1) return stripSiteSuffix(c, t.site);
    if (quoted(other)) return other;
    // An <h1> outside the article's text is the page's banner ("Seth's Blog").
    if (isH1 && !quoted(c)) return other;
    // "Headline | Site", "Headline – Site": the site's name follows a headline; a blog's name
    // leads its post's title with a colon ("Seth's Blog: The importance of going first").
    if (beside?.leading && !beside.colon) return stripSiteSuffix(c, t.site);
    const better = isH1 ? support(other, inBody) >= 0.5 : support(other, inBody) > support(c, inBody) + 0.2;
    return better ? other : stripSiteSuffix(c, t.site);
  }
  return tagMain;
}

/** Without separators left at either end ("» How to Make Health Insurance a Bad Bet"). */
const bare = (title: string) => title.replace(/^[\s»|:–—-]+|[\s»|:–—-]+$/g, '');

/** Lowercase letters and digits, every other run as one space. */
export const flatText = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const TITLE_WORD = /[\p{L}\p{N}]{3,}/gu;
const titleWords = (s: string) =>
  ((s.toLowerCase().match(TITLE_WORD) ?? []) as string[]).filter((w) => !isStopword(w));
const bodyWords = (body: string) => new Set(titleWords(body));

/** The share of a title's words (of three letters or more) that the article's text uses. */
function support(title: string, inBody: Set<string>): number {
  const words = titleWords(title);
  if (words.length === 0 || inBody.size === 0) return 0;
  let found = 0;
  for (const w of words) if (inBody.has(w)) found++;
  return found / words.length;
}

function shareWords(a: string, b: string): boolean {
  const wb = new Set(titleWords(b));
  return titleWords(a).some((w) => wb.has(w));
}

function sameName(a: string, b?: string): boolean {
  return (
    b !== undefined && flatText(a) !== '' && flatText(a).replace(/ /g, '') === flatText(b).replace(/ /g, '')
  );
}

/**
 * `tag` without `part` at its start or end and the separator beside it (undefined if `part` is
 * not there), whether `part` led, and whether a colon set it apart.
 */
function remainderOf(
  tag: string,
  part: string,
): { rest: string; leading: boolean; colon: boolean } | undefined {
  const lowerTag = tag.toLowerCase();
  const lower = part.trim().toLowerCase();
  if (!lower || lowerTag === lower) return undefined;
  if (lowerTag.startsWith(lower)) {
    const m = /^\s*([:|–—»-]|::)\s+/.exec(tag.slice(lower.length));
    if (m)
      return {
        rest: tag.slice(lower.length + m[0].length).trim(),
        leading: true,
        colon: m[1].startsWith(':'),
      };
  }
  if (lowerTag.endsWith(lower)) {
    const head = tag.slice(0, tag.length - lower.length);
    const m = /\s+([:|–—»-]|::)\s*$/.exec(head);
    if (m)
      return {
        rest: head.slice(0, head.length - m[0].length).trim(),
        leading: false,
        colon: m[1].startsWith(':'),
      };
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

/**
 * A page with neither a site's name in its metadata nor an address (a saved file): the name its
 * `<title>` gives beside the headline, "Council approves budget - Daily Ledger" or "Daily Ledger |
 * Council approves budget", where the headline is the page's `<h1>` and the name is short.
 */
function siteBesideHeadline(titleTag: string | undefined, h1: string | undefined): string | undefined {
  if (!titleTag || !h1) return undefined;
  const parts = titleTag.split(/\s+[|–—-]\s+/).map((p) => p.trim());
  if (parts.length !== 2) return undefined;
  const same = (x: string) => x.toLowerCase() === h1.trim().toLowerCase();
  const name = same(parts[0]) ? parts[1] : same(parts[1]) ? parts[0] : undefined;
  return name && name.split(/\s+/).length <= 5 ? name : undefined;
}

/** Characters of a page's start searched for its site's address or name (its head). */
const HEAD_CHARS = 100_000;

/**
 * The site an HTML page is from, read without parsing it: the host of its canonical address (or
 * `og:url`, or an absolute `<base href>`), else its `og:site_name`, else the host of its own feed,
 * else the site most of its links lead to (`mostLinkedSite`). What ingest keys a saved page's site
 * by (a file has no address of its own), to learn the furniture and template titles its pages
 * repeat.
 */
export function siteOfHtml(html: string): string | undefined {
  let name: string | undefined;
  let feedHost: string | undefined;
  for (const tag of html.slice(0, HEAD_CHARS).matchAll(/<(?:meta|link|base)\b[^>]*>/gi)) {
    const attrs = new Map<string, string>();
    for (const a of tag[0].matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
      attrs.set(a[1].toLowerCase(), (a[2] ?? a[3] ?? a[4]).trim());
    const key = (attrs.get('property') ?? attrs.get('name') ?? attrs.get('rel') ?? '').toLowerCase();
    const value = attrs.get('content') ?? attrs.get('href');
    if (!value) continue;
    if (key === 'canonical' || key === 'og:url' || /^<base/i.test(tag[0])) {
      const site = siteOfUrl(value);
      if (site) return site;
    }
    if (key === 'og:site_name') name ??= value;
    if (/^<link/i.test(tag[0])) feedHost ??= ownFeedHost(attrs.get('rel'), attrs.get('type'), value);
  }
  return name ?? siteOfHost(feedHost) ?? mostLinkedSite(html);
}

/**
 * Where a page's links to other pages mostly lead, when one site clearly leads (three links or
 * more, twice the next): a site's menus, sections and archives link its own pages. On Dragnet's
 * pages whose head names their site, this agrees with the head for 1,167 of the 1,199 it decides;
 * the rest are the same publisher's other domain (bbc.co.uk on bbc.com, a network's hub). Sharing,
 * social and advertising services are linked from every site, so they are never the page's own.
 */
function mostLinkedSite(html: string): string | undefined {
  const counts = new Map<string, number>();
  for (const link of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi)) {
    const site = siteOfUrl(link[1]);
    if (site && !LINKED_SERVICES.test(site)) counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  let [best, first, second] = [undefined as string | undefined, 0, 0];
  for (const [site, n] of counts) {
    if (n > first) [best, first, second] = [site, n, first];
    else if (n > second) second = n;
  }
  return first >= 3 && first >= 2 * second ? best : undefined;
}

/** Services any site links to (sharing, social networks, feeds, short links, ads, shops, licences). */
const LINKED_SERVICES =
  /^(facebook\.com|twitter\.com|x\.com|t\.co|addthis\.com|sharethis\.com|addtoany\.com|stumbleupon\.com|digg\.com|reddit\.com|pinterest\.com|linkedin\.com|google\.com|youtube\.com|instagram\.com|tumblr\.com|delicious\.com|feedburner\.com|feedblitz\.com|feedsportal\.com|doubleclick\.net|goo\.gl|bit\.ly|amazon\.com|w3\.org|creativecommons\.org|wordpress\.org|apple\.com|flickr\.com|wikipedia\.org)$/;

/** Services that host other sites' feeds: their host is not the page's site. */
const FEED_SERVICES = /(^|\.)(feedburner\.com|feedblitz\.com|feedpress\.me|feedsportal\.com)$/;

/**
 * The host of a `<link>` to the page's own feed (`rel="alternate"` of an RSS or Atom type) or to
 * its blog software's endpoints (`pingback`, `EditURI`): a saved blog page without an address
 * still names its site there. Relative addresses and feed services give nothing.
 */
function ownFeedHost(rel?: string, type?: string, href?: string): string | undefined {
  const own =
    /\b(pingback|edituri)\b/i.test(rel ?? '') ||
    (/\balternate\b/i.test(rel ?? '') && /(rss|atom)\+xml/i.test(type ?? ''));
  const host = own ? hostOf(href) : undefined;
  return host && !FEED_SERVICES.test(host) ? host : undefined;
}

function hostOf(url?: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * The site an address belongs to, as ingest learns a site's template: its registrable domain
 * (the public suffix list's, blog hosts included), so that news.cnet.com and reviews.cnet.com are
 * one site with one template while two blogs on blogspot.com are two. An address without one (an
 * IP, `localhost`) is its host.
 */
export function siteOfUrl(url?: string): string | undefined {
  return siteOfHost(hostOf(url));
}

function siteOfHost(host?: string): string | undefined {
  return host && (getDomain(host, { allowPrivateDomains: true }) ?? host);
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
