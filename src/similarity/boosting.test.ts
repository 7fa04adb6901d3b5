import { describe, expect, it } from 'vitest';
import { type BoostedModel, predictLogit, predictProbability, trainBoosted } from './boosting.js';

describe('trainBoosted', () => {
  it('learns an interaction a linear model cannot (XOR of two features)', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let k = 0; k < 400; k++) {
      const a = (k * 7919) % 100 < 50 ? 0 : 1;
      const b = (k * 104729) % 97 < 48 ? 0 : 1;
      xs.push([a + ((k % 10) - 5) * 0.01, b + ((k % 7) - 3) * 0.01, (k % 13) / 13]);
      ys.push(a ^ b);
    }
    const model = trainBoosted(xs, ys, ['a', 'b', 'noise'], { rounds: 200, depth: 2, minLeaf: 5 });
    let correct = 0;
    xs.forEach((x, k) => {
      if ((predictProbability(model, x) >= 0.5 ? 1 : 0) === ys[k]) correct++;
    });
    expect(correct / xs.length).toBeGreaterThan(0.95);
  });

  it('is deterministic for a seed', () => {
    const xs = Array.from({ length: 100 }, (_, k) => [k % 10, (k * 3) % 7]);
    const ys = xs.map(([a, b]) => (a + b > 8 ? 1 : 0));
    const m1 = trainBoosted(xs, ys, ['a', 'b'], { rounds: 20, minLeaf: 5 });
    const m2 = trainBoosted(xs, ys, ['a', 'b'], { rounds: 20, minLeaf: 5 });
    expect(JSON.stringify(m1)).toBe(JSON.stringify(m2));
  });
});

describe('predictLogit', () => {
  // Two trees by hand: a split on feature 1 with leaves, and a single leaf.
  const model: BoostedModel = {
    featureNames: ['a', 'b'],
    bias: -0.25,
    learningRate: 0.5,
    threshold: 0.5,
    trees: [
      {
        feature: [1, -1, -1],
        threshold: [0.3, 0, 0],
        left: [1, -1, -1],
        right: [2, -1, -1],
        value: [0, 0.8, -1.2],
      },
      { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0.1] },
    ],
  };

  it("sums the learning rate times each tree's leaf, a value at a threshold going left", () => {
    expect(predictLogit(model, [9, 0.3])).toBe(-0.25 + 0.5 * 0.8 + 0.5 * 0.1);
    expect(predictLogit(model, [9, 0.31])).toBe(-0.25 + 0.5 * -1.2 + 0.5 * 0.1);
    // A missing value compares false and goes right, as in training's split.
    expect(predictLogit(model, [9, Number.NaN])).toBe(-0.25 + 0.5 * -1.2 + 0.5 * 0.1);
  });
});
