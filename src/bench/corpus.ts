/**
 * Corpus figures on generated corpora with known derivations (see generate.ts), at several sizes:
 *
 * - the sketch-and-candidate stage (tokens → MinHash → LSH band keys → a bucket lookup per band)
 *   in articles/s on one core, with the recall of LSH on derived pairs by their true similarity;
 * - full ingest into SQLite (extraction, fingerprints, candidates, verification, writing) in a
 *   child process of its own, so that its peak memory is its own: articles/s, database size per
 *   article, peak memory, then `similar` latency p50/p99 on the corpus it built.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bandKeys, chooseBanding } from '../candidates/lsh.js';
import { articleTokenIds } from '../sketch/article.js';
import { minhash } from '../sketch/minhash.js';
import { asArticle, generateArticles, samplePool } from './generate.js';

const CHUNK = 5000;

/**
 * The bench's bucket index: open addressing over (band, key) with a chain of articles per bucket,
 * in typed arrays, so that a million articles' 25 bands fit in a few hundred megabytes.
 */
class BucketIndex {
  private readonly keys: Uint32Array;
  private readonly bands: Uint8Array;
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(
    articles: number,
    private readonly bandCount: number,
  ) {
    let size = 1;
    while (size < (articles * bandCount) / 0.7) size <<= 1;
    this.keys = new Uint32Array(size);
    this.bands = new Uint8Array(size); // band + 1; 0 = empty slot
    this.heads = new Int32Array(size);
    this.next = new Int32Array(articles * bandCount).fill(-1);
    this.mask = size - 1;
  }

  /** Adds article `k` to its buckets; returns how many earlier articles share a bucket (capped). */
  add(k: number, keys: Uint32Array, cap = 20): number {
    let found = 0;
    for (let b = 0; b < keys.length; b++) {
      let slot = (Math.imul(keys[b] ^ Math.imul(b + 1, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
      while (this.bands[slot] !== 0 && (this.bands[slot] !== b + 1 || this.keys[slot] !== keys[b]))
        slot = (slot + 1) & this.mask;
      const entry = k * this.bandCount + b;
      if (this.bands[slot] === 0) {
        this.bands[slot] = b + 1;
        this.keys[slot] = keys[b];
        this.next[entry] = -1;
      } else {
        for (let e = this.heads[slot]; e >= 0 && found < cap; e = this.next[e]) found++;
        this.next[entry] = this.heads[slot];
      }
      this.heads[slot] = entry;
    }
    return found;
  }
}

function shingleSet(ids: Uint32Array): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k + 4 <= ids.length; k++) out.add(`${ids[k]},${ids[k + 1]},${ids[k + 2]},${ids[k + 3]}`);
  return out;
}

function jaccard(x: Uint32Array, y: Uint32Array): number {
  const sa = shingleSet(x);
  const sb = shingleSet(y);
  let inter = 0;
  for (const s of sa) if (sb.has(s)) inter++;
  return inter / (sa.size + sb.size - inter || 1);
}

export async function benchSketch(size: number): Promise<void> {
  const pool = await samplePool();
  const banding = chooseBanding(0.5, 128);
  const index = new BucketIndex(size, banding.bands);
  const bins = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
  const found = new Array(bins.length - 1).fill(0);
  const total = new Array(bins.length - 1).fill(0);
  let seconds = 0;
  /** The first chunk's share: it also compiles the code, a cost of the process, not per article. */
  let firstChunk: { articles: number; seconds: number } | undefined;
  let words = 0;
  let pairs = 0;
  let previous: { ids: Uint32Array; keys: Uint32Array } | undefined;
  const stream = generateArticles(pool, size);
  for (;;) {
    // Articles are made untimed, a chunk at a time; only the stage itself is timed.
    const chunk = [];
    for (let g = stream.next(); !g.done; g = stream.next()) {
      chunk.push({ g: g.value, article: asArticle(g.value.text, g.value.k) });
      if (chunk.length === CHUNK) break;
    }
    if (chunk.length === 0) break;
    const ids: Uint32Array[] = [];
    const keys: Uint32Array[] = [];
    const start = performance.now();
    for (const { g, article } of chunk) {
      const tokenIds = articleTokenIds(article);
      const bk = bandKeys(minhash(tokenIds), banding);
      index.add(g.k, bk);
      ids.push(tokenIds);
      keys.push(bk);
    }
    seconds += (performance.now() - start) / 1000;
    firstChunk ??= { articles: chunk.length, seconds };
    chunk.forEach(({ g }, c) => {
      words += g.text.split(' ').length;
      // True similarities cost more than the stage itself: past 100k articles, a sample of pairs.
      if (
        g.follows &&
        g.follows.kind !== 'independent' &&
        previous &&
        pairs++ % Math.max(1, Math.round(size / 100_000)) === 0
      ) {
        const j = jaccard(previous.ids, ids[c]);
        const bin = bins.findIndex((b, i) => j >= b && j < bins[i + 1]);
        total[bin]++;
        if (previous.keys.some((key, b) => key === keys[c][b])) found[bin]++;
      }
      previous = { ids: ids[c], keys: keys[c] };
    });
  }
  const cells = total
    .map((t, i) =>
      t
        ? `${bins[i].toFixed(1)}–${Math.min(bins[i + 1], 1).toFixed(1)}: ${((100 * found[i]) / t).toFixed(0)}% of ${t}`
        : '',
    )
    .filter(Boolean);
  const after =
    firstChunk && size > firstChunk.articles
      ? (size - firstChunk.articles) / (seconds - firstChunk.seconds)
      : undefined;
  const steady = after
    ? `${after.toFixed(0)}/s after the first ${firstChunk?.articles.toLocaleString('en')}, which also compile the code; `
    : '';
  console.log(
    `sketch + LSH candidates, ${size.toLocaleString('en')} generated articles (~${(words / size).toFixed(0)} words, ${pairs.toLocaleString('en')} derived pairs): ` +
      `${(size / seconds).toFixed(0)} articles/s on one core (${steady}${banding.bands} bands × ${banding.rows} rows, threshold 0.5; target ≥ 10,000); ` +
      `peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n` +
      `  LSH recall of derived pairs by true Jaccard of word 4-grams: ${cells.join(', ')}`,
  );
}

/**
 * Full ingest of `size` generated articles in a child process (`ingest-child.ts`); returns the
 * database file when `keep` is set (the API bench serves it), else removes it.
 */
export function benchIngest(size: number, keep: boolean): string | undefined {
  return runCorpusChild('ingest-child.js', 'ingest', size, keep);
}

/**
 * `similar` on an index of `size` generated articles built without verification, in a child
 * process (`index-child.ts`): the corpus sizes whose full ingest would outlast a bench.
 */
export function benchIndex(size: number): void {
  runCorpusChild('index-child.js', 'index', size, false);
}

function runCorpusChild(script: string, what: string, size: number, keep: boolean): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-bench-'));
  const db = join(dir, 'bench.db');
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const r = spawnSync(process.execPath, [path, String(size), db, keep ? 'keep' : 'remove'], {
    stdio: 'inherit',
  });
  if (!keep) rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`the ${what} bench of ${size} articles failed (exit ${r.status})`);
  return keep ? db : undefined;
}
