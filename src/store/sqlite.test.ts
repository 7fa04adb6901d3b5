import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { type ArticleSurface, decodeSurface } from '../compare/surface.js';
import { openSqliteStore, SCHEMA_VERSION } from './sqlite.js';
import type { ArticleWrite } from './store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newstrace-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(id: string, terms: string[], bandKeys = [1, 2, 3]): ArticleWrite {
  return {
    article: articleFromText(`Article ${id} tells of the harbour bridge.`, { id, title: `Title ${id}` }),
    source: `${id}.txt`,
    bandKeys: Uint32Array.from(bandKeys),
    passageKeys: new Uint32Array(0),
    terms,
    surface: surfaceOf(id),
    relations: [],
  };
}

/** A small surface of its own for each article: content-word ids from the id's characters. */
function surfaceOf(id: string): ArticleSurface {
  const words = Uint32Array.from(id, (c) => c.charCodeAt(0));
  const termIds = Uint32Array.from(new Set(words));
  return {
    words,
    sentenceWords: Uint32Array.of(words.length),
    quoted: new Uint8Array(words.length),
    termIds,
    termWeights: Float32Array.from(termIds, (t) => t / 7),
    sortedTermIds: termIds.slice().sort(),
  };
}

describe('the SQLite store', () => {
  it('sees its own writes before they are committed, and other connections after a flush', () => {
    const file = join(dir, 'a.db');
    const store = openSqliteStore(file);
    store.writeArticle(write('x1', ['harbour']));
    expect(store.hasArticle('x1')).toBe(true);
    expect(store.articleRow('x1')).toMatchObject({ id: 'x1', source: 'x1.txt', title: 'Title x1' });
    expect(store.articleRow('x2')).toBeUndefined();
    expect(store.size()).toEqual({ articles: 1, relations: 0 });
    const reader = new Database(file, { readonly: true });
    const count = () => reader.prepare('SELECT COUNT(*) FROM articles').pluck().get();
    expect(count()).toBe(0); // still in the open batch
    store.flush();
    expect(count()).toBe(1);
    reader.close();
    store.close();
  });

  it('keeps an article that failed half-way out of the batch, and the rest in', () => {
    const store = openSqliteStore(join(dir, 'b.db'));
    store.writeArticle(write('ok1', ['bridge']));
    const bad = write('bad', ['bridge']);
    // A relation without its required fields fails inside the article's savepoint.
    bad.relations = [{ a: 'bad' } as unknown as ArticleWrite['relations'][number]];
    expect(() => store.writeArticle(bad)).toThrow();
    store.writeArticle(write('ok2', ['bridge']));
    store.close();
    const again = openSqliteStore(join(dir, 'b.db'));
    expect(again.hasArticle('ok1')).toBe(true);
    expect(again.hasArticle('bad')).toBe(false);
    expect(again.hasArticle('ok2')).toBe(true);
    again.close();
    // None of the failed article's rows stayed: its term is counted for the other two only.
    const check = new Database(join(dir, 'b.db'), { readonly: true });
    expect(check.prepare("SELECT df FROM term_df WHERE term = 'bridge'").pluck().get()).toBe(2);
    expect(check.prepare("SELECT COUNT(*) FROM lsh WHERE article = 'bad'").pluck().get()).toBe(0);
    check.close();
  });

  it('finds same-term candidates newest first, skips terms over the frequency cap', () => {
    const store = openSqliteStore(join(dir, 'c.db'));
    for (let k = 0; k < 30; k++) store.writeArticle(write(`t${k}`, ['common', 'harbour', `own${k}`]));
    store.writeArticle(write('late', ['harbour', 'velez', 'cable']));
    // "common" is in 30 articles: over a cap of 20 it counts for nothing, so no article shares two terms.
    expect(store.termCandidates(['common', 'harbour', 'x'], 2, 20, 10)).toEqual([]);
    // Under a cap of 40 it counts: all 30 share two terms; the limit keeps 5, by shared count then id.
    expect(store.termCandidates(['common', 'harbour'], 2, 40, 5)).toHaveLength(5);
    expect(store.termCandidates(['velez', 'cable'], 2, 20, 10)).toEqual(['late']);
    // Within the last 5 articles stored, only the last 4 generated ones share both terms.
    expect(store.termCandidates(['common', 'harbour'], 2, 40, 10, 5)).toEqual(['t26', 't27', 't28', 't29']);
    store.close();
  });

  it('finds passage candidates, skips stock sentences, and reads at most 200 holders of a passage', () => {
    const store = openSqliteStore(join(dir, 'p.db'));
    // Passage 7 is in 450 articles, passage 8 in the first 10 of them; 'source' alone has 9 too.
    for (let k = 0; k < 450; k++) {
      const keys = k < 10 ? [7, 8, 1000 + k] : [7, 1000 + k];
      store.writeArticle({
        ...write(`p${String(k).padStart(3, '0')}`, []),
        passageKeys: Uint32Array.from(keys),
      });
    }
    store.writeArticle({ ...write('source', []), passageKeys: Uint32Array.of(8, 9) });
    // Over a cap of 400 holders, passage 7 is a stock sentence: only passage 8's holders are left,
    // and as each shares that one passage alone, its oldest three stand for its eleven.
    expect(store.passageCandidates(Uint32Array.of(7, 8), 1, 400, 50)).toEqual(['p000', 'p001', 'p002']);
    expect(store.passageCandidates(Uint32Array.of(8), 1, 400, 50)).toEqual(['p000', 'p001', 'p002']);
    expect(store.passageCandidates(Uint32Array.of(8, 9), 1, 400, 50)[0]).toBe('source');
    expect(store.passageCandidates(Uint32Array.of(7, 8), 2, 400, 50)).toEqual([]);
    // Under a cap of 500 it counts, by its first 200 holders: the 10 sharing both come first.
    const both = store.passageCandidates(Uint32Array.of(7, 8), 2, 500, 50);
    expect(both).toEqual(Array.from({ length: 10 }, (_, k) => `p00${k}`));
    // With one shared passage enough, the 190 others that hold passage 7 alone (and 'source',
    // passage 8's eleventh holder) are past the oldest three of the passage they share.
    expect(store.passageCandidates(Uint32Array.of(7, 8), 1, 500, 1000)).toEqual(both);
    expect(store.passageCandidates(Uint32Array.of(8, 9), 2, 500, 50)).toEqual(['source']);
    // An article of many passages (they are looked up a hundred at a time): 'source' shares two of
    // them, after 150 no article holds.
    const many = Uint32Array.from({ length: 152 }, (_, k) => (k < 150 ? 5000 + k : 8 + k - 150));
    expect(store.passageCandidates(many, 2, 500, 50)).toEqual(['source']);
    store.close();
  });

  it('answers same-term look-ups from its memory of recent postings as the database alone would', () => {
    const file = join(dir, 'm.db');
    // Articles with 5 of 12 terms each (so that popular terms pass the 200 postings read per term).
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const termsOf = () => [...new Set(Array.from({ length: 5 }, () => `w${Math.floor(random() * 12)}`))];
    const first = openSqliteStore(file);
    for (let k = 0; k < 260; k++) first.writeArticle(write(`a${k}`, termsOf()));
    first.close();
    // Reopened: its memory holds only what it writes now, so wide windows are answered partly from the database.
    const writer = openSqliteStore(file);
    for (let k = 0; k < 240; k++) writer.writeArticle(write(`b${k}`, termsOf()));
    const queries = Array.from({ length: 40 }, () => termsOf());
    const windows = [5, 100, 239, 240, 241, 300, Number.POSITIVE_INFINITY];
    const ask = (store: ReturnType<typeof openSqliteStore>) =>
      queries.flatMap((q) => windows.map((w) => store.termCandidates(q, 2, 400, 30, w)));
    const fromMemory = ask(writer);
    writer.flush();
    const reader = openSqliteStore(file);
    expect(fromMemory).toEqual(ask(reader));
    // Another writer's article is seen although it is not in the first writer's memory.
    reader.writeArticle(write('other', ['w0', 'w1', 'rare']));
    reader.flush();
    expect(writer.termCandidates(['rare', 'w0'], 2, 400, 30, 10)).toContain('other');
    reader.close();
    writer.close();
  });

  it('reads an article back as written, its sentences stored as offsets into its text', () => {
    const file = join(dir, 'doc.db');
    const store = openSqliteStore(file);
    const w = write('doc-1', ['harbour']);
    w.article = articleFromText(
      'Bridge shut\n\nPORT ALDER, March 4 (Meridian Press) - The bridge closed. Engineers found rust.\n\nIt reopens in May.',
      { id: 'doc-1' },
    );
    store.writeArticle(w);
    store.flush();
    expect(store.getArticle('doc-1')).toEqual(w.article);
    const raw = new Database(file);
    const stored = raw.prepare("SELECT doc FROM articles WHERE id = 'doc-1'").pluck().get() as Buffer;
    const doc = JSON.parse(inflateRawSync(stored).toString());
    // Compressed: the JSON is longer than what is stored.
    expect(stored.length).toBeLessThan(JSON.stringify(doc).length);
    expect(doc.sentences[0]).toEqual([w.article.sentences[0].start, w.article.sentences[0].end, 0]);
    // A row written with whole sentence objects (before offsets), and not compressed (before
    // schema 10), reads back the same.
    raw.prepare("UPDATE articles SET doc = ? WHERE id = 'doc-1'").run(JSON.stringify(w.article));
    raw.close();
    expect(store.getArticle('doc-1')).toEqual(w.article);
    store.close();
  });

  it("keeps a reprint's text and surface once, with its original, and its own page's details", () => {
    const file = join(dir, 'reprint.db');
    const store = openSqliteStore(file);
    const text = 'Bridge shut\n\nThe bridge closed on Monday. Engineers found rust in its cables.';
    const original = { ...write('orig', ['harbour']), article: articleFromText(text, { id: 'orig' }) };
    store.writeArticle(original);
    /** The page of another site that reprints the text. */
    const reprint = (id: string) =>
      articleFromText(text, { id, site: `${id}.example`, published: '2026-03-05' });
    // A reprint on another site, and a reprint of that reprint (its first candidate may be one).
    for (const [id, of] of [
      ['copy', 'orig'],
      ['copy2', 'copy'],
    ]) {
      store.writeArticle({
        ...write(id, ['harbour']),
        article: reprint(id),
        surface: original.surface,
        reprintOf: of,
      });
    }
    store.flush();
    for (const id of ['copy', 'copy2']) {
      expect(store.getArticle(id)).toEqual(reprint(id));
      expect(store.getSurface(id)).toEqual(original.surface);
    }
    const raw = new Database(file, { readonly: true });
    const doc = (id: string) =>
      JSON.parse(
        inflateRawSync(
          raw.prepare('SELECT doc FROM articles WHERE id = ?').pluck().get(id) as Buffer,
        ).toString(),
      );
    expect(doc('orig').text).toBe(text);
    expect(doc('copy')).toMatchObject({ textOf: 'orig', site: 'copy.example' });
    expect(doc('copy').text).toBe('');
    expect(raw.prepare('SELECT COUNT(*) FROM surfaces').pluck().get()).toBe(1);
    raw.close();
    store.close();
  });

  it('keeps the surface of each article, read back as written', () => {
    const store = openSqliteStore(join(dir, 's.db'));
    store.writeArticle(write('harbour-7', ['harbour']));
    expect(store.getSurface('harbour-7')).toEqual(surfaceOf('harbour-7'));
    expect(store.getSurface('absent')).toBeUndefined();
    store.close();
  });

  it("keeps an article's site key and the comparisons put off with it until they are settled, across a reopening", () => {
    const file = join(dir, 's.db');
    const store = openSqliteStore(file);
    const siteLines = { site: 'gazette.example', keys: [1, 2] };
    store.writeArticle({ ...write('s1', []), siteLines });
    store.writeArticle({ ...write('s2', []), siteLines, deferred: ['s1'] });
    store.writeArticle(write('s3', []));
    expect(store.siteKeyOf('s1')).toBe('gazette.example');
    expect(store.siteKeyOf('s3')).toBeUndefined();
    expect(store.deferredPairs()).toEqual([{ a: 's2', b: 's1', site: 'gazette.example' }]);
    store.close();
    const again = openSqliteStore(file);
    const [pair] = again.deferredPairs();
    expect(pair).toEqual({ a: 's2', b: 's1', site: 'gazette.example' });
    const relation = {
      a: 's2',
      b: 's1',
      type: 'partial-reuse' as const,
      direction: 'a-from-b' as const,
      coverageA: 0.4,
      coverageB: 0.3,
      similarity: 0.5,
      evidence: ['a shared paragraph'],
    };
    again.settlePair(pair, relation);
    expect(again.deferredPairs()).toEqual([]);
    expect(again.relationsOf('s1')).toEqual([relation]);
    again.close();
    // A corpus stored before site keys were kept is upgraded: its articles have none, nothing is put off.
    const db = new Database(file);
    toSchemaWithoutSiteKeys(db);
    db.close();
    const upgraded = openSqliteStore(file);
    expect(upgraded.siteKeyOf('s1')).toBeUndefined();
    expect(upgraded.deferredPairs()).toEqual([]);
    expect(upgraded.relationsOf('s1')).toEqual([relation]);
    upgraded.close();
  });

  it('upgrades a database of an earlier schema: term frequencies are counted from its terms', () => {
    const file = join(dir, 'd.db');
    const store = openSqliteStore(file);
    store.writeArticle(write('p1', ['harbour', 'bridge']));
    store.writeArticle(write('p2', ['harbour']));
    store.close();
    // Back to the schema before term frequencies were kept.
    const db = new Database(file);
    toSchemaWithoutPostingOrder(db);
    db.exec(`CREATE TABLE terms (term TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (term, article));
      INSERT INTO terms SELECT term, article FROM term_postings;
      DROP TABLE term_postings; DROP TABLE term_df; DROP TABLE passages;
      ALTER TABLE articles DROP COLUMN surface; DROP INDEX site_lines_learnt; ALTER TABLE articles DROP COLUMN lead;
      ALTER TABLE inputs DROP COLUMN content;`);
    db.prepare('DELETE FROM schema_version WHERE version >= 4').run();
    db.close();
    const upgraded = openSqliteStore(file);
    expect(upgraded.termCandidates(['harbour', 'bridge'], 1, 1, 10)).toEqual(['p1']); // harbour: df 2 > 1
    expect(upgraded.getSurface('p1')).toBeUndefined(); // stored before surfaces were: prepared instead
    upgraded.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT MAX(version) FROM schema_version').pluck().get()).toBe(SCHEMA_VERSION);
    expect(check.prepare("SELECT df FROM term_df WHERE term = 'harbour'").pluck().get()).toBe(2);
    check.close();
  });

  it('lists an untitled article by its lead, and gives articles stored before leads were kept theirs', () => {
    const file = join(dir, 'l.db');
    const store = openSqliteStore(file);
    const text = `The harbour ferry ran aground off Point Alder on Sunday evening with ${'many '.repeat(30)}passengers aboard. Nobody was hurt.`;
    store.writeArticle({ ...write('t1', []), article: articleFromText(text, { id: 'u1' }) });
    store.writeArticle(write('t2', []));
    const lead = store.articleRow('u1')?.lead;
    expect(lead).toMatch(/^The harbour ferry ran aground off Point Alder on Sunday evening with many .*…$/);
    expect(lead?.length).toBeLessThanOrEqual(111);
    expect(store.articleRow('t2')).toMatchObject({ title: 'Title t2' });
    expect(store.articleRow('t2')?.lead).toBeUndefined();
    store.close();
    const db = new Database(file);
    // Back to the schema before leads were kept (version 7; inputs' content came after it).
    toSchemaWithoutPostingOrder(db);
    db.exec('ALTER TABLE articles DROP COLUMN lead; ALTER TABLE inputs DROP COLUMN content');
    db.prepare('DELETE FROM schema_version WHERE version >= 7').run();
    db.close();
    const upgraded = openSqliteStore(file);
    expect(upgraded.articleRow('u1')?.lead).toBe(lead);
    expect(upgraded.articleRow('t2')?.lead).toBeUndefined();
    upgraded.close();
  });

  it('counts a reprint towards no frequency cap and indexes its passages once, under its original', () => {
    const store = openSqliteStore(join(dir, 'r.db'));
    store.writeArticle({ ...write('wire', ['kestrow', 'ferry']), passageKeys: Uint32Array.of(4, 5) });
    for (let k = 0; k < 30; k++) {
      const id = `copy${k}`;
      store.writeArticle({
        ...write(id, ['kestrow', 'ferry']),
        passageKeys: Uint32Array.of(4, 5),
        reprintOf: 'wire',
      });
    }
    // 31 pages, one text: under a cap of 20 texts its terms and passages still count.
    expect(store.termCandidates(['kestrow', 'ferry'], 2, 20, 50)).toHaveLength(31);
    expect(store.passageCandidates(Uint32Array.of(4, 5), 2, 20, 50)).toEqual(['wire']);
    store.close();
  });

  it("reads a term's oldest holders too where its postings are a few texts' many reprints", () => {
    const store = openSqliteStore(join(dir, 't.db'));
    const ids = ['zz-wire', ...Array.from({ length: 299 }, (_, k) => `r${String(k).padStart(3, '0')}`)];
    for (const id of ids) {
      const reprintOf = id === 'zz-wire' ? undefined : 'zz-wire';
      store.writeArticle({ ...write(id, ['kestrow', 'ferry']), reprintOf });
    }
    // Newest first, 200 of them, and then, one text holding the terms, the oldest as well.
    expect(store.termCandidates(['kestrow', 'ferry'], 2, 1000, 3)).toEqual(['zz-wire', 'r000', 'r001']);
    expect(store.termCandidates(['kestrow', 'ferry'], 2, 1000, 1000)).toHaveLength(300);
    store.close();
  });

  it('reads the oldest holders of a band or passage held by more than 200, and upgrades an index without their order', () => {
    const file = join(dir, 'o.db');
    const store = openSqliteStore(file, {
      onUpgrade: () => expect.unreachable('a new database is not upgraded'),
    });
    // A wire text on 300 sites: the wire first, its id last in the alphabet, as a content hash may be.
    const ids = ['zz-wire', ...Array.from({ length: 299 }, (_, k) => `r${String(k).padStart(3, '0')}`)];
    for (const id of ids)
      store.writeArticle({ ...write(id, [], [5, 6, 7]), passageKeys: Uint32Array.of(9, 10) });
    expect(store.bandCandidates(Uint32Array.of(5, 6, 7), 20)).toEqual(ids.slice(0, 20));
    expect(store.passageCandidates(Uint32Array.of(9, 10), 2, 1000, 20)).toEqual(ids.slice(0, 20));
    store.close();
    const db = new Database(file);
    toSchemaWithoutPostingOrder(db);
    db.close();
    const upgrades: number[][] = [];
    const upgraded = openSqliteStore(file, { onUpgrade: (from, to) => upgrades.push([from, to]) });
    expect(upgrades).toEqual([[8, SCHEMA_VERSION]]);
    expect(upgraded.bandCandidates(Uint32Array.of(5, 6, 7), 3)).toEqual(['zz-wire', 'r000', 'r001']);
    expect(upgraded.passageCandidates(Uint32Array.of(9, 10), 2, 1000, 3)).toEqual([
      'zz-wire',
      'r000',
      'r001',
    ]);
    upgraded.writeArticle({ ...write('late', [], [5, 6, 7]), passageKeys: Uint32Array.of(9, 10) });
    expect(upgraded.bandCandidates(Uint32Array.of(5, 6, 7), 1000)).toHaveLength(200);
    upgraded.close();
  });

  it('upgrades an index whose surfaces and texts are in the articles table: both read back as they were', () => {
    const file = join(dir, 'c.db');
    const store = openSqliteStore(file);
    const writes = ['harbour-1', 'harbour-22', 'bridge-333'].map((id) => write(id, ['harbour']));
    for (const w of writes) store.writeArticle(w);
    store.close();
    const db = new Database(file);
    toSchemaWithSurfacesInRows(db);
    expect(db.prepare('SELECT typeof(doc) FROM articles').pluck().all()).toEqual(['text', 'text', 'text']);
    db.close();
    const upgrades: number[][] = [];
    const upgraded = openSqliteStore(file, { onUpgrade: (from, to) => upgrades.push([from, to]) });
    expect(upgrades).toEqual([[9, SCHEMA_VERSION]]);
    for (const w of writes) {
      expect(upgraded.getSurface(w.article.id)).toEqual(w.surface);
      expect(upgraded.getArticle(w.article.id)).toEqual(w.article);
    }
    upgraded.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT COUNT(*) FROM articles WHERE surface IS NOT NULL').pluck().get()).toBe(0);
    expect(check.pragma('page_size', { simple: true })).toBe(8192);
    expect(check.prepare('SELECT typeof(doc) FROM articles').pluck().all()).toEqual(['blob', 'blob', 'blob']);
    check.close();
  });
});

