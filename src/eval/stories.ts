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
import type { ArticleRow, StoredRelation } from '../store/store.js';
import { linkFeatures } from '../story/links.js';
import { type ClusterScores, clusterScores } from '../story/scores.js';
import { buildStories } from '../story/stories.js';
import type { StoryTrainingData } from '../story/train.js';

export interface EcbDoc {
  doc_id: string;
  topic: number;
  event_cluster: string;
  text: string;
}

export interface EcbCorpus {
  docs: EcbDoc[];
  articles: ArticleRow[];
  relations: StoredRelation[];
}

/** ECB+ dev ingested through the real pipeline: its documents, and the corpus's articles and relations. */
export async function ingestEcb(sharedDir: string, ctx: CompareContext): Promise<EcbCorpus> {
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
    return { docs, articles: store.articles(), relations: store.relations() };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Folds of ECB+ topics the story model is trained and cross-validated on. */
export const ECB_FOLDS = 5;

/**
 * ECB+ as the story model's training data: each stored relation with its link features, the
 * gold event of each document, and its fold (topics dealt round the folds in order). The topic
 * only splits the data; it is never a feature.
 */
export function ecbTrainingData(corpus: EcbCorpus): StoryTrainingData {
  const topics = [...new Set(corpus.docs.map((d) => d.topic))].sort((x, y) => x - y);
  const foldOfTopic = new Map(topics.map((t, k) => [t, k % ECB_FOLDS]));
  return {
    relations: corpus.relations,
    features: linkFeatures(corpus.relations),
    gold: new Map(corpus.docs.map((d) => [d.doc_id, d.event_cluster])),
    fold: new Map(corpus.docs.map((d) => [d.doc_id, foldOfTopic.get(d.topic) as number])),
  };
}

export async function evalStories(
  sharedDir: string,
  ctx: CompareContext,
): Promise<ClusterScores & { documents: number }> {
  const { docs, articles, relations } = await ingestEcb(sharedDir, ctx);
  const predicted = new Map<string, string>();
  for (const s of buildStories(articles, relations)) {
    for (const a of s.articles) predicted.set(a.id, s.id);
  }
  const gold = new Map(docs.map((d) => [d.doc_id, d.event_cluster]));
  return { ...clusterScores(gold, predicted), documents: docs.length };
}
