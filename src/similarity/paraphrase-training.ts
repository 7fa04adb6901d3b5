/**
 * How the paraphrase model is trained (`npm run train` runs it on MRPC's train split): the pair
 * features of each training pair, a grid of forest sizes compared by 5-fold cross-validation, the
 * decision threshold that the chosen size's out-of-fold probabilities answer best, and the final
 * forest on the whole split. Pure: the caller reads the pairs and writes the model.
 *
 * The model records what it was trained with (`trainedWith`), so that a test can train it again on
 * today's features and find the committed model unchanged: the features are code, and a model
 * trained on yesterday's features answers questions no longer asked of it.
 */
import type { Lexicon } from '../text/lexicon/types.js';
import { type BoostedModel, type BoostingOptions, predictProbability, trainBoosted } from './boosting.js';
import { featureNames, pairFeatures } from './features.js';
import { profileSentence } from './profile.js';

/** A labelled sentence pair: `label` 1 for a paraphrase. */
export interface TrainingPair {
  a: string;
  b: string;
  label: number;
}

/** A forest's shape: what the training compares. */
export type ForestSize = Pick<BoostingOptions, 'depth' | 'rounds' | 'learningRate'>;

/** The forest's shape as chosen, with the cross-validated accuracy that chose it. */
export type TrainedWith = ForestSize & { cvAccuracy: number };

export type ParaphraseModel = BoostedModel & { trainedWith: TrainedWith };

/** The sizes compared: shallow forests, as the features already encode the pair's comparisons. */
export const PARAPHRASE_GRID: readonly ForestSize[] = [2, 3, 4].flatMap((depth) =>
  [150, 300, 500].map((rounds) => ({ depth, rounds, learningRate: 0.05 })),
);

const FOLDS = 5;

/** The feature vector of each pair, in `featureNames` order. */
export function trainingFeatures(pairs: readonly TrainingPair[], lexicon: Lexicon): number[][] {
  return pairs.map((p) =>
    Array.from(
      pairFeatures(profileSentence(p.a, lexicon), 0, profileSentence(p.b, lexicon), 0, lexicon).values,
    ),
  );
}

/** Each pair's probability from a forest trained on the other folds (pair k is in fold k mod `folds`). */
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

/** The threshold (0.30 … 0.70 by 0.01) at which the probabilities are most often right; the lowest of ties. */
function bestThreshold(ys: number[], probs: number[]): { threshold: number; accuracy: number } {
  let best = { threshold: 0.5, accuracy: 0 };
  for (let t = 0.3; t <= 0.7001; t += 0.01) {
    let right = 0;
    for (let k = 0; k < ys.length; k++) if ((probs[k] >= t ? 1 : 0) === ys[k]) right++;
    const accuracy = right / ys.length;
    if (accuracy > best.accuracy) best = { threshold: Math.round(t * 100) / 100, accuracy };
  }
  return best;
}

/** The cross-validated accuracy and threshold of one forest size. */
export function crossValidate(
  xs: number[][],
  ys: number[],
  size: ForestSize,
): { threshold: number; accuracy: number } {
  return bestThreshold(ys, crossValidated(xs, ys, size, FOLDS));
}

/** The final model of one forest size: trained on every pair, with its cross-validated threshold. */
export function fitParaphraseModel(
  xs: number[][],
  ys: number[],
  size: ForestSize,
  cv: { threshold: number; accuracy: number } = crossValidate(xs, ys, size),
): ParaphraseModel {
  const model = trainBoosted(xs, ys, [...featureNames], size);
  return {
    ...model,
    threshold: cv.threshold,
    trainedWith: {
      depth: size.depth,
      rounds: size.rounds,
      learningRate: size.learningRate,
      cvAccuracy: cv.accuracy,
    },
  };
}

/**
 * The model `npm run train` commits: the grid's size of best cross-validated accuracy (the first
 * of ties), trained on every pair. `onSize` hears each size's figures as they come.
 */
export function trainParaphraseModel(
  xs: number[][],
  ys: number[],
  onSize?: (size: ForestSize, cv: { threshold: number; accuracy: number }) => void,
): ParaphraseModel {
  let best = { size: PARAPHRASE_GRID[0], cv: { threshold: 0.5, accuracy: 0 } };
  for (const size of PARAPHRASE_GRID) {
    const cv = crossValidate(xs, ys, size);
    onSize?.(size, cv);
    if (cv.accuracy > best.cv.accuracy) best = { size, cv };
  }
  return fitParaphraseModel(xs, ys, best.size, best.cv);
}
