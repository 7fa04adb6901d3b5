/**
 * `similar` timed as the CLI and the API run it, on a stored corpus of generated articles: a new
 * article prepared and verified against its candidates, nothing written. Half the probes rewrite a
 * stored original (10% of their words replaced), half are new articles; the rewrites should find
 * their source. Measured twice, each time with an empty prepared cache: a fresh process's first
 * requests (after the warm-up `newstrace serve` runs at start and 30 other articles, as a server
 * that has just started: its first requests also compile the code), and a server some time later (after 200 more requests of the same kinds,
 * on other articles).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import type { CompareContext } from '../compare/compare.js';
import { similarInStore } from '../pipeline/ingest.js';
import { PreparedCache, SIMILAR_CACHE } from '../pipeline/prepared-cache.js';
import { rng } from '../similarity/boosting.js';
import type { Store } from '../store/store.js';
import { asArticle, generateArticles, newArticleStream, plainWords, reword } from './generate.js';

/** Probes in each measured set; half rewrite a stored original, half are new articles. */
const PROBES = 200;
const WARM_UP = 30;

interface Probe {
  /** The id of the stored original a rewrite was made from; '' for a new article. */
  source: string;
  article: Article;
}

export function benchSimilar(
  store: Store,
  ctx: CompareContext,
  pool: readonly string[],
  size: number,
): string {
  // A reservoir of the corpus's originals (the stream `generateArticles` gave the corpus), for
  // three sets of rewrites: the first requests', the warm-up's, and the warm requests'.
  const rnd = rng(99);
  const wanted = (3 * PROBES) / 2;
  const reservoir: Array<{ k: number; text: string }> = [];
  let originals = 0;
  for (const g of generateArticles(pool, size)) {
    if (g.follows) continue;
    originals++;
    if (reservoir.length < wanted) reservoir.push(g);
    else if (rnd() < wanted / originals) reservoir[Math.floor(rnd() * reservoir.length)] = g;
  }
  const words = plainWords(pool);
  let next = size;
  const rewrites = reservoir.map((g) => ({
    source: `g${g.k}`,
    article: asArticle(reword(g.text, 0.1, words, rnd), next++),
  }));
  const fresh: Probe[] = [];
  for (const g of generateArticles(pool, 8 * PROBES, newArticleStream(1234))) {
    if (fresh.length === wanted) break;
    if (!g.follows) fresh.push({ source: '', article: asArticle(g.text, next++) });
  }
  const set = (k: number) => [
    ...rewrites.slice((k * PROBES) / 2, ((k + 1) * PROBES) / 2),
    ...fresh.slice((k * PROBES) / 2, ((k + 1) * PROBES) / 2),
  ];
  // Warm-up, not counted: the first requests of a process also compile its code. Other articles,
  // with a cache of their own, so that the measured probes' candidates are not prepared already.
  let warm = 0;
  for (const g of generateArticles(pool, 4 * WARM_UP, newArticleStream(4321))) {
    if (warm === WARM_UP) break;
    similarInStore(asArticle(g.text, next++), store, ctx, new PreparedCache(store, ctx, SIMILAR_CACHE));
    warm++;
  }
  const first = measure(set(0), store, ctx);
  // A server some time after its start: another set of the same kinds served first (compiling
  // the rewrites' paths too), then a third measured, each with a cache of its own.
  measure(set(1), store, ctx);
  const warmed = measure(set(2), store, ctx);
  return (
    `similar on this corpus (${PROBES} probes a set, half of them rewrites of stored articles): ` +
    `a fresh server's first requests (after its start-up warm-up and ${WARM_UP} others) p50 ${first.p50} ms, p99 ${first.p99} ms ` +
    `(CPU p50 ${first.cpu50} ms, p99 ${first.cpu99} ms; ${first.hits}/${PROBES / 2} found their source); ` +
    `warm, after ${PROBES} requests of the same kinds: p50 ${warmed.p50} ms, p99 ${warmed.p99} ms ` +
    `(CPU p50 ${warmed.cpu50} ms, p99 ${warmed.cpu99} ms; ${warmed.hits}/${PROBES / 2} found their source); ` +
    'target p99 ≤ 20 ms at 1M'
  );
}

/** Latency percentiles of `similar` over the probes, and the rewrites that found their source. */
function measure(probes: Probe[], store: Store, ctx: CompareContext) {
  const cache = new PreparedCache(store, ctx, SIMILAR_CACHE);
  // Wall-clock time, and the process's CPU time: on a shared machine the second moves less with
  // whatever else runs.
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const p of probes) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const relations = similarInStore(p.article, store, ctx, cache);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    times.push(performance.now() - t0);
    if (p.source && relations.some((r) => r.b === p.source)) hits++;
  }
  const at = (xs: number[], q: number) =>
    [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(1);
  return {
    p50: at(times, 0.5),
    p99: at(times, 0.99),
    cpu50: at(cpu, 0.5),
    cpu99: at(cpu, 0.99),
    hits,
  };
}

/** Runs `benchSimilar` on database `db` in a process of its own (similar-child.ts) and prints its line. */
export function runSimilarChild(db: string, size: number): void {
  const script = fileURLToPath(new URL('./similar-child.js', import.meta.url));
  const r = spawnSync(process.execPath, [script, db, String(size)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(
    r.status === 0 ? r.stdout : `  similar: the measuring process failed (exit ${r.status})\n`,
  );
}
