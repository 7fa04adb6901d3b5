/**
 * `newstrace ingest PATH... [--db FILE]` and `newstrace stories [--json] [--db FILE] [--since
 * DATE] [--site SITE] [--limit N]`: the corpus commands over the embedded store.
 */
import { chooseBanding } from '../candidates/lsh.js';
import { prepareArticle } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { defaultIngestOptions, ingestPaths, matchInStore } from '../pipeline/ingest.js';
import { loadArticle } from '../pipeline/load-article.js';
import { openSqliteStore } from '../store/sqlite.js';
import { buildStories, type Story } from '../story/stories.js';
import { UsageError } from './errors.js';

export const DEFAULT_DB = 'newstrace.db';

export async function runIngest(
  paths: string[],
  flags: { db?: string },
  out: NodeJS.WritableStream,
  err: NodeJS.WriteStream | NodeJS.WritableStream,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('ingest needs at least one file, directory or -');
  const store = openSqliteStore(flags.db ?? DEFAULT_DB);
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  const seen = { ingested: 0, present: 0, skipped: 0 };
  try {
    const summary = await ingestPaths(paths, store, defaultContext(), {
      onProgress: (e) => {
        seen[e.status]++;
        if (tty)
          err.write(
            `\r  ingested ${seen.ingested}  already present ${seen.present}  skipped ${seen.skipped} `,
          );
      },
    });
    if (tty) err.write('\n');
    out.write(
      `newstrace: ${summary.ingested} ingested, ${summary.present} already present, ${summary.skipped.length} skipped; ` +
        `${summary.relations} relations found (database ${flags.db ?? DEFAULT_DB})\n`,
    );
    for (const s of summary.skipped) out.write(`  skipped ${s.source}: ${s.reason}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** `newstrace similar FILE [--json] [--db FILE]`: what in the corpus matches a page, without ingesting it. */
export async function runSimilar(
  paths: string[],
  flags: { db?: string; json: boolean },
  out: NodeJS.WritableStream,
): Promise<number> {
  if (paths.length !== 1) throw new UsageError('similar needs one article: newstrace similar FILE');
  const store = openSqliteStore(flags.db ?? DEFAULT_DB);
  try {
    const ctx = defaultContext();
    const article = await loadArticle(paths[0]);
    const started = performance.now();
    const { relations } = matchInStore(article, store, ctx, defaultIngestOptions, {
      banding: chooseBanding(defaultIngestOptions.nearDuplicateThreshold, 128),
      maxDf: Math.max(20, Math.floor(store.counts().articles * 0.02)),
      preparedOf: (id) => {
        const a = store.getArticle(id);
        return a ? prepareArticle(a, ctx) : undefined;
      },
    });
    const ms = performance.now() - started;
    const rows = store.articles();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const strength = ['duplicate', 'near-duplicate', 'rewrite', 'partial-reuse', 'same-story'];
    const matches = relations
      .map((r) => ({ ...r, article: byId.get(r.b) }))
      .sort((x, y) => strength.indexOf(x.type) - strength.indexOf(y.type) || y.coverageA - x.coverageA);
    if (flags.json) {
      out.write(
        `${JSON.stringify(
          matches.map((m) => ({
            id: m.b,
            title: m.article?.title,
            site: m.article?.site ?? null,
            published: m.article?.published ?? null,
            type: m.type,
            direction: m.direction,
            coverageA: m.coverageA,
            coverageB: m.coverageB,
            evidence: m.evidence,
          })),
          null,
          2,
        )}\n`,
      );
    } else {
      out.write(
        `${matches.length} match${matches.length === 1 ? '' : 'es'} for ${paths[0]} (${ms.toFixed(0)} ms)\n`,
      );
      for (const m of matches) {
        out.write(
          `  ${m.type.padEnd(14)} ${`${Math.round(m.coverageA * 100)}%`.padStart(4)} of it, ${`${Math.round(m.coverageB * 100)}%`.padStart(4)} of  ` +
            `${m.article?.title ?? m.b}  (${m.article?.site ?? m.article?.source ?? ''}${m.article?.published ? `, ${m.article.published.slice(0, 10)}` : ''})\n`,
        );
      }
    }
    return 0;
  } finally {
    store.close();
  }
}

export function runStories(
  flags: { db?: string; json: boolean; since?: string; site?: string; limit?: string },
  out: NodeJS.WritableStream,
): number {
  const store = openSqliteStore(flags.db ?? DEFAULT_DB);
  try {
    let stories = buildStories(store.articles(), store.relations());
    if (flags.since) {
      const since = Date.parse(flags.since);
      if (!Number.isFinite(since))
        throw new UsageError(`--since wants a date (2026-03-01), not '${flags.since}'`);
      stories = stories.filter((s) => s.end && Date.parse(s.end) >= since);
    }
    if (flags.site) stories = stories.filter((s) => s.articles.some((a) => a.site === flags.site));
    if (flags.limit) stories = stories.slice(0, Number(flags.limit));
    if (flags.json) out.write(`${JSON.stringify(stories.map(storyJson), null, 2)}\n`);
    else out.write(stories.map(storyText).join('\n'));
    return 0;
  } finally {
    store.close();
  }
}

function storyJson(s: Story) {
  return {
    id: s.id,
    title: s.title,
    start: s.start ?? null,
    end: s.end ?? null,
    origin: s.origin,
    articles: s.articles.map((a) => ({
      id: a.id,
      site: a.site ?? null,
      title: a.title,
      published: a.published ?? null,
      role: a.role,
      copyOf: a.copyOf ?? null,
      source: a.source ?? null,
    })),
    edges: s.edges,
  };
}

function storyText(s: Story): string {
  const span = s.start
    ? `${s.start.slice(0, 16).replace('T', ' ')} → ${(s.end ?? '').slice(0, 16).replace('T', ' ')}`
    : '';
  const lines = [
    `■ ${s.title || '(untitled)'}  (${s.articles.length} article${s.articles.length > 1 ? 's' : ''}) ${span}`,
  ];
  const label = new Map(s.articles.map((a, k) => [a.id, `[${k + 1}]`]));
  s.articles.forEach((a, k) => {
    const when = a.published ? a.published.slice(0, 16).replace('T', ' ') : '(undated)       ';
    const copy = a.copyOf ? ` (copy of ${label.get(a.copyOf)})` : '';
    lines.push(
      `  [${k + 1}] ${when}  ${a.role.padEnd(13)} ${(a.site ?? a.source ?? '').padEnd(24)} ${a.title}${copy}`,
    );
  });
  for (const e of s.edges) {
    const arrow = e.direction === 'unknown' || e.type === 'same-story' ? '—' : '←';
    lines.push(
      `    ${label.get(e.to)} ${arrow} ${label.get(e.from)}: ${e.type}${e.evidence[1] ? ` (${e.evidence[1]})` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
