/**
 * Near-duplicate and reuse detection on a generated corpus with known derivations (the bench's
 * generator: exact copies, truncations, word-level rewrites of invented articles): the corpus is
 * ingested through the real pipeline and the stored derived relations are scored against the
 * known pairs — recall per kind of derivation, and precision over all stored derived relations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromText } from '../article/build.js';
import { generateCorpus } from '../bench/generate.js';
import type { CompareContext } from '../compare/compare.js';
import { ingestItems } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';

const DERIVED = new Set(['duplicate', 'near-duplicate', 'rewrite', 'partial-reuse']);

export async function evalDerived(
  size: number,
  ctx: CompareContext,
): Promise<{ recall: Record<string, [number, number]>; precision: number; stored: number }> {
  const { texts, pairs } = await generateCorpus(size, 23);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-derived-'));
  const store = openSqliteStore(join(dir, 'derived.db'));
  try {
    await ingestItems(
      texts.map((text, k) => ({
        source: `g${k}`,
        build: async () => articleFromText(text, { id: `g${k}` }),
      })),
      store,
      ctx,
    );
    const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const found = new Set(
      store
        .relations()
        .filter((r) => DERIVED.has(r.type))
        .map((r) => key(r.a, r.b)),
    );
    const truth = new Set(pairs.map((p) => key(p.a, p.b)));
    const recall: Record<string, [number, number]> = {};
    for (const p of pairs) {
      const cell = recall[p.kind] ?? [0, 0];
      recall[p.kind] = cell;
      cell[1]++;
      if (found.has(key(p.a, p.b))) cell[0]++;
    }
    let right = 0;
    for (const f of found) if (truth.has(f)) right++;
    return { recall, precision: found.size ? right / found.size : 1, stored: found.size };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
