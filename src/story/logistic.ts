/**
 * L2-regularised logistic regression, trained by full-batch gradient descent on standardised
 * features; the standardisation is folded into the weights, so that a model is its weights and
 * bias. Deterministic: no sampling, a fixed number of steps.
 */

export interface LogisticModel {
  featureNames: string[];
  weights: number[];
  bias: number;
}

export interface LogisticOptions {
  /** L2 penalty on the standardised weights. */
  lambda: number;
  steps: number;
  learningRate: number;
}

export const defaultLogisticOptions: LogisticOptions = { lambda: 0.001, steps: 2000, learningRate: 0.5 };

export function trainLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  featureNames: string[],
  options: Partial<LogisticOptions> = {},
): LogisticModel {
  const opt = { ...defaultLogisticOptions, ...options };
  const n = xs.length;
  const d = featureNames.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j] += x[j] / n;
  for (const x of xs) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1; // a constant feature stays inert
  const z = xs.map((x) => Float64Array.from({ length: d }, (_, j) => (x[j] - mean[j]) / scale[j]));
  const w = new Float64Array(d);
  let b = 0;
  const grad = new Float64Array(d);
  for (let step = 0; step < opt.steps; step++) {
    grad.fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      let s = b;
      for (let j = 0; j < d; j++) s += w[j] * z[i][j];
      const e = 1 / (1 + Math.exp(-s)) - ys[i];
      for (let j = 0; j < d; j++) grad[j] += (e * z[i][j]) / n;
      gradB += e / n;
    }
    for (let j = 0; j < d; j++) w[j] -= opt.learningRate * (grad[j] + opt.lambda * w[j]);
    b -= opt.learningRate * gradB;
  }
  const weights = Array.from(w, (wj, j) => wj / scale[j]);
  return { featureNames, weights, bias: b - weights.reduce((s, wj, j) => s + wj * mean[j], 0) };
}

export function logisticProbability(model: LogisticModel, x: ArrayLike<number>): number {
  let s = model.bias;
  for (let j = 0; j < model.weights.length; j++) s += model.weights[j] * x[j];
  return 1 / (1 + Math.exp(-s));
}
