/**
 * Ingest: inputs → articles → sketches and key terms → candidates from the index → verified with
 * the compare engine → stored, one transaction per article. Every input is accounted for
 * (ingested, already present, or skipped with a reason); a re-run skips what is stored.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Article } from '../article/types.js';
import { type Fingerprints, fingerprintArticle } from '../candidates/fingerprints.js';
import { type Banding, chooseBanding } from '../candidates/lsh.js';
import { PASSAGE_MAX_DF } from '../candidates/passages.js';
import {
  type CompareContext,
  defaultCompareOptions,
  type PreparedArticle,
  prepareArticle,
  relationInput,
  sameText,
  withTwinAsSecond,
} from '../compare/compare.js';
import { type ArticleSurface, type PairSurface, pairSurface, sameSurface } from '../compare/surface.js';
import { siteOfHtml, siteOfUrl } from '../extract/html/index.js';
import { pageLines } from '../extract/text-page/extract.js';
import { paragraphKey, SITE_FURNITURE_PAGES, siteLineKeys } from '../extract/text-page/site-furniture.js';
import { closestFirst, isKept, mayRelateClosely, type RelationInput, relate } from '../relate/relate.js';
import { FeedError, type FeedItem, looksLikeFeed, readFeed } from '../source/feed.js';
import { expandGlob, isGlob } from '../source/glob.js';
import { InputError, pageFiles, readInput } from '../source/index.js';
import { readWarc } from '../source/warc.js';
import type { Store, StoredRelation } from '../store/store.js';
import { hashString } from '../text/hash.js';
import {
  extractRaw,
  type PreparedJob,
  type PrepareJob,
  prepareJob,
  type RawPage,
  RecentTexts,
} from './prepare.js';
import { PreparePool } from './prepare-pool.js';
import { PreparedCache, type StoredArticles } from './prepared-cache.js';
import { sameSiteSharing, settleSitePairs } from './site-pairs.js';

export interface IngestOptions {
  /** Jaccard similarity of word 4-grams from which near-duplicates are looked for. */
  nearDuplicateThreshold: number;
  /** Candidates verified per article, from each index. */
  candidates: number;
  /** Key terms two articles must share to be compared as possibly the same story. */
  sharedTerms: number;
  /**
   * Passages (longer sentences, word for word) two articles must share to be compared for partial
   * reuse: two, as the relation itself asks of verbatim reuse; one shared sentence is a quote.
   */
  sharedPassages: number;
  /**
   * Same-story candidates (shared key terms) come from the last this many articles stored: reports
   * of one event arrive close together, and arrival order is all a stream can trust (dates are
   * missing or wrong). Reuse is looked for across the whole corpus. Without the window, every
   * article is weighed against ever more old ones that merely share terms, each prepared afresh:
   * ingest slowed from 61 to 17 articles/s between 10k and 38k generated articles.
   */
  sameStoryWindow: number;
  /** Each input as it is settled; `id` the article it was stored as, or found stored as. */
  onProgress?: (event: { source: string; status: 'ingested' | 'present' | 'skipped'; id?: string }) => void;
  /** Called with the id of each article stored. */
  onArticle?: (id: string) => void;
  /** Worker threads that prepare articles (0: all on the main thread). */
  workers: number;
  /**
   * Preparing workers owned by the caller, used instead of starting `workers` of its own: a server
   * keeps them between requests (each worker loads its own lexicon, ~0.2 s).
   */
  pool?: PreparePool;
}

export const defaultIngestOptions: IngestOptions = {
  nearDuplicateThreshold: 0.5,
  candidates: 20,
  sharedTerms: 3,
  sharedPassages: 2,
  sameStoryWindow: 5000,
  // One worker prepares while the main thread verifies and writes: both cores busy (a second
  // worker on two cores measured slower).
  workers: availableParallelism() > 1 ? 1 : 0,
};

/**
 * The banding of a threshold, chosen once per threshold: choosing it integrates the S-curve of
 * every banding (~10 ms), which `similar` paid on each request.
 */
const bandings = new Map<number, Banding>();
function bandingFor(threshold: number): Banding {
  let banding = bandings.get(threshold);
  if (!banding) {
    banding = chooseBanding(threshold, 128);
    bandings.set(threshold, banding);
  }
  return banding;
}

