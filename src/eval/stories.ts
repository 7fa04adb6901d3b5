/**
 * Story clustering on ECB+ (../shared/eval/stories/ecbplus-dev): every document is ingested into
 * a fresh corpus (in the file's order, without its topic), the corpus's stories are the predicted
 * clusters, and `event_cluster` the gold ones. Prints pairwise precision / recall / F1 over
 * document pairs and BCubed F1, as the data's users report them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromText } from '../article/build.js';
import type { CompareContext } from '../compare/compare.js';
import { ingestItems } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';
import { buildStories } from '../story/stories.js';

interface EcbDoc {
  doc_id: string;
  event_cluster: string;
  text: string;
}

export interface ClusterScores {
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  documents: number;
  goldClusters: number;
  predictedClusters: number;
}

export async function evalStories(sharedDir: string, ctx: CompareContext): Promise<ClusterScores> {
  const docs = readFileSync(join(sharedDir, 'eval', 'stories', 'ecbplus-dev', 'docs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-ecb-'));
  const store = openSqliteStore(join(dir, 'ecb.db'));
  try {
    await ingestItems(
      docs.map((d) => ({ source: d.doc_id, build: async () => articleFromText(d.text, { id: d.doc_id }) })),
      store,
      ctx,
    );
    const predicted = new Map<string, string>();
    for (const s of buildStories(store.articles(), store.relations())) {
      for (const a of s.articles) predicted.set(a.id, s.id);
    }
    const gold = new Map(docs.map((d) => [d.doc_id, d.event_cluster]));
    return { ...clusterScores(gold, predicted), documents: docs.length };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairwise and BCubed precision/recall/F1 of a predicted clustering against a gold one. */
export function clusterScores(
  gold: Map<string, string>,
  predicted: Map<string, string>,
): Omit<ClusterScores, 'documents'> {
  const ids = [...gold.keys()];
  const members = (m: Map<string, string>) => {
    const out = new Map<string, Set<string>>();
    for (const id of ids) {
      const c = m.get(id) ?? `alone:${id}`;
      const set = out.get(c) ?? new Set<string>();
      set.add(id);
      out.set(c, set);
    }
    return out;
  };
  const goldSets = members(gold);
  const predSets = members(predicted);
  const goldOf = (id: string) => goldSets.get(gold.get(id) as string) as Set<string>;
  const predOf = (id: string) => predSets.get(predicted.get(id) ?? `alone:${id}`) as Set<string>;

  let bp = 0;
  let br = 0;
  let both = 0;
  for (const id of ids) {
    const g = goldOf(id);
    const p = predOf(id);
    let common = 0;
    for (const x of p) if (g.has(x)) common++;
    bp += common / p.size;
    br += common / g.size;
    both += common - 1; // ordered pairs (id, x≠id) in the same cluster in both
  }
  const pairs = (sets: Map<string, Set<string>>) => {
    let n = 0;
    for (const s of sets.values()) n += s.size * (s.size - 1);
    return n;
  };
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const pp = pairs(predSets) ? both / pairs(predSets) : 1;
  const pr = pairs(goldSets) ? both / pairs(goldSets) : 1;
  const bP = bp / ids.length;
  const bR = br / ids.length;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bP, recall: bR, f1: f1(bP, bR) },
    goldClusters: goldSets.size,
    predictedClusters: predSets.size,
  };
}
