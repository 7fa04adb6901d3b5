/**
 * WAL checkpoints on a thread of their own, for a store that writes a lot (ingest).
 *
 * Every commit appends the pages it changed to the WAL; a checkpoint copies them into the database
 * file and waits for the disk (fsync). Run by SQLite inside a commit (`wal_autocheckpoint`), that
 * copy and that wait stop the writer: at 300,000 articles an article's index rows land on ~60
 * scattered pages, and without any fsync a copy of such a database took articles 27% faster.
 * Here a thread with its own connection checkpoints once the WAL holds `CHECKPOINT_PAGES` pages
 * not yet copied, while the writer goes on. The writer then copies what it committed meanwhile
 * (about one commit): with every page copied, its next transaction starts the WAL again from its
 * beginning, so the WAL stays about as large as one interval instead of growing with every commit
 * (a large WAL slows every page read). Measured: +7.5% at 300,000 articles (DEVELOPERS.md).
 *
 * The thread decides when to checkpoint from the WAL-index header in the `-shm` file (its format:
 * https://www.sqlite.org/walformat.html): `mxFrame` (pages in the WAL) at byte 16 and
 * `nBackfill` (pages already copied) at byte 96, native-endian 32-bit integers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./checkpoint-worker.js', import.meta.url);

/**
 * Pages in the WAL not yet copied from which the thread checkpoints: 160 MB of a new database's 8
 * KB pages (80 MB of an older one's 4 KB), so that a page changed by many commits is copied once (SQLite's own default, 1,000, copied most pages
 * again every few hundred articles).
 */
export const CHECKPOINT_PAGES = 20_000;

/** Slots of the counters shared with the thread. */
export const Slot = {
  /** Checkpoints the thread has completed. */
  Done: 0,
  /** Set to 1 by the writer: the thread closes its connection and ends. */
  Stop: 1,
  /** Set to 1 by the thread once its connection is closed. */
  Closed: 2,
} as const;

export class BackgroundCheckpoints {
  private readonly counters = new Int32Array(new SharedArrayBuffer(3 * 4));
  private readonly worker: Worker;
  private seen = 0;

  /** A checkpointing thread for the database `file`, or undefined where threads cannot run here. */
  /**
   * `failed` is called if the thread stops on its own (it could not open the database, say): the
   * writer must then checkpoint again itself.
   */
  static start(file: string, pages: number, failed: () => void): BackgroundCheckpoints | undefined {
    if (!existsSync(fileURLToPath(WORKER))) return undefined;
    return new BackgroundCheckpoints(file, pages, failed);
  }

  private constructor(file: string, pages: number, failed: () => void) {
    this.worker = new Worker(WORKER, { workerData: { file, pages, counters: this.counters } });
    this.worker.on('error', () => {});
    this.worker.on('exit', () => {
      if (Atomics.load(this.counters, Slot.Stop) === 1) return;
      Atomics.store(this.counters, Slot.Closed, 1);
      failed();
    });
    // A process that ends without closing its store must not wait for the thread.
    this.worker.unref();
  }

  /**
   * True once for each checkpoint the thread completed since the last call: the writer should
   * then copy what it committed meanwhile, outside a transaction.
   */
  completed(): boolean {
    const done = Atomics.load(this.counters, Slot.Done);
    if (done === this.seen) return false;
    this.seen = done;
    return true;
  }

  /** Ends the thread after its connection is closed (a checkpoint in progress completes first). */
  stop(): void {
    Atomics.store(this.counters, Slot.Stop, 1);
    Atomics.notify(this.counters, Slot.Done);
    // The main thread may wait here: the store's close is synchronous, and the database must have
    // no other connection when it closes (the last one copies the WAL and removes it).
    Atomics.wait(this.counters, Slot.Closed, 0, 60_000);
  }
}
