/** A worker thread of ingest: prepares articles (see prepare.ts) with its own copy of the lexicon. */
import { parentPort } from 'node:worker_threads';
import { defaultContext } from '../compare/context.js';
import { type PrepareJob, prepareJob } from './prepare.js';

const ctx = defaultContext();
parentPort?.on('message', ({ id, job }: { id: number; job: PrepareJob }) => {
  try {
    parentPort?.postMessage({ id, result: prepareJob(job, ctx) });
  } catch (e) {
    parentPort?.postMessage({ id, error: (e as Error).message ?? String(e) });
  }
});