export interface IngestSummary {
  ingested: number;
  present: number;
  skipped: Array<{ source: string; reason: string }>;
  relations: number;
  /** Of those ingested, how many repeat the text of an article stored before (a wire story's reprints). */
  reprints: number;
}

export type { RawPage } from './prepare.js';

/**
 * What an input held, in brief: compared only with what the same source held when last read, so
 * one pass of a 32-bit hash and the length serve (not the normalised text `contentId` hashes, a
 * cost on every input of a run).
 */
const fingerprint = (content: string) => `${hashString(content).toString(16)}:${content.length}`;

/**
 * One article-to-be: a page to read and extract (files, stdin, JSONL lines), or an article built
 * by the caller.
 */
export type Pending = PendingPage | { source: string; build: () => Promise<Article> };

/** A page to read and extract. */
export interface PendingPage {
  source: string;
  read: () => Promise<RawPage>;
}

/**
 * Prepared articles kept for verifying later candidates: recent articles are the usual
 * candidates of new ones. Each holds its sentences' word vectors (~100 KB for 600 words), so the
 * cache is what bounds ingest's memory.
 */
const PREPARED_CACHE = 2000;

/**
 * Jobs each worker may have in flight ahead of the main thread: enough that the worker does not run
 * dry while the main thread commits a large batch (up to 2,000 articles at once), nor on the
 * other's slower articles. Alternating runs: 10k generated articles, 16 → 128: 556 / 552 / 583 →
 * 602 / 568 / 605 articles/s (4 → 16 gained as much before); the Dragnet pages 105 / 115 → 123 /
 * 122 pages/s. A page sent early knows less of its site's furniture; `finish` extracts it again
 * where what was learnt since applies to it.
 */
const JOBS_AHEAD = 128;

/**
 * Texts a preparer remembers to tell a reprint (see `RecentTexts`): fewer than the prepared cache
 * holds, so that the original's preparation is still there when its reprint comes.
 */
export const RECENT_TEXTS = PREPARED_CACHE / 2;

export async function ingestPaths(
  paths: string[],
  store: Store,
  ctx: CompareContext,
  options: Partial<IngestOptions> = {},
): Promise<IngestSummary> {
  return ingestItems(
    async function* (skip) {
      const folders = new Set<string>();
      for (const path of paths) yield* pendingOf(path, skip, true, folders);
    },
    store,
    ctx,
    options,
  );
}

/**
 * Ingests articles-to-be from any source: a list, or a function given the one that records a
 * skipped input, for sources that find bad inputs while listing them (a broken archive, a bad line).
 */
