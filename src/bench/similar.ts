/**
 * `similar` timed as the CLI and the API run it, on a stored corpus of generated articles: a new
 * article prepared and verified against its candidates, nothing written. Half the probes rewrite a
 * stored original (10% of their words replaced), half are new articles; the rewrites should find
 * their source. The prepared cache starts empty, as in a server that has just started; the code is
 * warmed up first on 30 other articles (a server's first requests also compile it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CompareContext } from '../compare/compare.js';
import { similarInStore } from '../pipeline/ingest.js';
import { PreparedCache } from '../pipeline/prepared-cache.js';
import { rng } from '../similarity/boosting.js';
import type { Store } from '../store/store.js';
import { asArticle, generateArticles } from './generate.js';

const PROBES = 200;
const WARM_UP = 30;

export function benchSimilar(
  store: Store,
  ctx: CompareContext,
  pool: readonly string[],
  size: number,
): string {
  // A reservoir of the corpus's originals (the stream `generateArticles` gave the corpus).
  const rnd = rng(99);
  const reservoir: Array<{ k: number; text: string }> = [];
  let originals = 0;
  for (const g of generateArticles(pool, size)) {
    if (g.derivedFrom !== undefined) continue;
    originals++;
    if (reservoir.length < PROBES / 2) reservoir.push(g);
    else if (rnd() < PROBES / 2 / originals) reservoir[Math.floor(rnd() * reservoir.length)] = g;
  }
  const words = pool.join(' ').split(/\s+/);
  const probes = reservoir.map((g, i) => ({
    source: `g${g.k}`,
    article: asArticle(
      g.text
        .split(' ')
        .map((w) => (rnd() < 0.1 ? words[Math.floor(rnd() * words.length)] : w))
        .join(' '),
      size + i,
    ),
  }));
  for (const g of generateArticles(pool, 4 * PROBES, 1234)) {
    if (probes.length === PROBES) break;
    if (g.derivedFrom === undefined)
      probes.push({ source: '', article: asArticle(g.text, size + probes.length) });
  }
  // Warm-up, not counted: the first requests of a process also compile its code. Other articles,
  // with a cache of their own, so that the measured probes' candidates are not prepared already.
  let warm = 0;
  for (const g of generateArticles(pool, 4 * WARM_UP, 4321)) {
    if (warm === WARM_UP) break;
    similarInStore(
      asArticle(g.text, size + PROBES + warm++),
      store,
      ctx,
      new PreparedCache(store, ctx, 5000),
    );
  }
  const cache = new PreparedCache(store, ctx, 5000);
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
  return (
    `similar on this corpus (${probes.length} probes, half of them rewrites of stored articles, ` +
    `${hits}/${reservoir.length} found their source): p50 ${at(times, 0.5)} ms, p99 ${at(times, 0.99)} ms ` +
    `(CPU p50 ${at(cpu, 0.5)} ms, p99 ${at(cpu, 0.99)} ms; target p99 ≤ 20 ms at 1M)`
  );
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
