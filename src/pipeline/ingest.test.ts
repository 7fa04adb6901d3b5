/**
 * The corpus as a user builds it: `newstrace ingest` on folders and JSONL, bad inputs skipped
 * with reasons, re-runs that add nothing twice, and a run killed with SIGKILL that a re-run
 * completes without losing or duplicating anything.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Article } from '../article/types.js';

const repo = join(import.meta.dirname, '..', '..');
const cli = join(repo, 'dist', 'cli', 'main.js');
const sample = join(repo, 'sample');
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const count = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
};

/** A distinct invented article: k decides the town, the figures and the wording. */
function article(k: number): { id: string; site: string; published: string; title: string; text: string } {
  const towns = ['Eastmere', 'Brackenfield', 'Orvel', 'Port Alder', 'Lindholm', 'Saltby', 'Kestrow'];
  const town = `${towns[k % towns.length]} ${Math.floor(k / towns.length) + 1}`;
  return {
    id: `gen-${k}`,
    site: `site${k % 5}.example`,
    published: new Date(Date.UTC(2026, 0, 1) + k * 3_600_000).toISOString(),
    title: `${town} council votes on budget item ${k}`,
    text: `The council of ${town} voted ${k % 20} to ${(k * 7) % 13} on Tuesday to spend ${k * 1000 + 17} dollars on item ${k}. Councillor ${towns[(k + 3) % towns.length]}son said the vote number ${k} had been delayed twice. The work on item ${k} will start in month ${(k % 12) + 1} and last ${(k % 9) + 2} weeks.`,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newstrace-ingest-'));
  const pages = join(dir, 'pages');
  mkdirSync(join(pages, 'sub'), { recursive: true });
  writeFileSync(
    join(pages, 'a.txt'),
    'Bridge closes\nThe old bridge in Eastmere closed on Monday for repairs that will take a year, the city said.\n',
  );
  writeFileSync(
    join(pages, 'sub', 'b.html.gz'),
    gzipSync(
      '<html><body><article><p>The old bridge in Eastmere closed on Monday for repairs that will take a year, the city said.</p></article></body></html>',
    ),
  );
  writeFileSync(join(pages, 'sub', 'empty.txt'), '');
  writeFileSync(
    join(pages, 'image.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  );
  writeFileSync(join(pages, 'broken.txt.gz'), gzipSync('Some text that is cut short').subarray(0, 12));
  writeFileSync(
    join(dir, 'feed.jsonl'),
    [
      // A byte-order mark before the first record, as some editors write one.
      `\uFEFF${JSON.stringify(article(1))}`,
      '{"id": "bad", "text": ',
      JSON.stringify({ id: 'no-text', title: 'Nothing' }),
      JSON.stringify(article(2)),
      JSON.stringify({ id: 'numeric-text', text: 42 }),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'big.jsonl'),
    `${Array.from({ length: 400 }, (_, k) => JSON.stringify(article(k + 10))).join('\n')}\n`,
  );
});

describe('newstrace ingest', () => {
  it('ingests folders and JSONL, and says why each bad input was skipped', () => {
    const db = join(dir, 'mixed.db');
    const r = run(['ingest', join(dir, 'pages'), join(dir, 'feed.jsonl'), '--db', db]);
    expect(r.code).toBe(0);
    // The text page and the gzipped HTML page carry the same article: it is stored once.
    expect(r.out).toMatch(/3 ingested, 1 already present/);
    expect(r.out).toMatch(/empty\.txt: .*empty/);
    expect(r.out).toMatch(/image\.png: .*binary/);
    expect(r.out).toMatch(/broken\.txt\.gz: /);
    expect(r.out).toMatch(/feed\.jsonl:2: not valid JSON \(/);
    expect(r.out).toMatch(/feed\.jsonl:5: its "text" is not a string/);
    expect(r.out).toMatch(/feed\.jsonl:3: has neither "text" nor "html"/);
    expect(count(db, 'SELECT COUNT(*) FROM articles')).toBe(3);
    expect(count(db, "SELECT COUNT(*) FROM inputs WHERE status = 'skipped'")).toBe(6);
    // The account kept: each input with its article or why it was skipped.
    const skipped = run(['inputs', '--status', 'skipped', '--db', db]).out.trim().split('\n');
    expect(skipped).toHaveLength(7);
    expect(skipped.find((l) => l.includes('feed.jsonl:2'))).toMatch(
      /^skipped +\S+feed\.jsonl:2: not valid JSON \(/,
    );
    expect(skipped[6]).toBe('newstrace: 10 inputs: 3 ingested, 1 already present, 6 skipped');
    const all = run(['inputs', '--jsonl', '--db', db])
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(all).toHaveLength(10);
    expect(all.filter((x) => x.status === 'skipped').every((x) => x.reason && !x.article)).toBe(true);
    expect(all.filter((x) => x.status !== 'skipped').every((x) => x.article && !x.reason)).toBe(true);
    expect(run(['inputs', '--status', 'lost', '--db', db]).code).toBe(2);

    const again = run(['ingest', join(dir, 'pages'), join(dir, 'feed.jsonl'), '--db', db]);
    expect(again.out).toMatch(/0 ingested, 4 already present/);
    expect(count(db, 'SELECT COUNT(*) FROM articles')).toBe(3);
  });

  it('reads a folder reached again through a link once, and names a loop of links', () => {
    const linked = join(dir, 'linked');
    mkdirSync(join(linked, 'inner'), { recursive: true });
    const page = article(500);
    writeFileSync(join(linked, 'inner', 'page.txt'), `${page.title}\n${page.text}\n`);
    symlinkSync('..', join(linked, 'inner', 'up'));
    symlinkSync('self', join(linked, 'self'));
    const r = run(['ingest', linked, '--db', join(dir, 'linked.db')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 ingested, 0 already present, 2 skipped/);
    expect(r.out).toMatch(/inner\/up: a folder already read in this run/);
    expect(r.out).toMatch(/self: .*a loop of symbolic links/);
  });

  it('expands glob patterns it is given quoted, and says when one matches nothing', () => {
    const db = join(dir, 'glob.db');
    const r = run(['ingest', join(dir, 'pages', '**', '*.txt'), join(dir, 'nothing', '*.html'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 ingested, 0 already present, 2 skipped/);
    expect(r.out).toMatch(/empty\.txt: .*empty/);
    expect(r.out).toMatch(/nothing\/\*\.html: no file matches this pattern/);
  });

  it('loses and duplicates nothing when killed with SIGKILL and run again', async () => {
    const db = join(dir, 'killed.db');
    const child: ChildProcess = spawn(process.execPath, [cli, 'ingest', join(dir, 'big.jsonl'), '--db', db], {
      stdio: 'ignore',
    });
    // Kill it once some, but not all, articles are in.
    let seen = 0;
    for (let waited = 0; waited < 60_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        seen = count(db, 'SELECT COUNT(*) FROM articles');
      } catch {
        seen = 0; // the database is not created yet
      }
      if (seen >= 20) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(seen).toBeGreaterThanOrEqual(20);
    const before = count(db, 'SELECT COUNT(*) FROM articles');
    expect(before).toBeLessThan(400);

    const r = run(['ingest', join(dir, 'big.jsonl'), '--db', db]);
    expect(r.code).toBe(0);
    expect(count(db, 'SELECT COUNT(*) FROM articles')).toBe(400);
    expect(count(db, 'SELECT COUNT(DISTINCT id) FROM articles')).toBe(400);
    expect(count(db, 'SELECT COUNT(*) FROM inputs')).toBe(400);
    expect(r.out).toMatch(new RegExp(`${400 - before} ingested, ${before} already present`));
    // The inputs the killed run stored are still recorded as ingested (by that run), not as present.
    expect(count(db, "SELECT COUNT(*) FROM inputs WHERE status = 'ingested'")).toBe(400);
  }, 180_000);

  it('reads web archives and feeds, and skips a cut archive, a broken feed and an unreadable file with reasons', async () => {
    const web = join(dir, 'web');
    mkdirSync(web);
    const page = (town: string) =>
      `<html><head><title>${town} pool reopens</title></head><body><article><p>The public pool in ${town} reopened on Saturday after a year of repairs that cost ${town.length} million dollars, the council said.</p><p>Swimmers queued from seven in the morning.</p></article></body></html>`;
    const response = async (url: string, body: string) =>
      WARCSerializer.serialize(
        WARCRecord.create(
          {
            url,
            type: 'response',
            warcVersion: 'WARC/1.1',
            statusline: 'HTTP/1.1 200 OK',
            httpHeaders: { 'Content-Type': 'text/html' },
          },
          [new TextEncoder().encode(body)],
        ),
        { gzip: true },
      );
    const records = [
      await response('https://a.example/1', page('Saltby')),
      await response('https://a.example/2', page('Kestrow')),
    ];
    const archive = Buffer.concat(records);
    writeFileSync(join(web, 'crawl.warc.gz'), archive);
    writeFileSync(join(web, 'cut.warc.gz'), archive.subarray(0, records[0].length + 30));
    writeFileSync(
      join(web, 'feed.rss'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Lindholm Post</title><item><title>Lindholm pool reopens</title><link>https://post.example/pool</link><guid>post-pool</guid><pubDate>Sat, 07 Mar 2026 09:00:00 GMT</pubDate><description>&lt;p&gt;The public pool in Lindholm reopened on Saturday after a year of repairs, the council said.&lt;/p&gt;</description></item></channel></rss>`,
    );
    writeFileSync(
      join(web, 'broken.rss'),
      '<?xml version="1.0"?><rss><channel><item><title>Broken</item></channel></rss>',
    );
    symlinkSync(join(web, 'nowhere.txt'), join(web, 'dangling.txt'));
    const db = join(dir, 'web.db');
    const r = run(['ingest', web, '--db', db]);
    expect(r.code).toBe(0);
    // The cut archive's first page is the full archive's first page: stored once.
    expect(r.out).toMatch(/3 ingested, 1 already present/);
    expect(r.out).toMatch(/cut\.warc\.gz: the archive is cut short or corrupt/);
    expect(r.out).toMatch(/broken\.rss: the feed is not well-formed XML/);
    expect(r.out).toMatch(/dangling\.txt: .*no such file/);
    const d = new Database(db, { readonly: true });
    const item = d.prepare("SELECT site, url, published FROM articles WHERE id = 'post-pool'").get();
    d.close();
    expect(item).toEqual({
      site: 'Lindholm Post',
      url: 'https://post.example/pool',
      published: '2026-03-07T09:00:00.000Z',
    });
  });

  it("learns a site's furniture from the lines its pages repeat", () => {
    const db = join(dir, 'site.db');
    const page = (k: number) =>
      JSON.stringify({
        id: `p${k}`,
        site: 'gazette.example',
        text: `Northside Gazette, your paper since 1921\n${article(k + 100).title}\n${article(k + 100).text}\nGet the Gazette at the corner shop every Friday`,
      });
    writeFileSync(join(dir, 'site.jsonl'), `${Array.from({ length: 6 }, (_, k) => page(k)).join('\n')}\n`);
    run(['ingest', join(dir, 'site.jsonl'), '--db', db]);
    const doc = (id: string) => {
      const d = new Database(db, { readonly: true });
      try {
        return JSON.parse(
          inflateRawSync(
            d.prepare('SELECT doc FROM articles WHERE id = ?').pluck().get(id) as Buffer,
          ).toString(),
        );
      } finally {
        d.close();
      }
    };
    const first = doc('p0');
    expect(first.text).toContain('Get the Gazette at the corner shop');
    const last = doc('p5');
    expect(last.title).toBe(article(105).title);
    expect(last.text).not.toContain('Get the Gazette');
    expect(last.furniture).toEqual(
      expect.arrayContaining([
        'Northside Gazette, your paper since 1921',
        'Get the Gazette at the corner shop every Friday',
      ]),
    );
  });

  it("learns an HTML site's furniture from the paragraphs its pages repeat", () => {
    const db = join(dir, 'site-html.db');
    const page = (k: number) => {
      const a = article(k + 200);
      const paragraphs = a.text
        .split(/(?<=\.) /)
        .map((p) => `<p>${p}</p>`)
        .join('');
      return JSON.stringify({
        id: `h${k}`,
        url: `https://courier.example/news/${k}`,
        html: `<html><head><title>${a.title}</title></head><body><article><h1>${a.title}</h1>${paragraphs}<p>The Courier is owned by the Alder Valley Media Group.</p></article></body></html>`,
      });
    };
    writeFileSync(
      join(dir, 'site-html.jsonl'),
      `${Array.from({ length: 6 }, (_, k) => page(k)).join('\n')}\n`,
    );
    run(['ingest', join(dir, 'site-html.jsonl'), '--db', db]);
    const d = new Database(db, { readonly: true });
    const doc = (id: string) =>
      JSON.parse(
        inflateRawSync(
          d.prepare('SELECT doc FROM articles WHERE id = ?').pluck().get(id) as Buffer,
        ).toString(),
      );
    try {
      expect(doc('h0').text).toContain('The Courier is owned by the Alder Valley Media Group.');
      const last = doc('h5');
      expect(last.title).toBe(article(205).title);
      expect(last.text).not.toContain('Alder Valley Media Group');
      expect(last.text).toContain(article(205).text.split(' ').slice(0, 6).join(' '));
      expect(last.furniture).toContain('The Courier is owned by the Alder Valley Media Group.');
    } finally {
      d.close();
    }
  });

  it("learns a title an HTML site's template repeats, and passes it over for the page's own", () => {
    const db = join(dir, 'site-title.db');
    const page = (k: number) =>
      JSON.stringify({
        id: `t${k}`,
        url: `https://courier.example/weekend/${k}`,
        html: `<html><head><title>Weekend edition ${k} | The Courier</title><meta property="og:title" content="The Courier Blog"></head><body><article><p>${article(k + 300).text}</p></article></body></html>`,
      });
    writeFileSync(
      join(dir, 'site-title.jsonl'),
      `${Array.from({ length: 5 }, (_, k) => page(k)).join('\n')}\n`,
    );
    run(['ingest', join(dir, 'site-title.jsonl'), '--db', db]);
    const d = new Database(db, { readonly: true });
    const title = (id: string) => d.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id);
    try {
      // Nothing on the first page tells the template's title from the page's.
      expect(title('t0')).toBe('The Courier Blog');
      expect(title('t4')).toBe('Weekend edition 4');
    } finally {
      d.close();
    }
    // Saved pages (files, no address given): the site is read from each page's head.
    const saved = join(dir, 'saved-courier');
    mkdirSync(saved);
    for (let k = 0; k < 5; k++)
      writeFileSync(
        join(saved, `${k}.html`),
        `<html><head><link rel="canonical" href="https://www.courier.example/weekend/${k}"><title>Weekend edition ${k} | The Courier</title><meta property="og:title" content="The Courier Blog"></head><body><article><p>${article(k + 320).text}</p></article></body></html>`,
      );
    const savedDb = join(dir, 'saved-title.db');
    run(['ingest', saved, '--db', savedDb]);
    const s = new Database(savedDb, { readonly: true });
    try {
      const bySource = (file: string) =>
        s.prepare('SELECT title, site FROM articles WHERE source = ?').get(join(saved, file));
      expect(bySource('4.html')).toEqual({ title: 'Weekend edition 4', site: 'courier.example' });
    } finally {
      s.close();
    }
  });

  it('adds nothing on a re-run where what a site taught the first run would extract its first pages otherwise', () => {
    // The first pages of a site keep the line its pages repeat (nothing told it yet); extracted
    // again, with the site learnt, their text and so their content ids would change.
    const saved = join(dir, 'saved-owned');
    mkdirSync(saved);
    for (let k = 0; k < 5; k++)
      writeFileSync(
        join(saved, `${k}.html`),
        `<html><head><link rel="canonical" href="https://www.courier.example/news/${k}"><title>${article(k + 360).title}</title></head><body><article>${article(
          k + 360,
        )
          .text.split(/(?<=\.) /)
          .map((p) => `<p>${p}</p>`)
          .join('')}<p>The Courier is owned by the Alder Valley Media Group.</p></article></body></html>`,
      );
    const db = join(dir, 'saved-owned.db');
    expect(run(['ingest', saved, '--db', db]).out).toMatch(/5 ingested, 0 already present/);
    expect(run(['ingest', saved, '--db', db]).out).toMatch(/0 ingested, 5 already present/);
    expect(count(db, 'SELECT count(*) FROM articles')).toBe(5);
  });

  it("dates a record without a date by its page's date line, unless that date is impossible", () => {
    const db = join(dir, 'dated.db');
    const record = (id: string, stamp: string, k: number) =>
      JSON.stringify({ id, text: `${stamp}\nHarbour news ${k}\n${article(k + 340).text}` });
    writeFileSync(
      join(dir, 'dated.jsonl'),
      `${[record('past', 'Posted: March 3, 2021 9:15 AM', 1), record('future', 'Posted: March 3, 2091', 2)].join('\n')}\n`,
    );
    run(['ingest', join(dir, 'dated.jsonl'), '--db', db]);
    const d = new Database(db, { readonly: true });
    const row = (id: string) => d.prepare('SELECT title, published FROM articles WHERE id = ?').get(id);
    try {
      expect(row('past')).toEqual({ title: 'Harbour news 1', published: '2021-03-03T00:00:00.000Z' });
      expect(row('future')).toEqual({ title: 'Harbour news 2', published: null });
    } finally {
      d.close();
    }
  });

  it('groups the bundled sample into stories with the wire story as origin', () => {
    const db = join(dir, 'sample.db');
    run(['ingest', sample, '--db', db]);
    const r = run(['stories', '--json', '--db', db]);
    const stories = JSON.parse(r.out) as Array<{
      title: string;
      articles: Array<{ role: string; source: string }>;
    }>;
    const bridge = stories.find((s) => s.articles.some((a) => a.source.endsWith('wire-harbour-bridge.txt')));
    expect(bridge?.articles.length).toBeGreaterThanOrEqual(5);
    const frost = stories.find((s) => s.articles.some((a) => a.source.endsWith('frost-vineyards.txt')));
    expect(frost?.articles.length).toBe(3);
    const alone = stories.filter((s) => s.articles.length === 1).map((s) => s.title);
    expect(alone).toEqual(expect.arrayContaining(['Sixteen-year-old wins Port Alder open chess tournament']));
  });
});

describe('plausibleDate', () => {
  it('keeps real dates and drops impossible ones', async () => {
    const { plausibleDate } = await import('./ingest.js');
    const now = Date.UTC(2026, 10, 22);
    expect(plausibleDate('Wed, 04 Mar 2026 08:00:00 GMT', now)).toBe('2026-03-04T08:00:00.000Z');
    expect(plausibleDate('1970-01-01T00:00:00Z', now)).toBeUndefined();
    expect(plausibleDate('2031-01-01', now)).toBeUndefined();
    expect(plausibleDate('not a date', now)).toBeUndefined();
  });
});

describe('candidates', () => {
  it('finds a passage lifted into a long article on another subject, which the sketch alone misses', async () => {
    const { articleFromText } = await import('../article/build.js');
    const { defaultContext } = await import('../compare/context.js');
    const { ingestItems } = await import('./ingest.js');
    const { openSqliteStore } = await import('../store/sqlite.js');
    const { fingerprintArticle } = await import('../candidates/fingerprints.js');
    const { chooseBanding } = await import('../candidates/lsh.js');
    const { prepareArticle } = await import('../compare/compare.js');
    const wire = [
      'Ferry crews on the Kestrow line walked out at dawn on Thursday over a dispute about night shifts.',
      'The operator said 14 crossings were cancelled and about 3,200 passengers had been told to travel by road.',
      'Union organiser Dalia Brenner said the crews would stay out until the night rota was withdrawn in writing.',
      'Talks are due to resume on Monday at the harbour office in Saltby.',
    ];
    const items = ['roads', 'schools', 'parks', 'libraries', 'lighting', 'housing', 'clinics', 'drains'];
    const places = ['Orvel', 'Brackenfield', 'Lindholm', 'Port Alder', 'Eastmere'];
    const budget = Array.from(
      { length: 30 },
      (_, k) =>
        `The ${items[k % items.length]} budget of ${places[k % places.length]} district ${k + 1} will rise by ${(k * 7) % 19} percent next year under plan ${k}.`,
    );
    budget.splice(15, 0, wire[0], wire[1]); // two sentences of the wire story, word for word
    const dir = mkdtempSync(join(tmpdir(), 'newstrace-passages-'));
    const store = openSqliteStore(join(dir, 'p.db'));
    const ctx = defaultContext();
    const wireArticle = articleFromText(wire.join(' '), { id: 'wire', title: 'Ferry crews walk out' });
    const long = articleFromText(budget.join(' '), { id: 'budget', title: 'District budgets rise' });
    await ingestItems(
      [wireArticle, long].map((a) => ({ source: a.id, build: async () => a })),
      store,
      ctx,
      { workers: 0 },
    );
    const relation = store.relationsOf('budget').find((r) => r.b === 'wire' || r.a === 'wire');
    expect(relation?.type).toBe('partial-reuse');
    const fp = fingerprintArticle(prepareArticle(long, ctx), chooseBanding(0.5, 128));
    expect(store.bandCandidates(fp.bandKeys, 20)).not.toContain('wire');
    expect(store.passageCandidates(fp.passageKeys, 2, 20, 20)).toContain('wire');
    store.close();
  });

  /** A wire story's sentences, for the reprint tests below. */
  const FERRY = [
    'Ferry crews on the Kestrow line walked out at dawn on Thursday over a dispute about night shifts.',
    'The operator said 14 crossings were cancelled and about 3,200 passengers had been told to travel by road.',
    'Union organiser Dalia Brenner said the crews would stay out until the night rota was withdrawn in writing.',
    'Talks are due to resume on Monday at the harbour office in Saltby, the operator said.',
    'Passengers with tickets for Thursday can claim a refund at any ferry office until the end of the month.',
  ];
  /** A new store with `articles` ingested on this thread, in order; and what `similar` finds for `asked` in it. */
  async function corpusOf(articles: Article[]) {
    const { defaultContext } = await import('../compare/context.js');
    const { ingestItems, similarInStore } = await import('./ingest.js');
    const { PreparedCache } = await import('./prepared-cache.js');
    const { openSqliteStore } = await import('../store/sqlite.js');
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newstrace-reprints-')), 'r.db'));
    const ctx = defaultContext();
    await ingestItems(
      articles.map((a) => ({ source: a.id, build: async () => a })),
      store,
      ctx,
      { workers: 0 },
    );
    const similar = (asked: Article) => similarInStore(asked, store, ctx, new PreparedCache(store, ctx, 10));
    return { store, ctx, similar };
  }

  it('lists the reprints a new article matches alike earliest first', async () => {
    const { articleFromText } = await import('../article/build.js');
    const { describeMatches } = await import('./ingest.js');
    const text = FERRY.slice(0, 4).join(' ');
    // Stored in another order than their dates, under ids that sort in yet another.
    const reprints = [
      ['c', '2026-03-05T09:00:00Z'],
      ['a', '2026-03-09T09:00:00Z'],
      ['b', '2026-03-02T09:00:00Z'],
    ].map(([id, published]) => articleFromText(text, { id, published }));
    const { store, similar } = await corpusOf(reprints);
    const asked = articleFromText(text.replace('walked out at dawn', 'went on strike early'), { id: 'new' });
    expect(describeMatches(similar(asked), store).map((m) => m.id)).toEqual(['b', 'c', 'a']);
    store.close();
  });

  it('verifies the oldest holders of a text where more hold it than are verified', async () => {
    const { articleFromText } = await import('../article/build.js');
    const text = FERRY.slice(0, 3).join(' ');
    // 25 holders of one text, more than the 20 candidates an index gives; the first stored has the
    // last id, so that an order by id would leave it out.
    const ids = Array.from({ length: 25 }, (_, k) => `r${String(24 - k).padStart(2, '0')}`);
    const { store, similar } = await corpusOf(ids.map((id) => articleFromText(text, { id })));
    const asked = articleFromText(text.replace('walked out at dawn', 'went on strike early'), { id: 'new' });
    const found = similar(asked).map((r) => r.b);
    expect(found).toContain('r24');
    expect(found).not.toContain('r00');
    store.close();
  });

  it('finds a text reprinted on more sites than a stock sentence is, by an article lifting two of its sentences', async () => {
    const { articleFromText } = await import('../article/build.js');
    const wire = FERRY.join(' ');
    // 230 pages of one text, over the 200 holders from which a sentence or a term is taken for
    // stock in a small corpus, were it counted by page: counted by text, it is held once.
    const reprints = Array.from({ length: 230 }, (_, k) =>
      articleFromText(wire, { id: `p${String(k).padStart(3, '0')}`, site: `site${k}.example` }),
    );
    const places = ['Orvel', 'Brackenfield', 'Lindholm', 'Port Alder', 'Eastmere'];
    const roundup = Array.from(
      { length: 12 },
      (_, k) =>
        `The ${places[k % places.length]} council will vote on plan ${k + 1} for its ${k + 3} parks next week.`,
    );
    roundup.splice(6, 0, FERRY[1], FERRY[2]);
    const lifted = articleFromText(roundup.join(' '), { id: 'roundup', site: 'roundups.example' });
    const { store } = await corpusOf([...reprints, lifted]);
    const found = store.relationsOf('roundup').filter((r) => r.a === 'roundup');
    expect(found.map((r) => [r.b, r.type])).toContainEqual(['p000', 'partial-reuse']);
    store.close();
  });

  it('compares a text with one of its reprints and relates each other reprint by its own date', async () => {
    const { articleFromText } = await import('../article/build.js');
    const { relateArticles } = await import('../compare/compare.js');
    const wire = FERRY.join(' ');
    const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T09:00:00Z`;
    // One text on four sites, the last of them after the rewrite: who took from whom differs.
    const reprints = [2, 3, 4, 9].map((d, k) =>
      articleFromText(wire, { id: `reprint-${k}`, site: `site${k}.example`, published: day(d) }),
    );
    const rewrite = articleFromText(
      wire
        .replace('walked out at dawn', 'went on strike early')
        .replace('had been told to travel', 'were advised to go')
        .replace('due to resume', 'expected to restart'),
      { id: 'rewrite', site: 'rewrites.example', published: day(6) },
    );
    const { store, ctx } = await corpusOf([...reprints, rewrite]);
    const stored = store.relationsOf('rewrite').filter((r) => r.a === 'rewrite');
    expect(stored.map((r) => r.b).sort()).toEqual(reprints.map((r) => r.id));
    for (const r of stored) {
      const reprint = reprints.find((x) => x.id === r.b);
      const { relation } = relateArticles(rewrite, reprint as (typeof reprints)[number], ctx);
      const { type, direction, coverageA, coverageB, similarity, evidence } = relation;
      expect(r).toMatchObject({ type, direction, coverageA, coverageB, similarity, evidence });
    }
    expect(new Set(stored.map((r) => r.direction)).size).toBe(2);
    // Each later reprint shares the first's preparation (prepared once in the run): its relations
    // are those of its own preparation.
    const ofReprints = reprints.slice(1).flatMap((x) => store.relationsOf(x.id).filter((r) => r.a === x.id));
    expect(ofReprints.length).toBeGreaterThanOrEqual(6);
    for (const r of ofReprints) {
      const a = reprints.find((x) => x.id === r.a) as (typeof reprints)[number];
      const b = [...reprints, rewrite].find((x) => x.id === r.b) as (typeof reprints)[number];
      const { relation } = relateArticles(a, b, ctx);
      const { type, direction, coverageA, coverageB, similarity, evidence } = relation;
      expect(r).toMatchObject({ type, direction, coverageA, coverageB, similarity, evidence });
    }
    store.close();
  });
});