export async function ingestItems(
  source: Iterable<Pending> | ((skip: (source: string, reason: string) => void) => AsyncIterable<Pending>),
  store: Store,
  ctx: CompareContext,
  options: Partial<IngestOptions> = {},
): Promise<IngestSummary> {
  const opt = { ...defaultIngestOptions, ...options };
  const banding = bandingFor(opt.nearDuplicateThreshold);
  const summary: IngestSummary = { ingested: 0, present: 0, skipped: [], relations: 0, reprints: 0 };
  const cache = new PreparedCache(store, ctx, PREPARED_CACHE);
  let stored = store.size().articles;
  const skip = (source: string, reason: string) => {
    summary.skipped.push({ source, reason });
    store.recordInput(source, 'skipped', reason);
    opt.onProgress?.({ source, status: 'skipped' });
  };
  const own = opt.pool ? undefined : PreparePool.create(opt.workers, { recentTexts: RECENT_TEXTS });
  const pool = opt.pool ?? own;
  const recent = pool ? undefined : new RecentTexts(RECENT_TEXTS);
  const run = randomUUID();
  // Jobs in flight: preparation runs ahead (on the workers), results are taken in input order so
  // that a run gives the same corpus whatever the number of workers.
  type Outcome =
    | { job: PrepareJob; done: PreparedJob; content?: string }
    | { source: string; error: string }
    | { source: string; present: string; content?: string };
  const window: Array<Promise<Outcome>> = [];
  const start = async (item: Pending): Promise<Outcome> => {
    let job: PrepareJob;
    let content: string | undefined;
    try {
      if ('build' in item) job = { source: item.source, article: await item.build(), banding, run };
      else {
        const raw = await item.read();
        content = fingerprint(raw.content);
        // A record that names its id and is stored already, or an input read before with the
        // same content, needs no extraction (a re-run after a crash walks past what it did
        // quickly); extracted again, a page could give another text, its site's furniture learnt
        // since, and so another article.
        const before =
          raw.meta.id && store.hasArticle(raw.meta.id)
            ? raw.meta.id
            : store.articleReadFrom(item.source, content);
        if (before) return { source: item.source, present: before, content };
        job = { source: item.source, raw, site: siteInfo(raw, store), banding, run };
      }
    } catch (e) {
      if (e instanceof InputError || e instanceof RecordError)
        return { source: item.source, error: e.message };
      throw e;
    }
    return { job, done: pool ? await pool.run(job) : prepareJob(job, ctx, recent), content };
  };
  const present = (source: string, id: string, content?: string) => {
    summary.present++;
    store.recordInput(source, 'present', undefined, id, content);
    opt.onProgress?.({ source, status: 'present', id });
  };
  const finish = (outcome: Outcome) => {
    if ('error' in outcome) {
      skip(outcome.source, outcome.error);
      return;
    }
    if ('present' in outcome) {
      present(outcome.source, outcome.present, outcome.content);
      return;
    }
    let { done } = outcome;
    const { job } = outcome;
    // Pages of the site written while this one was being prepared may have taught the site more
    // furniture: if this page has any of it, it is extracted again with what is known now. (An
    // HTML page is sent with all of its site's furniture, most of which it may not have.)
    if (job.raw && job.site) {
      const now = siteInfo(job.raw, store, job.site);
      const before = new Set(job.site.known);
      const mine = new Set(done.siteLines?.keys ?? job.site.keys);
      if (now?.known.some((k) => !before.has(k) && mine.has(k)))
        done = prepareJob({ ...job, site: now }, ctx);
    }
    const { article, source } = done;
    if (done.outcome === 'empty') {
      skip(source, 'no article text found');
      return;
    }
    if (store.hasArticle(article.id)) {
      present(source, article.id, outcome.content);
      return;
    }
    // A reprint's preparation is its original's, kept in the cache (prepared here in the rare
    // case that the original was let go or never stored).
    const prepared =
      done.outcome === 'prepared'
        ? done.prepared
        : (cache.repeated(done.repeats, article) ?? prepareArticle(article, ctx));
    // A page's own date (its metadata's, its date line's) can be as impossible as a record's.
    const published = plausibleDate(article.published);
    if (published !== article.published)
      for (const a of new Set([article, prepared.article])) a.published = published;
    // Two pages of one site that share a paragraph are compared at the end of the run, once more
    // of what the site repeats on every page is known (`settleSitePairs`).
    const site = done.siteLines?.site;
    const { relations, reprintOf, putOff } = verifyCandidates(prepared, done.fingerprints, store, ctx, opt, {
      maxTermDf: termMaxDf(stored),
      stored: cache,
      putOff: site === undefined ? undefined : sameSiteSharing(article, site, store),
    });
    store.writeArticle({
      article,
      source,
      ...done.fingerprints,
      surface: prepared.surface,
      relations,
      reprintOf,
      siteLines: done.siteLines,
      deferred: putOff,
      content: outcome.content,
    });
    cache.remember(article.id, prepared);
    stored++;
    summary.ingested++;
    summary.relations += relations.length;
    if (reprintOf) summary.reprints++;
    opt.onProgress?.({ source, status: 'ingested', id: article.id });
    opt.onArticle?.(article.id);
  };
  try {
    for await (const item of typeof source === 'function' ? source(skip) : source) {
      window.push(start(item));
      if (window.length >= (pool ? JOBS_AHEAD * pool.size : 1))
        finish(await (window.shift() as Promise<Outcome>));
    }
    while (window.length) finish(await (window.shift() as Promise<Outcome>));
    summary.relations += settleSitePairs(store, ctx);
  } finally {
    store.flush();
    await own?.close();
  }
  return summary;
}

/**
 * Terms used by more than 2% of a corpus of `articles` (a city's name in a city's paper, a season's
 * word) do not tell one story from another. Below 10,000 articles that share is too few articles
 * to call anything common: a folder of 500 articles about one event holds its names in every
 * article. So up to 200 holders (the postings read per key) are always weighed: with a floor of
 * 20, a corpus of 500 reprints and rewrites of one story fell into a story of 365 and 132 strays;
 * with 200, 493. Holders are counted by text: a reprint (`reprintOf`) adds none, so that a wire
 * story on 300 sites is not taken for a common one, unseen by its rewrites and by other reports
 * of its event.
 */
