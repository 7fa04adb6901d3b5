/**
 * A worker thread of ingest: prepares articles (see prepare.ts) with its own copy of the lexicon,
 * and remembers the texts it prepared last (`workerData.recentTexts` of them) to tell reprints.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultContext } from '../compare/context.js';
import { type PrepareJob, prepareJob, RecentTexts } from './prepare.js';

const ctx = defaultContext();
const capacity = (workerData as { recentTexts?: number } | undefined)?.recentTexts ?? 0;
const recent = capacity > 0 ? new RecentTexts(capacity) : undefined;
parentPort?.on('message', ({ id, job }: { id: number; job: PrepareJob }) => {
  try {
    parentPort?.postMessage({ id, result: prepareJob(job, ctx, recent) });
  } catch (e) {
    parentPort?.postMessage({ id, error: (e as Error).message ?? String(e) });
  }
});
