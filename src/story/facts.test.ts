import { describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { defaultContext } from '../compare/context.js';
import { loadLexicon } from '../text/lexicon/load.js';
import { keyFacts, storyClaims, storyFacts } from './facts.js';
import type { Story } from './stories.js';

const lexicon = loadLexicon();

const texts = {
  a: 'Mayor Ingrid Solberg closed the Kestrel Bridge on Wednesday. Repairs will take ten days and cost $30 million, the council said.',
  b: 'The Kestrel Bridge is shut. Repairs would take ten days and cost $35 million, said Solberg. Bus routes 4 and 11 are moved.',
  c: 'A copy: Mayor Ingrid Solberg closed the Kestrel Bridge on Wednesday.',
};
const articles = Object.entries(texts).map(([id, text]) => articleFromText(text, { id, title: id }));
const story: Story = {
  id: 's1',
  title: 'Bridge',
  origin: 'a',
  articles: [
    { id: 'a', title: 'a', role: 'origin' },
    { id: 'b', title: 'b', role: 'rewrite' },
    { id: 'c', title: 'c', role: 'copy', copyOf: 'a' },
  ],
  edges: [],
};

// As the CLI and the server read them: from a store, by id.
const facts = () => storyFacts(story, (id) => articles.find((a) => a.id === id), lexicon);

describe('story facts', () => {
  it('give a row per fact and a column per article that is not a copy', () => {
    const f = facts();
    expect(f.articles.map((a) => a.id)).toEqual(['a', 'b']);
    const bridge = f.rows.find((r) => r.text === 'Kestrel Bridge');
    expect(bridge?.cells).toEqual(['Kestrel Bridge', 'Kestrel Bridge']);
  });

  it('give a person named in full and by surname one row', () => {
    const f = facts();
    const people = f.rows.filter((r) => r.kind === 'person');
    expect(people.map((r) => r.text)).toEqual(['Ingrid Solberg']);
    expect(people[0].cells).toEqual(['Ingrid Solberg', 'Solberg']);
  });

  it('mark the figures that differ from the origin, and list key facts without bare numbers', () => {
    const f = facts();
    expect(f.conflicts[1].map((c) => `${c.text} / ${c.origin}`)).toEqual(['$35 million / $30 million']);
    const key = keyFacts(f).map((k) => k.text);
    expect(key).toEqual(expect.arrayContaining(['Kestrel Bridge', 'Ingrid Solberg', 'ten days']));
    expect(key).not.toContain('4');
  });

  it('say what each retelling adds to the origin and leaves out, a conflict apart and a name once', () => {
    const f = facts();
    // b names the mayor by her surname (the origin's full name), adds no name or figure but its
    // bus routes (bare numbers, not listed), gives $35 million for the origin's $30 million (a
    // conflict) and leaves out the council.
    expect(f.differences[0]).toEqual({ adds: [], leavesOut: [] });
    expect(f.differences[1].adds).toEqual([]);
    expect(f.differences[1].leavesOut).not.toContain('$30 million');
    expect(f.differences[1].leavesOut).not.toContain('Ingrid Solberg');
    const other = articleFromText(
      'The engineer Tomas Okafor closed the Kestrel Bridge. Okafor said shops lose $2 million a week.',
      { id: 'e', title: 'e' },
    );
    const g = storyFacts(
      { ...story, articles: [...story.articles, { id: 'e', title: 'e', role: 'rewrite' }] },
      (id) => [...articles, other].find((a) => a.id === id),
      lexicon,
    );
    expect(g.differences[2].adds).toEqual(['Tomas Okafor', '$2 million']);
    expect(g.differences[2].leavesOut).toEqual(
      expect.arrayContaining(['Ingrid Solberg', 'ten days', '$30 million']),
    );
  });

  it('give one measure written in two units one row', () => {
    const other = articleFromText('The Kestrel Bridge is shut. Repairs will take 240 hours, said Solberg.', {
      id: 'd',
      title: 'd',
    });
    const f = storyFacts(
      { ...story, articles: [...story.articles, { id: 'd', title: 'd', role: 'rewrite' }] },
      (id) => [...articles, other].find((a) => a.id === id),
      lexicon,
    );
    const time = f.rows.filter((r) => /days|hours/.test(r.text));
    expect(time.map((r) => r.cells)).toEqual([['ten days', 'ten days', '240 hours']]);
  });
});

describe('story claims', () => {
  it('list the sentences a retelling adds to the origin, those it leaves out and those it changes', () => {
    const origin = articleFromText(
      'Port Alder closed the Kestrel Bridge on Wednesday after inspectors found cracked cables. ' +
        'Business leaders warned of losses. Repairs will take ten days, the council said.',
      { id: 'o', title: 'o' },
    );
    const retelling = articleFromText(
      'The Kestrel Bridge in Port Alder was shut on Wednesday when inspectors discovered cracked cables. ' +
        'The council said repairs would need ten days. Commuters we spoke to were angry.',
      { id: 'r', title: 'r' },
    );
    const s: Story = {
      id: 's2',
      title: 'Bridge',
      origin: 'o',
      articles: [
        { id: 'o', title: 'o', role: 'origin' },
        { id: 'r', title: 'r', role: 'rewrite' },
      ],
      edges: [{ from: 'r', to: 'o', type: 'rewrite', direction: 'a-from-b', evidence: [] }],
    };
    const read = (id: string) => [origin, retelling].find((a) => a.id === id);
    const [claims] = storyClaims(s, read, defaultContext());
    expect(claims.id).toBe('r');
    expect(claims.adds).toEqual(['Commuters we spoke to were angry.']);
    expect(claims.leavesOut).toEqual(['Business leaders warned of losses.']);
    expect(claims.changes).toEqual([]);
    // A retold sentence whose figure changed is a changed claim, with both sentences.
    const changed = articleFromText(
      'The Kestrel Bridge in Port Alder was shut on Wednesday when inspectors discovered cracked cables. ' +
        'Repairs will not take ten days, the council said.',
      { id: 'r', title: 'r' },
    );
    const [other] = storyClaims(s, (id) => [origin, changed].find((a) => a.id === id), defaultContext());
    expect(other.changes).toEqual([
      {
        says: 'Repairs will not take ten days, the council said.',
        origin: 'Repairs will take ten days, the council said.',
        change: 'the retelling negates what the origin affirms ("not take")',
      },
    ]);
    // An independent report is no retelling: its other sentences are its own reporting.
    expect(
      storyClaims({ ...s, edges: [{ ...s.edges[0], type: 'same-story' }] }, read, defaultContext()),
    ).toEqual([]);
  });
});
