/**
 * Reading the Microsoft Research Paraphrase Corpus (tab-separated: Quality, #1 ID, #2 ID,
 * #1 String, #2 String; 1 = paraphrase). Used by training and by `npm run eval`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ParaphrasePair {
  label: 0 | 1;
  a: string;
  b: string;
}

export function readMrpc(sharedDir: string, split: 'train' | 'val'): ParaphrasePair[] {
  const file = join(sharedDir, 'eval', 'paraphrase', 'mrpc', `msr-para-${split}.tsv`);
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const pairs: ParaphrasePair[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const cols = line.split('\t');
    if (cols.length < 5) continue;
    pairs.push({ label: cols[0] === '1' ? 1 : 0, a: cols[3], b: cols[4] });
  }
  return pairs;
}

/** Accuracy and F1 of the positive class, as MRPC's authors and peers report them. */
export function binaryScores(gold: number[], predicted: number[]): { accuracy: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (let k = 0; k < gold.length; k++) {
    if (gold[k] === predicted[k]) correct++;
    if (predicted[k] === 1 && gold[k] === 1) tp++;
    else if (predicted[k] === 1) fp++;
    else if (gold[k] === 1) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    accuracy: gold.length ? correct / gold.length : 0,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