function termMaxDf(articles: number): number {
  return Math.max(200, Math.floor(articles * 0.02));
}

/**
 * Candidates `similar` verifies at most, the strongest of each index first: a request should not
 * cost 60 verifications (each a preparation of an article the cache may not hold) when a cluster of
 * reprints fills every index. Ingest verifies all of them: the story graph needs the edges.
 */
const SIMILAR_CANDIDATES = 20;

/**
 * What in the store relates to an article that is not added to it (`newstrace similar`,
 * `POST /similar`), with the ingest defaults.
 */
export function similarInStore(
  article: Article,
  store: Store,
  ctx: CompareContext,
  stored: StoredArticles,
): StoredRelation[] {
  return matchInStore(
    article,
    store,
    ctx,
    // The whole index, not ingest's recent window: the source a user asks about may be old. With
    // the window, 91 of 100 rewrites of stored originals found their source at 10k; without, 100.
    // One sentence in common is enough to be verified: in a large corpus the key terms' postings
    // reach only the newest holders, and a rewrite keeps few sentences whole (of 100 rewrites with
    // a tenth of their words replaced, 90 found their source in a million articles with two, 95
    // with one). Ingest keeps two: it verifies every candidate of every article.
    {
      ...defaultIngestOptions,
      sharedPassages: 1,
      verifyAtMost: SIMILAR_CANDIDATES,
      sameStoryWindow: Number.POSITIVE_INFINITY,
    },
    {
      banding: bandingFor(defaultIngestOptions.nearDuplicateThreshold),
      maxTermDf: termMaxDf(store.size().articles),
      stored,
    },
  ).relations;
}

/** A match of `similar` as the CLI and the API give it: the stored article as listed, and the relation. */
export interface SimilarMatch
  extends Pick<StoredRelation, 'type' | 'direction' | 'coverageA' | 'coverageB' | 'evidence'> {
  id: string;
  title: string | null;
  /** An untitled article's lead sentence. */
  lead: string | null;
  site: string | null;
  published: string | null;
  source: string | null;
}

/**
 * The relations `similarInStore` found (`a` the article asked about), each with what is listed of
 * its stored article, the closest reuse first and, within a kind, the most of the article: only
 * the matches' rows are read (listing every stored article cost seconds at a million).
 */
export function describeMatches(relations: StoredRelation[], store: Store): SimilarMatch[] {
  const listed = relations.map((r) => {
    const row = store.articleRow(r.b);
    return {
      id: r.b,
      title: row?.title ?? null,
      lead: row?.lead ?? null,
      site: row?.site ?? null,
      published: row?.published ?? null,
      source: row?.source ?? null,
      type: r.type,
      direction: r.direction,
      coverageA: r.coverageA,
      coverageB: r.coverageB,
      evidence: r.evidence,
    };
  });
  // Reprints of one text match alike: the earliest first, as the likeliest source (undated last).
  const earlier = (x: SimilarMatch, y: SimilarMatch) =>
    x.published === y.published
      ? 0
      : !y.published
        ? -1
        : !x.published
          ? 1
          : x.published < y.published
            ? -1
            : 1;
  return listed.sort((x, y) => closestFirst(x, y) || earlier(x, y));
}

export interface StoreMatch {
  prepared: PreparedArticle;
  fingerprints: Fingerprints;
  /** Verified relations of the article to stored ones (`a` is the article). */
  relations: StoredRelation[];
}

/**
 * What in the store relates to an article: candidates from the LSH bands of its sketch, its
 * passages and its key terms, each verified with the compare engine; only derived and
 * same-story relations are kept.
 */
export function matchInStore(
  article: Article,
  store: Store,
  ctx: CompareContext,
  opt: CandidateOptions,
  using: { banding: Banding; maxTermDf: number; stored: StoredArticles },
): StoreMatch {
  const prepared = prepareArticle(article, ctx);
  const fingerprints = fingerprintArticle(prepared, using.banding);
  return {
    prepared,
    fingerprints,
    relations: verifyCandidates(prepared, fingerprints, store, ctx, opt, using).relations,
  };
}

