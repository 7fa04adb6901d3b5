import { describe, expect, it } from 'vitest';
import { classF1, labelOf, macroF1, meterText } from './meter.js';

describe('METER scoring', () => {
  const labels = ['w', 'p', 'n'] as const;
  type L = (typeof labels)[number];
  // w: 2 right, 1 called p; p: 1 right, 1 called n; n: 1 right, and one p called n.
  const gold: L[] = ['w', 'w', 'w', 'p', 'p', 'n'];
  const predicted: L[] = ['w', 'w', 'p', 'p', 'n', 'n'];

  it('gives the F1 of each class, in the order of the labels', () => {
    const [w, p, n] = classF1(labels, gold, predicted);
    expect(w).toBeCloseTo(0.8); // tp 2, fn 1: 4 / 5
    expect(p).toBeCloseTo(0.5); // tp 1, fp 1, fn 1: 2 / 4
    expect(n).toBeCloseTo(2 / 3); // tp 1, fp 1: 2 / 3
  });

  it('macro-F1 is the mean of the per-class F1, a never-right class counting 0', () => {
    expect(macroF1(labels, gold, predicted)).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
    expect(classF1(labels, ['w', 'n'], ['w', 'w'])).toEqual([2 / 3, 0, 0]);
  });

  it('maps relation types to the METER classes as the README says', () => {
    expect(labelOf('duplicate')).toBe('wholly_derived');
    expect(labelOf('rewrite')).toBe('wholly_derived');
    expect(labelOf('partial-reuse')).toBe('partially_derived');
    expect(labelOf('same-story')).toBe('non_derived');
  });

  it('joins hard-wrapped agency paragraphs ended by "<" and drops rule lines', () => {
    const raw = [
      '----------',
      'The band said',
      'on Monday it would tour.<',
      '',
      "``We're back,'' he said.<",
    ].join('\n');
    expect(meterText(raw)).toBe('The band said on Monday it would tour.\n\n"We\'re back," he said.');
  });
});
