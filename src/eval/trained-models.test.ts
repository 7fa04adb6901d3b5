/**
 * What is learnt from data is what its training gives on today's code: a change to tokens,
 * profiles, features or relations changes what a model is asked, and a model trained before it
 * answers other questions than those it was fitted to. The two models are trained again here and
 * must match the committed files to the last bit (`npm run train`, `npm run train:stories` write
 * them); the relation's passage settings must be the fit on METER (`fit-relation.js`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCompareOptions } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { defaultRelateOptions } from '../relate/relate.js';
import {
  fitParaphraseModel,
  type ParaphraseModel,
  trainingFeatures,
} from '../similarity/paraphrase-training.js';
import { fitStoryModel } from '../story/train.js';
import { loadLexicon } from '../text/lexicon/load.js';
import { readMeter } from './meter.js';
import { fitCases, fitSettings, predictGrid } from './meter-fit.js';
import { readMrpc } from './mrpc.js';
import { ECB_FOLDS, ecbTrainingData, ingestEcb } from './stories.js';

const shared = join(import.meta.dirname, '..', '..', '..', 'shared');
const mrpc = existsSync(join(shared, 'eval', 'paraphrase', 'mrpc', 'msr-para-train.tsv'));
const ecb = existsSync(join(shared, 'eval', 'stories', 'ecbplus-dev', 'docs.jsonl'));
const meter = existsSync(join(shared, 'eval', 'reuse', 'meter-showbiz', 'pairs.jsonl'));
const committed = (path: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', path), 'utf8'));
if (!mrpc) console.warn('MRPC is absent from ../shared/eval: the paraphrase model is not trained again here');
if (!ecb) console.warn('ECB+ is absent from ../shared/eval: the story model is not trained again here');
if (!meter)
  console.warn('METER is absent from ../shared/eval: the passage settings are not fitted again here');

describe('the committed models', () => {
  it.skipIf(!mrpc)('paraphrase: what `npm run train` gives', { timeout: 120_000 }, () => {
    const model = committed('similarity/paraphrase-model.json') as ParaphraseModel;
    const train = readMrpc(shared, 'train');
    // Only the committed forest size is trained again (its folds and its final forest), not the grid.
    const again = fitParaphraseModel(
      trainingFeatures(train, loadLexicon()),
      train.map((p) => p.label),
      model.trainedWith,
    );
    expect(again.threshold).toBe(model.threshold);
    expect(again.trees.length).toBe(model.trees.length);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
  });

  it.skipIf(!ecb)('story: what `npm run train:stories` gives', { timeout: 180_000 }, async () => {
    const model = committed('story/story-model.json');
    const data = ecbTrainingData(await ingestEcb(shared, defaultContext()));
    const again = fitStoryModel(data, [...Array(ECB_FOLDS).keys()]).model;
    expect(again.mergeBar).toBe(model.mergeBar);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
  });

  it.skipIf(!meter)('passage settings: the fit on METER', { timeout: 120_000 }, () => {
    const cases = fitCases(readMeter(shared), defaultContext());
    const fit = fitSettings(
      cases,
      predictGrid(cases),
      cases.map((_, k) => k),
    ).settings;
    expect(fit).toEqual({
      passageShare: defaultCompareOptions.passageShare,
      whollyPassage: defaultRelateOptions.whollyPassage,
      partialPassage: defaultRelateOptions.partialPassage,
    });
  });
});
