/**
 * The passage settings of the relation fitted on METER showbiz — which sentences reuse
 * (`passageShare` in `src/compare/compare.ts`) and the shares from which a text is wholly or
 * partly derived (`whollyPassage`, `partialPassage` in `src/relate/relate.ts`) — and how well they
 * carry over: cross-validation by article and by story. `node dist/scripts/fit-relation.js`
 * prints it (`src/scripts/fit-relation.out.txt`); the defaults are the in-sample fit, which a test
 * checks.
 *
 * Three numbers are fitted, on one interpretable feature. The passage length (2+ content words)
 * and the 8-word narrative run were chosen by looking at the same data and are not refitted per
 * fold, so the cross-validated figures are still somewhat optimistic.
 */
import { dirname } from 'node:path';
import { type CompareContext, examinePair, prepareArticle } from '../compare/compare.js';
import { type RelateOptions, type RelationInput, relate } from '../relate/relate.js';
import { rng } from '../similarity/boosting.js';
import { labelOf, type MeterCase, type MeterLabel, macroF1, meterLabels, strength } from './meter.js';

/** An article with the relation inputs of each of its candidate sources, for each sentence share of the grid. */
export interface FitCase {
  label: MeterLabel;
  /** The story's folder (date and catchline): articles on one story share their sources. */
  story: string;
  inputs: Map<number, RelationInput[]>;
}

/** `passageShare` is the comparison's (which sentences reuse); the other two are the relation's. */
export type PassageSettings = Pick<RelateOptions, 'whollyPassage' | 'partialPassage'> & {
  passageShare: number;
};

const round = (x: number) => Math.round(x * 1000) / 1000;
const SHARES = [0.2, 0.3, 0.4];
const GRID: PassageSettings[] = [];
for (const passageShare of SHARES)
  for (let w = 0.5; w <= 1.001; w += 0.025)
    for (let p = 0.05; p <= w; p += 0.025)
      GRID.push({ passageShare, whollyPassage: round(w), partialPassage: round(p) });

/** METER's articles compared with their sources once per sentence share of the grid. */
export function fitCases(cases: readonly MeterCase[], ctx: CompareContext): FitCase[] {
  return cases.map((c) => {
    const a = prepareArticle(c.newspaper, ctx);
    const sources = c.sources.map((s) => prepareArticle(s, ctx));
    const inputs = new Map(
      SHARES.map((passageShare) => [
        passageShare,
        sources.map((s) => examinePair(a, s, ctx, { passageShare }).input),
      ]),
    );
    return { label: c.label, story: dirname(c.newspaper.source ?? ''), inputs };
  });
}

/** The case's METER class under `t`: its strongest relation to any of its sources. */
export function predictCase(c: FitCase, t: PassageSettings): MeterLabel {
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
export type GridPredictions = MeterLabel[][];

export function predictGrid(cases: readonly FitCase[]): GridPredictions {
  return GRID.map((t) => cases.map((c) => predictCase(c, t)));
}

/** The grid point with the best macro-F1 over the cases `members` lists; the first wins ties. */
export function fitSettings(
  cases: readonly FitCase[],
  predicted: GridPredictions,
  members: readonly number[],
): { index: number; settings: PassageSettings; f1: number } {
  const gold = members.map((k) => cases[k].label);
  let best = { index: 0, settings: GRID[0], f1: -1 };
  GRID.forEach((settings, index) => {
    const f1 = macroF1(
      meterLabels,
      gold,
      members.map((k) => predicted[index][k]),
    );
    if (f1 > best.f1) best = { index, settings, f1 };
  });
  return best;
}

/** Macro-F1 over held-out folds (groups dealt by a seeded shuffle), the settings fitted on the other folds each time. */
export function crossValidatedF1(
  cases: readonly FitCase[],
  predicted: GridPredictions,
  groupOf: (c: FitCase, k: number) => string,
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
    const { index } = fitSettings(cases, predicted, training);
    cases.forEach((c, k) => {
      if (fold[k] !== f) return;
      gold.push(c.label);
      held.push(predicted[index][k]);
    });
  }
  return macroF1(meterLabels, gold, held);
}
