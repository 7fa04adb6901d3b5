import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import { defaultContext } from '../compare/context.js';
import { loadArticle } from '../pipeline/load-article.js';
import { tokenize } from '../text/tokens.js';
import { profileSentence, profileSentences } from './profile.js';

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
      const alone = a.sentences.map((s) => profileSentence(s.text, lexicon));
      expect(profileSentences(a.text, a.sentences, tokenize(a.text), lexicon)).toEqual(alone);
    }
  });
});
