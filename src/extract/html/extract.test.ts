import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../source/index.js';
import { extractHtml } from './extract.js';
import { siteOfHtml, siteOfUrl } from './metadata.js';

const sample = join(import.meta.dirname, '..', '..', '..', 'sample');
const read = (file: string) => decodeBytes(readFileSync(join(sample, file))).text;

/** A short news story the extraction tests wrap in page furniture, comments and teasers. */
const FERRY_STORY = [
  'The harbour company said on Monday that ferry fares would rise by five percent in April.',
  'A monthly pass will cost 84 dollars, up from 80, the company said in a statement.',
  'The council, which owns a third of the company, said it would not oppose the rise this year.',
];

describe('extractHtml', () => {
  it('keeps the story and its metadata, drops navigation, share bar, related links, comments and footer', () => {
    const page = extractHtml(read('reprint-harbour-bridge.html'));
    expect(page.title).toBe('Port Alder closes Kestrel Bridge after inspectors find cracked cables');
    expect(page.published).toMatch(/^2026-03-04/);
    expect(page.site).toBe('Alder Valley Courier');
    expect(page.text).toContain('The city of Port Alder closed the Kestrel Bridge');
    expect(page.text).toContain('Engineers expect to finish testing the remaining cables within ten days.');
    for (const gone of [
      'Sign up now',
      'Share on Facebook',
      'Related stories',
      'Ferry fares to rise',
      'Leave a comment',
      'All rights reserved',
      'Advertisement',
    ]) {
      expect(page.text, gone).not.toContain(gone);
    }
  });

  it('reads a windows-1252 page declared in <meta charset> and drops the cookie banner', () => {
    const page = extractHtml(read('library-reopens.html'));
    expect(page.text).toContain('café');
    expect(page.text).toContain('We expected to find mould. We found a masterpiece,');
    expect(page.text).not.toContain('cookies');
    expect(page.text).not.toContain('newsletter');
  });

  it('says so when a page has no article', () => {
    const page = extractHtml(
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><footer>© 2026</footer></body></html>',
    );
    expect(page.text).toBe('');
    expect(page.noArticle).toBeTruthy();
  });

  it('survives malformed markup', () => {
    const page = extractHtml(
      '<html><body><div class="story"><p>The council met on <b>Tuesday<p>It voted to close the pool for repairs that will take a year.<p>The pool opened in 1968 and has not been renovated since.</div></span></body>',
    );
    expect(page.text).toContain('It voted to close the pool');
    expect(page.text).toContain('opened in 1968');
  });

  it('ends the article where its comment section opens, not at a comment count in its byline', () => {
    const story = FERRY_STORY;
    const comments = [
      'I take the ferry every day and the service has got worse while the fares keep going up, which the council never mentions.',
      'The council should sell its share of the company and spend the money on the bus routes that were cut last year.',
    ];
    const page = extractHtml(
      `<html><body><div class="post"><h1>Ferry fares to rise</h1><p>By Ann Lee</p><p>12 Comments</p>${story.map((t) => `<p>${t}</p>`).join('')}<p>2 Comments<br>Comments are moderated before they appear.</p>${comments.map((t) => `<p>${t}</p>`).join('')}</div></body></html>`,
    );
    for (const t of story) expect(page.text).toContain(t);
    for (const t of comments) expect(page.text).not.toContain(t);
    expect(page.furniture).toContain(comments[0]);
  });

  it('ends a weblog post at its signature when signed comments follow it, and keeps a signature above the post', () => {
    const story = FERRY_STORY.slice(0, 2);
    const comments = [
      'I take the ferry every day and the service has got worse while the fares keep going up.',
      'The council should sell its share of the company and spend the money on the bus routes.',
      'Five percent is more than my rent went up this year, and the boats are always late.',
    ];
    const signed = (t: string, k: number) =>
      `<p>${t}</p><p>Comment #${k + 1} - Posted by: Reader ${k + 1} at November 10, 2012 5:${10 + k} PM</p>`;
    const post = (byline: string, footer: string) =>
      extractHtml(
        `<html><body><div class="post"><h1>Ferry fares to rise</h1>${byline}${story.map((t) => `<p>${t}</p>`).join('')}${footer}${comments.map(signed).join('')}</div></body></html>`,
      );
    // The post's own signature under it, then the comments, each signed under it.
    const page = post('', '<p>Posted by Ann Lee at November 10, 2012 9:01 AM</p>');
    for (const t of story) expect(page.text).toContain(t);
    for (const t of comments) expect(page.text).not.toContain(t);
    // A post signed above it: its first comment may stay, its story does.
    const top = post('<p>Posted by Ann Lee at November 10, 2012 9:01 AM</p>', '');
    for (const t of story) expect(top.text).toContain(t);
    for (const t of comments.slice(1)) expect(top.text).not.toContain(t);
    // Each comment in an element of its own: the first goes whole; the post's element, signed
    // above its text, holds far more than a comment and is kept.
    const boxed = extractHtml(
      `<html><body><div class="entry"><h1>Ferry fares to rise</h1><p>Posted by Ann Lee on November 10, 2012 | Permalink</p>${story.map((t) => `<p>${t}</p>`).join('')}</div><div class="comments">${comments.map((t, k) => `<div class="comment">${signed(t, k)}</div>`).join('')}</div></body></html>`,
    );
    for (const t of story) expect(boxed.text).toContain(t);
    for (const t of comments) expect(boxed.text).not.toContain(t);
  });

  it('ends the article where its comments open inside loose text under line breaks', () => {
    const story = FERRY_STORY;
    const comments = [
      'written by Ann Reader, October 18, 2012',
      'Five percent is more than my rent went up this year.',
    ];
    const page = extractHtml(
      `<html><body><h1>Ferry fares to rise</h1><div class="article-content">${story.join('<br>')}<br>Comments (2)<br>${comments.join('<br>')}</div></body></html>`,
    );
    for (const t of story) expect(page.text).toContain(t);
    for (const t of comments) expect(page.text).not.toContain(t);
  });

  it('keeps a paragraph of prose that is mostly links, and leaves out a list of links', () => {
    const story = FERRY_STORY.slice(0, 2);
    const cited =
      'The suit names three of the company\'s patents, for a <a href="/p1">method of docking a ferry in high winds without a tug</a>, a <a href="/p2">system for counting passengers at a turnstile with two beams of light</a> and a <a href="/p3">ramp that folds into the hull of a small boat</a>, and asks for damages.';
    const links =
      '<a href="/a">Ferries</a> <a href="/b">Buses</a> <a href="/c">Trains</a> <a href="/d">Weather</a>';
    const page = extractHtml(
      `<html><body><div class="post"><h1>Ferry fares to rise</h1>${story.map((t) => `<p>${t}</p>`).join('')}<p>${cited}</p><p>${links}</p></div></body></html>`,
    );
    expect(page.text).toContain('method of docking a ferry in high winds');
    expect(page.text).not.toContain('Ferries Buses Trains');
  });

  it("leaves out a list of teasers under the article: linked headlines over their stories' first lines", () => {
    const story = FERRY_STORY.slice(0, 2);
    const teasers = [
      [
        'Council Votes To Keep The Winter Pool Open',
        'The council voted on Monday to keep the public pool open.',
      ],
      ['Ten Walks Along The Old Harbour Wall', 'The wall is older than the town, and the walks show why.'],
    ];
    const page = extractHtml(
      `<html><body><div class="post"><h1>Ferry fares to rise</h1>${story.map((t) => `<p>${t}</p>`).join('')}<h4>Recently Cataloged</h4>${teasers.map(([h, t]) => `<h3><a href="/a">${h}</a></h3><p>${t}</p><p class="more"><a href="/a">Read more »</a></p>`).join('')}</div></body></html>`,
    );
    for (const t of story) expect(page.text).toContain(t);
    for (const [h, t] of teasers) {
      expect(page.text).not.toContain(h);
      expect(page.text).not.toContain(t);
    }
    expect(page.text).not.toContain('Recently Cataloged');
    // One linked heading is a heading.
    const one = extractHtml(
      `<html><body><div class="post"><h1>Ferry fares to rise</h1>${story.map((t) => `<p>${t}</p>`).join('')}<h3><a href="/b">What The New Fares Mean For Commuters</a></h3><p>${story[0]}</p></div></body></html>`,
    );
    expect(one.text).toContain('What The New Fares Mean For Commuters');
  });

  it('leaves out the tail of a script that writes a script inside an HTML comment, as browsers do', () => {
    const ad = `<script><!--\nif (!window.noAds) {\ndocument.write('<script src="https://ads.example/show.js"> </script>');\n}\n//--></script>`;
    const page = extractHtml(
      `<html><body><div class="story"><p>The council met on Tuesday and voted to close the pool for repairs.</p>${ad}<p>The pool opened in 1968 and has not been renovated since, the council said.</p>${ad}</div></body></html>`,
    );
    expect(page.text).toContain('opened in 1968');
    expect(page.text).not.toMatch(/-->|'\);|window/);
  });
});

describe('extractHtml on hard pages', () => {
  // Each paragraph numbered apart: a page's paragraph printed twice is furniture the second time.
  let paragraphs = 0;
  const story = (n: number) =>
    Array.from(
      { length: n },
      () =>
        `<p>Paragraph ${++paragraphs} of the story says that the council met again on Tuesday, and that it voted, after a long debate, to keep the pool open.</p>`,
    ).join('');

  it('reads the encoding from http-equiv', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Caf\u00e9 reopens - Town News</title></head><body><article>${story(3)}<p>The caf\u00e9 will open at nine.</p></article></body></html>`;
    const { text } = decodeBytes(Buffer.from(html, 'latin1'));
    const page = extractHtml(text);
    expect(page.text).toContain('The café will open at nine.');
    expect(page.title).toBe('Café reopens');
  });

  it('finds the article in a page of 10 MB without running away', () => {
    const menu = `<nav><ul>${'<li><a href="/x">Section link</a></li>'.repeat(200)}</ul></nav>`;
    const filler = `<div class="sidebar">${menu}</div>`.repeat(Math.ceil(10_000_000 / (menu.length + 30)));
    const html = `<html><body>${filler}<div class="story">${story(6)}</div>${filler.slice(0, 100_000)}</body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const page = extractHtml(html);
    expect(page.text).toContain('Paragraph 6 of the story');
    expect(page.text).not.toContain('Section link');
  });

  it('splits a roundup into sections at its headings', () => {
    const brief = (h: string) => `<h2>${h}</h2>${story(2)}`;
    const page = extractHtml(
      `<html><body><main><h1>News in brief</h1>${brief('Pool stays open')}${brief('Bridge tests continue')}${brief('Weekend weather')}</main></body></html>`,
    );
    expect(page.title).toBe('News in brief');
    expect(page.sections.map((s) => s.title)).toEqual([
      undefined,
      'Bridge tests continue',
      'Weekend weather',
    ]);
  });

  it('splits a live blog into its timestamped entries', () => {
    const entry = (time: string, title: string) =>
      `<article class="post"><time>${time}</time><h2>${title}</h2>${story(2)}</article>`;
    const page = extractHtml(
      `<html><body><main><h1>Live: storm hits the coast</h1><div class="live-blog">${entry('10:32', 'Ferries cancelled')}${entry('10:10', 'Schools close early')}${entry('09:45', 'Red warning issued')}</div></main></body></html>`,
    );
    expect(page.sections.map((s) => s.title)).toEqual([
      'Ferries cancelled',
      'Schools close early',
      'Red warning issued',
    ]);
    expect(page.text.slice(page.sections[1].start).startsWith('10:10')).toBe(true);
  });

  it('keeps loose text written straight into a container, split at double line breaks', () => {
    const page = extractHtml(
      `<html><body><div id="menu"><a href="/">Home</a> <a href="/a">About</a></div><td class="main">The mayor said on Monday that the old bridge would close for repairs, which will take a year.<br><br>Traffic will be diverted over the river crossing, and buses will run every ten minutes.<br><br>The bridge opened in 1932, and it has not been renovated since the war.</td></body></html>`,
    );
    expect(page.text.split('\n\n')).toHaveLength(3);
    expect(page.text).not.toContain('About');
  });
});

