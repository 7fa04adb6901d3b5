import { describe, expect, it } from 'vitest';
import type { StoredRelation } from '../store/store.js';
import { linkFeatures } from './links.js';
import { crossValidate, fitStoryModel, type StoryTrainingData } from './train.js';

/**
 * Invented corpus: each fold holds two look-alike events of six articles. Reports of one event are
 * all related and similar; a few pairs across the look-alikes are related too, less similar.
 */
function corpus(folds: number): StoryTrainingData {
  const relations: StoredRelation[] = [];
  const gold = new Map<string, string>();
  const fold = new Map<string, number>();
  const rel = (a: string, b: string, similarity: number): StoredRelation => ({
    a,
    b,
    type: 'same-story',
    direction: 'unknown',
    coverageA: similarity / 2,
    coverageB: similarity / 2,
    similarity,
    evidence: [],
  });
  for (let f = 0; f < folds; f++) {
    for (const e of [0, 1]) {
      const ids = [0, 1, 2, 3, 4, 5].map((k) => `f${f}e${e}a${k}`);
      for (const id of ids) {
        gold.set(id, `f${f}e${e}`);
        fold.set(id, f);
      }
      ids.forEach((a, i) => {
        for (const b of ids.slice(i + 1)) relations.push(rel(a, b, 0.4 + 0.05 * ((i + f) % 3)));
      });
    }
    for (const k of [0, 1, 2]) relations.push(rel(`f${f}e0a${k}`, `f${f}e1a${k}`, 0.3 + 0.02 * k));
  }
  return { relations, features: linkFeatures(relations), gold, fold };
}

const options = { configs: [{ lambda: 0.01, steps: 300 }], bars: [0.3, 0.5] };

describe('story model training', () => {
  const data = corpus(4);

  it('learns links that keep look-alike events apart', () => {
    const { model } = fitStoryModel(data, [0, 1, 2, 3], options);
    expect([0.3, 0.5]).toContain(model.mergeBar);
    expect(model.links.weights).toHaveLength(model.links.featureNames.length);
  });

  it('scores held-out folds with what was chosen on the others', () => {
    const scores = crossValidate(data, options);
    expect(scores.bcubed.f1).toBeGreaterThan(0.9);
    expect(scores.predictedClusters).toBe(8);
  });
});
