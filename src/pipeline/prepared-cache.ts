/**
 * Stored articles prepared for comparison, kept for the next verification (least recently used
 * out). Each holds its sentences' word vectors (~100 KB for 600 words), so the capacity is what
 * bounds the memory of ingest, `similar` and the server.
 */
import { type CompareContext, type PreparedArticle, prepareArticle } from '../compare/compare.js';
import type { Store } from '../store/store.js';

export class PreparedCache {
  private readonly entries = new Map<string, PreparedArticle>();

  constructor(
    private readonly store: Store,
    private readonly ctx: CompareContext,
    private readonly capacity: number,
  ) {}

  /** Keeps `p` as the most recently used. */
  remember(id: string, p: PreparedArticle): void {
    this.entries.delete(id);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, p);
  }

  /** The stored article `id` prepared, from the cache or the store; undefined if not stored. */
  get(id: string): PreparedArticle | undefined {
    let p = this.entries.get(id);
    if (!p) {
      const a = this.store.getArticle(id);
      if (!a) return undefined;
      p = prepareArticle(a, this.ctx);
    }
    this.remember(id, p);
    return p;
  }
}