describe('compacting the SQLite store', () => {
  it('returns the space an upgrade freed and gives an older database 8 KB pages', () => {
    const file = join(dir, 'k.db');
    // A database made with 4 KB pages, as before schema 10.
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.exec('CREATE TABLE made_before (x)');
    old.close();
    const store = openSqliteStore(file);
    const writes = Array.from({ length: 300 }, (_, k) => ({
      ...write(`k${k}`, ['harbour', `term${k}`]),
      article: articleFromText(
        `Article k${k} tells of the harbour bridge. ${'Its cables were replaced. '.repeat(40)}`,
        {
          id: `k${k}`,
          title: `Title k${k}`,
        },
      ),
    }));
    for (const w of writes) store.writeArticle(w);
    store.close();
    const db = new Database(file);
    toSchemaWithSurfacesInRows(db);
    db.close();
    const upgraded = openSqliteStore(file);
    upgraded.flush();
    const before = statSync(file).size;
    upgraded.compact();
    expect(statSync(file).size).toBeLessThan(before * 0.8);
    for (const w of writes.slice(0, 20)) {
      expect(upgraded.getArticle(w.article.id)).toEqual(w.article);
      expect(upgraded.getSurface(w.article.id)).toEqual(w.surface);
    }
    // Still a writer in WAL mode, its checkpoints on their thread again.
    upgraded.writeArticle(write('after', ['harbour']));
    upgraded.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('page_size', { simple: true })).toBe(8192);
    expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(check.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(301);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});

/**
 * Back to schema 9: each surface in its article's row, encoded as then (a 32-bit value per word and
 * a byte per word's quote flag), and each text as its JSON.
 */
function toSchemaWithSurfacesInRows(db: Database.Database): void {
  toSchemaWithoutSiteKeys(db);
  db.function('schema5_surface', (bytes) => {
    const s = decodeSurface(bytes as Uint8Array);
    const [words, sentences, terms] = [s.words.length, s.sentenceWords.length, s.termIds.length];
    const out = Buffer.alloc(4 * (3 + words + sentences + 2 * terms) + words);
    const u32 = new Uint32Array(out.buffer, out.byteOffset, 3 + words + sentences + 2 * terms);
    u32.set([words, sentences, terms]);
    u32.set(s.words, 3);
    u32.set(s.sentenceWords, 3 + words);
    u32.set(s.termIds, 3 + words + sentences);
    new Float32Array(out.buffer, out.byteOffset + 4 * (3 + words + sentences + terms), terms).set(
      s.termWeights,
    );
    out.set(s.quoted, 4 * (3 + words + sentences + 2 * terms));
    return out;
  });
  db.function('json_doc', (doc) => inflateRawSync(doc as Buffer).toString());
  db.exec(`UPDATE articles SET doc = json_doc(doc),
      surface = (SELECT schema5_surface(surface) FROM surfaces WHERE seq = articles.rowid);
    DROP TABLE surfaces;`);
  db.prepare('DELETE FROM schema_version WHERE version >= 10').run();
}

/** Back to schema 11: no article's site key, no comparisons put off. */
function toSchemaWithoutSiteKeys(db: Database.Database): void {
  db.exec('ALTER TABLE articles DROP COLUMN site_key; DROP TABLE deferred_pairs;');
  db.prepare('DELETE FROM schema_version WHERE version >= 12').run();
}

/** Back to the schema before band and passage postings kept their article's insertion order (version 9). */
function toSchemaWithoutPostingOrder(db: Database.Database): void {
  toSchemaWithSurfacesInRows(db);
  db.exec(`CREATE TABLE lsh_old (band INTEGER NOT NULL, bucket INTEGER NOT NULL, article TEXT NOT NULL,
      PRIMARY KEY (band, bucket, article)) WITHOUT ROWID;
    INSERT INTO lsh_old SELECT band, bucket, article FROM lsh; DROP TABLE lsh; ALTER TABLE lsh_old RENAME TO lsh;
    CREATE TABLE passages_old (passage INTEGER NOT NULL, article TEXT NOT NULL, PRIMARY KEY (passage, article)) WITHOUT ROWID;
    INSERT INTO passages_old SELECT passage, article FROM passages; DROP TABLE passages;
    ALTER TABLE passages_old RENAME TO passages;`);
  db.prepare('DELETE FROM schema_version WHERE version >= 9').run();
}
