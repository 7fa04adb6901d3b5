/**
 * Trains the sentence paraphrase model on MRPC's train split and writes it to
 * `src/similarity/paraphrase-model.json` (committed; `npm run train` reproduces it).
 *
 * Hyper-parameters and the decision threshold are chosen by 5-fold cross-validation on the train
 * split only; the val split stays untouched for `npm run eval`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binaryScores, readMrpc } from '../eval/mrpc.js';
import { type BoostingOptions, predictProbability, trainBoosted } from '../similarity/boosting.js';
import { featureNames, pairFeatures } from '../similarity/features.js';
import { profileSentence } from '../similarity/profile.js';
import { loadLexicon } from '../text/lexicon/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const outFile = join(repo, 'src', 'similarity', 'paraphrase-model.json');

function main(): void {
  const lexicon = loadLexicon();
  const train = readMrpc(sharedDir, 'train');
  const started = Date.now();
  const xs = train.map((p) =>
    Array.from(
      pairFeatures(profileSentence(p.a, lexicon), 0, profileSentence(p.b, lexicon), 0, lexicon).values,
    ),
  );
  const ys = train.map((p) => p.label);
  console.log(`features for ${train.length} pairs in ${Date.now() - started} ms`);

  const grid: Array<Partial<BoostingOptions>> = [];
  for (const depth of [2, 3, 4])
    for (const rounds of [150, 300, 500]) grid.push({ depth, rounds, learningRate: 0.05 });

  let best = { accuracy: 0, options: grid[0], threshold: 0.5 };
  for (const options of grid) {
    const probs = crossValidated(xs, ys, options, 5);
    const { threshold, accuracy } = bestThreshold(ys, probs);
    console.log(
      `depth=${options.depth} rounds=${options.rounds}: cv accuracy ${accuracy.toFixed(4)} at ${threshold}`,
    );
    if (accuracy > best.accuracy) best = { accuracy, options, threshold };
  }
  const model = trainBoosted(xs, ys, [...featureNames], best.options);
  model.threshold = best.threshold;
  writeFileSync(outFile, `${JSON.stringify(model)}\n`);
  console.log(
    `wrote ${outFile}: depth=${best.options.depth} rounds=${best.options.rounds} ` +
      `threshold=${best.threshold} cv accuracy ${best.accuracy.toFixed(4)}`,
  );
}

function crossValidated(
  xs: number[][],
  ys: number[],
  options: Partial<BoostingOptions>,
  folds: number,
): number[] {
  const probs = new Array<number>(xs.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    for (let k = 0; k < xs.length; k++) (k % folds === f ? testIdx : trainIdx).push(k);
    const model = trainBoosted(
      trainIdx.map((k) => xs[k]),
      trainIdx.map((k) => ys[k]),
      [...featureNames],
      options,
    );
    for (const k of testIdx) probs[k] = predictProbability(model, xs[k]);
  }
  return probs;
}

function bestThreshold(ys: number[], probs: number[]): { threshold: number; accuracy: number } {
  let best = { threshold: 0.5, accuracy: 0 };
  for (let t = 0.3; t <= 0.7001; t += 0.01) {
    const { accuracy } = binaryScores(
      ys,
      probs.map((p) => (p >= t ? 1 : 0)),
    );
    if (accuracy > best.accuracy) best = { threshold: Math.round(t * 100) / 100, accuracy };
  }
  return best;
}

main();
