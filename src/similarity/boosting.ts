/**
 * Gradient-boosted regression trees with logistic loss: a small, dependency-free learner for the
 * paraphrase model. Hand-made pair features interact (a shared name matters less when a number
 * differs), which a linear model cannot express and shallow trees can.
 *
 * Training happens offline (`npm run train`); at run time only `predictProbability` runs: a walk
 * over flat node arrays, ~8 µs a pair for 300 trees (generated code was faster only once V8 had
 * optimised it, after ~10,000 calls: DEVELOPERS.md, "Twenty-fifth session").
 */

/** A tree as flat arrays: node i splits on `feature[i]` at `threshold[i]`, or is a leaf. */
export interface Tree {
  /** Feature index, or -1 for a leaf. */
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Leaf output (log-odds increment); unused for split nodes. */
  value: number[];
}

export interface BoostedModel {
  featureNames: string[];
  /** Initial log-odds (the training set's prior). */
  bias: number;
  learningRate: number;
  trees: Tree[];
  /** Probability at or above which the model answers "yes". */
  threshold: number;
}

export interface BoostingOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** Minimum samples in a leaf: guards against fitting single pairs. */
  minLeaf: number;
  /** L2 regularisation of leaf values (as in XGBoost's lambda). */
  lambda: number;
  /** Share of samples drawn (without replacement) per round, for variance reduction. */
  subsample: number;
  seed: number;
}

export const defaultBoostingOptions: BoostingOptions = {
  rounds: 300,
  depth: 3,
  learningRate: 0.05,
  minLeaf: 20,
  lambda: 1,
  subsample: 0.8,
  seed: 1,
};

export function predictLogit(model: BoostedModel, x: ArrayLike<number>): number {
  const flat = flatten(model);
  const { feature, threshold, left, right, value, roots } = flat;
  let z = model.bias;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t];
    while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
    z += model.learningRate * value[node];
  }
  return z;
}

/** All trees of a model in one set of typed arrays, child links global: one pair is ~900 node visits. */
interface FlatForest {
  trees: Tree[];
  count: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

/** One flat copy per model (models are not changed once trained; a changed tree list is re-read). */
const forests = new WeakMap<BoostedModel, FlatForest>();

function flatten(model: BoostedModel): FlatForest {
  const known = forests.get(model);
  if (known && known.trees === model.trees && known.count === model.trees.length) return known;
  let size = 0;
  for (const tree of model.trees) size += tree.feature.length;
  const flat: FlatForest = {
    trees: model.trees,
    count: model.trees.length,
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
    value: new Float64Array(size),
  };
  let base = 0;
  model.trees.forEach((tree, t) => {
    flat.roots[t] = base;
    for (let k = 0; k < tree.feature.length; k++) {
      flat.feature[base + k] = tree.feature[k];
      flat.threshold[base + k] = tree.threshold[k];
      flat.left[base + k] = base + tree.left[k];
      flat.right[base + k] = base + tree.right[k];
      flat.value[base + k] = tree.value[k];
    }
    base += tree.feature.length;
  });
  forests.set(model, flat);
  return flat;
}

export function predictProbability(model: BoostedModel, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-predictLogit(model, x)));
}

/**
 * Deterministic PRNG (mulberry32) so that training (and generated bench data) is reproducible for a
 * given seed. Its state counts up by `step` (odd): the streams of two seeds are one cycle read from
 * two places, and only another step gives another order.
 */
export function rng(seed: number, step = 0x6d2b79f5): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + step) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Candidate split points per feature: up to 64 quantiles, so that a split search is linear in the
 * number of samples and robust to outliers.
 */
function candidateThresholds(xs: number[][], feature: number): number[] {
  const values = xs.map((x) => x[feature]).sort((p, q) => p - q);
  const out: number[] = [];
  const steps = 64;
  for (let k = 1; k < steps; k++) {
    const v = values[Math.floor((k * values.length) / steps)];
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return out;
}

export function trainBoosted(
  xs: number[][],
  ys: number[],
  featureNames: string[],
  options: Partial<BoostingOptions> = {},
): BoostedModel {
  const opt = { ...defaultBoostingOptions, ...options };
  const n = xs.length;
  const d = featureNames.length;
  const positives = ys.reduce((s, y) => s + y, 0);
  const prior = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
  const bias = Math.log(prior / (1 - prior));
  const logits = new Float64Array(n).fill(bias);
  const thresholds = Array.from({ length: d }, (_, f) => candidateThresholds(xs, f));
  const random = rng(opt.seed);
  const trees: Tree[] = [];

  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  for (let round = 0; round < opt.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logits[i]));
      grad[i] = p - ys[i];
      hess[i] = Math.max(p * (1 - p), 1e-6);
    }
    const sample: number[] = [];
    for (let i = 0; i < n; i++) if (random() < opt.subsample) sample.push(i);
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    growNode(tree, sample, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) {
      logits[i] += opt.learningRate * predictTree(tree, xs[i]);
    }
  }
  return { featureNames, bias, learningRate: opt.learningRate, trees, threshold: 0.5 };

  function growNode(tree: Tree, rows: number[], depth: number): number {
    const id = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    let g = 0;
    let h = 0;
    for (const i of rows) {
      g += grad[i];
      h += hess[i];
    }
    tree.value.push(-g / (h + opt.lambda));
    if (depth >= opt.depth || rows.length < 2 * opt.minLeaf) return id;

    const parentGain = (g * g) / (h + opt.lambda);
    let best = { gain: 1e-9, feature: -1, threshold: 0 };
    for (let f = 0; f < d; f++) {
      const cuts = thresholds[f];
      if (cuts.length === 0) continue;
      // Bucket rows by cut index so one pass gives every split's left sums.
      const bg = new Float64Array(cuts.length + 1);
      const bh = new Float64Array(cuts.length + 1);
      const bc = new Int32Array(cuts.length + 1);
      for (const i of rows) {
        const b = bucketOf(cuts, xs[i][f]);
        bg[b] += grad[i];
        bh[b] += hess[i];
        bc[b]++;
      }
      let lg = 0;
      let lh = 0;
      let lc = 0;
      for (let c = 0; c < cuts.length; c++) {
        lg += bg[c];
        lh += bh[c];
        lc += bc[c];
        const rc = rows.length - lc;
        if (lc < opt.minLeaf || rc < opt.minLeaf) continue;
        const rg = g - lg;
        const rh = h - lh;
        const gain = (lg * lg) / (lh + opt.lambda) + (rg * rg) / (rh + opt.lambda) - parentGain;
        if (gain > best.gain) best = { gain, feature: f, threshold: cuts[c] };
      }
    }
    if (best.feature < 0) return id;
    const leftRows: number[] = [];
    const rightRows: number[] = [];
    for (const i of rows) (xs[i][best.feature] <= best.threshold ? leftRows : rightRows).push(i);
    tree.feature[id] = best.feature;
    tree.threshold[id] = best.threshold;
    tree.left[id] = growNode(tree, leftRows, depth + 1);
    tree.right[id] = growNode(tree, rightRows, depth + 1);
    return id;
  }
}

/** Index of the first cut >= v (values equal to a cut go left of it, matching `<=` at predict). */
function bucketOf(cuts: number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function predictTree(tree: Tree, x: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    node = x[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return tree.value[node];
}
