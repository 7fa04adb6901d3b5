/**
 * METER as a corpus: every press-agency item and newspaper article of the showbiz domain ingested
 * together, as a user would ingest a folder, through candidates (LSH bands, passages, key terms),
 * the surface screen and verification. Each newspaper article is then labelled by its strongest
 * stored relation to one of its candidate agency items, and scored as the pairwise METER eval is
 * (3-class macro-F1). The gap between the two is what the corpus's candidate stage loses on real
 * text; the recall of derived pairs says where.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../article/types.js';
import { type CompareContext, relateArticles } from '../compare/compare.js';
import { ingestItems } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';
import { labelOf, type MeterLabel, readMeter, scoreMeter, strength } from './meter.js';

export interface MeterCorpusResult {
  articles: number;
  macroF1: number;
  derivedF1: number;
  classF1: Record<MeterLabel, number>;
  /** Newspaper–agency pairs the pairwise comparison finds derived, and how many the corpus stored. */
  derivedPairs: number;
  storedPairs: number;
}

export async function evalMeterCorpus(sharedDir: string, ctx: CompareContext): Promise<MeterCorpusResult> {
  const cases = readMeter(sharedDir);
  // Agency copy first, as it was published first; each distinct text once.
  const articles = new Map<string, Article>();
  for (const c of cases) for (const s of c.sources) articles.set(s.id, s);
  for (const c of cases) articles.set(c.newspaper.id, c.newspaper);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-meter-'));
  const store = openSqliteStore(join(dir, 'meter.db'));
  try {
    await ingestItems(
      [...articles.values()].map((a) => ({ source: a.source ?? a.id, build: async () => a })),
      store,
      ctx,
      { workers: 0 },
    );
    const gold: MeterLabel[] = [];
    const predicted: MeterLabel[] = [];
    let derivedPairs = 0;
    let storedPairs = 0;
    for (const c of cases) {
      const sources = new Set(c.sources.map((s) => s.id));
      const stored = store
        .relationsOf(c.newspaper.id)
        .filter((r) => sources.has(r.a === c.newspaper.id ? r.b : r.a));
      let best: (typeof stored)[number] | undefined;
      for (const r of stored) if (!best || strength[r.type] > strength[best.type]) best = r;
      gold.push(c.label);
      predicted.push(best ? labelOf(best.type) : 'non_derived');
      for (const s of c.sources) {
        if (s.id === c.newspaper.id) continue;
        if (labelOf(relateArticles(c.newspaper, s, ctx).relation.type) === 'non_derived') continue;
        derivedPairs++;
        if (stored.some((r) => (r.a === s.id || r.b === s.id) && labelOf(r.type) !== 'non_derived'))
          storedPairs++;
      }
    }
    return { articles: articles.size, ...scoreMeter(gold, predicted), derivedPairs, storedPairs };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
