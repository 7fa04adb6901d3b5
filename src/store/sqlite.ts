/**
 * The embedded store: one SQLite file in WAL mode through better-sqlite3. Each article is written
 * whole with its sketch, terms, relations and input record, in transactions that hold whole
 * articles only, so a run killed at any point leaves whole articles only, and a re-run skips what
 * is there.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { leadOf } from '../article/lead.js';
import type { Article } from '../article/types.js';
import { ONE_PASSAGE_HOLDERS } from '../candidates/passages.js';
import { type ArticleSurface, decodeSurface, encodeSurface } from '../compare/surface.js';
import { BackgroundCheckpoints, CHECKPOINT_PAGES } from './checkpoints.js';
import { RecentTerms } from './recent-terms.js';
import type {
  ArticleRow,
  ArticleWrite,
  DeferredPair,
  InputRow,
  InputStatus,
  Store,
  StoredRelation,
} from './store.js';
import { TermCounts } from './term-counts.js';

/** Schema versions, applied in order; the database records the last one applied. */
const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     source TEXT,
     site TEXT,
     url TEXT,
     title TEXT NOT NULL,
     published TEXT,
     ingested_at TEXT NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX articles_published ON articles (published);
   CREATE TABLE lsh (
     band INTEGER NOT NULL,
     bucket INTEGER NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (band, bucket, article)
   );
   CREATE TABLE terms (
     term TEXT NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (term, article)
   );
   CREATE TABLE relations (
     a TEXT NOT NULL,
     b TEXT NOT NULL,
     type TEXT NOT NULL,
     direction TEXT NOT NULL,
     coverage_a REAL NOT NULL,
     coverage_b REAL NOT NULL,
     evidence TEXT NOT NULL,
     PRIMARY KEY (a, b)
   );
   CREATE INDEX relations_b ON relations (b);
   CREATE TABLE inputs (
     source TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     reason TEXT,
     article TEXT,
     at TEXT NOT NULL
   );`,
  `CREATE TABLE site_lines (
     site TEXT NOT NULL,
     line INTEGER NOT NULL,
     pages INTEGER NOT NULL,
     PRIMARY KEY (site, line)
   );`,
  'ALTER TABLE relations ADD COLUMN similarity REAL NOT NULL DEFAULT 0;',
  // Index tables that are only ever looked up by their key are stored as that key's B-tree alone
  // (WITHOUT ROWID): one tree to update per row instead of a table and its index.
  // Term postings keyed by term and the article's insertion order, read newest first, and each
  // term's document frequency kept as a count: the same-story lookup then costs O(terms × limit)
  // however large the corpus and however common the term.
  `CREATE TABLE term_postings (
     term TEXT NOT NULL,
     seq INTEGER NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (term, seq)
   ) WITHOUT ROWID;
   INSERT INTO term_postings (term, seq, article)
     SELECT t.term, a.rowid, t.article FROM terms t JOIN articles a ON a.id = t.article;
   DROP TABLE terms;
   CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
   INSERT INTO term_df (term, df) SELECT term, COUNT(*) FROM term_postings GROUP BY term;
   CREATE TABLE passages (
     passage INTEGER NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (passage, article)
   ) WITHOUT ROWID;
   CREATE TABLE lsh_clustered (
     band INTEGER NOT NULL,
     bucket INTEGER NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (band, bucket, article)
   ) WITHOUT ROWID;
   INSERT INTO lsh_clustered SELECT band, bucket, article FROM lsh;
   DROP TABLE lsh;
   ALTER TABLE lsh_clustered RENAME TO lsh;`,
  // Each article's surface (content words, weighted vocabulary): candidates are screened on it
  // without preparing them from their text. Articles stored before it have none and are prepared.
  'ALTER TABLE articles ADD COLUMN surface BLOB;',
  // A site's learnt furniture read whole for an HTML page, whose lines are known only once it is
  // extracted: the lines that enough of the site's pages repeat, without reading all its lines.
  'CREATE INDEX site_lines_learnt ON site_lines (site, pages);',
  // What lists an untitled article (its lead), read without its text; articles stored before are
  // given theirs from their stored text.
  `ALTER TABLE articles ADD COLUMN lead TEXT;
   UPDATE articles SET lead = newstrace_lead(doc) WHERE title = '';`,
  // The fingerprint of what an input held when it was read: a re-run that reads the same content
  // from the same source takes it as present before extracting it again, since what its site
  // has taught ingest since can change the text extracted and so the article's id.
  'ALTER TABLE inputs ADD COLUMN content TEXT;',
  // Band and passage postings keyed by their article's insertion order as well: a key read no
  // further than its first 200 holders (a wire story reprinted on 300 sites) reads the oldest,
  // the likeliest sources, rather than the first 200 ids in the alphabet, which could leave the
  // wire itself unseen.
  `CREATE TABLE lsh_seq (
     band INTEGER NOT NULL,
     bucket INTEGER NOT NULL,
     seq INTEGER NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (band, bucket, seq)
   ) WITHOUT ROWID;
   INSERT INTO lsh_seq SELECT l.band, l.bucket, a.rowid, l.article FROM lsh l JOIN articles a ON a.id = l.article;
   DROP TABLE lsh;
   ALTER TABLE lsh_seq RENAME TO lsh;
   CREATE TABLE passages_seq (
     passage INTEGER NOT NULL,
     seq INTEGER NOT NULL,
     article TEXT NOT NULL,
     PRIMARY KEY (passage, seq)
   ) WITHOUT ROWID;
   INSERT INTO passages_seq SELECT p.passage, a.rowid, p.article FROM passages p JOIN articles a ON a.id = p.article;
   DROP TABLE passages;
   ALTER TABLE passages_seq RENAME TO passages;`,
  // Surfaces in a table of their own, keyed by the article's insertion order and encoded compactly
  // (2.3 KB for 600 words, was 3.9), and each article's text compressed (deflate: ~0.49 of its
  // JSON): an article's row then fits in one page where it took three (its text and its surface
  // spilled over two more), so that screening a candidate reads one page, not the text it does
  // not need; once compacted (`compact`), a million articles take 6.5 GB, not 10.8.
  // The texts are compressed first, so that the new table takes the pages that frees rather than
  // growing the file (a million articles: 10.8 → 14.2 GB the other way round).
  `UPDATE articles SET doc = newstrace_pack_doc(doc);
   CREATE TABLE surfaces (seq INTEGER PRIMARY KEY, surface BLOB NOT NULL);
   INSERT INTO surfaces (seq, surface)
     SELECT rowid, newstrace_compact_surface(surface) FROM articles WHERE surface IS NOT NULL;
   UPDATE articles SET surface = NULL;`,
  // A reprint's row no longer holds its text nor its surface: its doc names the article whose text
  // it repeats (`textOf`), and it has no surface row (on a wire corpus of 150 stories each on nine
  // sites, the text and surface were ~4.4 KB of a reprint's ~9). Nothing to change in the rows
  // already written; the version tells an older newstrace not to read the store.
  'SELECT 1;',
  // Each article's site as ingest keys it (its record's site, its address's host, its page's own
  // name for its site), and the comparisons of two pages of one site put off until the end of the
  // run (`ArticleWrite.deferred`). Articles stored before have no site key: their site's
  // template is what their site has learnt already.
  `ALTER TABLE articles ADD COLUMN site_key TEXT;
   CREATE TABLE deferred_pairs (
     a TEXT NOT NULL,
     b TEXT NOT NULL,
     site TEXT NOT NULL,
     PRIMARY KEY (a, b)
   ) WITHOUT ROWID;`,
];

/**
 * Postings read per key term, LSH bucket and passage (for terms the most recent ones, for buckets
 * and passages the oldest). A term in thousands of articles is capped by document frequency
 * anyway; a bucket that full holds a stock text; a passage that widely held is a stock sentence or
 * a wire story's, whose first holders stand for the rest.
 */
const POSTINGS_PER_KEY = 200;

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Articles whose key-term postings are also kept in memory (see recent-terms.ts): twice ingest's
 * same-story window of 5,000, so that its look-ups never reach the database once a run has written
 * that many. A wider window is still answered, partly from the database.
 */
const RECENT_TERMS_KEPT = 10_000;

/**
 * Articles written per commit. Each article is still all-or-nothing (see `undoFailed`);
 * batching only means that a crash loses the last uncommitted articles, which a re-run
 * ingests again, while a commit per article (a WAL append and its bookkeeping) cost more than
 * the article's own rows. Readers in other processes see a batch when it commits.
 * A writer's first commits are small (200 articles, or a second's), so that a short run shows its
 * first articles soon; then each takes as many as the writer has committed, up to 2,000 (or 5 s).
 * A commit writes every page it changed, and once the index outgrows the page cache an index page
 * holds few of one commit's rows: 100k generated articles ingested at 508 / 505 articles/s in
 * commits of 200 (or 1 s), 515 in commits of 2,000 or 1 s (~550 articles), 580 / 579 in commits of
 * 2,000 or 5 s.
 */
const FIRST_COMMIT_ARTICLES = 200;
const MAX_COMMIT_ARTICLES = 2000;
/** ...or after this long, so that a slow stream of inputs is still committed as it goes. */
const FIRST_COMMIT_MS = 1000;
const MAX_COMMIT_MS = 5000;

/** Page size of a new database. */
const PAGE_BYTES = 8192;

export interface SqliteOptions {
  /** WAL pages from which a writer's checkpointing thread copies them (see checkpoints.ts). */
  checkpointPages?: number;
  /**
   * Told before a database of an earlier schema is upgraded: an upgrade may rebuild a table,
   * minutes of silence at a million articles (on this machine schema 9's took 134 s, 10's 291 s;
   * `compact` then returned 6.6 of the 13.2 GB in 49 s).
   */
  onUpgrade?: (from: number, to: number) => void;
}

export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  const db = new Database(file);
  // A new database's pages are 8 KB: an article's row (with its compressed text) and its surface
  // take ~2.3 KB each, and a 4 KB page holds one of them and wastes the rest (10k generated
  // articles: 8.1 KB an article in all with 4 KB pages, 6.6 with 8 KB). An existing database keeps
  // its pages (only VACUUM could change them).
  db.pragma(`page_size = ${PAGE_BYTES}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Index rows land all over their B-trees: a 64 MB page cache keeps their upper levels in memory.
  db.pragma('cache_size = -65536');
  // Commits append the pages they change to the WAL; a checkpoint copies them into the database
  // file. An article's index rows land on ~70 scattered pages, so at SQLite's default of a
  // checkpoint per 1,000 WAL pages (4 MB) ingest checkpointed every few hundred articles. Every
  // 20,000 pages (80 MB), a page changed by many commits is copied once: 10k generated articles,
  // two runs each, 381 and 405 → 469 and 478 articles/s. A connection that writes moves its
  // checkpoints to a thread of their own at the same interval (checkpoints.ts); this is for where
  // no thread can run.
  const autocheckpoint = () => db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  autocheckpoint();
  db.function('newstrace_lead', { deterministic: true }, (doc) => leadOf(decodeArticle(doc as StoredDoc)));
  db.function('newstrace_compact_surface', { deterministic: true }, (bytes) => {
    const compact = encodeSurface(decodeSchema5Surface(bytes as Uint8Array));
    return Buffer.from(compact.buffer, compact.byteOffset, compact.byteLength);
  });
  db.function('newstrace_pack_doc', { deterministic: true }, (doc) =>
    typeof doc === 'string' ? packDoc(doc) : doc,
  );
  migrate(db, options.onUpgrade);

  const insertArticle = db.prepare(
    `INSERT INTO articles (id, source, site, url, title, lead, published, ingested_at, doc, site_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertSurface = db.prepare('INSERT INTO surfaces (seq, surface) VALUES (?, ?)');
  const insertRelation = db.prepare(
    `INSERT INTO relations (a, b, type, direction, coverage_a, coverage_b, similarity, evidence)
     VALUES (@a, @b, @type, @direction, @coverageA, @coverageB, @similarity, @evidence)
     ON CONFLICT (a, b) DO UPDATE SET type = excluded.type, direction = excluded.direction,
       coverage_a = excluded.coverage_a, coverage_b = excluded.coverage_b,
       similarity = excluded.similarity, evidence = excluded.evidence`,
  );
  const upsertInput = db.prepare(
    `INSERT INTO inputs (source, status, reason, article, at, content) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (source) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       article = excluded.article, at = excluded.at, content = excluded.content
     WHERE NOT (inputs.status = 'ingested' AND excluded.status = 'present')`,
  );
  const addTermDf = db.prepare(
    `INSERT INTO term_df (term, df) VALUES (?, ?)
     ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df`,
  );
  const addSiteLine = db.prepare(
    `INSERT INTO site_lines (site, line, pages) VALUES (?, ?, 1)
     ON CONFLICT (site, line) DO UPDATE SET pages = site_lines.pages + 1`,
  );
  const siteLine = db.prepare('SELECT pages FROM site_lines WHERE site = ? AND line = ?').pluck();
  const siteKey = db.prepare('SELECT site_key FROM articles WHERE id = ?').pluck();
  const setSiteLine = db.prepare(
    `INSERT INTO site_lines (site, line, pages) VALUES (?, ?, ?)
     ON CONFLICT (site, line) DO UPDATE SET pages = MAX(site_lines.pages, excluded.pages)`,
  );
  const deferPair = db.prepare('INSERT OR IGNORE INTO deferred_pairs (a, b, site) VALUES (?, ?, ?)');
  const allDeferred = db.prepare('SELECT a, b, site FROM deferred_pairs ORDER BY a, b');
  const dropDeferred = db.prepare('DELETE FROM deferred_pairs WHERE a = ? AND b = ?');
  const siteLearnt = db.prepare('SELECT line FROM site_lines WHERE site = ? AND pages >= ?').pluck();
  const allRelations = db.prepare('SELECT * FROM relations ORDER BY a, b');
  const relationsAfter = db.prepare('SELECT * FROM relations WHERE rowid > ? ORDER BY rowid');
  const articlesAfter = db.prepare(`${ARTICLE_ROWS} WHERE rowid > ? ORDER BY rowid`);
  const articleRow = db.prepare(`${ARTICLE_ROWS} WHERE id = ?`);
  const relationsOf = db.prepare(
    'SELECT * FROM relations WHERE a = ? UNION ALL SELECT * FROM relations WHERE b = ? ORDER BY a, b',
  );
  const hasArticle = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
  const inputArticle = db.prepare('SELECT article FROM inputs WHERE source = ?').pluck();
  const readBefore = db
    .prepare(
      `SELECT inputs.article FROM inputs JOIN articles ON articles.id = inputs.article
       WHERE inputs.source = ? AND inputs.content = ?`,
    )
    .pluck();
  const getDoc = db.prepare('SELECT doc FROM articles WHERE id = ?').pluck();
  const INPUT_ROWS = 'SELECT rowid AS seq, source, status, reason, article, at FROM inputs WHERE rowid > ?';
  const allInputs = db.prepare(`${INPUT_ROWS} ORDER BY rowid`);
  const inputsOf = db.prepare(`${INPUT_ROWS} AND status = ? ORDER BY rowid`);
  const getSurface = db
    .prepare('SELECT s.surface FROM articles a JOIN surfaces s ON s.seq = a.rowid WHERE a.id = ?')
    .pluck();
  // Look-ups of several keys in one statement (prepared once per count), each key's a subquery
  // joined by UNION ALL with its own order and limit, its rows in the keys' order: an article's 25
  // band look-ups cost 110-130 µs as 25 statements, 43-52 as one. SQLite joins at most 500.
  const lookups = (one: string) => {
    const byCount = new Map<number, Database.Statement>();
    return (keys: number) => {
      let st = byCount.get(keys);
      if (!st) {
        st = db.prepare(Array(keys).fill(`SELECT * FROM (${one})`).join(' UNION ALL ')).raw();
        byCount.set(keys, st);
      }
      return st;
    };
  };
  const LOOKUPS_AT_ONCE = 100;
  // Each band key's holders oldest first (its primary key's order), each with its insertion order.
  const bandMatch = lookups(
    `SELECT seq, article FROM lsh WHERE band = ? AND bucket = ? ORDER BY seq LIMIT ${POSTINGS_PER_KEY}`,
  );
  // The limit is written into the statement: bound as a parameter, SQLite prepares the statement
  // again at every run (a bound LIMIT may change the plan), which cost 6× the lookup itself.
  // It changes with the corpus's size only, so one statement at a time is kept.
  let passageCount: { limit: number; st: Database.Statement } | undefined;
  const passageHoldersUpTo = (limit: number) => {
    if (passageCount?.limit !== limit) {
      const st = db
        .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM passages WHERE passage = ? LIMIT ${limit})`)
        .pluck();
      passageCount = { limit, st };
    }
    return passageCount.st;
  };
  const passageMatch = lookups(
    `SELECT passage, seq, article FROM passages WHERE passage = ? ORDER BY seq LIMIT ${POSTINGS_PER_KEY + 1}`,
  );
  /** The postings of each of `keys` (distinct) that has any, oldest first, a statement per 100 keys. */
  const passagePostings = (keys: ArrayLike<number>): Map<number, Posting[]> => {
    const out = new Map<number, Posting[]>();
    const all = Array.from(keys);
    for (let from = 0; from < all.length; from += LOOKUPS_AT_ONCE) {
      const chunk = all.slice(from, from + LOOKUPS_AT_ONCE);
      for (const [key, seq, id] of passageMatch(chunk.length).all(chunk) as Array<[number, number, string]>) {
        const list = out.get(key);
        if (list) list.push([seq, id]);
        else out.set(key, [[seq, id]]);
      }
    }
    return out;
  };
  const termDf = db.prepare('SELECT df FROM term_df WHERE term = ?').pluck();
  // One row per statement: an upsert of several rows keeps a statement journal (it may fail
  // half-way), which cost more than the statements saved.
  const termCounts = new TermCounts(
    (term) => (termDf.get(term) as number | undefined) ?? 0,
    (term, n) => addTermDf.run(term, n),
  );
  // Only the holders' sequence numbers: the few that share enough terms have their ids read after
  // (`articleAt`), not the ~4,000 postings a request reads at a million articles.
  const termMatch = db
    .prepare(
      `SELECT seq FROM term_postings WHERE term = ? AND seq > ? AND seq < ? ORDER BY seq DESC LIMIT ${POSTINGS_PER_KEY}`,
    )
    .pluck();
  const termOldest = db
    .prepare(
      `SELECT seq FROM term_postings WHERE term = ? AND seq > ? ORDER BY seq LIMIT ${POSTINGS_PER_KEY}`,
    )
    .pluck();
  const articleAt = db.prepare('SELECT id FROM articles WHERE rowid = ?').pluck();
  const recentTerms = new RecentTerms(RECENT_TERMS_KEPT);
  const lastArticle = db.prepare('SELECT MAX(rowid) FROM articles').pluck();
  const lastRelation = db.prepare('SELECT MAX(rowid) FROM relations').pluck();

  // Rows of one kind go in one statement (one per row count, prepared once): an article's ~90 index
  // rows then cost a handful of statements instead of ~90. `values` holds the rows one after the
  // other. They are inserted OR IGNORE, which no row meets (postings are unique by construction):
  // a statement that cannot fail half-way needs no statement journal, the copy of every page it
  // touches that SQLite otherwise keeps to undo it.
  const multiRow = new Map<string, Database.Statement>();
  const insertRows = (into: string, width: number, values: Array<string | number>) => {
    const rows = values.length / width;
    if (rows === 0) return;
    const key = `${into}|${rows}`;
    let st = multiRow.get(key);
    if (!st) {
      const row = `(${Array(width).fill('?').join(', ')})`;
      st = db.prepare(`INSERT OR IGNORE INTO ${into} VALUES ${Array(rows).fill(row).join(', ')}`);
      multiRow.set(key, st);
    }
    st.run(values);
  };

  const writeRows = (w: ArticleWrite) => {
    const a = w.article;
    const at = new Date().toISOString();
    const inserted = insertArticle.run(
      a.id,
      w.source,
      a.site ?? null,
      a.url ?? null,
      a.title,
      a.title ? null : leadOf(a),
      a.published ?? null,
      at,
      encodeArticle(a, w.reprintOf),
      w.siteLines?.site ?? null,
    );
    if (inserted.changes === 0) return; // stored already: its keys are counted once
    const seq = Number(inserted.lastInsertRowid);
    if (!w.reprintOf) insertSurface.run(seq, encodeSurface(w.surface));
    const bands: Array<string | number> = [];
    for (let band = 0; band < w.bandKeys.length; band++) bands.push(band, w.bandKeys[band], seq, a.id);
    insertRows('lsh (band, bucket, seq, article)', 4, bands);
    const passages: Array<string | number> = [];
    if (!w.reprintOf) for (const key of new Set(w.passageKeys)) passages.push(key, seq, a.id);
    insertRows('passages (passage, seq, article)', 3, passages);
    const terms = [...new Set(w.terms)];
    insertRows(
      'term_postings (term, seq, article)',
      3,
      terms.flatMap((t) => [t, seq, a.id]),
    );
    termCounts.written(seq, w.reprintOf ? [] : terms);
    recentTerms.add(seq, a.id, terms);
    for (const r of w.relations) insertRelation.run({ ...r, evidence: JSON.stringify(r.evidence) });
    if (w.siteLines) for (const k of w.siteLines.keys) addSiteLine.run(w.siteLines.site, k);
    if (w.siteLines) for (const other of w.deferred ?? []) deferPair.run(a.id, other, w.siteLines.site);
    upsertInput.run(w.source, 'ingested', null, a.id, at, w.content ?? null);
  };

  // The writes of the open batch, in order. An article that fails half-way is undone by rolling
  // the batch back and writing these again: errors are rare, while a savepoint per article copied
  // every page it touched into a sub-journal (a fifth of the write's cost).
  const batch: Array<() => void> = [];
  let batchStarted = 0;
  /** Writes this connection has committed: its commits grow with them. */
  let committed = 0;
  const inBatch = (op: () => void) => {
    if (!db.inTransaction) {
      db.exec('BEGIN');
      batch.length = 0;
      batchStarted = Date.now();
    }
    try {
      op();
    } catch (e) {
      undoFailed();
      throw e;
    }
    batch.push(op);
    const articles = Math.min(MAX_COMMIT_ARTICLES, Math.max(FIRST_COMMIT_ARTICLES, committed));
    const ms = committed >= MAX_COMMIT_ARTICLES ? MAX_COMMIT_MS : FIRST_COMMIT_MS;
    if (batch.length >= articles || Date.now() - batchStarted >= ms) flush();
  };
  const undoFailed = () => {
    if (db.inTransaction) db.exec('ROLLBACK');
    recentTerms.clear();
    termCounts.rolledBack();
    db.exec('BEGIN');
    for (const op of batch) op();
  };
  // Checkpoints move to a thread of their own once this connection has written something (readers
  // never start one); where no thread can run, SQLite checkpoints in the commits as set above.
  let checkpoints: BackgroundCheckpoints | undefined;
  let checkpointsTried = false;
  const flush = () => {
    const written = batch.length;
    batch.length = 0;
    if (!db.inTransaction) return;
    termCounts.flush();
    db.exec('COMMIT');
    committed += written;
    if (!checkpointsTried && !db.memory) {
      checkpointsTried = true;
      checkpoints = BackgroundCheckpoints.start(
        db.name,
        options.checkpointPages ?? CHECKPOINT_PAGES,
        () => db.open && autocheckpoint(),
      );
      if (checkpoints) db.pragma('wal_autocheckpoint = 0');
    }
    // The thread has copied the WAL up to where it started: copying the rest (what was committed
    // meanwhile, about one commit) lets the next transaction start the WAL from its beginning.
    if (checkpoints?.completed()) db.pragma('wal_checkpoint(PASSIVE)');
  };

  /**
   * The `limit` holders sharing most; among those that share as much (a wire story and its many
   * reprints), the oldest first, the likeliest sources.
   */
  const ranked = (holders: Map<string, Holder>, limit: number) =>
    [...holders]
      .sort(([, x], [, y]) => byRank(x, y))
      .slice(0, Math.max(0, limit))
      .map(([id]) => id);

  /** A stored article; a reprint's text read from the article it repeats. */
  const readArticle = (id: string): Article | undefined => {
    const doc = getDoc.get(id) as StoredDoc | undefined;
    if (!doc) return undefined;
    const stored = parseDoc(doc);
    const text = stored.textOf === undefined ? stored.text : readArticle(stored.textOf)?.text;
    return text === undefined ? undefined : articleOfDoc(stored, text);
  };

  const readSurface = (id: string): ArticleSurface | undefined => {
    const bytes = getSurface.get(id) as Uint8Array | null | undefined;
    if (bytes) return decodeSurface(bytes);
    // A reprint's surface is its original's.
    const doc = getDoc.get(id) as StoredDoc | undefined;
    const original = doc ? parseDoc(doc).textOf : undefined;
    return original === undefined ? undefined : readSurface(original);
  };

  return {
    hasArticle: (id) => hasArticle.get(id) !== undefined,
    getArticle: (id) => readArticle(id),
    getSurface: (id) => readSurface(id),
    bandCandidates(bandKeys, limit) {
      if (bandKeys.length === 0) return [];
      const holders = new Map<string, Holder>();
      // One statement for all bands: a banding of 128 slots has at most 128 (SQLite joins 500).
      const params: number[] = [];
      for (let band = 0; band < bandKeys.length; band++) params.push(band, bandKeys[band]);
      for (const [seq, id] of bandMatch(bandKeys.length).all(params) as Posting[]) tally(holders, id, seq);
      return ranked(holders, limit);
    },
    passageCandidates(keys, minShared, maxDf, limit) {
      const holders = new Map<string, Holder>();
      // Holders met past a key's first `ONE_PASSAGE_HOLDERS` postings: dropped unless they share another key.
      const later = new Set<string>();
      for (const [key, postings] of passagePostings(keys)) {
        // A sentence in more articles than are read is counted in SQLite, not read row by row, to
        // tell a stock sentence (over `maxDf`, skipped) from a widely reprinted one, of which the
        // first holders read stand for the rest: at a million articles one sentence of the
        // generated corpus had 16,000 holders, and reading and ranking them all was a request's
        // slowest part.
        if (postings.length > POSTINGS_PER_KEY) {
          if ((passageHoldersUpTo(maxDf + 1).get(key) as number) > maxDf) continue;
          postings.length = POSTINGS_PER_KEY;
        }
        for (let k = 0; k < postings.length; k++) {
          const [seq, id] = postings[k];
          tally(holders, id, seq);
          if (k >= ONE_PASSAGE_HOLDERS) later.add(id);
        }
      }
      for (const [id, h] of holders)
        if (h.shared < minShared || (h.shared === 1 && later.has(id))) holders.delete(id);
      return ranked(holders, limit);
    },
    termCandidates(terms, minShared, maxDf, limit, recent = Number.POSITIVE_INFINITY) {
      const last = (lastArticle.get() as number | null) ?? 0;
      const after = Number.isFinite(recent) ? last - recent : 0;
      // The memory answers only while it holds the newest article: another writer's rows are not in it.
      const memory = recentTerms.last === last ? recentTerms : undefined;
      // Holders counted by sequence number (the article's rowid: a number key costs less than an
      // id string), their ids looked up at the end for those that share enough.
      const counts = new Map<number, number>();
      const count = (seq: number) => counts.set(seq, (counts.get(seq) ?? 0) + 1);
      for (const t of terms) {
        const texts = termCounts.count(t, last);
        if (texts > maxDf) continue;
        // Newest first: from the memory as far as it reaches, then from the database.
        let read = 0;
        let lowest = last + 1;
        const take = (seq: number) => {
          count(seq);
          read++;
          lowest = seq;
        };
        let from = last + 1;
        let complete = false;
        if (memory) ({ from, complete } = memory.holders(t, after, POSTINGS_PER_KEY, take));
        if (!complete) {
          const older = termMatch.all(t, after, from) as number[];
          for (let k = 0; k < older.length && read < POSTINGS_PER_KEY; k++) take(older[k]);
        }
        // A term held by fewer texts than the postings read is the term of a few texts' many
        // reprints: the oldest holders, where each text's first page is, are read as well.
        if (read >= POSTINGS_PER_KEY && texts < POSTINGS_PER_KEY) {
          for (const seq of termOldest.all(t, after) as number[]) {
            if (seq >= lowest) break;
            count(seq);
          }
        }
      }
      // Ranked by sequence number, and only the first `limit` looked up: in a large corpus
      // hundreds of articles may share three terms with this one, and each look-up reads a page of
      // the articles table, most of it out of the cache.
      const best: Holder[] = [];
      for (const [seq, shared] of counts) if (shared >= minShared) best.push({ seq, shared });
      return best
        .sort(byRank)
        .slice(0, Math.max(0, limit))
        .map(({ seq }) => memory?.idOf(seq) ?? (articleAt.get(seq) as string));
    },
    siteLinePages(site, keys) {
      const out = new Map<number, number>();
      for (const k of keys) {
        const n = siteLine.get(site, k) as number | undefined;
        if (n) out.set(k, n);
      }
      return out;
    },
    siteFurniture(site, pages) {
      return siteLearnt.all(site, pages) as number[];
    },
    addSiteFurniture: (site, keys, pages) =>
      inBatch(() => {
        for (const k of keys) setSiteLine.run(site, k, pages);
      }),
    siteKeyOf: (id) => (siteKey.get(id) as string | null | undefined) ?? undefined,
    deferredPairs: () => allDeferred.all() as DeferredPair[],
    settlePair: (pair, relation) =>
      inBatch(() => {
        if (relation) insertRelation.run({ ...relation, evidence: JSON.stringify(relation.evidence) });
        dropDeferred.run(pair.a, pair.b);
      }),
    writeArticle: (w) => inBatch(() => writeRows(w)),
    recordInput(source, status, reason, article, content) {
      const at = new Date().toISOString();
      inBatch(() => upsertInput.run(source, status, reason ?? null, article ?? null, at, content ?? null));
    },
    articleReadFrom: (source, content) =>
      (readBefore.get(source, content) as string | undefined) ?? undefined,
    flush,
    articleOfInput: (source) => (inputArticle.get(source) as string | null | undefined) ?? undefined,
    articles: () =>
      (db.prepare(`${ARTICLE_ROWS} ORDER BY published, id`).all() as ArticleRecord[]).map(toArticleRow),
    relations: () => (allRelations.all() as RelationRow[]).map(toRelation),
    articleRow(id) {
      const r = articleRow.get(id) as ArticleRecord | undefined;
      return r && toArticleRow(r);
    },
    articlesAfter: (count) => (articlesAfter.all(count) as ArticleRecord[]).map(toArticleRow),
    relationsAfter: (count) => (relationsAfter.all(count) as RelationRow[]).map(toRelation),
    relationsOf: (id) => (relationsOf.all(id, id) as RelationRow[]).map(toRelation),
    // Rows are never deleted, so the last rowid is the count, read from the end of the table.
    size: () => ({
      articles: (lastArticle.get() as number | null) ?? 0,
      relations: (lastRelation.get() as number | null) ?? 0,
    }),
    counts() {
      const inputs: Record<InputStatus, number> = { ingested: 0, present: 0, skipped: 0 };
      for (const row of db
        .prepare('SELECT status, COUNT(*) AS n FROM inputs GROUP BY status')
        .all() as Array<{
        status: InputStatus;
        n: number;
      }>)
        inputs[row.status] = row.n;
      return {
        articles: db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number,
        relations: db.prepare('SELECT COUNT(*) FROM relations').pluck().get() as number,
        inputs,
      };
    },
    *inputs(status, after = 0) {
      const rows = (status ? inputsOf.iterate(after, status) : allInputs.iterate(after)) as IterableIterator<
        Record<string, string | number | null>
      >;
      for (const r of rows) {
        yield {
          seq: r.seq as number,
          source: r.source as string,
          status: r.status as InputStatus,
          reason: (r.reason as string | null) ?? undefined,
          article: (r.article as string | null) ?? undefined,
          at: r.at as string,
        } satisfies InputRow;
      }
    },
    compact() {
      flush();
      // The checkpointing thread's connection closed (the next write starts another), SQLite's
      // own checkpoints are back meanwhile; a page size changes only by a VACUUM outside WAL mode.
      checkpoints?.stop();
      checkpoints = undefined;
      checkpointsTried = false;
      autocheckpoint();
      db.pragma('journal_mode = DELETE');
      db.pragma(`page_size = ${PAGE_BYTES}`);
      db.exec('VACUUM');
      db.pragma('journal_mode = WAL');
    },
    close() {
      flush();
      checkpoints?.stop();
      db.close();
    },
  };
}

