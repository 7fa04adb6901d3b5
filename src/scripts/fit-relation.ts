/**
 * Fits the passage settings of the relation on METER showbiz (`eval/meter-fit.ts`) and reports how
 * well they carry over: 5-fold cross-validation by article and by story, each over five shuffles.
 * Writes its report to `src/scripts/fit-relation.out.txt` (committed; after a build,
 * `node dist/scripts/fit-relation.js` reproduces it in about half a minute).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCompareOptions } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { macroF1, meterLabels, readMeter } from '../eval/meter.js';
import {
  crossValidatedF1,
  type FitCase,
  fitCases,
  fitSettings,
  predictCase,
  predictGrid,
} from '../eval/meter-fit.js';
import { defaultRelateOptions } from '../relate/relate.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const sharedDir = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');
const outFile = join(repo, 'src', 'scripts', 'fit-relation.out.txt');

const cases = fitCases(readMeter(sharedDir), defaultContext());
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};
const defaults = { ...defaultRelateOptions, passageShare: defaultCompareOptions.passageShare };
const current = macroF1(
  meterLabels,
  cases.map((c) => c.label),
  cases.map((c) => predictCase(c, defaults)),
);
say(
  `METER showbiz, ${cases.length} articles; 3-class macro-F1 with relate.ts defaults: ${current.toFixed(4)}`,
);
const predicted = predictGrid(cases);
const all = fitSettings(
  cases,
  predicted,
  cases.map((_, k) => k),
);
say(
  `in-sample fit: passageShare ${all.settings.passageShare} whollyPassage ${all.settings.whollyPassage} ` +
    `partialPassage ${all.settings.partialPassage} → ${all.f1.toFixed(4)}`,
);
for (const [name, groupOf] of [
  ['article', (_: FitCase, k: number) => String(k)],
  // Articles on one story share their sources: folds by story keep a story's sources unseen.
  ['story', (c: FitCase) => c.story],
] as const) {
  const figures = [1, 2, 3, 4, 5].map((seed) => crossValidatedF1(cases, predicted, groupOf, 5, seed));
  const mean = figures.reduce((sum, x) => sum + x, 0) / figures.length;
  say(
    `5-fold cross-validated by ${name} (5 shuffles): ${figures.map((x) => x.toFixed(4)).join(' ')}; ` +
      `mean ${mean.toFixed(4)}`,
  );
}
writeFileSync(outFile, `${lines.join('\n')}\n`);
