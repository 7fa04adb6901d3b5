/**
 * How many texts hold each key term (`term_df`), as a writing connection counts them. Each article
 * written counts its ~30 key terms and each one looked up for candidates reads ~30 counts: as
 * statements, ~60 an article, a tenth of the main thread's time in ingest. Here the counts a batch
 * adds wait in memory until it commits (one upsert per distinct term), and the counts read are
 * kept while nobody else writes, so that answers are the same as the table's at every moment.
 */
export class TermCounts {
  /** Counts as they stand now (stored plus pending), for terms read since `knownAt`. */
  private readonly known = new Map<string, number>();
  /** Counts added by the open batch, not yet in the table. */
  private readonly pending = new Map<string, number>();
  /** The newest article `known` accounts for; -1 when none. */
  private knownAt = -1;

  /**
   * `stored`: a term's count in the table; `store`: adds `n` to a term's count in the table.
   * `capacity`: the known counts kept at most (a crawl of millions names millions of terms; 200,000
   * take ~15 MB).
   */
  constructor(
    private readonly stored: (term: string) => number,
    private readonly store: (term: string, n: number) => void,
    private readonly capacity = 200_000,
  ) {}

  /** The count of `term` now, with the newest article written being `last` (another writer's, perhaps). */
  count(term: string, last: number): number {
    if (last !== this.knownAt) this.forget(last);
    let n = this.known.get(term);
    if (n === undefined) {
      n = this.stored(term) + (this.pending.get(term) ?? 0);
      if (this.known.size >= this.capacity) this.known.clear();
      this.known.set(term, n);
    }
    return n;
  }

  /** Article `seq` written by this connection; `terms` its distinct key terms, if its text counts (no reprint). */
  written(seq: number, terms: readonly string[]): void {
    // An article between (another writer's) leaves `known` behind the table.
    if (seq !== this.knownAt + 1) this.forget(seq);
    this.knownAt = seq;
    for (const t of terms) {
      this.pending.set(t, (this.pending.get(t) ?? 0) + 1);
      const n = this.known.get(t);
      if (n !== undefined) this.known.set(t, n + 1);
    }
  }

  /**
   * Writes the pending counts into the table: before the batch commits. Each is dropped once
   * written, so that a write that fails (a full disk) leaves only the unwritten ones to retry.
   */
  flush(): void {
    for (const [t, n] of this.pending) {
      this.store(t, n);
      this.pending.delete(t);
    }
  }

  /** The batch was rolled back: its counts are gone from the table and from here. */
  rolledBack(): void {
    this.pending.clear();
    this.forget(-1);
  }

  private forget(at: number): void {
    this.known.clear();
    this.knownAt = at;
  }
}