/** A sentence as stored: its offsets and section, when its text is the article's between them. */
type StoredSentence = [start: number, end: number, section: number] | Article['sentences'][number];

/**
 * An article as stored: JSON, with each sentence as its offsets, for its text is the article's own
 * text between them (sentence texts written out again were half of every article's row),
 * compressed (schema 10; before, the JSON itself). A reprint's text is not stored again: `textOf`
 * names the stored article whose text it repeats (schema 11).
 */
type StoredDoc = Uint8Array | string;

type DocJson = Omit<Article, 'sentences'> & { sentences: StoredSentence[]; textOf?: string };

function encodeArticle(a: Article, reprintOf?: string): Uint8Array {
  const sentences: StoredSentence[] = a.sentences.map((s) =>
    s.text === a.text.slice(s.start, s.end) ? [s.start, s.end, s.section] : s,
  );
  // A reprint's text left empty where it was (so that the article reads back with its keys in order).
  const doc: DocJson = reprintOf ? { ...a, text: '', sentences, textOf: reprintOf } : { ...a, sentences };
  return packDoc(JSON.stringify(doc));
}

const packDoc = (json: string): Uint8Array => deflateRawSync(json);

const parseDoc = (doc: StoredDoc): DocJson =>
  JSON.parse(typeof doc === 'string' ? doc : inflateRawSync(doc).toString('utf8')) as DocJson;