type CandidateOptions = Pick<
  IngestOptions,
  'candidates' | 'sharedTerms' | 'sharedPassages' | 'sameStoryWindow'
> & {
  /** Candidates verified in all, taken by rank from each index in turn (default: every one). */
  verifyAtMost?: number;
};

/**
 * Candidates from the index, verified by the compare engine; and the first of them whose text the
 * article repeats, if any (it is then a reprint).
 */
function verifyCandidates(
  mine: PreparedArticle,
  fp: Fingerprints,
  store: Store,
  ctx: CompareContext,
  opt: CandidateOptions,
  using: {
    maxTermDf: number;
    stored: StoredArticles;
    /** Whether the comparison with a candidate that passes the screen is put off (returned in `putOff`). */
    putOff?: (id: string, article: Article) => boolean;
  },
): { relations: StoredRelation[]; reprintOf?: string; putOff: string[] } {
  const id = mine.article.id;
  const ranked = [
    store.bandCandidates(fp.bandKeys, opt.candidates),
    store.passageCandidates(fp.passageKeys, opt.sharedPassages, PASSAGE_MAX_DF, opt.candidates),
    store.termCandidates(fp.terms, opt.sharedTerms, using.maxTermDf, opt.candidates, opt.sameStoryWindow),
  ];
  const candidates = new Set<string>();
  const most = opt.verifyAtMost ?? Number.POSITIVE_INFINITY;
  for (let rank = 0; rank < opt.candidates && candidates.size < most; rank++) {
    for (const list of ranked) {
      if (rank < list.length && list[rank] !== id && candidates.size < most) candidates.add(list[rank]);
    }
  }
  const relations: StoredRelation[] = [];
  const putOff: string[] = [];
  let reprintOf: string | undefined;
  // Reprints of one text among the candidates (a wire story on ten sites) are screened and
  // compared once: each other reprint's relation is decided again from the pair's evidence with
  // its own date.
  const screened: Array<{ theirs: ArticleSurface; surface: PairSurface }> = [];
  const compared = new Map<string, { article: Article; input: RelationInput }>();
  for (const other of candidates) {
    // Most candidates are ruled out on their surface, read from the cache or the store; only the
    // rest are prepared (from their text, if the cache has let them go) and compared in full.
    const theirSurface = using.stored.surface(other);
    if (!theirSurface) continue;
    let surface = screened.find((x) => sameSurface(x.theirs, theirSurface))?.surface;
    if (!surface) {
      surface = pairSurface(mine.surface, theirSurface, defaultCompareOptions);
      screened.push({ theirs: theirSurface, surface });
    }
    if (!mayRelateClosely(surface)) continue;
    const article = using.stored.article(other);
    if (!article) continue;
    // (A reprint is told at once: its text is not stored again.)
    if (using.putOff?.(other, article) && !sameText(mine.article, article)) {
      putOff.push(other);
      continue;
    }
    const twin = compared.get(article.text);
    let input: RelationInput;
    if (twin && sameText(twin.article, article)) input = withTwinAsSecond(twin.input, article);
    else {
      const theirs = using.stored.prepared(other, article);
      if (!theirs) continue;
      input = relationInput(mine, theirs, ctx, surface);
      compared.set(article.text, { article, input });
    }
    const relation = relate(input);
    if (!isKept(relation.type)) continue;
    relations.push({ a: id, b: other, ...relation });
    if (reprintOf === undefined && sameText(mine.article, article)) reprintOf = other;
  }
  return { relations, reprintOf, putOff };
}

/**
 * A page read as ingest reads it into `store`: without the lines its site is known to repeat. So
 * `similar` asks with the article the corpus would hold (its id too), not with the site's
 * template, which would match the site's first pages.
 */
export function extractForStore(raw: RawPage, store: Store): Article {
  return extractRaw(raw, siteInfo(raw, store));
}

/**
 * For a page of a known site: its short lines' keys, and those that at least
 * `SITE_FURNITURE_PAGES` stored pages of the site repeat (its learnt furniture). An HTML page's
 * lines are its paragraphs, known once it is extracted (by the worker, which also keys them): it
 * is sent with all of its site's learnt furniture.
 */
