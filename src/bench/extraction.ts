/**
 * Extraction speed: newstrace's HTML extractor and Readability.js + linkedom over the same
 * Dragnet pages, each in its own child process so that its peak memory (max RSS) is its own.
 *
 *   node dist/bench/extraction.js            runs both and prints the comparison
 *   node dist/bench/extraction.js --worker newstrace|readability   (internal)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newstraceExtractor, readabilityExtractor, readDragnet } from '../eval/extraction.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const PAGES = 400;

interface WorkerResult {
  pages: number;
  megabytes: number;
  pagesPerSecond: number;
  maxRssMb: number;
}

function worker(name: string): void {
  const pages = readDragnet(sharedDir, PAGES);
  const extract = name === 'readability' ? readabilityExtractor : newstraceExtractor;
  const bytes = pages.reduce((s, p) => s + p.html.length, 0);
  for (const p of pages.slice(0, 20)) safe(() => extract(p.html)); // warm-up
  const start = performance.now();
  for (const p of pages) safe(() => extract(p.html));
  const seconds = (performance.now() - start) / 1000;
  const result: WorkerResult = {
    pages: pages.length,
    megabytes: bytes / 1e6,
    pagesPerSecond: pages.length / seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

function safe(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // A page the extractor cannot handle still took its time; the eval scores the failure.
  }
}

export function benchExtraction(): void {
  if (!existsSync(join(sharedDir, 'eval', 'extraction', 'dragnet'))) {
    console.log('extraction: skipped (../shared/eval/extraction/dragnet is absent)');
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const run = (name: string): WorkerResult => {
    const r = spawnSync(process.execPath, [self, '--worker', name], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`extraction bench worker ${name} failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as WorkerResult;
  };
  const ours = run('newstrace');
  const theirs = run('readability');
  console.log(
    `extraction of ${ours.pages} Dragnet pages (${ours.megabytes.toFixed(1)} MB of HTML), one core:`,
  );
  for (const [name, r] of [
    ['newstrace', ours],
    ['Readability.js + linkedom', theirs],
  ] as const) {
    console.log(
      `  ${name.padEnd(26)} ${r.pagesPerSecond.toFixed(0).padStart(5)} pages/s   peak memory ${r.maxRssMb.toFixed(0)} MB`,
    );
  }
  console.log(`  speed ratio: ${(ours.pagesPerSecond / theirs.pagesPerSecond).toFixed(1)}× (target ≥ 3×)`);
}

const args = process.argv.slice(2);
if (args[0] === '--worker') worker(args[1]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) benchExtraction();