/** The article of a stored doc whose text is `text` (its own, or its original's for a reprint). */
function articleOfDoc(doc: DocJson, text: string): Article {
  const { textOf: _, ...rest } = doc;
  return {
    ...rest,
    text,
    sentences: doc.sentences.map((s) =>
      Array.isArray(s) ? { text: text.slice(s[0], s[1]), start: s[0], end: s[1], section: s[2] } : s,
    ),
  };
}

/** The article of `encodeArticle` (not a reprint's), or of a row written before sentences were stored as offsets. */
function decodeArticle(doc: StoredDoc): Article {
  const stored = parseDoc(doc);
  return articleOfDoc(stored, stored.text);
}

/** What is listed of an article (`ArticleRow`), read without its text. */
const ARTICLE_ROWS = 'SELECT id, source, site, url, title, lead, published FROM articles';

type ArticleRecord = Record<string, string | null>;

function toArticleRow(r: ArticleRecord): ArticleRow {
  return {
    id: r.id as string,
    source: r.source ?? undefined,
    site: r.site ?? undefined,
    url: r.url ?? undefined,
    title: r.title as string,
    ...(r.lead ? { lead: r.lead } : {}),
    published: r.published ?? undefined,
  };
}

type RelationRow = Record<string, string | number>;

function toRelation(r: RelationRow): StoredRelation {
  return {
    a: r.a as string,
    b: r.b as string,
    type: r.type as StoredRelation['type'],
    direction: r.direction as StoredRelation['direction'],
    coverageA: r.coverage_a as number,
    coverageB: r.coverage_b as number,
    similarity: r.similarity as number,
    evidence: JSON.parse(r.evidence as string) as string[],
  };
}