function siteInfo(
  raw: RawPage,
  store: Store,
  /** The page's site and line keys where read already (the page asked about again). */
  read?: { site: string; keys: number[] },
): PrepareJob['site'] {
  // A saved HTML page has no address of its own, but its head names its site.
  const site =
    read?.site ??
    raw.meta.site ??
    siteOfUrl(raw.meta.url) ??
    (raw.kind === 'html' ? siteOfHtml(raw.content) : undefined);
  if (!site) return undefined;
  if (raw.kind === 'html') return { site, keys: [], known: store.siteFurniture(site, SITE_FURNITURE_PAGES) };
  const lines = pageLines(raw.content);
  const keys = read?.keys ?? siteLineKeys(lines);
  // Its short lines are counted towards what the site repeats; any line may be known already
  // (a longer one found to be the site's template: `settleSitePairs`).
  const all = [...new Set(lines.map(paragraphKey))];
  const pages = store.siteLinePages(site, all);
  return { site, keys, known: all.filter((k) => (pages.get(k) ?? 0) >= SITE_FURNITURE_PAGES) };
}

/** A JSONL line or posted record that is not an article record. */
export class RecordError extends Error {}

/** Data files met in a folder: accounted for as skipped, never read as pages. */
const DATA_FILE = /\.(json|csv|tsv|js|css|db|sqlite|wal|shm|lock)$/i;
const WARC_FILE = /\.warc(\.gz)?$/i;
const FEED_FILE = /\.(rss|atom|xml)$/i;
const JSONL_FILE = /\.jsonl(\.gz)?$/i;

/** Whether a file's name says it holds many pages: JSONL records, a web archive, a feed. */
export const holdsPages = (path: string): boolean =>
  JSONL_FILE.test(path) || WARC_FILE.test(path) || FEED_FILE.test(path);

/**
 * The pages of an input path. `folders` holds the folders read so far in this run (by device and
 * inode): a link back up the tree, or a second link to one folder, is read once, not until the
 * system's limit on links (a loop of one link read a folder 40 times).
 */
async function* pendingOf(
  path: string,
  skip: (source: string, reason: string) => void,
  top = true,
  folders = new Set<string>(),
): AsyncGenerator<Pending> {
  if (path === '-') {
    yield { source: '-', read: () => readPage('-') };
    return;
  }
  let stat: import('node:fs').Stats | undefined;
  try {
    stat = await fs.stat(path);
  } catch {
    stat = undefined;
  }
  if (!stat && top && isGlob(path)) {
    const files = await expandGlob(path);
    if (files.length === 0) skip(path, 'no file matches this pattern');
    for (const file of files) yield* pendingOf(file, skip, false, folders);
    return;
  }
  if (stat?.isDirectory()) {
    const folder = `${stat.dev}:${stat.ino}`;
    if (folders.has(folder)) {
      skip(path, 'a folder already read in this run (a link to it, or named twice)');
      return;
    }
    folders.add(folder);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path, { withFileTypes: true });
    } catch (e) {
      skip(path, `cannot read the directory (${(e as NodeJS.ErrnoException).code ?? e})`);
      return;
    }
    for (const e of entries
      .filter((x) => !x.name.startsWith('.'))
      .sort((x, y) => x.name.localeCompare(y.name))) {
      yield* pendingOf(join(path, e.name), skip, false, folders);
    }
    return;
  }
  if (!top && DATA_FILE.test(basename(path))) {
    skip(path, 'a data file, not a page (JSONL files end in .jsonl)');
    return;
  }
  yield* pagesOfFile(path, skip, stat?.isFile() ?? false);
}

/**
 * The pages a command line names for reading, not ingesting (`extract`, `similar`): files, the
 * page files of folders, and the pages each of them holds.
 */
export async function* pagesOfPaths(
  paths: readonly string[],
  skip: (source: string, reason: string) => void,
): AsyncGenerator<PendingPage> {
  for (const path of paths)
    for await (const file of pageFiles(path)) yield* pagesOfFile(file.path, skip, file.isFile);
}

/**
 * The pages of one file: the records of a JSONL file, the HTML responses of a web archive, the
 * items of a feed, or the file itself as a page (`extract` and `similar` read files as ingest
 * does). `isFile`: the path is a file that exists (else reading it says why not).
 */
