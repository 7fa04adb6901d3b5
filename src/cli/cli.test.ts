/**
 * The built command as a user runs it: bad inputs get one clear line and a non-zero exit, never a
 * stack trace, and nothing hangs. Runs `dist/cli/main.js` (npm test builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
/** The records of JSON Lines output, one a line. */
const jsonLines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
let dir: string;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const story = `Harbour bridge reopens after repairs

The old harbour bridge in Eastmere reopened on Monday after eight months of repairs costing 4.2 million euros.

Mayor Lina Ortiz said the work had been finished two weeks ahead of schedule.

Engineers replaced 120 steel cables and repainted the whole deck.
`;
const rewrite = `Eastmere bridge open again

After eight months of work that cost 4.2 million euros, Eastmere's old harbour bridge opened again on Monday.

The repairs were completed a fortnight early, according to Mayor Lina Ortiz.

All 120 of its steel cables were replaced and the deck was given a fresh coat of paint.
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newstrace-cli-'));
  writeFileSync(join(dir, 'a.txt'), story);
  writeFileSync(join(dir, 'b.txt'), rewrite);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n \n');
  writeFileSync(
    join(dir, 'image.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]),
  );
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.from(`${story.replace('euros', 'euros \u00e0 la caf\u00e9')}`, 'latin1'),
  );
  writeFileSync(join(dir, 'b.txt.gz'), gzipSync(rewrite));
  // A 100 MB file, sparse so the test is fast: it must be refused without being read.
  const fd = openSync(join(dir, 'huge.txt'), 'w');
  closeSync(fd);
  spawnSync('truncate', ['-s', '100M', join(dir, 'huge.txt')]);
});

describe('newstrace compare', () => {
  it('compares two text pages and prints a report', () => {
    const r = run(['compare', join(dir, 'a.txt'), join(dir, 'b.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Relation: (rewrite|near-duplicate)/);
    expect(r.out).toContain('Aligned sentences');
  });

  it('prints the JSON contract', () => {
    const r = run(['compare', join(dir, 'a.txt'), join(dir, 'b.txt.gz'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['a', 'b', 'relation', 'alignments', 'facts']));
    expect(json.a.sentences[0]).toHaveProperty('text');
    expect(json.relation).toHaveProperty('coverageA');
    expect(json.alignments.length).toBeGreaterThanOrEqual(2);
  });

  it('reads stdin for -', () => {
    const r = run(['compare', '-', join(dir, 'b.txt'), '--json'], story);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).a.title).toBe('Harbour bridge reopens after repairs');
  });

  it('takes the one record of a JSONL file as an article, and refuses a file of several', () => {
    const one = join(dir, 'one.jsonl');
    writeFileSync(
      one,
      `${JSON.stringify({ id: 'r1', title: 'Harbour bridge reopens after repairs', text: story })}\n`,
    );
    const r = run(['compare', one, join(dir, 'b.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).a).toMatchObject({ id: 'r1', title: 'Harbour bridge reopens after repairs' });
    const two = join(dir, 'two.jsonl');
    writeFileSync(
      two,
      `${JSON.stringify({ text: story })}\n${JSON.stringify({ text: 'Another page of text here.' })}\n`,
    );
    const many = run(['compare', two, join(dir, 'b.txt')]);
    expect(many.code).toBe(2);
    expect(many.err).toContain('holds 2 pages and compare takes one a side');
  });

  it('writes a self-contained HTML report', () => {
    const file = join(dir, 'report.html');
    const r = run(['compare', join(dir, 'a.txt'), join(dir, 'b.txt'), '--html', file]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('Mayor Lina Ortiz');
    expect(html).not.toMatch(/<(script|link)[^>]+src=/);
    // A report it cannot write: one line that says why.
    const nowhere = run([
      'compare',
      join(dir, 'a.txt'),
      join(dir, 'b.txt'),
      '--html',
      join(dir, 'no', 'r.html'),
    ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err.trim()).toBe(`newstrace: cannot write ${join(dir, 'no', 'r.html')}: no such folder`);
  });

  it('decodes latin-1 pages', () => {
    const r = run(['compare', join(dir, 'latin1.txt'), join(dir, 'b.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(
      JSON.parse(r.out)
        .a.sentences.map((s: { text: string }) => s.text)
        .join(' '),
    ).toContain('café');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['a missing file', 'nope.txt', /nope\.txt/],
    ['a directory', '.', /director/i],
    ['an empty file', 'empty.txt', /empty/i],
    ['a blank file', 'blank.txt', /empty/i],
    ['a binary file', 'image.png', /binary|PNG/i],
    ['a 100 MB file', 'huge.txt', /too large|MB/i],
  ];
  for (const [what, file, message] of bad) {
    it(`gives a clear error for ${what}`, () => {
      const r = run(['compare', join(dir, file), join(dir, 'b.txt')]);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.err.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    });
  }

  it('reads invalid UTF-8 as windows-1252 rather than failing', () => {
    writeFileSync(
      join(dir, 'broken-utf8.txt'),
      Buffer.concat([Buffer.from(story), Buffer.from([0xe9, 0x80, 0xff, 0x0a])]),
    );
    const r = run(['compare', join(dir, 'broken-utf8.txt'), join(dir, 'b.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).relation.type).toBe('rewrite');
  });

  it('explains usage mistakes', () => {
    const r = run(['compare', join(dir, 'a.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('compare needs two articles');
    // An option the command does not read is named, with the ones it does, not silently ignored.
    const wrong = run(['extract', join(dir, 'a.txt'), '--json']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("'extract' takes no option --json (its options: --jsonl)");
    expect(wrong.out).toBe('');
  });

  it('compares many pairs, reporting a bad line without stopping', () => {
    const file = join(dir, 'pairs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'one', a: { text: story }, b: { path: join(dir, 'b.txt') } }),
        '{ this is not json',
        JSON.stringify({ id: 'three', a: { text: story } }),
        JSON.stringify({ id: 'four', a: { path: join(dir, 'missing.txt') }, b: { text: rewrite } }),
        JSON.stringify({ id: 'five', a: { text: rewrite }, b: { text: story } }),
      ].join('\n'),
    );
    const r = run(['compare', '--pairs', file]);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(5);
    expect(lines[0].id).toBe('one');
    expect(lines[0].relation.type).toMatch(/rewrite|near-duplicate/);
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/invalid JSON/) });
    expect(lines[2]).toMatchObject({ id: 'three', error: expect.stringMatching(/"a" and "b"/) });
    expect(lines[3]).toMatchObject({ id: 'four', error: expect.stringMatching(/missing\.txt/) });
    expect(lines[4].id).toBe('five');
  });
});

describe('newstrace demo (npm start)', () => {
  it('compares the bundled sample and finds the relation each derived article was written with', () => {
    const r = run(['demo']);
    expect(r.code).toBe(0);
    const verdicts = [...r.out.matchAll(/→ (\S+) \(expected (\S+)\)/g)];
    expect(verdicts.length).toBeGreaterThanOrEqual(5);
    const right = verdicts.filter(([, got, want]) => got === want).length;
    expect(right / verdicts.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('newstrace extract', () => {
  it('prints one JSON record per page of a directory, with metadata, and a record for a bad file', () => {
    const sample = join(import.meta.dirname, '..', '..', 'sample');
    const r = run(['extract', sample, join(dir, 'image.png'), '--jsonl']);
    expect(r.code).toBe(1);
    const records = jsonLines(r.out);
    const html = records.find((x) => x.source.endsWith('reprint-harbour-bridge.html'));
    expect(html).toMatchObject({ site: 'Alder Valley Courier', authors: ['Meridian Press'] });
    expect(html.published).toMatch(/^2026-03-04/);
    expect(records.some((x) => x.source.endsWith('manifest.json'))).toBe(false);
    expect(records.find((x) => x.source.endsWith('image.png')).error).toMatch(/binary/);
    expect(records.filter((x) => x.text).length).toBe(11);
  });

  it('prints a readable view', () => {
    const r = run(['extract', join(dir, 'a.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('title:     Harbour bridge reopens after repairs');
    expect(r.out).toContain('Engineers replaced 120 steel cables');
  });

  it('says of a page with no article that it has none, and counts it apart', () => {
    const home = join(dir, 'home.html');
    const links = ['Council approves budget', 'Storm hits coast', 'Team wins cup', 'Prices rise again']
      .map((t, k) => `<li><a href="/${k}">${t}</a></li>`)
      .join('');
    writeFileSync(
      home,
      `<html><head><title>Daily Ledger</title></head><body><ul>${links}</ul></body></html>`,
    );
    const r = run(['extract', join(dir, 'a.txt'), home]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('no article: ');
    expect(r.err).toContain('1 of 2 inputs extracted, 1 with no article text');
  });

  it('reads each record of a JSONL file and each item of a feed, as ingest reads them', () => {
    const jsonl = join(dir, 'records.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({
          id: 'r1',
          title: 'Pier closes',
          site: 'harbour.example',
          text: 'The old pier closed on Monday for repairs that will take a year.',
        }),
        '{"id": "r2", "text": ',
      ].join('\n'),
    );
    const feed = join(dir, 'town.rss');
    writeFileSync(
      feed,
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Town News</title><item><title>Pool opens</title><link>https://town.example/pool</link><description>&lt;p&gt;The new pool opened on Friday after two years of works, the council said.&lt;/p&gt;</description></item></channel></rss>',
    );
    const r = run(['extract', jsonl, feed, '--jsonl']);
    expect(r.code).toBe(1);
    expect(jsonLines(r.out)).toEqual([
      expect.objectContaining({ source: `${jsonl}:1`, title: 'Pier closes', site: 'harbour.example' }),
      { source: `${jsonl}:2`, error: expect.stringMatching(/^not valid JSON/) },
      expect.objectContaining({
        source: `${feed}#1`,
        title: 'Pool opens',
        url: 'https://town.example/pool',
        site: 'Town News',
      }),
    ]);
  });
});

