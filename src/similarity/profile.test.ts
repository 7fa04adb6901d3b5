import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { defaultContext } from '../compare/context.js';
import { loadArticle } from '../pipeline/load-article.js';
import { tokenize } from '../text/tokens.js';
import { type Profiles, profileSentence, profileSentences, singleQuoteMark, stemOf } from './profile.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { lexicon } = defaultContext();

describe('profileSentences', () => {
  it('profiles each sentence from the whole text’s tokens exactly as from the sentence alone', async () => {
    const dirs = [join(repo, 'sample'), join(repo, '..', 'shared', 'seeds')].filter(existsSync);
    const paths = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => /\.(txt|html)$/.test(f))
        .map((f) => join(d, f)),
    );
    const articles = await Promise.all(paths.map(loadArticle));
    articles.push(
      // A number phrase and "per cent" read across unpunctuated breaks: those sentences are tokenized alone.
      articleFromText(
        'Scores\n\nThe team won by fifty\n\nfive players stayed on, up 3 per\n\ncent of them.',
        {
          id: 'straddle',
        },
      ),
    );
    expect(articles.length).toBeGreaterThan(8);
    for (const a of articles) {
      const whole = profileSentences(a.text, a.sentences, tokenize(a.text), lexicon);
      expect(whole.count).toBe(a.sentences.length);
      a.sentences.forEach((s, k) => {
        expect(sentenceOf(whole, k)).toEqual(sentenceOf(profileSentence(s.text, lexicon), 0));
      });
    }
  });
});

describe('quoteOpen', () => {
  const openings = (text: string) => {
    const a = articleFromText(text, { id: 'q' });
    return Array.from(profileSentences(a.text, a.sentences, tokenize(a.text), lexicon).quoteOpen);
  };

  it('carries a quotation over the sentences of its paragraph', () => {
    expect(openings('Title\n\n"We will win. We always do," he said. The crowd cheered.')).toEqual([
      0, 0, 1, 0,
    ]);
  });

  it('closes a quotation at its paragraph’s end, as news style re-opens it in the next', () => {
    expect(
      openings(
        'Title\n\nThe mayor spoke. "The bridge stays shut.\n\n"Every cable will be tested," she said. It opens in May.',
      ),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads single quotation marks, British style, apart from elisions and possessives', () => {
    expect(
      openings("Title\n\nNoel said: 'It went so well. Meg looked great,' he said. The players' union met."),
    ).toEqual([0, 0, 1, 0]);
    const marks = (text: string) =>
      [...text.matchAll(/['\u2018\u2019]/g)].map((m) => singleQuoteMark(text, m.index ?? 0));
    expect(marks("He was 'overjoyed' at rock 'n' roll in the '90s, the players' union said.")).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(marks('\u2018We won,\u2019 she said.')).toEqual([true, true]);
  });

  it('keeps a stray quotation mark to its own paragraph', () => {
    expect(openings('Title\n\nHe said "no. Then he left.\n\nThe council met. It voted.')).toEqual([
      0, 0, 1, 0, 0,
    ]);
  });
});

/** Sentence `s`'s window of every array of `p`, as a plain object. */
function sentenceOf(p: Profiles, s: number) {
  const window = (start: Uint32Array, values: ArrayLike<unknown> & { slice?: unknown }) =>
    Array.from(values as ArrayLike<unknown>).slice(start[s], start[s + 1]);
  return {
    stems: Array.from({ length: p.termStart[s + 1] - p.termStart[s] }, (_, k) =>
      stemOf(p, p.termStart[s] + k),
    ),
    stemIds: window(p.termStart, p.stemIds),
    content: window(p.termStart, p.content),
    weight: window(p.termStart, p.weight),
    vectorRow: window(p.termStart, p.vectorRow),
    quoteParity: window(p.termStart, p.quoteParity),
    grams: Array.from(p.grams).slice(p.gramStart[4 * s], p.gramStart[4 * s + 4]),
    gramOrders: [1, 2, 3, 4].map((n) => p.gramStart[4 * s + n] - p.gramStart[4 * s + n - 1]),
    contentIds: window(p.contentStart, p.contentIds),
    contentIdWeights: window(p.contentStart, p.contentIdWeights),
    senseKeys: window(p.senseStart, p.senseKeys),
    senseTerms: window(p.senseStart, p.senseTerms),
    numbers: window(p.numberStart, p.numbers),
    names: window(p.nameStart, p.names),
    negations: p.negations[s],
    contentWeight: p.contentWeight[s],
    sif: Array.from(p.sif.subarray(s * p.dims, (s + 1) * p.dims)),
  };
}
