/**
 * Trains the sentence paraphrase model on MRPC's train split and writes it to
 * `src/similarity/paraphrase-model.json` (committed; `npm run train` reproduces it, and a test
 * checks that it still does on today's features).
 *
 * The forest's size and the decision threshold are chosen by 5-fold cross-validation on the train
 * split only (`similarity/paraphrase-training.ts`); the val split stays untouched for
 * `npm run eval`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMrpc } from '../eval/mrpc.js';
import { trainingFeatures, trainParaphraseModel } from '../similarity/paraphrase-training.js';
import { loadLexicon } from '../text/lexicon/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const outFile = join(repo, 'src', 'similarity', 'paraphrase-model.json');

const train = readMrpc(sharedDir, 'train');
const started = Date.now();
const xs = trainingFeatures(train, loadLexicon());
const ys = train.map((p) => p.label);
console.log(`features for ${train.length} pairs in ${Date.now() - started} ms`);
const model = trainParaphraseModel(xs, ys, (size, cv) =>
  console.log(
    `depth=${size.depth} rounds=${size.rounds}: cv accuracy ${cv.accuracy.toFixed(4)} at ${cv.threshold}`,
  ),
);
writeFileSync(outFile, `${JSON.stringify(model)}\n`);
const { depth, rounds, cvAccuracy } = model.trainedWith;
console.log(
  `wrote ${outFile}: depth=${depth} rounds=${rounds} threshold=${model.threshold} cv accuracy ${cvAccuracy.toFixed(4)}`,
);
