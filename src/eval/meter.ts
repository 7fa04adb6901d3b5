/**
 * METER (showbiz): is a newspaper article wholly, partially or not derived from press-agency copy?
 * Each article is compared with each of its candidate PA sources; the strongest relation counts
 * (see ../shared/eval/README.md). Prints macro-F1 over the three classes, as METER's authors did,
 * and over derived vs non-derived.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../article/types.js';
import { type CompareContext, type Comparison, compareArticles } from '../compare/compare.js';
import { articleFromPage } from '../pipeline/page.js';
import type { RelationType } from '../relate/relate.js';
import { decodeBytes } from '../source/index.js';

export type MeterLabel = 'wholly_derived' | 'partially_derived' | 'non_derived';
export const meterLabels: MeterLabel[] = ['wholly_derived', 'partially_derived', 'non_derived'];

export interface MeterPair {
  newspaper_file: string;
  label: MeterLabel;
  pa_files: string[];
}

export interface MeterCase {
  label: MeterLabel;
  newspaper: Article;
  sources: Article[];
}

export const strength: Record<RelationType, number> = {
  duplicate: 6,
  'near-duplicate': 5,
  rewrite: 4,
  'partial-reuse': 3,
  'same-story': 2,
  related: 1,
  unrelated: 0,
};

export function labelOf(type: RelationType): MeterLabel {
  if (type === 'duplicate' || type === 'near-duplicate' || type === 'rewrite') return 'wholly_derived';
  if (type === 'partial-reuse') return 'partially_derived';
  return 'non_derived';
}

/**
 * METER's PA copy is hard-wrapped with paragraph ends marked by "<" and framed by rule lines and a
 * transmission header; newspaper copy has one paragraph per line. Both become text pages.
 */
export function meterText(raw: string): string {
  const lines = raw.split(/\r?\n/);
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  for (const line of lines) {
    const t = line.trim();
    if (/^-{10,}$/.test(t) || /^\d\d:\d\d \d\d\/\d\d\/\d\d:/.test(t)) continue;
    if (!t) {
      flush();
      continue;
    }
    const ends = t.endsWith('<');
    current.push(ends ? t.slice(0, -1) : t);
    if (ends) flush();
  }
  flush();
  // PA's `` and '' quote marks, and "_" used as a dash.
  return paragraphs
    .filter(Boolean)
    .map((p) => p.replace(/``|''/g, '"').replace(/ _ /g, ' - '))
    .join('\n\n');
}

export function readMeter(sharedDir: string): MeterCase[] {
  const base = join(sharedDir, 'eval', 'reuse', 'meter-showbiz');
  const rows = readFileSync(join(base, 'pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as MeterPair);
  const cache = new Map<string, Article>();
  const load = (rel: string) => {
    let article = cache.get(rel);
    if (!article) {
      const { text } = decodeBytes(readFileSync(join(base, rel)));
      article = articleFromPage(meterText(text), 'text', { source: rel });
      cache.set(rel, article);
    }
    return article;
  };
  return rows.map((r) => ({
    label: r.label,
    newspaper: load(r.newspaper_file),
    sources: r.pa_files.map(load),
  }));
}

/** The strongest relation of the article to any of its candidate sources. */
export function strongest(c: MeterCase, ctx: CompareContext): Comparison | undefined {
  let best: Comparison | undefined;
  for (const source of c.sources) {
    const result = compareArticles(c.newspaper, source, ctx);
    if (!best || strength[result.relation.type] > strength[best.relation.type]) best = result;
  }
  return best;
}

/** F1 of each label, in the order given; a label never predicted correctly scores 0. */
export function classF1<L extends string>(labels: readonly L[], gold: L[], predicted: L[]): number[] {
  return labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < gold.length; k++) {
      if (predicted[k] === label && gold[k] === label) tp++;
      else if (predicted[k] === label) fp++;
      else if (gold[k] === label) fn++;
    }
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
}

export function macroF1<L extends string>(labels: readonly L[], gold: L[], predicted: L[]): number {
  return classF1(labels, gold, predicted).reduce((sum, f1) => sum + f1, 0) / labels.length;
}

export function evalMeter(
  sharedDir: string,
  ctx: CompareContext,
): {
  macroF1: number;
  /** F1 of each class, keyed by label: macro-F1 hides which boundary the errors sit on. */
  classF1: Record<MeterLabel, number>;
  derivedF1: number;
  count: number;
  confusion: Record<string, Record<string, number>>;
} {
  const cases = readMeter(sharedDir);
  const gold: MeterLabel[] = [];
  const predicted: MeterLabel[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  for (const c of cases) {
    const best = strongest(c, ctx);
    const p = best ? labelOf(best.relation.type) : 'non_derived';
    gold.push(c.label);
    predicted.push(p);
    confusion[c.label] ??= {};
    confusion[c.label][p] = (confusion[c.label][p] ?? 0) + 1;
  }
  return { ...scoreMeter(gold, predicted), count: cases.length, confusion };
}

/** METER's scores of predicted labels: 3-class macro-F1, each class's F1, derived-vs-not macro-F1. */
export function scoreMeter(
  gold: MeterLabel[],
  predicted: MeterLabel[],
): { macroF1: number; classF1: Record<MeterLabel, number>; derivedF1: number } {
  const binary = (l: MeterLabel) => (l === 'non_derived' ? 'non' : 'derived');
  const perClass = classF1(meterLabels, gold, predicted);
  return {
    macroF1: macroF1(meterLabels, gold, predicted),
    classF1: Object.fromEntries(meterLabels.map((l, k) => [l, perClass[k]])) as Record<MeterLabel, number>,
    derivedF1: macroF1(['derived', 'non'], gold.map(binary), predicted.map(binary)),
  };
}
