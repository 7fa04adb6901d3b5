import { describe, expect, it } from 'vitest';
import { defaultContext } from '../compare/context.js';
import { sampleArticles } from './sample.js';
import { warmUp } from './warm-up.js';

describe('warmUp', () => {
  it('compares each article of the bundled sample with each other one', async () => {
    const articles = await sampleArticles();
    // Every kind of page and relation the sample was written with, each read as an article.
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(articles.every((a) => a.sentences.length > 0)).toBe(true);
    expect(await warmUp(defaultContext(), 1)).toBe(articles.length * (articles.length - 1));
  });
});
