/**
 * Sentence splitting measured on ECB+ (../shared/eval/stories/ecbplus-dev), whose documents hold
 * one sentence a line: each document's lines are joined with single spaces into one paragraph,
 * split again, and the boundaries compared with the gold line starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from './sentences.js';

export interface BoundaryScores {
  precision: number;
  recall: number;
  f1: number;
  documents: number;
}

export async function evalSentenceSplitting(sharedDir: string): Promise<BoundaryScores> {
  const file = join(sharedDir, 'eval', 'stories', 'ecbplus-dev', 'docs.jsonl');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let documents = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { text: string };
    const sentences = doc.text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const gold = new Set<number>();
    let at = 0;
    sentences.forEach((s, i) => {
      if (i > 0) gold.add(at);
      at += s.length + 1;
    });
    const predicted = new Set(
      splitSentences(sentences.join(' '))
        .slice(1)
        .map((s) => s.start),
    );
    for (const b of predicted)
      if (gold.has(b)) tp++;
      else fp++;
    for (const b of gold) if (!predicted.has(b)) fn++;
    documents++;
  }
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(precision + recall, 1e-9), documents };
}