describe('newstrace show and export', () => {
  it('shows a story and an article, and exports the corpus as JSONL, CSV and GraphML', () => {
    const db = join(dir, 'show.db');
    const sample = join(import.meta.dirname, '..', '..', 'sample');
    expect(run(['ingest', sample, '--db', db]).code).toBe(0);
    const stories = JSON.parse(run(['stories', '--json', '--db', db]).out) as Array<{
      id: string;
      articles: Array<{ id: string; title: string }>;
      edges: Array<{ closest: boolean }>;
    }>;
    // The list with each story's key facts, as text and as JSON.
    const withFacts = run(['stories', '--facts', '--limit', '1', '--db', db]).out;
    expect(withFacts).toMatch(/key facts .*Kestrel Bridge/);
    // What a retelling adds to the origin's names and figures, and what it leaves out.
    expect(withFacts).toMatch(/\n {2}\+ \[\d\] adds .*; leaves out /);
    expect(run(['stories', '--limit', 'ten', '--db', db]).err).toMatch(
      /--limit wants a number of stories, not 'ten'/,
    );
    // Stories whose articles' titles hold the words asked for, as the API's ?q= finds them.
    const frosty = JSON.parse(run(['stories', '--query', 'FROST', '--json', '--db', db]).out);
    expect(frosty.map((s: { title: string }) => s.title)).toEqual([
      'Late frost destroys up to half of the grape harvest in the Sorrel Valley',
    ]);
    expect(run(['stories', '--query', 'volcano', '--site', 'nowhere.example', '--db', db]).out).toBe(
      'no story matches --query volcano --site nowhere.example\n',
    );
    // Undated pages: a reprint whose direction nothing tells is the same text, not a claimed copy.
    const listing = run(['stories', '--db', db]).out;
    expect(listing).toMatch(/Late frost destroys .* \(same text as \[\d\]\)/);
    // Each story's titles start in one column, however long its sites' names or files' paths.
    const listedStories = listing.split('\n■');
    stories.forEach((story, n) => {
      const rows = listedStories[n].split('\n').filter((l) => /^ {2}\[\d+\] /.test(l));
      const columns = story.articles.map((a, k) => rows[k].indexOf(`  ${a.title}`));
      expect(columns.every((c) => c > 0 && c === columns[0])).toBe(true);
    });
    const listed = JSON.parse(run(['stories', '--facts', '--json', '--db', db]).out);
    expect(listed[0].keyFacts.map((f: { text: string }) => f.text)).toContain('Kestrel Bridge');
    expect(listed).toHaveLength(stories.length);
    const story = run(['show', stories[0].id, '--db', db]);
    expect(story.code).toBe(0);
    expect(story.out).toContain('Kestrel Bridge');
    // Its key facts: what most of its articles give (the bridge, in all five that are not copies).
    expect(story.out).toMatch(/key facts .*Kestrel Bridge \(5\)/);
    // The sentences its rewrite adds to the origin and those it drops.
    expect(story.out).toMatch(/\n {2}» \[\d\] retells the origin and adds \d+ sentences?:\n {6}· /);
    expect(story.out).toMatch(/\n {4}and leaves out \d+ sentences?:\n {6}· /);
    const shown = JSON.parse(run(['show', stories[0].id, '--json', '--db', db]).out);
    const facts = shown.facts;
    expect(facts.articles).toHaveLength(5);
    expect(shown.claims[0].adds.length).toBeGreaterThan(0);
    expect(facts.rows.find((r: { text: string }) => r.text === 'Kestrel Bridge').cells.every(Boolean)).toBe(
      true,
    );
    const article = JSON.parse(run(['show', stories[0].articles[0].id, '--json', '--db', db]).out);
    expect(article.story).toBe(stories[0].id);
    expect(article.relations.length).toBeGreaterThan(0);
    // The same as a page of its own: the graph, every article, the facts; text escaped.
    const page = join(dir, 'story.html');
    const html = run(['show', stories[0].id, '--html', page, '--db', db]);
    expect(html.code).toBe(0);
    expect(html.err).toContain(`wrote ${page}`);
    const written = readFileSync(page, 'utf8');
    expect(written).toContain('<svg');
    expect(written).toMatch(
      /<h2>What each adds to the origin's names and figures, and leaves out<\/h2><ul><li>\[\d\] adds <b>/,
    );
    expect(written).toMatch(
      /<h2>What each retelling says that the origin does not, and what it drops<\/h2><ul><li>\[\d\] retells the origin and adds<ul><li><b>/,
    );
    // An arc per article's closest relation, then (folded) one per relation, between articles that
    // are not copies (a copy counts on its original).
    const full = JSON.parse(run(['show', stories[0].id, '--json', '--db', db]).out) as {
      articles: Array<{ id: string; copyOf: string | null }>;
      edges: Array<{ from: string; to: string; closest: boolean }>;
    };
    const copies = new Set(full.articles.filter((a) => a.copyOf).map((a) => a.id));
    const drawn = (edges: typeof full.edges) =>
      edges.filter((e) => !copies.has(e.from) && !copies.has(e.to)).length;
    const arcs = drawn(full.edges);
    const closest = drawn(full.edges.filter((e) => e.closest));
    expect(arcs).toBeGreaterThan(5);
    expect(closest).toBeLessThan(arcs);
    const [first, folded] = written.split('<details><summary>All ');
    const count = (html: string) => (html.match(/<path d="M[\d.]+,[\d.]+ Q/g) ?? []).length;
    expect(count(first)).toBe(closest);
    expect(count(folded)).toBe(arcs);
    expect(written).toContain('Port Alder&#39;s main harbour crossing');
    // Evidence names the articles as the page numbers them, not A and B.
    expect(written).toMatch(/of \[\d\]&#39;s words/);
    expect(written).not.toMatch(/of [AB]&#39;s words/);
    expect(written).not.toMatch(/<script/);
    // The frost story of undated pages: its origin listed first, its reprint as the same text.
    const frost = JSON.parse(run(['stories', '--json', '--db', db]).out).find((s: { title: string }) =>
      s.title.startsWith('Late frost'),
    );
    expect(frost.articles[0].role).toBe('origin');
    const frostPage = join(dir, 'frost.html');
    expect(run(['show', frost.id, '--html', frostPage, '--db', db]).code).toBe(0);
    expect(readFileSync(frostPage, 'utf8')).toMatch(/same text as \[1\]/);
    const articlePage = join(dir, 'article.html');
    expect(run(['show', stories[0].articles[0].id, '--html', articlePage, '--db', db]).code).toBe(0);
    expect(readFileSync(articlePage, 'utf8')).toContain('Relations (');
    expect(readFileSync(articlePage, 'utf8')).toMatch(/of (this article|the other)&#39;s words/);
    // Who took from whom, for each relation: the origin's are of unknown direction (undated pages).
    expect(readFileSync(articlePage, 'utf8')).toContain('<th>who took from whom</th>');
    const frostUpdate = join(dir, 'frost-update.html');
    run(['show', join(sample, 'frost-vineyards-update.txt'), '--html', frostUpdate, '--db', db]);
    expect(readFileSync(frostUpdate, 'utf8')).toContain('<td>this article derives from the other</td>');
    const missing = run(['show', 'no-such-id', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no story, article or ingested file 'no-such-id'/);
    // A folder of pages checked at once: a line for each, in the corpus already, with its matches.
    const checked = run(['similar', sample, join(dir, 'no-such-page.txt'), '--jsonl', '--db', db]);
    expect(checked.code).toBe(1);
    const lines = jsonLines(checked.out);
    expect(lines).toHaveLength(12);
    expect(lines.filter((l) => l.inCorpus)).toHaveLength(11);
    expect(lines.find((l) => l.source.endsWith('copy-frost-vineyards.txt')).matches[0]).toMatchObject({
      type: 'near-duplicate',
      title: 'Late frost destroys up to half of the grape harvest in the Sorrel Valley',
    });
    expect(lines[11]).toMatchObject({ error: expect.stringMatching(/no such file/) });
    expect(run(['similar', sample, '--json', '--db', db]).err).toMatch(/for 11 articles use --jsonl/);
    // A corpus mistyped is an error, not a new empty one; a file that is none is named.
    const typo = join(dir, 'no-such.db');
    for (const command of [
      ['stories'],
      ['show', 'x'],
      ['export'],
      ['similar', join(sample, 'chess-tournament.txt')],
    ]) {
      const r = run([...command, '--db', typo]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`no corpus at ${typo}`);
    }
    expect(existsSync(typo)).toBe(false);
    const notDb = join(dir, 'not-a.db');
    writeFileSync(notDb, 'hello\n');
    expect(run(['stories', '--db', notDb]).err).toMatch(
      /cannot open the corpus .*not-a\.db: file is not a database/,
    );
    // An article named by the file it was ingested from, with who took from whom.
    const byFile = run(['show', join(sample, 'frost-vineyards-update.txt'), '--db', db]);
    expect(byFile.code).toBe(0);
    expect(byFile.out).toMatch(/^Sorrel Valley growers to receive \$12 million in frost aid/);
    expect(byFile.out).toMatch(/partial-reuse .*Late frost destroys .* — it derives from this/);
    // Its place in its story, its text in paragraphs, how much of each side a relation covers and why.
    expect(byFile.out).toMatch(/story s-\S+: Late frost destroys .* \(its \[3\] of 3: partial-reuse\)/);
    expect(byFile.out).toMatch(/\.\n\n\S/);
    expect(byFile.out).toMatch(/partial-reuse +\d+% of it, +\d+% of +Late frost/);
    expect(byFile.out).toMatch(/\n {6}\d+% of (this article|the other)'s words/);

    const jsonl = jsonLines(run(['export', '--db', db]).out);
    expect(jsonl.filter((x) => x.kind === 'article')).toHaveLength(11);
    // Stories too: every article in exactly one, as `stories --json` groups them.
    const exported = jsonl.filter((x) => x.kind === 'story');
    expect(exported.map((x) => x.id).sort()).toEqual(stories.map((x) => x.id).sort());
    expect(exported.flatMap((x) => x.articles.map((a: { id: string }) => a.id)).sort()).toEqual(
      jsonl
        .filter((x) => x.kind === 'article')
        .map((x) => x.id)
        .sort(),
    );
    const csv = run(['export', '--format', 'csv', '--db', db]).out.trim().split('\n');
    expect(csv[0]).toBe('a,b,type,direction,coverage_a,coverage_b,similarity,story,closest');
    // The relations that are their article's closest are the stories' lineage: one an article
    // that has an earlier relative, as many in each export.
    const lineage = stories.flatMap((x) => x.edges.filter((e) => e.closest));
    expect(lineage.length).toBeGreaterThan(0);
    expect(csv.filter((line) => line.endsWith(',true'))).toHaveLength(lineage.length);
    expect(jsonl.filter((x) => x.kind === 'relation' && x.closest)).toHaveLength(lineage.length);
    const graphml = run(['export', '--format', 'graphml', '--db', db]).out;
    expect(graphml).toContain('<graphml');
    expect((graphml.match(/<node /g) ?? []).length).toBe(11);
    expect((graphml.match(/<data key="closest">true</g) ?? []).length).toBe(lineage.length);
    expect(run(['export', '--format', 'pdf', '--db', db]).code).toBe(2);
    // Compacted, the corpus tells the same stories.
    const compacted = run(['compact', '--db', db]);
    expect(compacted.code).toBe(0);
    expect(compacted.out).toMatch(/^newstrace: compacted .*: [\d.]+ MB → [\d.]+ MB\n$/);
    expect(JSON.parse(run(['stories', '--json', '--db', db]).out)).toEqual(stories);
    expect(run(['compact', '--db', typo]).err).toContain(`no corpus at ${typo}`);
    // Not while another process reads it: said so, and the corpus left as it was.
    const reader = new Database(db, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT COUNT(*) FROM articles').get();
    const busy = run(['compact', '--db', db]);
    reader.close();
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/cannot compact .* while another process uses it/);
    expect(JSON.parse(run(['stories', '--json', '--db', db]).out)).toEqual(stories);
  });
});

const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const seedsPresent = existsSync(seeds);
if (!seedsPresent) console.warn(`newstrace similar test skipped: ${seeds} is absent`);

describe.skipIf(!seedsPresent)('newstrace similar', () => {
  it('finds the stored source of a retold page, with who derived from whom, without storing the page', () => {
    const db = join(dir, 'similar.db');
    const [retold, source] = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(seeds, f));
    expect(run(['ingest', source, '--db', db]).code).toBe(0);
    const text = run(['similar', retold, '--db', db]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^1 match for /);
    expect(text.out).toMatch(/(rewrite|partial-reuse) .* — it derives from this/);
    const [match] = JSON.parse(run(['similar', retold, '--json', '--db', db]).out);
    expect(['rewrite', 'partial-reuse']).toContain(match.type);
    expect(match.direction).toBe('a-from-b');
    expect(match.coverageA).toBeGreaterThanOrEqual(0.6);
    // Nothing was added, and an unrelated page matches nothing.
    expect(run(['similar', retold, '--json', '--db', db]).out).toBe(
      run(['similar', retold, '--json', '--db', db]).out,
    );
    expect(run(['similar', join(dir, 'a.txt'), '--db', db]).out).toMatch(/^0 matches/);
    expect(text.out).not.toMatch(/in the corpus already/);
    // A stored page is said to be stored (it is no match of its own).
    expect(run(['similar', source, '--db', db]).out).toMatch(
      /^0 matches .*\n {2}it is in the corpus already, as \w+/,
    );
    const missing = run(['similar', join(dir, 'missing.txt'), '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).not.toMatch(/\n\s+at /);
    // Each record of a JSONL file is asked about, as ingest would read it.
    const records = join(dir, 'asked.jsonl');
    writeFileSync(records, `${JSON.stringify({ id: 'asked', text: readFileSync(retold, 'utf8') })}\n`);
    const [asked] = jsonLines(run(['similar', records, '--jsonl', '--db', db]).out);
    expect(asked).toMatchObject({ source: `${records}:1`, id: 'asked', inCorpus: false });
    expect(asked.matches[0].type).toBe(match.type);
  });
});

const ecbDocs = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'eval',
  'stories',
  'ecbplus-dev',
  'docs.jsonl',
);
if (!existsSync(ecbDocs))
  console.warn(`newstrace stories test on real reports skipped: ${ecbDocs} is absent`);

describe.skipIf(!existsSync(ecbDocs))('newstrace stories on real reports', () => {
  it('dates pages by their own date lines, names untitled ones by their lead, and lists the closest relations', () => {
    // One event of ECB+ dev (an earthquake in Iran, 16 reports): records of text alone, no title
    // and no date, as a scraper's dump gives them.
    const file = join(dir, 'quake.jsonl');
    const records = readFileSync(ecbDocs, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { doc_id: string; topic: number; text: string })
      .filter((d) => d.topic === 20)
      .map((d) => JSON.stringify({ id: d.doc_id, text: d.text }));
    writeFileSync(file, `${records.join('\n')}\n`);
    const db = join(dir, 'quake.db');
    expect(run(['ingest', file, '--db', db]).code).toBe(0);
    const stories = JSON.parse(run(['stories', '--json', '--db', db]).out) as Array<{
      title: string;
      start?: string;
      articles: Array<{ id: string; title: string; lead?: string; published?: string }>;
      edges: unknown[];
    }>;
    const quake = stories[0];
    // "Last Updated: Monday, 28 November 2005, 02: 24 GMT" above its headline: a date, not a title.
    const bbc = quake.articles.find((a) => a.title === 'Ten dead in southern Iran quake');
    expect(bbc?.published).toBe('2005-11-28T02:24:00.000Z');
    expect(quake.articles.some((a) => /Updated|GMT/.test(a.title))).toBe(false);
    expect(quake.start).toBe('2005-11-27T00:00:00.000Z');
    const untitled = quake.articles.filter((a) => !a.title);
    expect(untitled.length).toBeGreaterThan(0);
    for (const a of untitled) expect(a.lead).toMatch(/\w/);
    // The listing gives the closest relations and says where the rest are.
    const listing = run(['stories', '--db', db]).out.split('\n\n')[0];
    expect(quake.edges.length).toBeGreaterThan(10);
    expect(listing).toMatch(new RegExp(`… ${quake.edges.length - 8} more relations: newstrace show s-`));
    expect(listing).toContain(`«${untitled[0].lead}»`);
    // A search finds an untitled article by the words of its lead.
    const titles = stories.flatMap((s) => s.articles.map((a) => a.title.toLowerCase())).join(' ');
    const word =
      (untitled[0].lead ?? '')
        .split(/\s+/)
        .find((w) => w.length > 5 && /^[a-z]+$/i.test(w) && !titles.includes(w.toLowerCase())) ?? '';
    expect(word).not.toBe('');
    expect(JSON.parse(run(['stories', '--query', word, '--json', '--db', db]).out).length).toBeGreaterThan(0);
    // Graph tools label an untitled article by its lead.
    const graphml = run(['export', '--format', 'graphml', '--db', db]).out;
    expect(graphml).toContain(`<node id="${untitled[0].id}"><data key="label">«`);
    // A day without a time is listed as the day, not as midnight; a stamp's time as given.
    expect(listing).toMatch(/^■ .*\(\d+ articles, 2005-11-27 → 2005-11-28 09:11\)/);
    expect(listing).toMatch(/\n {2}\[\d+\] +2005-11-28 02:24 +\S+ .* Ten dead in southern Iran quake/);
  });
});

describe('newstrace stories with many copies', () => {
  it('folds the copies of a story in its listing, and `show` lists them', () => {
    const db = join(dir, 'copies.db');
    const frost = readFileSync(
      join(import.meta.dirname, '..', '..', 'sample', 'frost-vineyards.txt'),
      'utf8',
    );
    const [title, ...body] = frost.split('\n');
    const reprints = join(dir, 'reprints.jsonl');
    writeFileSync(
      reprints,
      Array.from({ length: 7 }, (_, k) =>
        JSON.stringify({ id: `reprint-${k}`, site: `paper${k}.example`, title, text: body.join('\n') }),
      ).join('\n'),
    );
    const ingested = run(['ingest', reprints, '--db', db]);
    expect(ingested.code).toBe(0);
    expect(ingested.out).toMatch(
      /^newstrace: 7 ingested, .* relations found; 6 of the 7 repeat a text stored before \(database /,
    );
    const listing = run(['stories', '--db', db]).out;
    expect(listing).toMatch(/\(\+6 copies\)/);
    expect(listing).toMatch(/… 6 copies: newstrace show s-/);
    expect(listing).not.toMatch(/copy of/);
    const id = /newstrace show (s-\S+)/.exec(listing)?.[1] as string;
    expect(run(['show', id, '--db', db]).out.match(/copy of \[1\]/g)).toHaveLength(6);
    // The story's page: its own articles, then its copies folded in a table of their own.
    const page = join(dir, 'copies.html');
    expect(run(['show', id, '--db', db, '--html', page]).code).toBe(0);
    const [own, folded] = readFileSync(page, 'utf8').split('<details><summary>Its 6 copies</summary>');
    expect(folded.match(/copy of \[1\]/g)).toHaveLength(6);
    expect(own).not.toMatch(/copy of \[1\]/);
    // An article's relations and a page's matches: the reprints alike on one line and a count.
    const article = run(['show', 'reprint-0', '--db', db]).out;
    expect(article).toMatch(/relations \(6\)/);
    expect(article.match(/^ {2}duplicate /gm)).toHaveLength(1);
    expect(article).toMatch(/… and 5 more alike \(the same relation, the same title\): reprint-\d, /);
    const articlePage = join(dir, 'reprint.html');
    expect(run(['show', 'reprint-0', '--db', db, '--html', articlePage]).code).toBe(0);
    const html = readFileSync(articlePage, 'utf8');
    expect(html.match(/<tr><td class="duplicate">/g)).toHaveLength(1);
    expect(html).toMatch(
      /… and 5 more alike \(the same relation, the same title\)<\/summary>(<code>reprint-\d<\/code> ?){5}/,
    );
    const similar = run([
      'similar',
      join(import.meta.dirname, '..', '..', 'sample', 'frost-vineyards.txt'),
      '--db',
      db,
    ]).out;
    expect(similar).toMatch(/^7 matches for /);
    expect(similar).toMatch(/… and 6 more alike .* and 1 more \(--json lists them\)/);
  });
});

describe('newstrace serve', () => {
  it('ingests large posts on its preparing workers, one batch after another, and stops cleanly', async () => {
    const db = join(dir, 'served.db');
    const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0', '--token', 't0k'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let printed = '';
      const address = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (d) => {
          printed += d;
          const m = /API:\s+(http:\/\/\S+)\/openapi\.json/.exec(printed);
          if (m) resolve(m[1]);
        });
        server.once('exit', (code) => reject(new Error(`serve exited (${code}): ${printed}`)));
      });
      // Two batches over the workers' threshold (100), each article its own variant of the story.
      const batch = (from: number) =>
        Array.from({ length: 120 }, (_, k) => ({
          id: `v${from + k}`,
          title: `Harbour bridge, report ${from + k}`,
          text: `${story.replace('120 steel cables', `${from + k + 200} steel cables`)}\nReport number ${from + k}.`,
        }));
      for (const from of [0, 120]) {
        const res = await fetch(`${address}/articles`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer t0k' },
          body: JSON.stringify(batch(from)),
        });
        expect(res.status).toBe(200);
        const summary = (await res.json()) as { ingested: number; skipped: unknown[] };
        expect(summary).toMatchObject({ ingested: 120, skipped: [] });
      }
      // The second batch joined the first's story: it was compared with what the first stored.
      const stories = (await (await fetch(`${address}/stories?limit=5`)).json()) as Array<{
        articles: number;
      }>;
      expect(stories[0].articles).toBeGreaterThan(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 60_000);
});
