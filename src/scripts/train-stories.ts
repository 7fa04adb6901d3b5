/**
 * Trains the story model on ECB+ dev and writes it to `src/story/story-model.json` (committed;
 * `npm run train:stories` reproduces it, and a test checks that it still does).
 *
 * The corpus is ingested through the real pipeline, as `npm run eval` does; each stored relation
 * is labelled by whether its two documents report one gold event. Topics are the folds (five
 * groups of topics): the topic only splits the data, it is never a feature. The link model's
 * hyper-parameters and the merge bar are chosen on out-of-fold clusterings; the figure printed as
 * cross-validated repeats that choice inside each training split (nested), so that no held-out
 * topic took part in choosing what scores it.
 *
 *   node dist/scripts/train-stories.js [--corpus file.json]   (cache of the ingested corpus)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultContext } from '../compare/context.js';
import { ECB_FOLDS, type EcbCorpus, ecbTrainingData, ingestEcb } from '../eval/stories.js';
import { groupArticles } from '../story/cluster.js';
import { logisticProbability } from '../story/logistic.js';
import { type ClusterScores, clusterScores } from '../story/scores.js';
import { crossValidate, fitStoryModel } from '../story/train.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const outFile = join(repo, 'src', 'story', 'story-model.json');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' } } });
  let corpus: EcbCorpus;
  if (values.corpus && existsSync(values.corpus)) corpus = JSON.parse(readFileSync(values.corpus, 'utf8'));
  else {
    corpus = await ingestEcb(sharedDir, defaultContext());
    if (values.corpus) writeFileSync(values.corpus, JSON.stringify(corpus));
  }
  const data = ecbTrainingData(corpus);
  console.log(
    `${corpus.docs.length} documents, ${corpus.relations.length} relations, ${ECB_FOLDS} folds of topics`,
  );

  let started = Date.now();
  const fitted = fitStoryModel(data, [...Array(ECB_FOLDS).keys()]);
  const probabilities = data.features.map((x) => logisticProbability(fitted.model.links, x));
  const inSample = clusterScores(
    data.gold,
    groupArticles(
      corpus.articles.map((a) => a.id),
      corpus.relations,
      probabilities,
      fitted.model.mergeBar,
    ),
  );
  console.log(
    `chosen: L2 penalty ${fitted.config.lambda}, merge bar ${fitted.model.mergeBar} ` +
      `(out-of-fold BCubed F1 ${fitted.selectionF1.toFixed(4)}; ${Date.now() - started} ms)`,
  );
  console.log(`in-sample:       ${format(inSample)}`);
  started = Date.now();
  const cv = crossValidate(data);
  console.log(`cross-validated: ${format(cv)}   (nested, ${Date.now() - started} ms)`);

  writeFileSync(outFile, `${JSON.stringify(fitted.model)}\n`);
  console.log(`wrote ${outFile} (rebuild before 'npm run eval' uses it)`);
}

function format(s: ClusterScores): string {
  const f = (x: { precision: number; recall: number; f1: number }) =>
    `P ${x.precision.toFixed(4)} R ${x.recall.toFixed(4)} F1 ${x.f1.toFixed(4)}`;
  return `BCubed ${f(s.bcubed)}  pairwise ${f(s.pairwise)}  (${s.predictedClusters} stories)`;
}

await main();
