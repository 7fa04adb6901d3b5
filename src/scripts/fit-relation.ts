/**
 * Fits the relation's passage thresholds (`whollyPassage`, `partialPassage` in
 * `src/relate/relate.ts`) on METER showbiz, and reports how well they carry over: 5-fold
 * cross-validation by article, repeated over several shuffles. Writes its report to
 * `src/scripts/fit-relation.out.txt` (committed; `node dist/scripts/fit-relation.js` reproduces it).
 *
 * Only two numbers are fitted, on one interpretable feature; everything else in the relation keeps
 * its default. The defaults in relate.ts are this fit rounded, not the fold figures.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examinePair, prepareArticle } from '../compare/compare.js';
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
  inputs: RelationInput[];
}

type Thresholds = Pick<RelateOptions, 'whollyPassage' | 'partialPassage'>;

const grid: Thresholds[] = [];
for (let w = 0.5; w <= 1.001; w += 0.025)
  for (let p = 0.05; p <= w; p += 0.025) grid.push({ whollyPassage: round(w), partialPassage: round(p) });

function predict(c: Case, t: Partial<RelateOptions>): MeterLabel {
  let best = -1;
  let label: MeterLabel = 'non_derived';
  for (const input of c.inputs) {
    const type = relate(input, t).type;
    if (strength[type] > best) {
      best = strength[type];
      label = labelOf(type);
    }
  }
  return label;
}

const score = (cases: Case[], t: Thresholds) =>
  macroF1(
    meterLabels,
    cases.map((c) => c.label),
    cases.map((c) => predict(c, t)),
  );

function fitThresholds(cases: Case[]): { thresholds: Thresholds; f1: number } {
  let best = { thresholds: grid[0], f1: -1 };
  for (const t of grid) {
    const f1 = score(cases, t);
    if (f1 > best.f1) best = { thresholds: t, f1 };
  }
  return best;
}

function main(): void {
  const ctx = defaultContext();
  const cases: Case[] = readMeter(sharedDir).map((c) => {
    const a = prepareArticle(c.newspaper, ctx);
    return { label: c.label, inputs: c.sources.map((s) => examinePair(a, s, ctx).input) };
  });
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const current = score(cases, defaultRelateOptions);
  say(
    `METER showbiz, ${cases.length} articles; 3-class macro-F1 with relate.ts defaults: ${current.toFixed(4)}`,
  );
  const all = fitThresholds(cases);
  say(
    `in-sample fit: whollyPassage ${all.thresholds.whollyPassage} partialPassage ${all.thresholds.partialPassage}` +
      ` → ${all.f1.toFixed(4)}`,
  );

  const folds = 5;
  const repeats = 5;
  const figures: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const random = rng(1 + r);
    const order = cases.map((_, k) => k);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const fold = new Int32Array(cases.length);
    order.forEach((k, rank) => {
      fold[k] = rank % folds;
    });
    const gold: MeterLabel[] = [];
    const predicted: MeterLabel[] = [];
    for (let f = 0; f < folds; f++) {
      const train = cases.filter((_, k) => fold[k] !== f);
      const { thresholds } = fitThresholds(train);
      cases.forEach((c, k) => {
        if (fold[k] !== f) return;
        gold.push(c.label);
        predicted.push(predict(c, thresholds));
      });
    }
    const f1 = macroF1(meterLabels, gold, predicted);
    figures.push(f1);
    say(`  5-fold by article, shuffle ${r + 1}: ${f1.toFixed(4)}`);
  }
  const mean = figures.reduce((s, x) => s + x, 0) / figures.length;
  say(`cross-validated 3-class macro-F1 (mean of ${repeats} shuffles): ${mean.toFixed(4)}`);
  writeFileSync(outFile, `${lines.join('\n')}\n`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
