/**
 * Corpus figures: a generated corpus of articles with known derivations (exact copies,
 * truncations, word-level rewrites, unrelated articles), built from the bundled sample's
 * sentences with invented names and numbers. Prints the sketch-and-candidate stage's speed, the
 * recall of LSH on derived pairs by true similarity, and full ingest speed into SQLite.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFromText } from '../article/build.js';
import type { Article } from '../article/types.js';
import { bandKeys, chooseBanding } from '../candidates/lsh.js';
import { defaultContext } from '../compare/context.js';
import { ingestItems } from '../pipeline/ingest.js';
import { loadArticle } from '../pipeline/load-article.js';
import { rng } from '../similarity/boosting.js';
import { articleTokenIds } from '../sketch/article.js';
import { minhash } from '../sketch/minhash.js';
import { openSqliteStore } from '../store/sqlite.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const NAMES = [
  'Adeyemi',
  'Brezina',
  'Castellanos',
  'Dahl',
  'Esposito',
  'Fournier',
  'Gallagher',
  'Haddad',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quint',
  'Rossi',
  'Sato',
  'Tanaka',
];

export interface GeneratedPair {
  a: string;
  b: string;
  kind: 'copy' | 'truncation' | 'rewrite';
}

export async function generateCorpus(
  count: number,
  seed = 7,
): Promise<{ texts: string[]; pairs: GeneratedPair[] }> {
  const sample = join(repo, 'sample');
  const pool: string[] = [];
  for (const f of readdirSync(sample).filter((x) => !x.endsWith('.json'))) {
    for (const s of (await loadArticle(join(sample, f))).sentences) pool.push(s.text);
  }
  const words = pool.join(' ').split(/\s+/);
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const texts: string[] = [];
  const pairs: GeneratedPair[] = [];
  const syllables =
    'ka lo mi ne ru sa te vo ba di fe gu ha ji ko lu ma ni po ra si tu ve wa xi yo za be do fi'.split(' ');
  const pseudoWord = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(syllables)).join('');
  while (texts.length < count) {
    // An original: ~25 sentences of the sample's syntax, with a third of the words replaced by the
    // article's own invented vocabulary (its topic, its names), so that articles differ as news do.
    const topic = Array.from({ length: 40 }, pseudoWord);
    const sentences = Array.from(
      { length: 22 + Math.floor(rnd() * 8) },
      () =>
        `${pick(pool)
          .split(' ')
          .map((w) => (rnd() < 0.35 ? pick(topic) : w))
          .join(' ')} ${pick(NAMES)} put it at ${Math.floor(rnd() * 100000)}.`,
    );
    const original = sentences.join(' ');
    const id = texts.length;
    texts.push(original);
    const roll = rnd();
    if (texts.length >= count || roll < 0.4) continue;
    let derived: string;
    let kind: GeneratedPair['kind'];
    if (roll < 0.55) {
      kind = 'copy';
      derived = original;
    } else if (roll < 0.7) {
      kind = 'truncation';
      derived = sentences.slice(0, Math.ceil(sentences.length * (0.5 + rnd() * 0.4))).join(' ');
    } else {
      kind = 'rewrite';
      const share = 0.02 + rnd() * 0.25;
      derived = original
        .split(' ')
        .map((w) => (rnd() < share ? pick(words) : w))
        .join(' ');
    }
    pairs.push({ a: `g${id}`, b: `g${texts.length}`, kind });
    texts.push(derived);
  }
  return { texts, pairs };
}

/** The k-th generated text as an article (id `g<k>`). */
export function asArticle(text: string, k: number): Article {
  return articleFromText(text, { id: `g${k}`, title: `Generated ${k}` });
}

function shingleSet(ids: Uint32Array): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k + 4 <= ids.length; k++) out.add(`${ids[k]},${ids[k + 1]},${ids[k + 2]},${ids[k + 3]}`);
  return out;
}

export async function benchCorpus(size = 10_000): Promise<void> {
  const { texts, pairs } = await generateCorpus(size);
  const articles = texts.map(asArticle);
  const words = texts.reduce((s, t) => s + t.split(/\s+/).length, 0) / texts.length;
  const banding = chooseBanding(0.5, 128);

  // The sketch-and-candidate stage: tokens → MinHash → band keys, and a bucket lookup per band.
  const buckets = new Map<number, number[]>();
  const start = performance.now();
  const keys: Uint32Array[] = [];
  articles.forEach((a, k) => {
    const bk = bandKeys(minhash(articleTokenIds(a)), banding);
    keys.push(bk);
    for (let b = 0; b < bk.length; b++) {
      const key = (bk[b] ^ Math.imul(b + 1, 0x9e3779b1)) >>> 0;
      const list = buckets.get(key);
      if (list) list.push(k);
      else buckets.set(key, [k]);
    }
  });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `corpus of ${articles.length} generated articles (~${words.toFixed(0)} words) with ${pairs.length} derived pairs:\n` +
      `  sketch + LSH candidates: ${(articles.length / seconds).toFixed(0)} articles/s on one core ` +
      `(${banding.bands} bands × ${banding.rows} rows, threshold 0.5; target ≥ 10,000)`,
  );

  // Recall of LSH on derived pairs, by their true Jaccard similarity of word 4-grams.
  const bins = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
  const found = new Array(bins.length - 1).fill(0);
  const total = new Array(bins.length - 1).fill(0);
  for (const p of pairs) {
    const x = Number(p.a.slice(1));
    const y = Number(p.b.slice(1));
    const sa = shingleSet(articleTokenIds(articles[x]));
    const sb = shingleSet(articleTokenIds(articles[y]));
    let inter = 0;
    for (const s of sa) if (sb.has(s)) inter++;
    const jaccard = inter / (sa.size + sb.size - inter || 1);
    const bin = bins.findIndex((b, i) => jaccard >= b && jaccard < bins[i + 1]);
    total[bin]++;
    if (keys[x].some((k, b) => k === keys[y][b])) found[bin]++;
  }
  const cells = total
    .map((t, i) =>
      t
        ? `${bins[i].toFixed(1)}–${Math.min(bins[i + 1], 1).toFixed(1)}: ${((100 * found[i]) / t).toFixed(0)}% of ${t}`
        : '',
    )
    .filter(Boolean);
  console.log(`  LSH recall of derived pairs by true Jaccard: ${cells.join(', ')}`);

  // Full ingest (extract, sketch, candidates, verification, SQLite) of the first 2,000.
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-bench-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  const n = Math.min(2000, articles.length);
  const t0 = performance.now();
  const summary = await ingestItems(
    articles.slice(0, n).map((a) => ({ source: a.id, build: async () => a })),
    store,
    defaultContext(),
  );
  const ingestSeconds = (performance.now() - t0) / 1000;
  store.close();
  // The database after a checkpoint: what a corpus costs on disk per article.
  const bytes = ['bench.db', 'bench.db-wal'].reduce(
    (sum, f) => sum + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0),
    0,
  );
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `  full ingest into SQLite: ${(summary.ingested / ingestSeconds).toFixed(0)} articles/s over ${summary.ingested} articles ` +
      `(${summary.relations} relations verified and stored; target ≥ 1,000)\n` +
      `  database: ${(bytes / summary.ingested / 1024).toFixed(1)} KB per article (text, article JSON, sketch bands, terms); ` +
      `peak memory of the bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
