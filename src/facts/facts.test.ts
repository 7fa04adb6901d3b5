import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../text/lexicon/load.js';
import { compareFacts, meaningChanges } from './compare.js';
import { extractFacts } from './extract.js';

const lexicon = loadLexicon();
const facts = (text: string) => extractFacts(text, { lexicon });

const wire =
  'Mayor Ingrid Solberg closed the Kestrel Bridge on Wednesday. About 48,000 vehicles cross the 1.2 km bridge every day. ' +
  'A closure of one month would cost shops about $30 million, the Chamber of Commerce said.';
const rewrite =
  'Ingrid Solberg shut the Kestrel Bridge on Wednesday. Roughly 48,000 cars use the 1.2-kilometre bridge daily. ' +
  'The Chamber of Commerce puts the cost of a month-long closure at $35 million. Commuter Ana Ruiz was angry.';

describe('extractFacts', () => {
  it('finds people without their titles, numbers with units, money', () => {
    const f = facts(wire);
    const texts = f.map((x) => `${x.kind}:${x.key}`);
    expect(texts.some((t) => t.startsWith('person:') && t.includes('solberg'))).toBe(true);
    expect(f.some((x) => x.value === 48000)).toBe(true);
    expect(f.some((x) => x.kind === 'money' && x.value === 30e6)).toBe(true);
  });
});

describe('compareFacts', () => {
  it('reports shared facts, facts of one side, and conflicts of the same kind', () => {
    const c = compareFacts(facts(rewrite), facts(wire));
    const shared = c.shared.map((s) => s.text).join(' | ');
    expect(shared).toMatch(/Solberg/);
    expect(shared).toMatch(/48,000/);
    expect(c.onlyA.map((s) => s.text).join(' | ')).toMatch(/Ruiz/);
    expect(c.conflicts.some((x) => x.a.includes('35') && x.b.includes('30'))).toBe(true);
  });
});

describe('meaningChanges', () => {
  it('flags a flipped negation and a changed number', () => {
    expect(
      meaningChanges('The bridge will reopen on Friday.', 'The bridge will not reopen on Friday.')[0]?.kind,
    ).toBe('negation');
    expect(meaningChanges('It would cost $30 million.', 'It would cost $35 million.')[0]?.kind).toBe(
      'number',
    );
    expect(meaningChanges('It would cost $30 million.', 'The cost would be $30 million.')).toEqual([]);
  });
});

describe('names at the start of a sentence', () => {
  it('are names when the article writes them inside a sentence too, or they are no common word', () => {
    const keys = (text: string) => facts(text).map((f) => f.key);
    expect(keys('Eastmere closed its old bridge on Monday.')).toContain('name:eastmere');
    expect(
      keys('Solberg spoke first. Later, Mayor Solberg left.').filter((k) => k.includes('solberg')).length,
    ).toBeGreaterThan(0);
    expect(keys('Later the council met.')).not.toContain('name:later');
  });
});