async function* pagesOfFile(
  path: string,
  skip: (source: string, reason: string) => void,
  isFile: boolean,
): AsyncGenerator<PendingPage> {
  if (JSONL_FILE.test(path) && isFile) {
    yield* jsonlRecords(path, skip);
    return;
  }
  if (WARC_FILE.test(path) && isFile) {
    for await (const page of readWarc(path, (reason) => skip(path, reason))) {
      if ('skipped' in page) {
        skip(page.source, page.skipped);
        continue;
      }
      yield {
        source: page.source,
        read: async () => ({ content: page.html, kind: 'html', meta: { url: page.url } }),
      };
    }
    return;
  }
  if (FEED_FILE.test(path) && isFile) {
    yield* feedItems(path, skip);
    return;
  }
  yield { source: path, read: () => readPage(path) };
}

async function* feedItems(
  path: string,
  skip: (source: string, reason: string) => void,
): AsyncGenerator<PendingPage> {
  let items: FeedItem[];
  try {
    const input = await readInput(path);
    if (!looksLikeFeed(input.text)) {
      skip(path, 'an XML file that is neither an RSS nor an Atom feed');
      return;
    }
    items = readFeed(input.text);
  } catch (e) {
    if (e instanceof InputError || e instanceof FeedError) {
      skip(path, e.message);
      return;
    }
    throw e;
  }
  for (const item of items) {
    const source = `${path}#${item.index}`;
    if (!item.html.trim()) {
      skip(source, 'the feed item has no text');
      continue;
    }
    const title = item.title ? `<title>${escapeHtml(item.title)}</title>` : '';
    yield {
      source,
      read: async () => ({
        content: `<html><head>${title}</head><body><article>${item.html}</article></body></html>`,
        kind: 'html',
        meta: {
          id: item.id,
          url: item.url,
          site: item.site,
          title: item.title,
          published: plausibleDate(item.published),
          author: item.author,
        },
      }),
    };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function readPage(path: string): Promise<RawPage> {
  const input = await readInput(path);
  return { content: input.text, kind: input.kind, meta: { source: path } };
}

interface JsonRecord {
  id?: unknown;
  url?: unknown;
  site?: unknown;
  title?: unknown;
  published?: unknown;
  author?: unknown;
  text?: unknown;
  html?: unknown;
}

async function* jsonlRecords(
  path: string,
  skip: (source: string, reason: string) => void,
): AsyncGenerator<PendingPage> {
  let stream: NodeJS.ReadableStream = createReadStream(path);
  if (path.endsWith('.gz')) stream = stream.pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const read of lines) {
      n++;
      // A byte-order mark before the first record is the file's, not the record's.
      const line = n === 1 ? read.replace(/^\uFEFF/, '') : read;
      if (!line.trim()) continue;
      const source = `${path}:${n}`;
      yield { source, read: async () => pageFromRecordLine(line) };
    }
  } catch (e) {
    skip(`${path}:${n + 1}`, `the file is cut short or corrupt (${(e as Error).message})`);
  }
}

/** A JSONL line (of a file or of a request's body) as a page to extract. */
export function pageFromRecordLine(line: string): RawPage {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch (e) {
    throw new RecordError(`not valid JSON (${(e as Error).message})`);
  }
  return pageFromArticleRecord(r);
}

/**
 * An article record (`id`, `url`, `site`, `title`, `published`, `author`, and `text` or `html`),
 * as JSONL lines and the HTTP API carry them, as a page to extract.
 */
export function pageFromArticleRecord(value: unknown): RawPage {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RecordError('not a JSON object');
  const r = value as JsonRecord;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const html = str(r.html);
  const text = str(r.text);
  if (!html && !text) {
    const notText = (['text', 'html'] as const).find((k) => r[k] != null && typeof r[k] !== 'string');
    throw new RecordError(notText ? `its "${notText}" is not a string` : 'has neither "text" nor "html"');
  }
  const title = str(r.title);
  return {
    content: html ?? (title ? `${title}\n${text}` : (text as string)),
    kind: html ? 'html' : 'text',
    meta: {
      id: r.id === undefined || r.id === null ? undefined : String(r.id),
      url: str(r.url),
      site: str(r.site),
      title,
      published: plausibleDate(str(r.published)),
      author: str(r.author),
    },
  };
}

/** An ISO date between 1990 and a day from now, else undefined: feeds carry impossible dates. */
export function plausibleDate(s: string | undefined, now = Date.now()): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return undefined;
  if (t < Date.UTC(1990, 0, 1) || t > now + 86_400_000) return undefined;
  return new Date(t).toISOString();
}
