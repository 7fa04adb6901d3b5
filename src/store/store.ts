/**
 * What the corpus needs from a database. SQLite implements it (the embedded default); a
 * PostgreSQL backend will implement the same interface, so the schema and queries are kept
 * portable: text keys, JSON documents in text columns, no SQLite-only types.
 */
import type { Article } from '../article/types.js';
import type { ArticleSurface } from '../compare/surface.js';
import type { Relation } from '../relate/relate.js';
import { swapSides } from '../relate/sides.js';

/**
 * How one input ended: stored, already there, or skipped with the reason. An input a run stored
 * stays `ingested`, with that run's time, when a later run finds its article present.
 */
export const INPUT_STATUSES = ['ingested', 'present', 'skipped'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

/** An input as last read: where it came from, what became of it, and when. */
export interface InputRow {
  /** Its place in the store's account of inputs (first read first): where a next page starts. */
  seq: number;
  source: string;
  status: InputStatus;
  /** Why it was skipped. */
  reason?: string;
  /** The article it was stored as, or found stored as. */
  article?: string;
  /** When it was last read (ISO 8601). */
  at: string;
}

export interface StoredRelation
  extends Pick<Relation, 'type' | 'direction' | 'coverageA' | 'coverageB' | 'similarity' | 'evidence'> {
  a: string;
  b: string;
}

const FLIPPED: Record<StoredRelation['direction'], StoredRelation['direction']> = {
  'a-from-b': 'b-from-a',
  'b-from-a': 'a-from-b',
  'common-source': 'common-source',
  unknown: 'unknown',
};

/** A stored relation as article `id` sees it: `id` as side A, whichever side the store has it on. */
export function seenFrom(r: StoredRelation, id: string): StoredRelation {
  if (r.a === id) return r;
  return {
    ...r,
    a: r.b,
    b: r.a,
    coverageA: r.coverageB,
    coverageB: r.coverageA,
    direction: FLIPPED[r.direction],
    evidence: r.evidence.map(swapSides),
  };
}

export interface ArticleRow {
  id: string;
  source?: string;
  site?: string;
  url?: string;
  title: string;
  /** An untitled article's first sentence (cut short), shown in place of its title. */
  lead?: string;
  published?: string;
}

/** Everything an ingested article adds, written at once: a crash leaves all of it or none. */
export interface ArticleWrite {
  article: Article;
  source: string;
  /** LSH band keys of its MinHash sketch, one per band. */
  bandKeys: Uint32Array;
  /** Hashes of its longer sentences, for partial-reuse candidates. */
  passageKeys: Uint32Array;
  /** Its key terms (rare words and names), for same-story candidates. */
  terms: string[];
  /** Its content words and vocabulary: candidates are screened on them before being prepared. */
  surface: ArticleSurface;
  relations: StoredRelation[];
  /**
   * A stored article whose text this one repeats (a reprint). Its passages are not indexed again
   * and its terms not counted again: frequency caps count texts, not pages, so that a wire story
   * on 300 sites is not taken for a stock text, unseen by its rewrites and by other reports.
   * (A corpus upgraded from schema 8 keeps what it counted before by page.)
   */
  reprintOf?: string;
  /** The fingerprint of the input's content as read (its raw page's hash and length), if it had one. */
  content?: string;
  /** Keys of the page's short lines, counted towards its site's learnt furniture. */
  siteLines?: { site: string; keys: number[] };
  /**
   * Stored pages of its site (`siteLines.site`) it shares a short line with, which the site may yet
   * turn out to repeat on every page: compared at the end of the run (`Store.deferredPairs`), once
   * more of the site is known.
   */
  deferred?: string[];
}

/** A comparison of two pages of one site put off (`ArticleWrite.deferred`): `a` the later. */
export interface DeferredPair {
  a: string;
  b: string;
  site: string;
}

export interface Store {
  hasArticle(id: string): boolean;
  /** The article stored under `id`, if any. */
  getArticle(id: string): Article | undefined;
  /** The surface stored with article `id`; undefined if not stored (or stored before surfaces were). */
  getSurface(id: string): ArticleSurface | undefined;
  /** Articles sharing at least one band key with these, most shared first. */
  bandCandidates(bandKeys: Uint32Array, limit: number): string[];
  /**
   * Articles sharing at least `minShared` of these passage keys, skipping keys in more than `maxDf`
   * texts (reprints are not indexed); a key's holders are read up to a cap (200), the oldest, which
   * stand for the rest. An article that shares one key alone is kept only among that key's oldest
   * three holders (where one shared passage is enough: a widely held sentence's likeliest source).
   */
  passageCandidates(keys: Uint32Array, minShared: number, maxDf: number, limit: number): string[];
  /** Articles sharing at least `minShared` of these terms, skipping terms in more than `maxDf` texts (reprints are not counted). */
  /** ...among the last `recent` articles stored, when given. */
  termCandidates(terms: string[], minShared: number, maxDf: number, limit: number, recent?: number): string[];
  /** For each line key, how many stored pages of `site` have that line. */
  siteLinePages(site: string, keys: number[]): Map<number, number>;
  /** The line keys that at least `pages` stored pages of `site` have (its learnt furniture). */
  siteFurniture(site: string, pages: number): number[];
  /** Lines taken for `site`'s template otherwise than by their count: counted as held by `pages` of its pages. */
  addSiteFurniture(site: string, keys: number[], pages: number): void;
  /** The site key article `id` was stored with (`ArticleWrite.siteLines`), if any. */
  siteKeyOf(id: string): string | undefined;
  /** The comparisons put off and not yet settled, from this run or one that stopped short. */
  deferredPairs(): DeferredPair[];
  /** A put-off comparison settled: its relation (if it found one) written and the pair dropped, at once. */
  settlePair(pair: DeferredPair, relation?: StoredRelation): void;
  /** Writes an article; it is durable once `flush` (or `close`) has run, or the store's own batch committed. */
  writeArticle(write: ArticleWrite): void;
  /** Commits what was written: a crash after this loses none of it. */
  flush(): void;
  /** `content`: the fingerprint of what the input held, for `articleReadFrom` on a re-run. */
  recordInput(source: string, status: InputStatus, reason?: string, article?: string, content?: string): void;
  /**
   * The stored article that `source` gave when it held the same content (its fingerprint), if
   * any: a re-run takes that input as present without extracting it again.
   */
  articleReadFrom(source: string, content: string): string | undefined;
  /**
   * The article an input was stored as, or found already stored as: `source` as ingest named it
   * (a path as given, "corpus.jsonl:12", a WARC record); undefined if no article came of it.
   */
  articleOfInput(source: string): string | undefined;
  articles(): ArticleRow[];
  /** What is listed of one stored article (title, source, site, date); undefined if not stored. */
  articleRow(id: string): ArticleRow | undefined;
  relations(): StoredRelation[];
  /**
   * Articles (relations) stored after the first `count`, in the order they were stored: what a
   * reader that has seen `count` of them has not. `size()` gives the counts to pass next.
   */
  articlesAfter(count: number): ArticleRow[];
  relationsAfter(count: number): StoredRelation[];
  /** The relations one article is part of. */
  relationsOf(id: string): StoredRelation[];
  /** Articles and relations stored, read cheaply (for per-request use: caches, thresholds). */
  size(): { articles: number; relations: number };
  counts(): { articles: number; relations: number; inputs: Record<InputStatus, number> };
  /**
   * Every input read into the store (of one status), in the order they were first read, from
   * after the one at `after` (its `seq`): one at a time, for millions.
   */
  inputs(status?: InputStatus, after?: number): IterableIterator<InputRow>;
  /**
   * Rewrites the store without the space its upgrades left free (and, for SQLite, with a new
   * database's page size): the only writer while it runs.
   */
  compact(): void;
  close(): void;
}
