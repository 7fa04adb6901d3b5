/**
 * Learning the story model from a corpus with gold events: the link model (logistic regression over
 * `linkFeatures`, labelled by whether a relation's two articles report one gold event) and the
 * merge bar (the one whose clustering scores best). Both are chosen on out-of-fold predictions,
 * folds being groups of articles that the caller keeps apart (on ECB+, topics: each holds two
 * look-alike events, so a fold's look-alikes are never seen in training).
 *
 * `crossValidate` repeats the whole choice inside each training split and scores the held-out
 * fold with what was chosen there: the figure to trust, beside the in-sample one.
 */
import type { StoredRelation } from '../store/store.js';
import { groupArticles } from './cluster.js';
import { linkFeatureNames, type StoryModel } from './links.js';
import { type LogisticOptions, logisticProbability, trainLogistic } from './logistic.js';
import { type ClusterScores, clusterScores } from './scores.js';

export interface StoryTrainingData {
  relations: readonly StoredRelation[];
  /** `linkFeatures(relations)`. */
  features: readonly number[][];
  /** Every article's gold event. */
  gold: ReadonlyMap<string, string>;
  /** Every article's fold (for splitting only, never a feature). */
  fold: ReadonlyMap<string, number>;
}

export interface StoryTrainingOptions {
  configs: Array<Partial<LogisticOptions>>;
  bars: number[];
}

export const defaultStoryTrainingOptions: StoryTrainingOptions = {
  configs: [{ lambda: 0.001 }, { lambda: 0.01 }, { lambda: 0.1 }],
  bars: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
};

export interface FittedStoryModel {
  model: StoryModel;
  config: Partial<LogisticOptions>;
  /** Out-of-fold BCubed F1 of the chosen config and bar (the selection criterion). */
  selectionF1: number;
}

/** Chooses config and bar on out-of-fold predictions over `folds`, then fits on all of them. */
export function fitStoryModel(
  data: StoryTrainingData,
  folds: readonly number[],
  options: StoryTrainingOptions = defaultStoryTrainingOptions,
): FittedStoryModel {
  const ids = idsIn(data, folds);
  let best = { f1: -1, config: options.configs[0], bar: options.bars[0] };
  for (const config of options.configs) {
    const probabilities = new Array<number>(data.relations.length).fill(0);
    for (const held of folds) {
      const model = fitLinks(
        data,
        folds.filter((f) => f !== held),
        config,
      );
      forRelationsIn(data, [held], (k) => {
        probabilities[k] = logisticProbability(model, data.features[k]);
      });
    }
    for (const bar of options.bars) {
      // Each held-out fold's articles are clustered by the model that did not see them.
      const predicted = new Map<string, string>();
      for (const held of folds) {
        for (const [id, c] of groupArticles(idsIn(data, [held]), data.relations, probabilities, bar))
          predicted.set(id, `${held}:${c}`);
      }
      const f1 = clusterScores(goldOf(data, ids), predicted).bcubed.f1;
      if (f1 > best.f1) best = { f1, config, bar };
    }
  }
  return {
    model: { links: fitLinks(data, folds, best.config), mergeBar: best.bar },
    config: best.config,
    selectionF1: best.f1,
  };
}

/**
 * Nested cross-validation: for each fold, the model and bar are chosen and fitted on the other
 * folds alone and its articles clustered with them; the scores are over all articles.
 */
export function crossValidate(
  data: StoryTrainingData,
  options: StoryTrainingOptions = defaultStoryTrainingOptions,
): ClusterScores {
  const folds = [...new Set(data.fold.values())].sort((x, y) => x - y);
  const predicted = new Map<string, string>();
  for (const held of folds) {
    const { model } = fitStoryModel(
      data,
      folds.filter((f) => f !== held),
      options,
    );
    const probabilities = data.features.map((x) => logisticProbability(model.links, x));
    for (const [id, c] of groupArticles(idsIn(data, [held]), data.relations, probabilities, model.mergeBar))
      predicted.set(id, `${held}:${c}`);
  }
  return clusterScores(data.gold, predicted);
}

function fitLinks(data: StoryTrainingData, folds: readonly number[], config: Partial<LogisticOptions>) {
  const xs: number[][] = [];
  const ys: number[] = [];
  forRelationsIn(data, folds, (k) => {
    const r = data.relations[k];
    xs.push(data.features[k] as number[]);
    ys.push(data.gold.get(r.a) === data.gold.get(r.b) ? 1 : 0);
  });
  return trainLogistic(xs, ys, [...linkFeatureNames], config);
}

/** Calls `f` with the index of each relation whose articles are both in `folds`. */
function forRelationsIn(data: StoryTrainingData, folds: readonly number[], f: (k: number) => void): void {
  const wanted = new Set(folds);
  data.relations.forEach((r, k) => {
    if (wanted.has(data.fold.get(r.a) ?? -1) && wanted.has(data.fold.get(r.b) ?? -1)) f(k);
  });
}

function idsIn(data: StoryTrainingData, folds: readonly number[]): string[] {
  const wanted = new Set(folds);
  return [...data.fold].filter(([, f]) => wanted.has(f)).map(([id]) => id);
}

function goldOf(data: StoryTrainingData, ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id) => [id, data.gold.get(id) as string]));
}
