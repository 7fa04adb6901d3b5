import { describe, expect, it } from 'vitest';
import { hashString } from '../text/hash.js';
import { greedyStringTiling, passageReuse, type TilingText } from './tiling.js';

const ids = (text: string) => Uint32Array.from(text.toLowerCase().split(/\s+/).filter(Boolean), hashString);

/** Sentences separated by "|"; words between "<" and ">" are quoted. */
function text(source: string): TilingText {
  const words: number[] = [];
  const quoted: number[] = [];
  const sentences: number[] = [];
  let inQuote = 0;
  for (const sentence of source.split('|')) {
    let count = 0;
    for (const raw of sentence.split(/\s+/).filter(Boolean)) {
      if (raw.startsWith('<')) inQuote = 1;
      words.push(hashString(raw.replace(/[<>]/g, '').toLowerCase()));
      quoted.push(inQuote);
      if (raw.endsWith('>')) inQuote = 0;
      count++;
    }
    sentences.push(count);
  }
  return { words, sentences, quoted };
}

describe('greedyStringTiling', () => {
  it('tiles the longest shared runs first, each token once', () => {
    const a = ids('the ferry timetable changes on monday while the old pier is rebuilt by the council');
    const b = ids('while the old pier is rebuilt by the council the ferry timetable changes on monday');
    const t = greedyStringTiling(a, b, 3);
    expect(t.tiles.map((x) => x.length).sort((x, y) => y - x)).toEqual([9, 6]);
    expect(t.tiledA).toBe(15);
    expect(t.tiledB).toBe(15);
    expect(t.longest).toBe(9);
  });

  it('tiles one sequence with many others, and at other lengths, as it tiles fresh copies of it', () => {
    // A sequence's sorted grams are kept between calls (verification tiles one article with each
    // of its candidates): each answer must be the one a copy never seen before gets.
    const a = ids('the ferry timetable changes on monday while the old pier is rebuilt by the council');
    const others = [
      'while the old pier is rebuilt by the council the ferry timetable changes on monday',
      'the council said the ferry timetable changes on monday',
      'the old pier is rebuilt while the ferry runs',
    ].map(ids);
    for (const n of [3, 2, 3, 4])
      for (const b of others)
        expect(greedyStringTiling(a, b, n)).toEqual(greedyStringTiling(a.slice(), b.slice(), n));
  });

  it('ignores runs shorter than the minimum', () => {
    const a = ids('red kites nest here in spring');
    const b = ids('in spring the red kites return');
    expect(greedyStringTiling(a, b, 3).tiles).toEqual([]);
    expect(greedyStringTiling(a, b, 2).tiledA).toBe(4);
  });

  it('finds a match again, shorter, where an earlier tile cuts it', () => {
    // "b c d e" tiles first; "x b c" then cannot use b, c again, but "x y" remains a 2-tile.
    const a = ids('b c d e x y b c');
    const b = ids('x y b c d e');
    const t = greedyStringTiling(a, b, 2);
    expect(t.tiles).toEqual([
      { a: 0, b: 2, length: 4 },
      { a: 4, b: 0, length: 2 },
    ]);
  });

  it('does not count one shared token twice when it repeats', () => {
    const t = greedyStringTiling(ids('go go go go'), ids('go go'), 2);
    expect(t.tiledB).toBe(2);
    expect(t.tiledA).toBe(2);
  });
});

describe('passageReuse', () => {
  const source = text(
    'council closes harbour bridge cracked cables found inspectors say | ' +
      'repairs expected cost thirty million dollars | <we cannot risk lives> mayor told reporters',
  );

  it('counts whole sentences built on shared passages, not scattered shared words', () => {
    const copy = text(
      'council closes harbour bridge cracked cables found | residents angry detours | ' +
        'repairs expected cost thirty million dollars officials add',
    );
    const independent = text(
      'bridge shut | mayor says council found cables | harbour residents face detours cost',
    );
    const copied = passageReuse(copy, source, { minLength: 2, sentenceShare: 0.5 });
    const separate = passageReuse(independent, source, { minLength: 2, sentenceShare: 0.5 });
    // The copy's first and third sentences (7 + 8 of 18 words) reuse, though two words of the
    // third are its own; the independent text shares words but no run of two.
    expect(copied.passageA).toBeCloseTo(15 / 18);
    expect(copied.tiledA).toBeCloseTo(13 / 18);
    expect(separate.passageA).toBe(0);
    expect(separate.tiledA).toBe(0);
  });

  it('tells a shared quotation from the reporter’s own sentences', () => {
    const quoting = text('<we cannot risk lives> mayor told reporters on tuesday');
    const r = passageReuse(quoting, source, { minLength: 2, sentenceShare: 0.5 });
    expect(r.longest).toBe(7);
    expect(r.longestNarrative).toBe(3);
  });
});
