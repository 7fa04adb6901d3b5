import { describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { loadLexicon } from '../text/lexicon/load.js';
import { compareFacts, countSharedFacts, meaningChanges } from './compare.js';
import { extractFacts } from './extract.js';

const lexicon = loadLexicon();
const facts = (text: string) => extractFacts(text, { lexicon });
/** The amounts of money in `text`, as value and currency. */
const money = (text: string) =>
  facts(text).flatMap((f) => (f.kind === 'money' ? [`${f.value} ${f.unit}`] : []));

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
    expect(c.conflicts.find((x) => x.a.includes('35') && x.b.includes('30'))?.reason).toBe(
      'different USD figures',
    );
    // A figure in conflict is listed as the conflict, not also as a fact of one side.
    const listed = [...c.onlyA, ...c.onlyB].map((s) => s.text);
    for (const x of c.conflicts) expect(listed).not.toContain(x.a);
    for (const x of c.conflicts) expect(listed).not.toContain(x.b);
  });

  it('counts the shared facts as the whole comparison lists them, either way round', () => {
    const texts = [
      wire,
      rewrite,
      'Yellen said so.',
      'Treasury Secretary Janet Yellen spoke on Wednesday.',
      '',
    ];
    for (const x of texts)
      for (const y of texts) {
        const n = compareFacts(facts(x), facts(y), { a: x, b: y }).shared.length;
        expect(countSharedFacts(facts(x), facts(y))).toBe(n);
      }
    expect(countSharedFacts(facts(rewrite), facts(wire))).toBeGreaterThanOrEqual(3);
  });

  it('shares no place with a name of another kind that contains it, and keeps a longer place or name', () => {
    const a =
      'The Pakistan-Russia talks opened in Moscow. The New York Times reported it first. ' +
      'George Washington slept here. The Belt and Road Forum met in the Kestrel Valley.';
    const b =
      'Pakistan sent a delegation to Moscow. Reporters waited in New York. He flew to Washington. ' +
      'The Third Belt and Road Forum met in the valley, in Kestrel.';
    const c = compareFacts(facts(a), facts(b));
    const shared = c.shared.map((s) => s.text);
    expect(shared).toContain('Moscow');
    expect(shared).toContain('Belt and Road Forum');
    expect(shared).not.toContain('Pakistan-Russia');
    expect(shared).not.toContain('New York Times');
    expect(shared).not.toContain('George Washington');
    expect(c.onlyB.map((s) => s.text)).toEqual(
      expect.arrayContaining(['Pakistan', 'New York', 'Washington']),
    );
    // Shared, a name is of the more precise kind of its two sides: a person here.
    const yellen = compareFacts(facts('Yellen said so.'), facts('Treasury Secretary Janet Yellen spoke.'));
    expect(yellen.shared.map((f) => `${f.kind}:${f.text}`)).toEqual(['person:Yellen']);
  });
});

describe('figures of one value', () => {
  it('are one fact when they count things in other words, never when one is a measure', () => {
    const shared = (a: string, b: string) => compareFacts(facts(a), facts(b)).shared.map((x) => x.text);
    expect(shared('About 48,000 vehicles cross.', 'Some 48,000 cars cross.')).toEqual(['48,000 vehicles']);
    expect(shared('They sailed 12 nautical miles.', 'They found 12 magazines.')).toEqual([]);
  });
});

