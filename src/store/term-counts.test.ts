import { describe, expect, it } from 'vitest';
import { TermCounts } from './term-counts.js';

/** A table of counts and the statements run against it. */
function table(initial: Record<string, number> = {}) {
  const rows = new Map(Object.entries(initial));
  const log = { reads: 0, writes: 0 };
  const counts = new TermCounts(
    (t) => {
      log.reads++;
      return rows.get(t) ?? 0;
    },
    (t, n) => {
      log.writes++;
      rows.set(t, (rows.get(t) ?? 0) + n);
    },
  );
  return { rows, log, counts };
}

describe('TermCounts', () => {
  it('answers as the table would, with the open batch counted, and writes each term once per batch', () => {
    const { rows, log, counts } = table({ tide: 4 });
    expect(counts.count('tide', 10)).toBe(4);
    counts.written(11, ['tide', 'harbour']);
    counts.written(12, ['tide']);
    counts.written(13, []); // a reprint: its text is counted already
    expect(counts.count('tide', 13)).toBe(6);
    expect(counts.count('harbour', 13)).toBe(1);
    expect(rows.get('tide')).toBe(4); // nothing written before the commit
    counts.flush();
    expect(Object.fromEntries(rows)).toEqual({ tide: 6, harbour: 1 });
    expect(log.writes).toBe(2);
    // Known counts are read once while nobody else writes.
    const reads = log.reads;
    expect(counts.count('tide', 13)).toBe(6);
    expect(log.reads).toBe(reads);
  });

  it('reads the table again once another writer has written, and forgets a rolled-back batch', () => {
    const { rows, counts } = table({ tide: 1 });
    expect(counts.count('tide', 5)).toBe(1);
    rows.set('tide', 3); // another connection's articles 6 and 7
    expect(counts.count('tide', 7)).toBe(3);
    counts.written(9, ['tide']); // after article 8, another's again
    expect(counts.count('tide', 9)).toBe(4);
    counts.rolledBack();
    expect(counts.count('tide', 8)).toBe(3);
    counts.flush();
    expect(rows.get('tide')).toBe(3);
  });

  it('writes each pending count once, though a write fails half-way and the flush is tried again', () => {
    const rows = new Map<string, number>();
    let failOn: string | undefined = 'b';
    const counts = new TermCounts(
      (t) => rows.get(t) ?? 0,
      (t, n) => {
        if (t === failOn) throw new Error('disk full');
        rows.set(t, (rows.get(t) ?? 0) + n);
      },
    );
    counts.written(1, ['a', 'b', 'c']);
    expect(() => counts.flush()).toThrow('disk full');
    failOn = undefined;
    counts.flush();
    expect(Object.fromEntries(rows)).toEqual({ a: 1, b: 1, c: 1 });
  });
});
