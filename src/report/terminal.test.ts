import { describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { compareArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { renderTerminal } from './terminal.js';

const ctx = defaultContext();

describe('renderTerminal', () => {
  it('lists the facts by kind, a shared fact written two ways with both forms, quotes on lines of their own', () => {
    const a = articleFromText(
      'Bridge closed\n\nMayor Ingrid Solberg closed the Kestrel Bridge on Oct. 17, 2026 after inspectors found cracks. ' +
        'The closure will cost shops $30 million, the Chamber of Commerce said.',
      { id: 'a' },
    );
    const b = articleFromText(
      'Kestrel Bridge shut\n\nIngrid Solberg shut the Kestrel Bridge on 17 October 2026 after cracks were found. ' +
        '"We had no choice but to close it today," Solberg told reporters in Port Alder.',
      { id: 'b' },
    );
    const report = renderTerminal(compareArticles(a, b, ctx), { color: false, width: 100 });
    const facts = report.slice(report.indexOf('\nFacts'));
    expect(facts).toMatch(/shared \(\d+\)\n {4}people: +Ingrid Solberg/);
    expect(facts).toContain('Oct. 17, 2026 (B: 17 October 2026)');
    expect(facts).toMatch(/only in A \(\d+\)[\s\S]*figures: +\$30 million/);
    expect(facts).toMatch(
      /only in B \(\d+\)[\s\S]*places: +Port Alder[\s\S]*quotes:\n {6}“We had no choice but to close it today”/,
    );
  });
});
