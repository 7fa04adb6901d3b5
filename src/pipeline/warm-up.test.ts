import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../compare/context.js';
import { openSqliteStore } from '../store/sqlite.js';
import { ingestItems } from './ingest.js';
import { sampleArticles } from './sample.js';
import { warmUp } from './warm-up.js';

describe('warmUp', () => {
  it('compares each article of the bundled sample with each other one', async () => {
    const articles = await sampleArticles();
    // Every kind of page and relation the sample was written with, each read as an article.
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(articles.every((a) => a.sentences.length > 0)).toBe(true);
    expect(await warmUp(defaultContext(), { rounds: 1 })).toBe(articles.length * (articles.length - 1));
  });

  it('with a store, asks `similar` about two variants of each of its ten newest articles, writing nothing', async () => {
    const articles = await sampleArticles();
    const ctx = defaultContext();
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newstrace-warm-up-')), 'w.db'));
    await ingestItems(
      articles.map((a) => ({ source: a.id, build: async () => a })),
      store,
      ctx,
      { workers: 0 },
    );
    const before = store.counts();
    expect(before.articles).toBeGreaterThan(10);
    const pairs = articles.length * (articles.length - 1);
    expect(await warmUp(ctx, { rounds: 1, store })).toBe(pairs + 2 * 10);
    expect(store.counts()).toEqual(before);
    store.close();
  });
});
