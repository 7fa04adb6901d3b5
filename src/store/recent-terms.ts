/**
 * The key-term postings of the articles this store wrote last, in memory: ingest's same-story
 * look-up asks, for each of an article's ~30 key terms, for the newest 200 holders among the last
 * 5,000 articles, which read ~730 index rows per article from SQLite (0.25 ms, a tenth of the main
 * thread's time per article at 10k). From memory the same answer costs a few array reads.
 *
 * It holds a contiguous run of sequence numbers (`articles.rowid`), all written through it, and
 * says which part of a look-up it can answer; the store reads the rest from SQLite, so answers
 * are the same with or without it.
 */
export class RecentTerms {
  /** Per term, the sequence numbers of its holders in the run, ascending. */
  private readonly postings = new Map<string, number[]>();
  /** Article id of each sequence number in the run, at `seq - first`. */
  private ids: string[] = [];
  /** The run is `first` … `first + ids.length - 1`; empty when `ids` is. */
  private first = 0;

  /** `keep`: how many of the newest articles to hold (older ones are dropped as the run grows). */
  constructor(private readonly keep: number) {}

  /** The last sequence number held, or undefined when empty. */
  get last(): number | undefined {
    return this.ids.length ? this.first + this.ids.length - 1 : undefined;
  }

  /**
   * Records article `id` written as `seq` with its distinct `terms`. A gap in the sequence (a row
   * written by someone else) restarts the run: it must hold every article of its span.
   */
  add(seq: number, id: string, terms: readonly string[]): void {
    if (this.ids.length && seq !== this.first + this.ids.length) this.clear();
    if (!this.ids.length) this.first = seq;
    this.ids.push(id);
    for (const t of terms) {
      const list = this.postings.get(t);
      if (list) list.push(seq);
      else this.postings.set(t, [seq]);
    }
    if (this.ids.length >= 2 * this.keep) this.dropOldest(this.ids.length - this.keep);
  }

  /**
   * Calls `visit` with the sequence number of each holder of `term` above `after`, newest first,
   * at most `limit`; `complete` is false when the run starts above `after + 1`, so older holders
   * may exist that only the database knows (those below `from`).
   */
  holders(
    term: string,
    after: number,
    limit: number,
    visit: (seq: number) => void,
  ): { found: number; complete: boolean; from: number } {
    let found = 0;
    const list = this.postings.get(term);
    if (list) {
      for (let k = list.length - 1; k >= 0 && found < limit && list[k] > after; k--, found++) visit(list[k]);
    }
    return { found, complete: found >= limit || this.first <= after + 1, from: this.first };
  }

  /** The article id of a sequence number the run holds; none for one older or newer. */
  idOf(seq: number): string | undefined {
    return seq >= this.first ? this.ids[seq - this.first] : undefined;
  }

  clear(): void {
    this.postings.clear();
    this.ids = [];
    this.first = 0;
  }

  private dropOldest(count: number): void {
    const cut = this.first + count;
    for (const [t, list] of this.postings) {
      let k = 0;
      while (k < list.length && list[k] < cut) k++;
      if (k === list.length) this.postings.delete(t);
      else if (k > 0) list.splice(0, k);
    }
    this.ids = this.ids.slice(count);
    this.first = cut;
  }
}
