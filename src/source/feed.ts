/**
 * RSS and Atom feeds with fast-xml-parser: each item with text (full content where the feed
 * carries it, else its description) becomes a page with the item's own title, link, date and
 * author. A feed that is not well-formed XML is refused as a whole with the parser's reason:
 * guessing at the items of a broken feed would invent articles.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { normaliseSpace, textOf } from '../extract/html/dom.js';

export interface FeedItem {
  /** Position of the item in the feed, from 1. */
  index: number;
  id?: string;
  title?: string;
  url?: string;
  published?: string;
  author?: string;
  site?: string;
  html: string;
}

export class FeedError extends Error {}

/** True when the text looks like an RSS or Atom document (whatever its file is called). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000);
  return (
    /<rss[\s>]|<rdf:RDF/i.test(head) ||
    (/<feed[\s>]/i.test(head) && head.includes('http://www.w3.org/2005/Atom'))
  );
}

export function readFeed(xml: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new FeedError(`the feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const options = { ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text' };
  const doc = new XMLParser(options).parse(xml) as Record<string, unknown>;
  const list = (x: unknown): Record<string, unknown>[] =>
    (Array.isArray(x) ? x : x ? [x] : []).filter(
      (v): v is Record<string, unknown> => !!v && typeof v === 'object',
    );
  const text = (x: unknown): string | undefined => {
    if (typeof x === 'string' || typeof x === 'number') return String(x).trim() || undefined;
    if (x && typeof x === 'object' && '#text' in x) return text((x as Record<string, unknown>)['#text']);
    return undefined;
  };
  // Titles, names and feed titles are shown as text: an Atom title of type "html", or an RSS
  // title written with HTML's entities ("&nbsp;", which XML does not define), is markup.
  const plain = (x: unknown): string | undefined => {
    const t = text(x);
    return t && /[<&]/.test(t)
      ? normaliseSpace(parseDocument(t).children.map(textOf).join('')) || undefined
      : t;
  };
  const rss =
    (doc.rss as Record<string, unknown> | undefined)?.channel ??
    (doc['rdf:RDF'] as Record<string, unknown> | undefined);
  if (rss && typeof rss === 'object') {
    const channel = rss as Record<string, unknown>;
    const site = plain(list(channel.channel)[0]?.title) ?? plain(channel.title);
    return list(channel.item).map((item, k) => ({
      index: k + 1,
      id: text(item.guid),
      title: plain(item.title),
      url: text(item.link),
      published: text(item.pubDate) ?? text(item['dc:date']),
      author: plain(item['dc:creator']) ?? plain(item.author),
      site,
      html: text(item['content:encoded']) ?? text(item.description) ?? '',
    }));
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed && typeof feed === 'object') {
    const site = plain(feed.title);
    const entries = list(feed.entry);
    // Content of type "xhtml" is markup inside the feed's XML, which the parser takes apart into
    // elements: it is read again as written, from a parse that leaves those elements alone.
    let asWritten: Record<string, unknown>[] | undefined;
    const xhtml = (k: number, field: 'content' | 'summary'): string | undefined => {
      const value = entries[k][field];
      if (!value || typeof value !== 'object' || (value as Record<string, unknown>)['@type'] !== 'xhtml')
        return undefined;
      asWritten ??= list(
        (
          new XMLParser({ ...options, stopNodes: ['feed.entry.content', 'feed.entry.summary'] }).parse(
            xml,
          ) as {
            feed?: { entry?: unknown };
          }
        ).feed?.entry,
      );
      return text(asWritten[k]?.[field]);
    };
    return entries.map((entry, k) => {
      const links = list(entry.link);
      const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
      return {
        index: k + 1,
        id: text(entry.id),
        title: plain(entry.title),
        url: typeof link?.['@href'] === 'string' ? (link['@href'] as string) : text(entry.link),
        published: text(entry.published) ?? text(entry.updated),
        author: plain(list(entry.author)[0]?.name),
        site,
        html: xhtml(k, 'content') ?? text(entry.content) ?? xhtml(k, 'summary') ?? text(entry.summary) ?? '',
      };
    });
  }
  throw new FeedError('neither an RSS channel nor an Atom feed');
}
