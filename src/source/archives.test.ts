/** Web archives and feeds, written here with warcio.js and by hand, read back as pages. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { FeedError, looksLikeFeed, readFeed } from './feed.js';
import { readWarc } from './warc.js';

const story = (town: string) =>
  `<html><head><title>${town} bridge closes</title></head><body><nav><a href="/">Home</a></nav><article><p>The old bridge in ${town} closed on Monday for repairs that will take a year, the city said on Tuesday.</p></article></body></html>`;

async function record(
  url: string,
  type: 'response' | 'request',
  contentType: string,
  body: string,
  status = 'HTTP/1.1 200 OK',
): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    {
      url,
      type,
      date: '2026-03-04T10:00:00Z',
      warcVersion: 'WARC/1.1',
      statusline: type === 'response' ? status : 'GET / HTTP/1.1',
      httpHeaders: type === 'response' ? { 'Content-Type': contentType } : { Host: 'news.example' },
    },
    [new TextEncoder().encode(body)],
  );
  return WARCSerializer.serialize(rec, { gzip: true });
}

describe('readWarc', () => {
  it('yields the HTML responses of an archive and passes other records by', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newstrace-warc-'));
    const parts = [
      await record('https://news.example/a', 'request', '', ''),
      await record('https://news.example/a', 'response', 'text/html; charset=utf-8', story('Eastmere')),
      await record('https://news.example/logo.png', 'response', 'image/png', 'PNG...'),
      await record('https://news.example/b', 'response', 'text/html', story('Orvel')),
    ];
    const whole = Buffer.concat(parts);
    writeFileSync(join(dir, 'crawl.warc.gz'), whole);
    const damage: string[] = [];
    const pages = [];
    for await (const p of readWarc(join(dir, 'crawl.warc.gz'), (r) => damage.push(r))) pages.push(p);
    expect(pages.map((p) => ('url' in p ? p.url : p.skipped))).toEqual([
      'https://news.example/a',
      'https://news.example/b',
    ]);
    expect('html' in pages[1] && pages[1].html).toContain('The old bridge in Orvel');
    expect(damage).toEqual([]);

    // Cut inside the last record: the pages before the damage still come out, then a reason.
    writeFileSync(join(dir, 'cut.warc.gz'), whole.subarray(0, whole.length - parts[3].length + 40));
    const cut = [];
    for await (const p of readWarc(join(dir, 'cut.warc.gz'), (r) => damage.push(r))) cut.push(p);
    expect(cut.map((p) => p.source)).toEqual([`${join(dir, 'cut.warc.gz')}#https://news.example/a`]);
    expect(damage[0]).toMatch(/cut short or corrupt/);
  });

  it('skips an HTML capture that is a redirect or an error page, saying its status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newstrace-warc-'));
    const notFound =
      '<html><body><article><p>Sorry, the page you asked for could not be found on this site.</p></article></body></html>';
    writeFileSync(
      join(dir, 'statuses.warc.gz'),
      Buffer.concat([
        await record(
          'https://news.example/old',
          'response',
          'text/html',
          '<a href="/new">Moved</a>',
          'HTTP/1.1 301 Moved Permanently',
        ),
        await record(
          'https://news.example/gone',
          'response',
          'text/html',
          notFound,
          'HTTP/1.1 404 Not Found',
        ),
        await record('https://news.example/new', 'response', 'text/html', story('Eastmere')),
      ]),
    );
    const out = [];
    for await (const p of readWarc(join(dir, 'statuses.warc.gz'), () => {})) out.push(p);
    expect(out.map((p) => ('skipped' in p ? p.skipped : 'page'))).toEqual([
      "the capture is an HTTP 301 response, not a page's content",
      "the capture is an HTTP 404 response, not a page's content",
      'page',
    ]);
  });
});

describe('readFeed', () => {
  it('reads RSS items with their full content, link, date and author', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Town News</title>
      <item><title>Bridge closes</title><link>https://news.example/a</link><guid>a-1</guid><pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate><dc:creator>Ana Ruiz</dc:creator><description>Short</description><content:encoded><![CDATA[<p>The old bridge closed on Monday.</p>]]></content:encoded></item>
      <item><title>Pool opens</title><link>https://news.example/b</link><description>&lt;p&gt;The pool opened.&lt;/p&gt;</description></item>
    </channel></rss>`;
    expect(looksLikeFeed(rss)).toBe(true);
    const items = readFeed(rss);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: 'a-1',
      title: 'Bridge closes',
      url: 'https://news.example/a',
      author: 'Ana Ruiz',
      site: 'Town News',
    });
    expect(items[0].html).toContain('The old bridge closed');
    expect(items[1].html).toContain('The pool opened.');
  });

  it('reads Atom entries', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Town News</title>
      <entry><title>Bridge closes</title><link rel="alternate" href="https://news.example/a"/><id>urn:a</id><published>2026-03-04T08:00:00Z</published><author><name>Ana Ruiz</name></author><content type="html">&lt;p&gt;The old bridge closed.&lt;/p&gt;</content></entry>
    </feed>`;
    expect(readFeed(atom)[0]).toMatchObject({
      id: 'urn:a',
      url: 'https://news.example/a',
      published: '2026-03-04T08:00:00Z',
      author: 'Ana Ruiz',
    });
  });

  it('reads Atom content written as XHTML, and titles written as HTML as their text', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Town &amp; County</title>
      <entry><title type="html">Bridge &lt;b&gt;reopens&lt;/b&gt;</title><id>urn:b</id>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The river bridge reopened on <em>Tuesday</em> &amp; traffic moved.</p><p>Drivers had used a detour.</p></div></content></entry>
      <entry><title>Pool opens</title><id>urn:c</id><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The pool opened.</p></div></summary></entry>
    </feed>`;
    const [bridge, pool] = readFeed(atom);
    expect(bridge).toMatchObject({ title: 'Bridge reopens', site: 'Town & County' });
    expect(bridge.html).toContain(
      '<p>The river bridge reopened on <em>Tuesday</em> &amp; traffic moved.</p>',
    );
    expect(bridge.html).toContain('Drivers had used a detour.');
    expect(pool.html).toContain('<p>The pool opened.</p>');
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Town News</title>
      <item><title>Pier&nbsp;closes</title><description>The pier closed.</description></item></channel></rss>`;
    expect(readFeed(rss)[0].title).toBe('Pier closes');
  });

  it('refuses a feed that is not well-formed, saying where', () => {
    expect(() =>
      readFeed('<?xml version="1.0"?><rss><channel><item><title>Broken</item></channel></rss>'),
    ).toThrow(FeedError);
    expect(() =>
      readFeed('<?xml version="1.0"?><rss><channel><item><title>Broken</item></channel></rss>'),
    ).toThrow(/line 1/);
  });
});
