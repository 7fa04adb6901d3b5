import { describe, expect, it } from 'vitest';
import { groupFacts } from './fact-groups.js';

describe('groupFacts', () => {
  it('quotes each side of a shared quotation apart, without the punctuation that ended its sentence', () => {
    const groups = groupFacts([
      { kind: 'person', text: 'Okafor', textB: 'Tomas Okafor' },
      { kind: 'quote', text: 'The bridge stays shut,', textB: 'The bridge will remain closed;' },
      { kind: 'quote', text: `${'word '.repeat(40)}end`, textB: `${'word '.repeat(40)}end` },
    ]);
    expect(groups).toEqual([
      { heading: 'people', texts: ['Okafor (B: Tomas Okafor)'] },
      {
        heading: 'quotes',
        texts: [
          '“The bridge stays shut” (B: “The bridge will remain closed”)',
          `“${'word '.repeat(32).trimEnd()}…”`,
        ],
      },
    ]);
  });
});
