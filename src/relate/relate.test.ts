import { describe, expect, it } from 'vitest';
import type { Alignment } from '../align/align.js';
import { mayRelateClosely, type RelationInput, relate } from './relate.js';

const aligned = (pairs: Array<[number, number]>, kind: Alignment['kind'] = 'paraphrase'): Alignment[] =>
  pairs.map(([i, j]) => ({ a: [i], b: [j], kind, score: 0.9 }));

const base = (over: Partial<RelationInput>): RelationInput => ({
  sentencesA: 10,
  sentencesB: 10,
  alignments: [],
  sharedFacts: 0,
  documentSimilarity: 0,
  containmentA: 0,
  containmentB: 0,
  passageA: 0,
  passageB: 0,
  tiledA: 0,
  tiledB: 0,
  longestPassage: 0,
  longestNarrative: 0,
  creditsA: [],
  creditsB: [],
  ...over,
});

const diagonal = (n: number): Array<[number, number]> => Array.from({ length: n }, (_, k) => [k, k]);

describe('relate', () => {
  it('calls identical sentence sets duplicates', () => {
    const r = relate(base({ alignments: aligned(diagonal(10), 'verbatim') }));
    expect(r.type).toBe('duplicate');
    expect(r.coverageA).toBe(1);
  });

  it('calls mostly verbatim full coverage near-duplicate', () => {
    const al = [...aligned(diagonal(8), 'verbatim'), ...aligned([[8, 8]], 'paraphrase')];
    expect(relate(base({ alignments: al })).type).toBe('near-duplicate');
  });

  it('calls a reworded retelling a rewrite', () => {
    expect(relate(base({ alignments: aligned(diagonal(8)) })).type).toBe('rewrite');
  });

  it('calls a few lifted sentences partial reuse', () => {
    // Lifted sentences are long shared runs of the reporter's own words, outside quotes.
    const lifted = base({
      sentencesA: 30,
      alignments: aligned(diagonal(3), 'verbatim'),
      longestNarrative: 14,
    });
    expect(relate(lifted).type).toBe('partial-reuse');
    // The same quotation written down by two reporters is not reuse...
    const quoted = base({ sentencesA: 30, alignments: aligned(diagonal(3), 'verbatim'), longestPassage: 14 });
    expect(relate(quoted).type).not.toBe('partial-reuse');
    // ...nor are sentences that retell the same event in other words; passages taken are.
    expect(relate(base({ sentencesA: 30, alignments: aligned(diagonal(3)) })).type).not.toBe('partial-reuse');
    const passages = base({ sentencesA: 30, alignments: aligned(diagonal(3)), passageA: 0.6, tiledA: 0.35 });
    expect(relate(passages).type).toBe('partial-reuse');
  });

  it('does not take names shared in a longer text for reuse; a brief made of its source names is', () => {
    // Runs of two content words ("Prime Minister") in most sentences of a 9-sentence text, none retold.
    const names = base({
      sentencesA: 9,
      passageA: 0.75,
      tiledA: 0.3,
      longestPassage: 2,
      longestNarrative: 2,
    });
    expect(relate(names).type).not.toBe('partial-reuse');
    // A run of three is a phrase taken; a retold sentence is reuse whatever the runs.
    expect(relate({ ...names, longestPassage: 3, longestNarrative: 3 }).type).toBe('partial-reuse');
    expect(relate({ ...names, alignments: aligned([[0, 4]]) }).type).toBe('partial-reuse');
    // A two-sentence brief built on its source's names is partly derived (METER's briefs).
    expect(relate({ ...names, sentencesA: 2 }).type).toBe('partial-reuse');
    // The longer side's passages decide when the reusing side is the other.
    expect(relate({ ...names, passageA: 0, passageB: 0.9, sentencesB: 2 }).type).toBe('partial-reuse');
  });

  it('calls a text whose every sentence is built on passages of another a rewrite', () => {
    const condensed = base({ sentencesA: 4, sentencesB: 20, alignments: aligned(diagonal(1)), passageA: 1 });
    expect(relate(condensed).type).toBe('rewrite');
    // One sentence is all or nothing: the sentence alignment judges it.
    expect(relate(base({ sentencesA: 1, sentencesB: 1, passageA: 1, passageB: 1 })).type).not.toBe('rewrite');
  });

  it("calls a short text made of a longer one's words a rewrite, though few sentences align", () => {
    const condensed = base({
      sentencesA: 4,
      sentencesB: 20,
      alignments: aligned(diagonal(1)),
      containmentA: 0.9,
    });
    expect(relate(condensed).type).toBe('rewrite');
  });

  it("does not take a long text's words, found in a far longer one, for a rewrite", () => {
    // A post of 150 sentences against a page of 2,000 (a thread of comments): most of its words
    // occur there by chance, while its sentences say that a tenth of it is retold.
    const chance = base({
      sentencesA: 150,
      sentencesB: 2000,
      alignments: aligned(diagonal(15)),
      containmentA: 0.88,
      documentSimilarity: 0.24,
      sharedFacts: 40,
    });
    expect(relate(chance).type).not.toBe('rewrite');
    // A brief of five sentences is judged by its words: the sentence model misses condensing.
    expect(relate({ ...chance, sentencesA: 5, sentencesB: 60, alignments: aligned(diagonal(1)) }).type).toBe(
      'rewrite',
    );
  });

  it('tells independent reports of one event from unrelated pieces', () => {
    expect(relate(base({ sharedFacts: 5, documentSimilarity: 0.4 })).type).toBe('same-story');
    expect(relate(base({ sharedFacts: 1, documentSimilarity: 0.22 })).type).toBe('related');
    expect(relate(base({})).type).toBe('unrelated');
  });

  it('takes direction from publication order and says why', () => {
    const r = relate(
      base({
        alignments: aligned(diagonal(9)),
        publishedA: '2026-03-03T12:00:00Z',
        publishedB: '2026-03-03T09:00:00Z',
      }),
    );
    expect(r.direction).toBe('a-from-b');
    expect(r.evidence.join(' ')).toMatch(/A was published 3 h after B/);
  });

  it('takes direction from containment: the side mostly found in the other retells it', () => {
    const r = relate(base({ sentencesA: 10, sentencesB: 40, alignments: aligned(diagonal(8)) }));
    expect(r.direction).toBe('a-from-b');
  });

  it('reads a new top over the other side as the longer side building on it', () => {
    // B opens with three sentences of its own, then retells A from its first sentence: an update.
    const update = aligned(Array.from({ length: 8 }, (_, k): [number, number] => [k, k + 3]));
    const r = relate(base({ sentencesA: 10, sentencesB: 40, alignments: update }));
    expect(r.direction).toBe('b-from-a');
    expect(r.evidence.join(' ')).toMatch(/B opens with 3 sentences of its own/);
    // A cut-down copy shares the longer side's top: the shorter took.
    const cut = aligned(Array.from({ length: 8 }, (_, k): [number, number] => [k, k]));
    expect(relate(base({ sentencesA: 10, sentencesB: 40, alignments: cut })).direction).toBe('a-from-b');
  });

  it('reads the datelines where a side has no publication date: the later dateline derived', () => {
    // A contains most of B (B looks cut down from A), but A's dateline is two days later: an update.
    const r = relate(
      base({
        sentencesA: 40,
        sentencesB: 10,
        alignments: aligned(diagonal(8)),
        datelineA: 'April 23',
        datelineB: 'Apr. 21',
      }),
    );
    expect(r.direction).toBe('a-from-b');
    expect(r.evidence.join(' ')).toMatch(
      /A's dateline \(April 23\) is 2 days after the other's dateline \(Apr. 21\)/,
    );
    // A dateline against the other side's publication date.
    const mixed = relate(
      base({ alignments: aligned(diagonal(9)), datelineA: 'April 23', publishedB: '2026-04-21T11:00:00Z' }),
    );
    expect(mixed.direction).toBe('a-from-b');
    expect(mixed.evidence.join(' ')).toMatch(
      /A's dateline \(April 23\) is 2 days after the other's publication date \(2026-04-21\)/,
    );
    // Across the turn of a year, and not at all for dates months apart.
    const turn = relate(
      base({ alignments: aligned(diagonal(9)), datelineA: 'Dec. 30', datelineB: 'Jan. 2' }),
    );
    expect(turn.direction).toBe('b-from-a');
    const far = relate(base({ alignments: aligned(diagonal(9)), datelineA: 'March 3', datelineB: 'July 9' }));
    expect(far.direction).toBe('unknown');
  });

  it('does not claim a direction without evidence', () => {
    expect(relate(base({ alignments: aligned(diagonal(9)) })).direction).toBe('unknown');
  });

  it('says common source when both credit the same agency and nothing else tells', () => {
    const r = relate(
      base({ alignments: aligned(diagonal(9)), creditsA: ['reuters'], creditsB: ['reuters'] }),
    );
    expect(r.direction).toBe('common-source');
  });

  it('matches credits whatever their case and shows them as written', () => {
    const r = relate(base({ alignments: aligned(diagonal(9)), creditsA: ['UNS'], creditsB: ['Uns'] }));
    expect(r.direction).toBe('common-source');
    expect(r.evidence.join(' ')).toContain('both credit UNS');
    const one = relate(base({ alignments: aligned(diagonal(9)), creditsB: ['UNS'] }));
    expect(one.evidence.join(' ')).toContain('B credits UNS');
  });

  it('does not let evidence of order outvote itself: conflicting signals give the stronger', () => {
    const r = relate(
      base({
        sentencesA: 10,
        sentencesB: 40,
        alignments: aligned(diagonal(8)),
        publishedA: '2026-03-03T08:00:00Z',
        publishedB: '2026-03-03T09:00:00Z',
      }),
    );
    expect(r.direction).toBe('b-from-a');
  });
});

describe('mayRelateClosely', () => {
  it('rules out a pair that shares little on its surface', () => {
    expect(
      mayRelateClosely(
        base({ documentSimilarity: 0.2, containmentA: 0.4, passageB: 0.3, longestNarrative: 5 }),
      ),
    ).toBe(false);
  });

  it('keeps a pair that any route of relate could store', () => {
    for (const over of [
      { documentSimilarity: 0.25 },
      { containmentB: 0.85 },
      { passageA: 0.5 },
      { longestNarrative: 8 },
    ]) {
      const input = base({ documentSimilarity: 0.1, ...over });
      expect(mayRelateClosely(input)).toBe(true);
    }
  });

  it('never rules out a pair that relate stores as the same story', () => {
    const input = base({ sharedFacts: 5, documentSimilarity: 0.25 });
    expect(relate(input).type).toBe('same-story');
    expect(mayRelateClosely(input)).toBe(true);
  });
});
