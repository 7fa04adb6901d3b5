/**
 * Stored articles prepared for comparison, kept for the next verification (least recently used
 * out). Each holds its sentences' word vectors (~100 KB for 600 words), so the capacity is what
 * bounds the memory of ingest, `similar` and the server.
 */
import type { Article } from '../article/types.js';
import { type CompareContext, type PreparedArticle, prepareArticle, sameText } from '../compare/compare.js';
import type { ArticleSurface } from '../compare/surface.js';
import type { Store } from '../store/store.js';
import { RecentlyUsed } from './recently-used.js';

/**
 * Prepared articles `similar` keeps (the command, the server's `POST /similar`, the bench). Its
 * requests' candidates seldom repeat in a large corpus (none of 500 at a million articles), while
 * every prepared article kept lengthens the marking of each major collection: at a million
 * articles, alternating runs, p99 of the first requests 145 / 122 ms with 5,000 kept against 72 /
 * 92 ms with 200 (warm: 115 / 82 against 56 / 72 ms), p50 lower too.
 */
export const SIMILAR_CACHE = 200;

/** Stored articles as verification reads them: every candidate's surface, and some prepared. */
export interface StoredArticles {
  /** The surface of stored article `id`: cheap, enough to rule most candidates out. */
  surface(id: string): ArticleSurface | undefined;
  /** Stored article `id` as read, without preparing it: to tell a reprint of a text already compared. */
  article(id: string): Article | undefined;
  /** Stored article `id` prepared for comparison (`read`: the article, read already); undefined if not stored. */
  prepared(id: string, read?: Article): PreparedArticle | undefined;
}

export class PreparedCache implements StoredArticles {
  private readonly entries: RecentlyUsed<string, PreparedArticle>;

  constructor(
    private readonly store: Store,
    private readonly ctx: CompareContext,
    capacity: number,
  ) {
    this.entries = new RecentlyUsed(capacity);
  }

  /** Keeps `p` as the most recently used. */
  remember(id: string, p: PreparedArticle): void {
    this.entries.set(id, p);
  }

  /**
   * The surface of a cached article, or the one stored with it (read again when asked again), or
   * for an article stored without one, its preparation.
   */
  surface(id: string): ArticleSurface | undefined {
    return this.entries.peek(id)?.surface ?? this.store.getSurface(id) ?? this.prepared(id)?.surface;
  }

  article(id: string): Article | undefined {
    return this.entries.peek(id)?.article ?? this.store.getArticle(id);
  }

  /**
   * `article` prepared as the cached article `id` was, when it repeats that one's text and
   * sentences (a reprint: its profiles, facts, surface and credits are all read from its text);
   * undefined if `id` is not cached or its text differs. The original is then kept as the most
   * recently used: a preparer names it for every reprint of its text it meets, however long ago
   * the original itself came.
   */
  repeated(id: string, article: Article): PreparedArticle | undefined {
    const p = this.entries.peek(id);
    if (!p || !sameText(p.article, article)) return undefined;
    this.remember(id, p);
    return { ...p, article };
  }

  /** The stored article `id` prepared, from the cache or the store; undefined if not stored. */
  prepared(id: string, read?: Article): PreparedArticle | undefined {
    let p = this.entries.peek(id);
    if (!p) {
      const a = read ?? this.store.getArticle(id);
      if (!a) return undefined;
      p = prepareArticle(a, this.ctx);
    }
    this.remember(id, p);
    return p;
  }
}
