/**
 * Relations among real web pages: Dragnet's HTML pages (news and blogs from some 440 sites, nearly
 * all about different things) ingested as a user ingests a crawl, and each derived relation stored
 * (duplicate, near-duplicate, rewrite, partial reuse) checked against the annotators' article
 * texts of its two pages — the same pair compared on its gold texts. A relation that the gold texts
 * do not support rests on text the annotators left out of the article: page furniture that the
 * extraction kept (a site's footer, a comment policy, another story's teaser) and that the two
 * pages share. Extraction's shingle F1 hardly sees such lines; a corpus links pages by them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Article } from '../article/types.js';
import { type CompareContext, relateArticles } from '../compare/compare.js';
import { ingestPaths } from '../pipeline/ingest.js';
import { articleFromPage } from '../pipeline/page.js';
import type { RelationType } from '../relate/relate.js';
import { openSqliteStore } from '../store/sqlite.js';
import { readDragnet } from './extraction.js';

const DERIVED = new Set<RelationType>(['duplicate', 'near-duplicate', 'rewrite', 'partial-reuse']);

export interface PageRelationsResult {
  pages: number;
  /** Derived relations stored by the ingest of the HTML pages... */
  derived: number;
  /** ...those whose two pages' gold texts are derived too... */
  supported: number;
  /** ...and of the derived ones, those between two pages of one site (where templates repeat). */
  sameSite: number;
}

export async function evalPageRelations(
  sharedDir: string,
  ctx: CompareContext,
): Promise<PageRelationsResult> {
  const golds = new Map(readDragnet(sharedDir).map((p) => [p.id, p.gold]));
  const goldArticles = new Map<string, Article>();
  const gold = (id: string) => {
    let article = goldArticles.get(id);
    if (!article) {
      article = articleFromPage(golds.get(id) ?? '', 'text', { source: id });
      goldArticles.set(id, article);
    }
    return article;
  };
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-pages-'));
  const store = openSqliteStore(join(dir, 'pages.db'));
  try {
    const summary = await ingestPaths([join(sharedDir, 'eval', 'extraction', 'dragnet', 'html')], store, ctx);
    const rows = new Map(store.articles().map((a) => [a.id, a]));
    const pageOf = (id: string) => basename(rows.get(id)?.source ?? '', '.html');
    let derived = 0;
    let supported = 0;
    let sameSite = 0;
    for (const r of store.relations()) {
      if (!DERIVED.has(r.type)) continue;
      derived++;
      const site = rows.get(r.a)?.site;
      if (site && site === rows.get(r.b)?.site) sameSite++;
      if (DERIVED.has(relateArticles(gold(pageOf(r.a)), gold(pageOf(r.b)), ctx).relation.type)) supported++;
    }
    return { pages: summary.ingested, derived, supported, sameSite };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
