/**
 * Worker threads that prepare articles for ingest, so that both cores work: jobs go round-robin,
 * results come back as promises. Used only where the compiled worker script exists (the built
 * package); running from sources, preparation stays on the main thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedJob, PrepareJob } from './prepare.js';

const WORKER = new URL('./prepare-worker.js', import.meta.url);

export class PreparePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (r: PreparedJob) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private stopped = false;

  /**
   * A pool of `size` workers, or undefined when workers cannot run here. With `recentTexts`, each
   * worker answers an article whose text it prepared among its last `recentTexts` with that
   * article's id (a `repeat`): the caller must hold that preparation (ingest's cache does).
   */
  static create(size: number, options: { recentTexts?: number } = {}): PreparePool | undefined {
    if (size < 1 || !existsSync(fileURLToPath(WORKER))) return undefined;
    return new PreparePool(size, options.recentTexts ?? 0);
  }

  private constructor(size: number, recentTexts: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(WORKER, { workerData: { recentTexts } });
      w.on('message', (m: { id: number; result?: PreparedJob; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.result) p.resolve(m.result);
        else p.reject(new Error(m.error ?? 'the preparing worker failed'));
      });
      w.on('error', (e) => this.failAll(e));
      // A worker stopped (closed, or crashed) answers nothing more: its jobs fail rather than hang.
      w.on('exit', () => this.failAll(new Error('the preparing worker stopped')));
      return w;
    });
  }

  run(job: PrepareJob): Promise<PreparedJob> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, job });
    });
  }

  private failAll(e: Error): void {
    this.stopped = true;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** True once a worker has failed or stopped: the pool takes no more work. */
  get failed(): boolean {
    return this.stopped;
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