/** A band's or passage's holder as read: its insertion order and its id. */
type Posting = [seq: number, id: string];

/** A candidate as its keys are counted: its insertion order, and how many of the keys it holds. */
interface Holder {
  seq: number;
  shared: number;
}

/**
 * A surface as schemas 5 to 9 stored it in the article's row (a header of counts, then words,
 * sentence counts, term ids and weights as 32-bit values, then a byte per word for its quote
 * flag), read once, when schema 10 encodes it anew.
 */
function decodeSchema5Surface(bytes: Uint8Array): ArticleSurface {
  const own = bytes.slice();
  const [words, sentences, terms] = new Uint32Array(own.buffer, 0, 3);
  const ints = 3 + words + sentences + 2 * terms;
  if (own.length !== 4 * ints + words) throw new Error('a stored article surface has the wrong length');
  const termIds = new Uint32Array(own.buffer, 4 * (3 + words + sentences), terms);
  return {
    words: new Uint32Array(own.buffer, 12, words),
    sentenceWords: new Uint32Array(own.buffer, 4 * (3 + words), sentences),
    quoted: new Uint8Array(own.buffer, 4 * ints, words),
    termIds,
    termWeights: new Float32Array(own.buffer, 4 * (3 + words + sentences + terms), terms),
    sortedTermIds: termIds.slice().sort(),
  };
}

/** Holders ranked: those holding the most keys first, and of those the earliest stored. */
const byRank = (x: Holder, y: Holder): number => y.shared - x.shared || x.seq - y.seq;

function tally(holders: Map<string, Holder>, id: string, seq: number): void {
  const h = holders.get(id);
  if (h) h.shared++;
  else holders.set(id, { seq, shared: 1 });
}

function migrate(db: Database.Database, onUpgrade?: SqliteOptions['onUpgrade']): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const current = (db.prepare('SELECT MAX(version) FROM schema_version').pluck().get() as number | null) ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the database was written by a newer newstrace (schema ${current}, this one knows ${MIGRATIONS.length})`,
    );
  }
  if (current > 0 && current < MIGRATIONS.length) onUpgrade?.(current, MIGRATIONS.length);
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    })();
  }
}