describe('conflicts', () => {
  it('read an age written "34-year-old" or "aged 34": one fact, and a different age a conflict', () => {
    const c = (x: string, y: string) => compareFacts(facts(x), facts(y), { a: x, b: y });
    const held = (age: string) => `Police held a ${age} man in Leeds.`;
    expect(
      c(held('34-year-old'), 'Police held a man, aged 34, in Leeds.').shared.map((f) => f.text),
    ).toContain('34-year-old');
    expect(c(held('34-year-old'), held('43-year-old')).conflicts).toEqual([
      { kind: 'number', a: '34-year-old', b: '43-year-old', reason: 'different age figures' },
    ]);
  });

  it('read a time of day as one fact however written, and another time a conflict', () => {
    const c = (x: string, y: string) => compareFacts(facts(x), facts(y), { a: x, b: y });
    const opens = (time: string) => `The new bakery opens at ${time} on weekdays.`;
    expect(c(opens('7 p.m.'), opens('7pm')).shared.map((f) => f.text)).toContain('7 p.m.');
    expect(c(opens('10.30 pm'), opens('8 p.m.')).conflicts).toEqual([
      { kind: 'number', a: '10.30 pm', b: '8 p.m.', reason: 'different time of day figures' },
    ]);
    // Not "a month", nor a sentence's full stop.
    expect(facts('It costs 5 a month.').map((f) => f.text)).toEqual(['5']);
    expect(facts('They left at 9am.').map((f) => f.text)).toEqual(['9am']);
    expect(facts('It opens at 7 p.m. on Fridays.').map((f) => f.text)).toEqual(['7 p.m.']);
    expect(c(opens('9:30 P.M.'), opens('9.30 pm')).shared.map((f) => f.text)).toContain('9:30 P.M.');
  });

  it('compare figures in units of one dimension converted: "two weeks" is "14 days", not "ten days"', () => {
    const c = (x: string, y: string) => compareFacts(facts(x), facts(y), { a: x, b: y });
    const same = c('The bridge stays shut for two weeks.', 'The bridge stays shut for 14 days.');
    expect(same.shared.map((f) => f.text)).toEqual(['two weeks']);
    expect(same.conflicts).toEqual([]);
    expect(
      c('The detour adds 5 km to the trip.', 'The detour adds 3.1 miles to the trip.').conflicts,
    ).toEqual([]);
    const changed = c('The bridge stays shut for ten days.', 'The bridge stays shut for two weeks.');
    expect(changed.conflicts.map((x) => `${x.a} / ${x.b}: ${x.reason}`)).toEqual([
      'ten days / two weeks: different time figures',
    ]);
  });

  it('read percentage and basis points as units of a rate: 0.25 percentage points is 25 basis points', () => {
    const c = (x: string, y: string) => compareFacts(facts(x), facts(y), { a: x, b: y });
    const same = c(
      'The bank raised rates by 0.25 percentage points.',
      'The bank raised rates by 25 basis points.',
    );
    expect(same.shared.map((f) => f.text)).toEqual(['0.25 percentage points']);
    expect(same.conflicts).toEqual([]);
    const changed = c(
      'The bank raised rates by 50 basis points.',
      'The bank raised rates by 25 basis points.',
    );
    expect(changed.conflicts.map((x) => `${x.a} / ${x.b}`)).toEqual(['50 basis points / 25 basis points']);
  });

  it('read fractions of a rate and of a number in words: a quarter of a percentage point is 25 basis points', () => {
    const c = (x: string, y: string) => compareFacts(facts(x), facts(y), { a: x, b: y });
    const raised = (by: string) => `The bank raised rates by ${by} on Wednesday.`;
    expect(c(raised('a quarter of a percentage point'), raised('25 basis points')).conflicts).toEqual([]);
    expect(c(raised('half a percentage point'), raised('25 basis points')).conflicts).toHaveLength(1);
    expect(c(raised('three-quarters of a percentage point'), raised('75 basis points')).conflicts).toEqual(
      [],
    );
    // "half a million" is 500,000, not a million.
    expect(c('It cost half a million dollars.', 'It cost $500,000.').shared.map((f) => f.text)).toEqual([
      'half a million dollars',
    ]);
  });

  it('include a quotation whose words were changed, not one cut short', () => {
    const said = (q: string) => facts(`The mayor spoke on Monday. "${q}," Ingrid Solberg said.`);
    const original = 'We will reopen the bridge within ten days, whatever it costs';
    const changed = compareFacts(
      said(original),
      said('We will reopen the bridge within two weeks, whatever it costs'),
    );
    // The quotation, and the figure in it.
    expect(changed.conflicts.map((c) => `${c.kind}: ${c.reason}`)).toEqual([
      'number: different time figures',
      'quote: the quotation\'s words differ: "ten", "days" / "two", "weeks"',
    ]);
    expect(compareFacts(said(original), said('We will reopen the bridge within ten days')).conflicts).toEqual(
      [],
    );
    expect(compareFacts(said(original), said(original)).conflicts).toEqual([]);
    // Told by the words that carry meaning, a dropped negation always.
    const reason = (x: string, y: string) => compareFacts(said(x), said(y)).conflicts.map((c) => c.reason);
    expect(
      reason(
        'We will not gamble with the lives of people, and the bridge will remain closed until each cable has been tested',
        'We will not gamble with people’s lives. The bridge stays shut until every cable has been tested',
      ),
    ).toEqual(['the quotation\'s words differ: "remain", "closed" / "stays", "shut", "every"']);
    expect(reason('We will not reopen the bridge this week', 'We will reopen the bridge this week')).toEqual([
      'the quotation\'s words differ: "not" / none',
    ]);
  });

  it('are of the same claim where the texts are known: the words around the figures share one', () => {
    const a =
      'Growers who lost more than 30 percent of their crop will receive aid. The closure would cost $30 million.';
    const b =
      'A late frost destroyed 50 percent of the young grape shoots in the valley last weekend. Shops put the cost of the closure at $35 million.';
    const c = compareFacts(facts(a), facts(b), { a, b });
    expect(c.conflicts.map((x) => `${x.a} / ${x.b}`)).toEqual(['$30 million / $35 million']);
    // Without the texts, by value alone.
    expect(compareFacts(facts(a), facts(b)).conflicts).toHaveLength(2);
  });

  it('are figures of one unit and one order of magnitude, each with the closest of the other side', () => {
    const c = compareFacts(
      facts('The closure would cost $30 million. A taxi ride cost $35. The flood killed 50 people.'),
      facts('The closure would cost $35 million. A taxi ride cost $18. The flood killed 500 people.'),
    );
    expect(c.conflicts.map((x) => `${x.a} / ${x.b}`).sort()).toEqual(
      ['$30 million / $35 million', '$35 / $18', '50 people / 500 people'].sort(),
    );
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

  it('pairs a changed figure with one of its sort only, and reads numbers written in words', () => {
    // "tenth" is the 10th; a rate in basis points is no year.
    expect(
      meaningChanges(
        'Rates rose 25 basis points, the tenth rise since March last year.',
        'Rates rose a quarter point, the 10th rise since March 2022.',
      ),
    ).toEqual([]);
    expect(meaningChanges('The index closed 1.4% higher.', 'The index closed up 1.2%.')).toEqual([
      { kind: 'number', detail: '1.4 in A, 1.2 in B' },
    ]);
    expect(meaningChanges('It opened in 2019.', 'It opened in 2021.')).toEqual([
      { kind: 'number', detail: '2019 in A, 2021 in B' },
    ]);
  });

  it('flags a negation only of what the other side says', () => {
    expect(
      meaningChanges('The bridge will be reopened on Friday.', 'The bridge will not be reopened.'),
    ).toEqual([{ kind: 'negation', detail: 'B negates what A affirms ("not be reopened")' }]);
    expect(
      meaningChanges('Police found no evidence of sabotage.', 'Police found evidence of sabotage.')[0]?.kind,
    ).toBe('negation');
    // A clause of its own, negating a word the other side does not use: nothing flipped.
    expect(
      meaningChanges(
        '"We will not gamble with lives, and the bridge will remain closed until each cable is tested," she said.',
        'The bridge stays shut until every cable has been tested, she said.',
      ),
    ).toEqual([]);
    // Both sides negate the word: nothing flipped.
    expect(meaningChanges('He did not resign.', 'He has not resigned yet.')).toEqual([]);
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

  it('are names when no dictionary lists them, though the word vectors know them; function words are not', () => {
    const keys = (text: string) => facts(text).map((f) => f.key);
    expect(keys('Yellen said the banks were safe.')).toContain('name:yellen');
    expect(keys('Merkel arrived late.')).toContain('name:merkel');
    for (const opening of [
      'Whereas others left.',
      'Amid the chaos, nobody moved.',
      'Unless it rains, we go.',
    ])
      expect(keys(opening).filter((k) => k.startsWith('name:'))).toEqual([]);
    expect(keys('Officials said the road was shut.')).not.toContain('name:officials');
  });
});

describe('names behind titles, numbers before names, datelines', () => {
  it('takes the person, not the portfolio, from "Minister of X and Y Name"', () => {
    const f = facts(
      'The talks were attended by Minister of Fisheries and Forestry Tomasz Wierzbicki and the Harbour Board.',
    );
    const people = f.filter((x) => x.kind === 'person').map((x) => x.text);
    expect(people).toContain('Tomasz Wierzbicki');
    expect(f.some((x) => /^(of|Fisheries|Forestry)\b/.test(x.text))).toBe(false);
  });

  it('finds the name behind a nationality, a title and a portfolio', () => {
    const f = facts('On Monday the Norwegian Minister of Fisheries and Forestry Tomasz Wierzbicki arrived.');
    expect(f.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['Tomasz Wierzbicki']);
  });

  it('calls neither a nationality nor a hyphenated pair of places a person', () => {
    const f = facts('Russian officials welcomed the Pakistan-Russia talks, Mayor Ingrid Solberg said.');
    expect(f.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['Ingrid Solberg']);
    expect(f.some((x) => x.text === 'Pakistan-Russia')).toBe(true);
  });

  it('parts a place from the name written after it, not from a name of common words', () => {
    const f = facts('The Ambassador to Norway Tomasz Wierzbicki landed at Oslo Central Station.');
    expect(f.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['Tomasz Wierzbicki']);
    expect(f.some((x) => x.kind === 'place' && x.text === 'Norway')).toBe(true);
    expect(f.some((x) => x.text === 'Oslo Central Station')).toBe(true);
  });

  it('calls a name made of common words an entity, not a person', () => {
    const f = facts(
      'The Harbour Link opened during Energy Week at 31 degrees Celsius, and Marta Velez crossed it first.',
    );
    expect(f.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['Marta Velez']);
    expect(f.filter((x) => x.kind === 'entity').map((x) => x.text)).toEqual(['Harbour Link', 'Energy Week']);
    // A name ending in two words of the language is named after a person, and is none.
    const index = facts('Stocks fell as the Dow Jones Industrial Average lost 300 points.');
    expect(index.map((x) => `${x.kind}:${x.text}`)).toContain('entity:Dow Jones Industrial Average');
    // A generation after a title-like surname keeps the name whole.
    const king = facts('Crowds marched for Martin Luther King Jr on Monday.');
    expect(king.filter((x) => x.kind !== 'date').map((x) => `${x.kind}:${x.text}`)).toEqual([
      'person:Martin Luther King Jr',
    ]);
  });

  it('knows continents as places, their adjectives as no one, and a hall as a building', () => {
    const f = facts(
      'Ministers from Asia and Europe met in the Great Hall to discuss Eurasian trade, and Tomas Hall spoke first.',
    );
    const kinds = Object.fromEntries(f.map((x) => [x.text, x.kind]));
    expect(kinds.Asia).toBe('place');
    expect(kinds.Europe).toBe('place');
    expect(kinds['Great Hall']).toBe('entity');
    expect(kinds.Eurasian).toBeUndefined();
    expect(kinds['Tomas Hall']).toBe('person');
  });

  it('takes no fact from a title with a portfolio and no name', () => {
    const f = facts('A statement from the Minister of Fisheries reached the port on Monday.');
    expect(f.filter((x) => x.kind === 'person')).toEqual([]);
  });

  it("counts the plural noun after a product, not the product's number", () => {
    const texts = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(texts('Ryanair ordered 50 Boeing 737 jets.')).toContain('number:50 Boeing 737 jets');
    expect(texts('Ryanair ordered 50 Boeing 737 jets.').join()).not.toMatch(/number:737/);
  });

  it('reads no capitalised name as the unit of a number before it', () => {
    const f = facts('Delegates met at the 4th Amber Coast Summit, where 300 delegates spoke.');
    const numbers = f.filter((x) => x.kind === 'number');
    expect(numbers.map((x) => x.text)).toEqual(expect.arrayContaining(['4th', '300 delegates']));
    expect(f.some((x) => x.text === 'Amber Coast Summit')).toBe(true);
  });

  it('keeps an agency-glued dateline out of the facts when the sentences are known', () => {
    const text = 'VELMORA-MPA: Mayor Ingrid Solberg closed the Kestrel Bridge on Wednesday.';
    const start = text.indexOf('Mayor');
    const f = extractFacts(text, { lexicon, sentences: [{ start, end: text.length }] });
    expect(f.some((x) => /VELMORA/.test(x.text))).toBe(false);
    expect(f.some((x) => x.text === 'Ingrid Solberg')).toBe(true);
  });

  it("parts an organisation's name from its officer's behind the office's title", () => {
    const read = (text: string) => facts(text).map((x) => `${x.kind}:${x.text}`);
    expect(read('She met Treasury Secretary Janet Yellen.')).toEqual([
      'organization:Treasury',
      'person:Janet Yellen',
    ]);
    expect(read('UN Secretary-General Antonio Guterres spoke.')).toEqual([
      'organization:UN',
      'person:Antonio Guterres',
    ]);
    // A name the dictionary gives a person is the organisation's here.
    expect(read('Tesla CEO Elon Musk wrote.')).toEqual(['organization:Tesla', 'person:Elon Musk']);
    expect(read('Bank of England Governor Andrew Bailey warned.')).toEqual([
      'organization:Bank of England',
      'person:Andrew Bailey',
    ]);
    // Not an award, nor a company whose name begins with "General", nor a president.
    expect(read('The Rising Star Award went to her.')).toEqual(['entity:Rising Star Award']);
    expect(read('It was General Motors that said so.')).toEqual(['entity:General Motors']);
    expect(read('President Trump spoke.')).toEqual(['person:Trump']);
  });

  it('reads a chief\'s title whole, "of" in no person\'s name, and no name from a plural opening a sentence', () => {
    const read = (text: string) => facts(text).map((x) => `${x.kind}:${x.text}`);
    expect(read('Chief Executive Luis Gallego spoke.')).toEqual(['person:Luis Gallego']);
    expect(read('Chief Financial Officer Ana Ruiz resigned.')).toEqual(['person:Ana Ruiz']);
    expect(read('Aid reached the Democratic Republic of Congo.')).toEqual([
      'place:Democratic Republic of Congo',
    ]);
    expect(read('Shares of Credit Suisse fell.')).toEqual(['entity:Credit Suisse']);
    expect(read('Bank of England staff left.')).toEqual(['organization:Bank of England']);
    expect(read('Hurricane Ian made landfall.')).toEqual(['entity:Hurricane Ian']);
    // A whole number written after a name is the name's, not a count, unless a plural follows.
    expect(read('The S&P 500 closed 1.2% higher.')).toEqual(['entity:S&P 500', 'percent:1.2%']);
    expect(read('A Category 4 storm hit.')).toEqual(['entity:Category 4']);
    expect(read('An official told Reuters 15 people died.')).toEqual(['entity:Reuters', 'number:15 people']);
    expect(read('Ukrainian President Volodymyr Zelenskiy spoke.')).toEqual(['person:Volodymyr Zelenskiy']);
  });
});

describe('quotations', () => {
  const quotes = (text: string) => facts(text).filter((f) => f.kind === 'quote');
  it('run over apostrophes, in double marks and in single ones', () => {
    expect(quotes('"We will not gamble with people\'s lives," the mayor said.').map((q) => q.text)).toEqual([
      "We will not gamble with people's lives,",
    ]);
    expect(quotes("``We can't go on like this,'' he said.").map((q) => q.text)).toEqual([
      "We can't go on like this,",
    ]);
    const british = quotes("'We won't stop now,' Ana Ruiz said. She added: ‘It’s over for them.’");
    expect(british.map((q) => `${q.speaker}: ${q.text}`)).toEqual([
      "Ana Ruiz: We won't stop now,",
      'She: It’s over for them.',
    ]);
  });

  it('read a quotation inside another as part of it, and no pronoun "I\'m" as a name', () => {
    const f = facts("\"He told me 'there is no way', and left the room,\" Ana Ruiz said. I'm sure.");
    expect(f.map((x) => `${x.kind}:${x.text}`)).toEqual([
      "quote:He told me 'there is no way', and left the room,",
      'person:Ana Ruiz',
    ]);
  });
});

describe('names and units', () => {
  it('takes no pronoun as a name at a sentence’s start, nor a word capitalised because a quotation opens', () => {
    const names = (text: string) =>
      facts(text).flatMap((f) => (f.kind === 'quote' || f.kind === 'number' ? [] : [`${f.kind}:${f.text}`]));
    expect(
      names(
        'The minister said, "Someone set it alight, and Larry Kroon saw it." Everything is speculation, Kroon said.',
      ),
    ).toEqual(['person:Larry Kroon', 'entity:Kroon']);
    expect(names('A friend said: "Whatever happens, Port Alder will rebuild."')).toEqual([
      'place:Port Alder',
    ]);
    // A nickname in quotation marks inside a name is no quotation's first word.
    expect(names('Guitarist Paul "Bonehead" Arthurs left the band.')).toContain('entity:Bonehead');
  });

  it('never runs a name across a line break', () => {
    const names = facts('Published on Friday by Ana Brezina\n\nPort Alder reopened its library.')
      .filter((f) => f.kind !== 'number' && f.kind !== 'date')
      .map((f) => f.text);
    expect(names).toContain('Ana Brezina');
    expect(names.some((n) => n.includes('\n'))).toBe(false);
  });

  it('strips titles from people’s names', () => {
    const people = (text: string) => facts(text).flatMap((f) => (f.kind === 'person' ? [f.text] : []));
    expect(people('Grandmaster Viktor Halloran lost to Inspector Ana Ruiz.')).toEqual([
      'Viktor Halloran',
      'Ana Ruiz',
    ]);
  });

  it('names an office by its holder’s title, not "Office" alone', () => {
    const orgs = (text: string) => facts(text).flatMap((f) => (f.kind === 'organization' ? [f.text] : []));
    expect(orgs('Ambassador Moinul Haq met him, the PM’s Office said.')).toEqual(['PM’s Office']);
    expect(orgs('The PM Office said it would reply.')).toEqual(['PM Office']);
    expect(orgs("The Prime Minister's Office declined to comment.")).toEqual(["Prime Minister's Office"]);
    expect(orgs("A statement from Putin's Office said the talks failed.")).toEqual(["Putin's Office"]);
  });

  it('sets a title’s portfolio with "of the" apart from the name, and keeps a place in it', () => {
    const kinds = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(kinds('The Minister of the Interior Ana Ruiz said the talks failed.')).toEqual([
      'person:Ana Ruiz',
    ]);
    expect(kinds('The President of the United States Joe Biden arrived.')).toEqual([
      'place:United States',
      'person:Joe Biden',
    ]);
    expect(kinds('He met the President of the United States.')).toEqual(['place:United States']);
  });

  it('ends a portfolio with "for the" where the person’s name begins, first names of common words included', () => {
    const kinds = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(kinds('The Minister of State for the Interior Jan Novak said so.')).toEqual(['person:Jan Novak']);
    expect(kinds('The Minister of the Interior Jan Novak said so.')).toEqual(['person:Jan Novak']);
    // A surname alone: the portfolio's last word stays in the portfolio.
    expect(kinds('The Minister of State for the Economy Novak said so.')).toEqual(['person:Novak']);
    expect(kinds('The Minister of Foreign Affairs Novak said so.')).toEqual(['person:Novak']);
    expect(kinds('The Secretary of State for the Home Department Novak said so.')).toEqual(['person:Novak']);
  });

  it('strips a demonym before a title, and keeps it in a name it begins', () => {
    const kinds = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(kinds('Russian President Vladimir Putin spoke.')).toEqual(['person:Vladimir Putin']);
    expect(kinds('Former Prime Minister Imran Khan spoke.')).toEqual(['person:Imran Khan']);
    expect(kinds('The Former Yugoslav Republic of Macedonia voted.')).toEqual([
      'place:Former Yugoslav Republic of Macedonia',
    ]);
    expect(kinds('The European Central Bank raised rates.')).toEqual(['organization:European Central Bank']);
    expect(kinds('The British Museum opened.')).toEqual(['organization:British Museum']);
    // No person's name begins with a demonym.
    expect(kinds('He won the French Open.')).toEqual(['entity:French Open']);
  });

  it('reads a written-out ordinal with a capital as part of the name it begins', () => {
    const kinds = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(kinds('Veterans of the Second World War met.')).toEqual(['entity:Second World War']);
    expect(kinds('He served in the Fifth Fleet.')).toContain('entity:Fifth Fleet');
    // An edition of a longer name keeps the name whole, the ordinal a fact of its own ("3rd" elsewhere).
    expect(kinds('They met at the Third Belt and Road Forum for International Cooperation.')).toEqual([
      'number:Third',
      'organization:Belt and Road Forum for International Cooperation',
    ]);
    // A title's ordinal is the title's: "First Lady", "First Minister".
    expect(kinds('The First Lady met First Minister Nicola Sturgeon.')).toEqual(['person:Nicola Sturgeon']);
  });

  it('reads the first word after a headline as a sentence’s first word, not as a name', () => {
    const a = articleFromText('Closure ahead\n\nOfficials said the Kestrel Bridge would close.', {
      id: 'x',
    });
    const found = extractFacts(a.text, { sentences: a.sentences, lexicon }).map((f) => f.text);
    expect(found).toEqual(['Kestrel Bridge']);
    // Without the sentences, the tokens alone cannot tell.
    expect(extractFacts(a.text, { lexicon }).map((f) => f.text)).toContain('Officials');
  });

  it('reads a name no dictionary knows as a place where the article writes it as one', () => {
    const kinds = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(kinds('The port of Gwadar in Balochistan will grow. Gwadar is busy.')).toEqual([
      'place:Gwadar',
      'place:Balochistan',
      'place:Gwadar',
    ]);
    expect(kinds('In Kestrelwick the river rose.')).toEqual(['place:Kestrelwick']);
    // Not a name inside a name, and not after other words.
    expect(kinds('Talks with Kakar ended.')).toEqual(['entity:Kakar']);
    // Nor a thing of a series: "in Series B", "in Game 7".
    expect(kinds('Velmoro raised $20 million in Series B funding.')).toContain('entity:Series B');
    expect(kinds('The Blues won in Game 7.')).toContain('entity:Game 7');
  });

  it('counts the plural noun a singular word modifies, not the modifier', () => {
    const units = (text: string) => facts(text).flatMap((f) => (f.unit ? [`${f.text}=${f.unit}`] : []));
    expect(units('The library has 180 reading places.')).toEqual(['180 reading places=place']);
    expect(units('Some 30 police officers came.')).toEqual(['30 police officers=officer']);
    expect(units('At least 5 people died.')).toEqual(['5 people=person']);
    expect(units('It is a 20 minute walk.')).toEqual(['20 minute=minute']);
    // A measure joined to its number by a hyphen, as an adjective writes it.
    expect(units('The 1.2-kilometre bridge shut for a 10-day repair.')).toEqual([
      '1.2-kilometre=kilometer',
      '10-day=day',
    ]);
    expect(compareFacts(facts('The 1.2 km bridge.'), facts('The 1.2-kilometre bridge.')).shared).toHaveLength(
      1,
    );
    // Shortened units are the units.
    expect(units('It took 4 mins, then 3 hrs.')).toEqual(['4 mins=minute', '3 hrs=hour']);
    // A function word that begins a sentence begins no name with the number after it.
    expect(units('Within 12 nautical miles of the coast.')).toEqual(['12 nautical miles=mile']);
  });

  it('reads a word with a capital inside it as a name, wherever it stands', () => {
    const names = (text: string) => facts(text).map((f) => f.text);
    expect(names('IndiGo ordered planes.')).toEqual(['IndiGo']);
    expect(names('Shares of eBay rose; iPhone sales fell.')).toEqual(['eBay', 'iPhone']);
  });

  it('reads a scale or a currency joined to an amount by a hyphen', () => {
    expect(money('They signed a $30-million deal and a 2.5-billion-dollar plan.')).toEqual([
      '30000000 usd',
      '2500000000 usd',
    ]);
    // No conflict with the same amount written with a space.
    expect(compareFacts(facts('A $30-million deal.'), facts('A deal worth $30 million.')).conflicts).toEqual(
      [],
    );
  });

  it('reads amounts after a currency written in letters', () => {
    expect(money('It cost Rs50 billion, then Rs. 2 million, PKR 200 and US$ 5.')).toEqual([
      '50000000000 rupee',
      '2000000 rupee',
      '200 pkr',
      '5 usd',
    ]);
    // "Rs" and "rupees" are one currency.
    const c = compareFacts(facts('The dam costs Rs50 billion.'), facts('The dam costs 50 billion rupees.'));
    expect(c.shared.map((x) => x.text)).toEqual(['Rs50 billion']);
    expect(
      compareFacts(facts('It costs Rs50 billion.'), facts('It costs Rs60 billion.')).conflicts[0]?.reason,
    ).toBe('different rupee figures');
  });

  it('reads a code of letters and a number as one name, not as a count', () => {
    const read = (text: string) => facts(text).map((f) => `${f.kind}:${f.text}`);
    expect(read('The COVID-19 pandemic closed schools.')).toEqual(['entity:COVID-19']);
    expect(read('Flight MH17 crashed in 2014.')).toEqual(['entity:MH17', 'date:2014']);
    expect(read('An F-16 jet, A320neo planes and Sars-CoV-2.')).toEqual([
      'entity:F-16',
      'entity:A320neo',
      'entity:Sars-CoV-2',
    ]);
    // Not a date, a rank, or an amount of rupees.
    expect(read('By mid-2020, Top-10 lists cost Rs50 million.').join()).not.toMatch(
      /entity:(mid-2020|Top-10|Rs50)/i,
    );
    // A count of a product named by a code: planes, not 320 of anything.
    const units = facts('IndiGo ordered 20 Airbus A320neo planes.').flatMap((f) =>
      f.unit ? [`${f.value} ${f.unit}`] : [],
    );
    expect(units).toEqual(['20 plane']);
    // One code however it is written, and no other figure.
    const c = compareFacts(facts('Flight MH17 left with 17 crew.'), facts('The MH-17 flight left.'));
    expect(c.shared.map((x) => x.text)).toEqual(['MH17']);
  });
});

describe('names of more words', () => {
  it('reads "of the" inside a name', () => {
    const names = facts('The banquet was held at the Great Hall of the People in the capital.').map(
      (f) => f.text,
    );
    expect(names).toContain('Great Hall of the People');
    expect(names).not.toContain('People');
    const other = facts('They met Kakar of the PML-N and the President of the United States.').map(
      (f) => f.text,
    );
    expect(other).toEqual(expect.arrayContaining(['Kakar', 'PML-N', 'United States']));
  });

  it('reads initials and short titles with full stops inside names, where the sentences are known', () => {
    const kinds = (body: string) => {
      const a = articleFromText(`Title\n\n${body}`, { id: 'x' });
      return extractFacts(a.text, { sentences: a.sentences, lexicon }).map((f) => `${f.kind}:${f.text}`);
    };
    expect(kinds('George W. Bush met J.K. Rowling and Ms. Ruiz.')).toEqual([
      'person:George W. Bush',
      'person:J.K. Rowling',
      'person:Ruiz',
    ]);
    expect(kinds('The U.S. and the E.U. signed a deal.')).toEqual(['place:U.S.', 'organization:E.U.']);
    // A full stop that ends a sentence joins nothing.
    expect(kinds('He flew to Washington D.C. Officials said he left.')).toEqual(['place:Washington D.C.']);
  });

  it('keys a date by its numbers, so that one day written two ways is one fact', () => {
    const dates = (text: string) => facts(text).filter((f) => f.kind === 'date');
    expect(dates('Fines were paid on Dec. 3, 2025 and on 3 December 2025.').map((f) => f.key)).toEqual([
      'date:2025-12-3',
      'date:2025-12-3',
    ]);
    expect(dates('It opened on October 17 and closed in October 2023.').map((f) => [f.text, f.key])).toEqual([
      ['October 17', 'date:10-17'],
      ['October 2023', 'date:2023-10'],
    ]);
    const a = facts('The bridge reopens on Oct. 17, 2026.');
    const b = facts('The bridge will reopen on 17 October 2026.');
    expect(compareFacts(a, b).shared.map((f) => f.text)).toContain('Oct. 17, 2026');
  });

  it('reads no name from a month alone, and a date from a month with its day', () => {
    const f = facts('On April 21 it was the lowest April reading since 1991, Theresa May said.');
    expect(f.map((x) => `${x.kind}:${x.text}`)).toEqual(
      expect.arrayContaining(['date:April 21', 'person:Theresa May']),
    );
    expect(f.some((x) => x.text === 'April')).toBe(false);
  });

  it('calls a religion or a language no organisation, and keeps organisations that WordNet knows', () => {
    const kinds = Object.fromEntries(
      facts('He spoke of Christianity and Islam in English before the Senate and the White House.').map(
        (x) => [x.text, x.kind],
      ),
    );
    expect(kinds.Christianity).not.toBe('organization');
    expect(kinds.Islam).not.toBe('organization');
    expect(kinds.English).not.toBe('organization');
    expect(kinds.Senate).toBe('organization');
    expect(kinds['White House']).toBe('organization');
  });
});
