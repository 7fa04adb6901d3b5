/**
 * Fits the passage settings of the relation on METER showbiz — which sentences reuse
 * (`passageShare` in `src/compare/compare.ts`) and the shares from which a text is wholly or
 * partly derived (`whollyPassage`, `partialPassage` in `src/relate/relate.ts`) — and reports how
 * well they carry over: 5-fold cross-validation by article and by story, each over five shuffles. Writes its report to `src/scripts/fit-relation.out.txt` (committed; after a build,
 * `node dist/scripts/fit-relation.js` reproduces it in about half a minute).
 *
 * Three numbers are fitted, on one interpretable feature; the defaults are this fit. The passage
 * length (2+ content words) and the 8-word narrative run were chosen by looking at the same data
 * and are not refitted per fold, so the cross-validated figures are still somewhat optimistic.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCompareOptions, examinePair, prepareArticle } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { labelOf, type MeterLabel, macroF1, meterLabels, readMeter, strength } from '../eval/meter.js';
import { defaultRelateOptions, type RelateOptions, type RelationInput, relate } from '../relate/relate.js';
import { rng } from '../similarity/boosting.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const outFile = join(repo, 'src', 'scripts', 'fit-relation.out.txt');

interface Case {
  label: MeterLabel;
  /** The story's folder (date and catchline): articles on one story share their sources. */
  story: string;
  /** The relation inputs of each candidate source, for each sentence share of the grid. */
  inputs: Map<number, RelationInput[]>;
}

/** `passageShare` is the comparison's (which sentences reuse); the other two are the relation's. */
type Thresholds = Pick<RelateOptions, 'whollyPassage' | 'partialPassage'> & { passageShare: number };

const shares = [0.2, 0.3, 0.4];
const grid: Thresholds[] = [];
for (const passageShare of shares)
  for (let w = 0.5; w <= 1.001; w += 0.025)
    for (let p = 0.05; p <= w; p += 0.025)
      grid.push({ passageShare, whollyPassage: round(w), partialPassage: round(p) });

function predict(c: Case, t: Thresholds): MeterLabel {
  let best = -1;
  let label: MeterLabel = 'non_derived';
  for (const input of c.inputs.get(t.passageShare) ?? []) {
    const type = relate(input, t).type;
    if (strength[type] > best) {
      best = strength[type];
      label = labelOf(type);
    }
  }
  return label;
}

/** Each case's prediction at each point of the grid, computed once: every fold's fit reads them. */
function predictAll(cases: Case[]): MeterLabel[][] {
  return grid.map((t) => cases.map((c) => predict(c, t)));
}

/** The grid point (its index) with the best macro-F1 over the cases `members` lists; the first wins ties. */
function fitThresholds(
  cases: Case[],
  predicted: MeterLabel[][],
  members: number[],
): { index: number; thresholds: Thresholds; f1: number } {
  const gold = members.map((k) => cases[k].label);
  let best = { index: 0, thresholds: grid[0], f1: -1 };
  grid.forEach((t, index) => {
    const f1 = macroF1(
      meterLabels,
      gold,
      members.map((k) => predicted[index][k]),
    );
    if (f1 > best.f1) best = { index, thresholds: t, f1 };
  });
  return best;
}

function main(): void {
  const ctx = defaultContext();
  const cases: Case[] = readMeter(sharedDir).map((c) => {
    const a = prepareArticle(c.newspaper, ctx);
    const sources = c.sources.map((s) => prepareArticle(s, ctx));
    const inputs = new Map(
      shares.map((passageShare) => [
        passageShare,
        sources.map((s) => examinePair(a, s, ctx, { passageShare }).input),
      ]),
    );
    return { label: c.label, story: dirname(c.newspaper.source ?? ''), inputs };
  });
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const defaults = { ...defaultRelateOptions, passageShare: defaultCompareOptions.passageShare };
  const current = macroF1(
    meterLabels,
    cases.map((c) => c.label),
    cases.map((c) => predict(c, defaults)),
  );
  say(
    `METER showbiz, ${cases.length} articles; 3-class macro-F1 with relate.ts defaults: ${current.toFixed(4)}`,
  );
  const predicted = predictAll(cases);
  const all = fitThresholds(
    cases,
    predicted,
    cases.map((_, k) => k),
  );
  say(
    `in-sample fit: passageShare ${all.thresholds.passageShare} whollyPassage ${all.thresholds.whollyPassage} ` +
      `partialPassage ${all.thresholds.partialPassage}` +
      ` → ${all.f1.toFixed(4)}`,
  );

  for (const [name, groupOf] of [
    ['article', (_: Case, k: number) => String(k)],
    // Articles on one story share their sources: folds by story keep a story's sources unseen.
    ['story', (c: Case) => c.story],
  ] as const) {
    const figures = [1, 2, 3, 4, 5].map((seed) => crossValidated(cases, predicted, groupOf, 5, seed));
    const mean = figures.reduce((sum, x) => sum + x, 0) / figures.length;
    say(
      `5-fold cross-validated by ${name} (5 shuffles): ${figures.map((x) => x.toFixed(4)).join(' ')}; ` +
        `mean ${mean.toFixed(4)}`,
    );
  }
  writeFileSync(outFile, `${lines.join('\n')}\n`);
}

/** Macro-F1 over held-out folds, the thresholds fitted on the other folds each time. */
function crossValidated(
  cases: Case[],
  predicted: MeterLabel[][],
  groupOf: (c: Case, k: number) => string,
  folds: number,
  seed: number,
): number {
  const groups = [...new Set(cases.map(groupOf))];
  const random = rng(seed);
  for (let k = groups.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [groups[k], groups[j]] = [groups[j], groups[k]];
  }
  const foldOf = new Map(groups.map((g, rank) => [g, rank % folds]));
  const fold = cases.map((c, k) => foldOf.get(groupOf(c, k)) as number);
  const gold: MeterLabel[] = [];
  const held: MeterLabel[] = [];
  for (let f = 0; f < folds; f++) {
    const training = cases.flatMap((_, k) => (fold[k] !== f ? [k] : []));
    const { index } = fitThresholds(cases, predicted, training);
    cases.forEach((c, k) => {
      if (fold[k] !== f) return;
      gold.push(c.label);
      held.push(predicted[index][k]);
    });
  }
  return macroF1(meterLabels, gold, held);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