describe('article structure', () => {
  it('keeps paragraphs, subheadings, list items and block quotes in order', () => {
    const page = extractHtml(
      `<html><body><article><h1>Pool reopens</h1><p>The public pool reopened on Saturday after a year of repairs, the council said.</p><h2>What changed</h2><ul><li>A new roof over the main basin and the diving pool.</li><li>Changing rooms for families and for school classes.</li></ul><blockquote>It is the pool we always wanted, said the mayor, standing by the water.</blockquote><p>Entry stays free for children under twelve until the end of the summer.</p></article></body></html>`,
    );
    const order = [
      'reopened on Saturday',
      'What changed',
      'A new roof',
      'Changing rooms',
      'the pool we always wanted',
      'Entry stays free',
    ];
    const at = order.map((x) => page.text.indexOf(x));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('takes the post around a press release it quotes in full, not the release alone', () => {
    const release = Array.from(
      { length: 4 },
      (_, k) =>
        `<p>Release paragraph ${k + 1}: the synthesizer has four voices, analog filters, a sequencer with sixty-four steps, and it ships in December, the maker said.</p>`,
    ).join('');
    const page = extractHtml(
      `<html><body><div class="post_body"><p>A maker of synthesizers announced a new four-voice analog model on Tuesday, and it comes with a teaser video, as usual.</p><p>We have some early information to go with it: the sequencer, the filters, and a date for the shops.</p><p>If the sound is as good as the video, it will sell, though at that price, and in this market, we have our doubts.</p><div id="pr_box"><div id="pr_text">${release}</div></div></div><div class="sidebar"><p>Other news: a camera maker, a phone and a watch.</p></div></body></html>`,
    );
    expect(page.text).toContain('announced a new four-voice analog model');
    expect(page.text).toContain('Release paragraph 4');
    expect(page.text).not.toContain('Other news');
  });

  it("leaves a comment form's spam check out, however long its line", () => {
    const page = extractHtml(
      `<html><body><article><p>The council voted on Monday to keep the public pool open through the winter, after a long debate.</p><p>Entry stays free for children under twelve, and the opening hours will not change.</p></article><div class="form"><p>The letters and numbers you entered did not match the image. Please try again.</p><p>As a final step before posting your comment, enter the letters and numbers you see in the image below. This prevents automated programs from posting comments.</p></div></body></html>`,
    );
    expect(page.text).toContain('keep the public pool open');
    expect(page.text).not.toContain('letters and numbers');
  });

  it('reads indented line breaks inside a paragraph as one break, not a paragraph break', () => {
    const page = extractHtml(
      `<html><body><article><p>The council voted on Monday to keep the public pool open through the winter.<br>\n\t <br>\n Entry stays free for children under twelve, the mayor said after the vote.</p><p>The opening hours will not change, and the cafe will stay open too, the council said.</p></article></body></html>`,
    );
    expect(page.text.split('\n\n')).toHaveLength(2);
    expect(page.text).toContain('winter.\nEntry stays free');
  });

  it('keeps one printing of an article the page lays out twice, and short lines that repeat on purpose', () => {
    const story = [
      'Home prices in the second quarter rose from a year earlier for the first time since 2007, an index showed.',
      'The report, due on Tuesday, found that home values were up 0.2% from the same quarter of last year.',
    ];
    const printing = `<div class="print">${story.map((s) => `<p>${s}</p>`).join('')}</div>`;
    const table =
      '<table><tr><td>Phoenix</td><td>Yearly change</td></tr><tr><td>Denver</td><td>Yearly change</td></tr><tr><td>Austin</td><td>Yearly change</td></tr></table>';
    const page = extractHtml(
      `<html><body><article>${printing}${table}<p>Prices fell in most cities over the winter, the index's authors said in a statement.</p>${printing}</article></body></html>`,
    );
    for (const s of story) expect(page.text.split(s)).toHaveLength(2);
    expect(page.furniture).toContain(story[0]);
    expect(page.text.split('Yearly change')).toHaveLength(4);
  });
});

describe('page metadata', () => {
  it("dates a page whose metadata gives no date by the date line above its article, not by its comments'", () => {
    const prose = (k: number) =>
      `<p>Paragraph ${k}: the harbour ferry ran aground off Point Alder on Sunday evening, and its 140 passengers were taken ashore by lifeboat, the coastguard said.</p>`;
    const html = (stamp: string) =>
      `<html><body><div class="post"><h1>Ferry runs aground</h1>${stamp}${prose(1)}${prose(2)}${prose(3)}</div><div class="comments"><p>Posted: Dec 1, 2005 9:00 AM</p><p>Glad nobody was hurt.</p></div></body></html>`;
    expect(extractHtml(html('<p>Posted: Nov 27, 2005 8:20 AM ET</p>')).published).toBe(
      '2005-11-27T00:00:00.000Z',
    );
    expect(extractHtml(html('')).published).toBeUndefined();
  });

  it('reads JSON-LD dates, description, and a UTF-8 page with a byte order mark', () => {
    const html = `\ufeff<html><head><meta name="description" content="The pool reopens."><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Pool reopens","datePublished":"2026-03-04T08:00:00+01:00","dateModified":"2026-03-05T09:30:00Z","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Rees"}]}]}</script></head><body><article><p>The public pool in Saltby reopened on Saturday after a year of repairs, the council said — a café opens next week.</p></article></body></html>`;
    const { text } = decodeBytes(Buffer.from(html, 'utf8'));
    const page = extractHtml(text);
    expect(page).toMatchObject({
      title: 'Pool reopens',
      published: '2026-03-04T07:00:00.000Z',
      modified: '2026-03-05T09:30:00.000Z',
      authors: ['Ana Ruiz', 'Tom Rees'],
      description: 'The pool reopens.',
    });
    expect(page.text).toContain('a café opens next week');
  });

  const body =
    '<article><p>The council met on Tuesday and voted, after a long debate, to keep the pool open all year.</p></article>';
  it('reads dates from meta tags, <time> and, failing those, the URL', () => {
    expect(
      extractHtml(
        `<html><head><meta name="pubdate" content="2026-03-04T08:00:00Z"></head><body>${body}</body></html>`,
      ).published,
    ).toBe('2026-03-04T08:00:00.000Z');
    expect(
      extractHtml(`<html><body><time datetime="2026-03-05">5 March</time>${body}</body></html>`).published,
    ).toMatch(/^2026-03-05/);
    expect(
      extractHtml(
        `<html><head><link rel="canonical" href="https://news.example/2026/03/06/pool"></head><body>${body}</body></html>`,
      ).published,
    ).toMatch(/^2026-03-06/);
  });

  it('takes the site name off the title and reads authors, language and canonical URL', () => {
    const page = extractHtml(
      `<html lang="en-GB"><head><title>Pool stays open | Town News</title><meta property="og:site_name" content="Town News"><meta name="author" content="Ana Ruiz"><link rel="canonical" href="https://news.example/pool"></head><body>${body}</body></html>`,
    );
    expect(page).toMatchObject({
      title: 'Pool stays open',
      site: 'Town News',
      authors: ['Ana Ruiz'],
      lang: 'en',
      url: 'https://news.example/pool',
    });
    // A saved page without a site's name or an address: the name beside the headline in <title>.
    const saved = (title: string) =>
      extractHtml(
        `<html><head><title>${title}</title></head><body><h1>Pool stays open</h1>${body}</body></html>`,
      );
    expect(saved('Pool stays open - Town News')).toMatchObject({
      title: 'Pool stays open',
      site: 'Town News',
    });
    expect(saved('Town News | Pool stays open').site).toBe('Town News');
    expect(saved('Pool stays open for the summer after all').site).toBeUndefined();
    // ...or, failing that, the host of the blog's own feed (not a feed service's).
    const withLink = (link: string) =>
      extractHtml(`<html><head><title>Pool stays open</title>${link}</head><body>${body}</body></html>`).site;
    expect(
      withLink('<link rel="alternate" type="application/rss+xml" href="https://www.townnews.example/feed/">'),
    ).toBe('townnews.example');
    expect(withLink('<link rel="pingback" href="https://townnews.example/xmlrpc.php">')).toBe(
      'townnews.example',
    );
    expect(
      withLink(
        '<link rel="alternate" type="application/rss+xml" href="https://feeds.feedburner.com/TownNews">',
      ),
    ).toBeUndefined();
    expect(withLink('<link rel="alternate" type="application/rss+xml" href="/feed/">')).toBeUndefined();
    expect(withLink('<link rel="stylesheet" href="https://cdn.example/style.css">')).toBeUndefined();
  });

  describe('the title, where a site template fills the article’s fields with its own name', () => {
    const prose =
      '<p>The harbour authority will run the winter timetable from 1 November, with ferries every forty minutes instead of every half hour.</p>' +
      '<p>Commuters who cross to the islands each morning said the longer wait would cost them a connection in town.</p>';
    const page = (head: string, article: string) =>
      extractHtml(`<html><head>${head}</head><body><article>${article}</article></body></html>`);

    it('passes over a blog’s name in og:title or <h1> for the post named in <title>', () => {
      expect(
        page(
          '<title>Ferry timetable changes for winter | Harbour Notes</title><meta property="og:title" content="Harbour Notes Blog"><meta property="og:site_name" content="Harbour Notes">',
          `<h2>Ferry timetable changes for winter</h2>${prose}`,
        ).title,
      ).toBe('Ferry timetable changes for winter');
      expect(
        page(
          '<title>Harbour Notes: Ferry timetable changes for winter</title>',
          `<h1>Harbour Notes</h1>${prose}`,
        ).title,
      ).toBe('Ferry timetable changes for winter');
      expect(
        page('<title>Ferry timetable changes for winter</title>', `<h1>News &amp; Events</h1>${prose}`).title,
      ).toBe('Ferry timetable changes for winter');
    });

    it('reads a blog’s banner <h1> outside the article as the blog’s name', () => {
      expect(
        extractHtml(
          `<html><head><title>Harbour Notes: Why the ferries slow down in winter</title></head><body><header><h1>Harbour Notes</h1></header><article>${prose}</article></body></html>`,
        ).title,
      ).toBe('Why the ferries slow down in winter');
    });

    it('keeps a headline that the article’s text holds whole, whatever <title> adds after it', () => {
      // The site's names after the headline are longer than it, and the text uses their words.
      const tail = '<p>Harbour winter ferries blog: ideas for island commuters and timetable fans.</p>';
      expect(
        page(
          '<title>Slower ferries | Harbour Winter Ferries Ideas | Island Commuter Blog</title><meta property="og:title" content="Slower ferries">',
          `<h1>Slower ferries</h1>${prose}${tail}`,
        ).title,
      ).toBe('Slower ferries');
      expect(
        page(
          '<title>Slower ferries – Harbour Winter Ferries Ideas Blog</title>',
          `<h1>Slower ferries</h1>${prose}${tail}`,
        ).title,
      ).toBe('Slower ferries');
    });

    it('leaves out what an <h1> holds beside the title, as <title> does', () => {
      expect(
        page(
          '<title>Ferry timetable changes for winter</title>',
          `<h1>Ferry timetable changes for winter <span><a href="#comments">274 Comments</a></span></h1>${prose}`,
        ).title,
      ).toBe('Ferry timetable changes for winter');
      // Unless <title> is the one cut short.
      expect(
        page(
          '<title>Ferry timetable changes for...</title>',
          `<h1>Ferry timetable changes for winter</h1>${prose}`,
        ).title,
      ).toBe('Ferry timetable changes for winter');
    });

    it('keeps the article’s own title beside a short site or section name, however often the text names it', () => {
      expect(
        page(
          '<title>Winter ferries | Harbour Authority</title><meta property="og:title" content="Winter ferries">',
          `${prose}<p>The Harbour Authority said the harbour authority timetable is final.</p>`,
        ).title,
      ).toBe('Winter ferries');
    });
  });
});

describe('siteOfHtml', () => {
  it("names a saved page's site from its head: its address's host, else its site name", () => {
    expect(
      siteOfHtml(
        `<html><head><meta content="NFL.com" property='og:site_name'><link href="https://www.nfl.com/news/a-story" rel="canonical"></head>`,
      ),
    ).toBe('nfl.com');
    expect(siteOfHtml('<head><meta property="og:site_name" content="The Eastmere Courier" /></head>')).toBe(
      'The Eastmere Courier',
    );
    expect(siteOfHtml('<head><title>A page</title></head><body><p>Nothing</p></body>')).toBeUndefined();
    expect(
      siteOfHtml(
        `<head><link rel='alternate' type='application/atom+xml' href='https://blog.eastmere.example/atom.xml'></head>`,
      ),
    ).toBe('eastmere.example');
    expect(
      siteOfHtml(
        `<head><link rel="alternate" type="application/rss+xml" href="https://eastmere.example/feed"><meta property="og:site_name" content="The Eastmere Courier"></head>`,
      ),
    ).toBe('The Eastmere Courier');
  });

  it('names a page with nothing in its head by its base address, else by where its links mostly lead', () => {
    expect(
      siteOfHtml('<head><base href="http://www.eastmere.example/news/a-story"></head><body></body>'),
    ).toBe('eastmere.example');
    // A relative base names nothing.
    expect(siteOfHtml('<head><base href="/news/"></head><body><p>Text</p></body>')).toBeUndefined();
    const page = (links: string[]) =>
      `<html><head><title>Notice</title></head><body>${links.map((l) => `<a class="nav" href="${l}">x</a>`).join('')}</body></html>`;
    const own = [
      'https://www.harbour.example/',
      'https://www.harbour.example/news',
      'https://harbour.example/about',
    ];
    expect(siteOfHtml(page([...own, 'https://other.example/a']))).toBe('harbour.example');
    // Share buttons are on every site's pages: they are never the page's own.
    const share = [
      'https://twitter.com/share?u=1',
      'https://www.facebook.com/sharer.php',
      'https://twitter.com/x',
    ];
    expect(siteOfHtml(page([...share, ...share, 'https://harbour.example/a']))).toBeUndefined();
    // No clear lead (three links against two), or too few links: no site.
    expect(siteOfHtml(page([...own, 'https://other.example/a', 'https://other.example/b']))).toBeUndefined();
    expect(siteOfHtml(page(own.slice(0, 2)))).toBeUndefined();
  });

  it('takes the registrable domain for the site: sections on subdomains are one site, blogs on a blog host are not', () => {
    const canonical = (href: string) => siteOfHtml(`<head><link rel="canonical" href="${href}"></head>`);
    expect(canonical('https://news.eastmere.example/a')).toBe('eastmere.example');
    expect(canonical('https://reviews.eastmere.example/b')).toBe('eastmere.example');
    expect(canonical('https://www.courier.co.uk/news/c')).toBe('courier.co.uk');
    expect(canonical('https://kims-garden.blogspot.com/2012/11/d.html')).toBe('kims-garden.blogspot.com');
    expect(canonical('https://harbour-notes.blogspot.com/e.html')).toBe('harbour-notes.blogspot.com');
    expect(canonical('http://192.168.1.4/f')).toBe('192.168.1.4');
    expect(siteOfUrl('http://localhost:8080/g')).toBe('localhost');
  });
});
