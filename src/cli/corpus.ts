/**
 * The corpus commands over the embedded store: `newstrace ingest`, `stories`, `similar`, `show`,
 * `inputs`, `export` and `compact`.
 */
import { existsSync, statSync } from 'node:fs';
import { normalize, relative, resolve } from 'node:path';
import type { Article } from '../article/types.js';
import { defaultContext } from '../compare/context.js';
import {
  describeMatches,
  extractForStore,
  ingestPaths,
  type PendingPage,
  pagesOfPaths,
  RecordError,
  type SimilarMatch,
  similarInStore,
} from '../pipeline/ingest.js';
import { PreparedCache, SIMILAR_CACHE } from '../pipeline/prepared-cache.js';
import { storedPages } from '../pipeline/stored-pages.js';
import { nameSides, whoFromWhom } from '../relate/sides.js';
import { COPIES_LISTED, citedFact, foldAlike, shownTime, shownTitle } from '../report/cite.js';
import { renderArticleHtml, renderStoryHtml } from '../report/story-html.js';
import { wrap } from '../report/terminal.js';
import { InputError } from '../source/index.js';
import { openSqliteStore } from '../store/sqlite.js';
import { INPUT_STATUSES, type InputStatus, type Store, seenFrom } from '../store/store.js';
import { keyFacts, type RetellingClaims, type StoryFacts, storyClaims, storyFacts } from '../story/facts.js';
import { buildStories, filterStories, isDirected, type Story, type StoryEdge } from '../story/stories.js';
import { inputFailure, UsageError, writeReport } from './errors.js';

export const DEFAULT_DB = 'newstrace.db';

/**
 * The corpus database at `file` (default `DEFAULT_DB`). A command that reads one fails where there
 * is none: a mistyped `--db` would otherwise be a new empty corpus, and its answer silence.
 */
export function openCorpus(file: string | undefined, mode: 'read' | 'write'): Store {
  const path = file ?? DEFAULT_DB;
  if (mode === 'read' && !existsSync(path))
    throw new Error(`no corpus at ${path}: \`newstrace ingest PATH… --db ${path}\` builds one`);
  try {
    return openSqliteStore(path, {
      onUpgrade: (from, to) =>
        process.stderr.write(
          `newstrace: upgrading the corpus ${path} from schema ${from} to ${to}; a large one takes minutes ` +
            `(\`newstrace compact --db ${path}\` then returns the space the upgrade frees)\n`,
        ),
    });
  } catch (e) {
    throw new Error(`cannot open the corpus ${path}: ${(e as Error).message}`);
  }
}

export async function runIngest(
  paths: string[],
  flags: { db?: string },
  out: NodeJS.WritableStream,
  err: NodeJS.WriteStream | NodeJS.WritableStream,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('ingest needs at least one file, directory or -');
  const store = openCorpus(flags.db, 'write');
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  const seen = { ingested: 0, present: 0, skipped: 0 };
  const started = Date.now();
  let shown = 0;
  try {
    const summary = await ingestPaths(paths, store, defaultContext(), {
      onProgress: (e) => {
        seen[e.status]++;
        const now = Date.now();
        // A line a tenth of a second at most: a terminal redrawn per article slows the run.
        if (!tty || now - shown < 100) return;
        shown = now;
        const seconds = (now - started) / 1000;
        err.write(
          `\r  ingested ${seen.ingested}  already present ${seen.present}  skipped ${seen.skipped}  ` +
            `${(seen.ingested / Math.max(seconds, 0.001)).toFixed(0)} articles/s  ${seconds.toFixed(0)} s `,
        );
      },
    });
    if (tty) err.write('\n');
    out.write(
      `newstrace: ${summary.ingested} ingested, ${summary.present} already present, ${summary.skipped.length} skipped; ` +
        `${summary.relations} relations found` +
        // What a feed that de-duplicates wants to hear first: how much of it was one text again.
        `${summary.reprints ? `; ${summary.reprints} of the ${summary.ingested} repeat a text stored before` : ''}` +
        ` (database ${flags.db ?? DEFAULT_DB})\n`,
    );
    for (const s of summary.skipped) out.write(`  skipped ${s.source}: ${s.reason}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/**
 * A match as `similar` and `show` list it: kind, how much of each side, the other article, and who
 * took from whom, the article asked about called "it" and the match "this".
 */
function matchLine(m: SimilarMatch): string {
  const share = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
  const where = [m.site ?? m.source, m.published?.slice(0, 10)].filter(Boolean).join(', ');
  const direction = whoFromWhom(m.direction, 'it', 'this');
  const name = m.title || m.lead ? shownTitle({ title: m.title ?? '', lead: m.lead ?? undefined }) : m.id;
  // Reuse found in shared passages alone retells no whole sentence: "0% of it, 0% of" would
  // read as no reuse at all.
  const shares =
    m.coverageA || m.coverageB || m.type === 'same-story'
      ? `${share(m.coverageA)} of it, ${share(m.coverageB)} of `
      : 'shared passages in';
  return (
    `  ${m.type.padEnd(14)} ${shares} ${name}` +
    `${where ? `  (${where})` : ''}${direction ? ` — ${direction}` : ''}`
  );
}

/**
 * Matches alike (one relation — kind, direction, shares — to one title or lead: a text's
 * reprints), listed once with their count: a wire story on 300 sites is one line, not 300.
 */
const alikeMatches = (matches: SimilarMatch[]) =>
  foldAlike(matches, (m) =>
    JSON.stringify([m.type, m.direction, m.coverageA, m.coverageB, m.title || m.lead || m.id]),
  );

/** The line under a folded match: how many more alike, the first few named. */
function moreAlike(more: SimilarMatch[], hint: string): string {
  const named = more.slice(0, COPIES_LISTED).map((m) => m.id);
  const rest = more.length - named.length;
  return (
    `      … and ${more.length} more alike (the same relation, the same title): ${named.join(', ')}` +
    `${rest ? ` and ${rest} more` : ''} (${hint})`
  );
}

/**
 * `newstrace similar PATH… [--json|--jsonl] [--db FILE]`: what in the corpus matches each page,
 * without ingesting it: one file, several, or the pages of a folder (a publisher's own articles
 * checked against a crawl). `--json` gives one article's matches; `--jsonl` a line per article.
 */
export async function runSimilar(
  paths: string[],
  flags: { db?: string; json: boolean; jsonl?: boolean },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('similar needs an article: newstrace similar FILE…');
  // Each page asked about: a JSONL file, a web archive or a feed holds many, read as ingest reads them.
  const pages: PendingPage[] = [];
  const unread: Array<{ source: string; reason: string }> = [];
  for await (const page of pagesOfPaths(paths, (source, reason) => unread.push({ source, reason })))
    pages.push(page);
  if (flags.json && pages.length + unread.length !== 1)
    throw new UsageError(
      `--json gives one article's matches; for ${pages.length + unread.length} articles use --jsonl`,
    );
  const store = openCorpus(flags.db, 'read');
  try {
    const ctx = defaultContext();
    // One cache for every article asked about: the corpus articles they match are prepared once.
    const cache = new PreparedCache(store, ctx, SIMILAR_CACHE);
    let failed = 0;
    const fail = (source: string, error: string) => {
      failed++;
      if (flags.jsonl) out.write(`${JSON.stringify({ source, error })}\n`);
      else err.write(`${inputFailure(source, error)}\n`);
    };
    for (const { source, reason } of unread) fail(source, reason);
    for (const page of pages) {
      const file = page.source;
      let article: Article;
      try {
        article = extractForStore(await page.read(), store);
      } catch (e) {
        if (!(e instanceof InputError || e instanceof RecordError)) throw e;
        fail(file, e.message);
        continue;
      }
      const started = performance.now();
      const matches = describeMatches(similarInStore(article, store, ctx, cache), store);
      const ms = performance.now() - started;
      const stored = store.hasArticle(article.id);
      if (flags.json) out.write(`${JSON.stringify(matches, null, 2)}\n`);
      else if (flags.jsonl)
        out.write(`${JSON.stringify({ source: file, id: article.id, inCorpus: stored, matches })}\n`);
      else {
        out.write(
          `${matches.length} match${matches.length === 1 ? '' : 'es'} for ${file} (${ms.toFixed(0)} ms)\n`,
        );
        // The article itself is no match of its own; a user asking about a stored one is told so.
        if (stored) out.write(`  it is in the corpus already, as ${article.id}\n`);
        for (const { first, more } of alikeMatches(matches)) {
          out.write(`${matchLine(first)}\n`);
          if (more.length) out.write(`${moreAlike(more, '--json lists them')}\n`);
        }
      }
    }
    return failed ? 1 : 0;
  } finally {
    store.close();
  }
}

export function runStories(
  flags: {
    db?: string;
    json: boolean;
    query?: string;
    since?: string;
    site?: string;
    limit?: string;
    facts?: boolean;
  },
  out: NodeJS.WritableStream,
): number {
  const store = openCorpus(flags.db, 'read');
  try {
    const since = flags.since === undefined ? undefined : Date.parse(flags.since);
    if (since !== undefined && !Number.isFinite(since))
      throw new UsageError(`--since wants a date (2026-03-01), not '${flags.since}'`);
    const limit = flags.limit === undefined ? Number.POSITIVE_INFINITY : Number(flags.limit);
    if (flags.limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new UsageError(`--limit wants a number of stories, not '${flags.limit}'`);
    const stories = filterStories(
      buildStories(store.articles(), store.relations()),
      { query: flags.query, site: flags.site, since },
      limit,
    );
    // Key facts read the articles of each story shown (after the filters): opt-in, as on a large
    // corpus that is most of the work.
    const lexicon = flags.facts ? defaultContext().lexicon : undefined;
    const read = storedPages(store);
    const factsOf = (s: Story) => (lexicon ? storyFacts(s, read, lexicon) : undefined);
    if (flags.json)
      out.write(
        `${JSON.stringify(
          stories.map((s) => {
            const f = factsOf(s);
            return f ? { ...storyJson(s), keyFacts: keyFacts(f) } : storyJson(s);
          }),
          null,
          2,
        )}\n`,
      );
    else {
      // The command that lists the rest, naming the database where it is not the default.
      const db = flags.db && resolve(flags.db) !== resolve(DEFAULT_DB) ? ` --db ${flags.db}` : '';
      const view = { edges: EDGES_LISTED, showAll: (id: string) => `newstrace show ${id}${db}` };
      out.write(stories.map((s) => storyText(s, factsOf(s), [], view)).join('\n'));
      // An empty listing says why, rather than printing nothing.
      if (stories.length === 0) {
        const filters = (['query', 'site', 'since'] as const)
          .filter((k) => flags[k] !== undefined)
          .map((k) => `--${k} ${flags[k]}`);
        out.write(
          filters.length
            ? `no story matches ${filters.join(' ')}\n`
            : `no stories yet: \`newstrace ingest PATH…${db}\` adds articles\n`,
        );
      }
    }
    return 0;
  } finally {
    store.close();
  }
}

function storyJson(s: Story) {
  return {
    id: s.id,
    title: s.title,
    lead: s.lead ?? null,
    start: s.start ?? null,
    end: s.end ?? null,
    origin: s.origin,
    articles: s.articles.map((a) => ({
      id: a.id,
      site: a.site ?? null,
      title: a.title,
      lead: a.lead ?? null,
      published: a.published ?? null,
      role: a.role,
      copyOf: a.copyOf ?? null,
      sameTextOnly: a.sameTextOnly ?? false,
      source: a.source ?? null,
    })),
    edges: s.edges,
  };
}

/** Characters of a site or a file's path shown in a story's listing. */
const ORIGIN_WIDTH = 40;
/** Facts an article adds to its story's origin (or leaves out) listed by name, the rest counted. */
const DIFFERENCES_SHOWN = 6;
/** The width text is wrapped to: the terminal's, 40 to 100 columns; 98 in a pipe. */
const terminalWidth = (out: NodeJS.WritableStream) =>
  Math.max(40, Math.min(100, (out as NodeJS.WriteStream).columns ?? 100) - 2);
/** Sentences a retelling adds or leaves out, shown at most per side (the JSON has them all). */
const CLAIMS_SHOWN = 3;
const sentencesCount = (list: readonly unknown[]) => `${list.length} sentence${list.length === 1 ? '' : 's'}`;

/**
 * Relations listed per story by `stories` (the closest reuse first); `show STORY` lists them all.
 * Twenty reports of one event are linked by a hundred relations, which no reader scans in a list.
 */
const EDGES_LISTED = 8;

function storyText(
  s: Story,
  facts?: StoryFacts,
  claims: RetellingClaims[] = [],
  view: { columns?: number; edges?: number; showAll?: (story: string) => string } = {},
): string {
  const columns = view.columns ?? 100;
  // One time where the story has one ("a story of one article"); none where nothing is dated.
  const span = !s.start
    ? 'undated'
    : s.end && s.end !== s.start
      ? `${shownTime(s.start)} → ${shownTime(s.end)}`
      : shownTime(s.start);
  const lines = [
    `■ ${shownTitle(s)}  (${s.articles.length} article${s.articles.length > 1 ? 's' : ''}, ${span})`,
  ];
  const label = new Map(s.articles.map((a, k) => [a.id, `[${k + 1}]`]));
  // The site, or the file an article came from, in a column as wide as the story's longest (a
  // long path keeps its end: the file's name tells more than its folders).
  const origins = s.articles.map((a) => {
    const o = a.site ?? a.source ?? '';
    if (o.length <= ORIGIN_WIDTH) return o;
    const end = o.slice(o.length - ORIGIN_WIDTH + 1);
    // From a folder's start where there is one: "…/seeds/001.txt", not "…k/shared/seeds/001.txt".
    const folder = end.indexOf('/');
    return `…${folder >= 0 ? end.slice(folder) : end}`;
  });
  const width = Math.max(12, ...origins.map((o) => o.length));
  const numberWidth = `[${s.articles.length}]`.length;
  // A listing (not `show`) of a story with many copies gives its own articles, each original with
  // its count of copies: a wire text on fifty sites is fifty rows.
  const copiesOf = new Map<string, number>();
  for (const a of s.articles) if (a.copyOf) copiesOf.set(a.copyOf, (copiesOf.get(a.copyOf) ?? 0) + 1);
  const copies = new Set(s.articles.flatMap((a) => (a.copyOf ? [a.id] : [])));
  const fold = view.edges !== undefined && copies.size > COPIES_LISTED;
  s.articles.forEach((a, k) => {
    if (fold && a.copyOf) return;
    const when = (a.published ? shownTime(a.published) : '(undated)').padEnd(16);
    const n = copiesOf.get(a.id) ?? 0;
    const copy = a.copyOf
      ? ` (${a.sameTextOnly ? 'same text as' : 'copy of'} ${label.get(a.copyOf)})`
      : fold && n
        ? ` (+${n} cop${n === 1 ? 'y' : 'ies'})`
        : '';
    lines.push(
      `  ${`[${k + 1}]`.padEnd(numberWidth)} ${when}  ${a.role.padEnd(13)} ${origins[k].padEnd(width)}  ${shownTitle(a)}${copy}`,
    );
  });
  if (fold) lines.push(`    … ${copies.size} copies: ${view.showAll?.(s.id) ?? `newstrace show ${s.id}`}`);
  // A list cut short starts with each article's closest relation (its lineage), those of the
  // articles that are not copies first (a copy's row says what it copies): what a reader follows
  // first, where the first relations in reading order could all be one article's.
  const cut = view.edges !== undefined && view.edges < s.edges.length;
  const rank = (e: StoryEdge) => (!e.closest ? 2 : copies.has(e.from) || copies.has(e.to) ? 1 : 0);
  const edges = (cut ? [0, 1, 2].flatMap((r) => s.edges.filter((e) => rank(e) === r)) : s.edges).slice(
    0,
    view.edges ?? s.edges.length,
  );
  for (const e of edges) {
    const arrow = isDirected(e) ? '←' : '—';
    // The evidence that made the relation: shared passages for reuse; for two reports of one
    // event, the facts and terms they share (see relate.ts for the order of the lines).
    const why = e.evidence[e.type === 'same-story' ? 2 : 1];
    const said = why && nameSides(why, label.get(e.from) ?? 'A', label.get(e.to) ?? 'B');
    // A relation found with a reprint, drawn on its original: which reprint.
    const via = e.via?.length ? ` through ${e.via.map((id) => label.get(id)).join(', ')}` : '';
    lines.push(
      `    ${label.get(e.to)} ${arrow} ${label.get(e.from)}: ${e.type}${via}${said ? ` (${said})` : ''}`,
    );
  }
  const unlisted = s.edges.length - edges.length;
  if (unlisted > 0)
    lines.push(
      `    … ${unlisted} more relation${unlisted === 1 ? '' : 's'}: ${view.showAll?.(s.id) ?? `newstrace show ${s.id}`}`,
    );
  if (facts) {
    const key = keyFacts(facts);
    const single = facts.articles.length === 1;
    if (key.length)
      lines.push(
        single
          ? `  key facts: ${key.map((f) => f.text).join(', ')}`
          : `  key facts (in how many of its ${facts.articles.length} articles that are not copies): ${key
              .map((f) => `${f.text} (${f.articles})`)
              .join(', ')}`,
      );
    facts.conflicts.forEach((list, k) => {
      for (const c of list)
        lines.push(
          `  ! ${label.get(facts.articles[k].id)} says ${citedFact(c.kind, c.text)}, the origin ${citedFact(c.kind, c.origin)} (${c.reason})`,
        );
    });
    // What each retelling adds to the origin's names and figures, and what it leaves out.
    const some = (list: string[]) =>
      list.slice(0, DIFFERENCES_SHOWN).join(', ') +
      (list.length > DIFFERENCES_SHOWN ? ` (+${list.length - DIFFERENCES_SHOWN} more)` : '');
    facts.differences.forEach((d, k) => {
      const said = [
        d.adds.length && `adds ${some(d.adds)}`,
        d.leavesOut.length && `leaves out ${some(d.leavesOut)}`,
      ];
      if (d.adds.length || d.leavesOut.length)
        lines.push(`  + ${label.get(facts.articles[k].id)} ${said.filter(Boolean).join('; ')}`);
    });
  }
  // What each retelling of the origin says that the origin does not, and what it drops: sentences.
  const listed = (sentences: string[]) => [
    ...sentences
      .slice(0, CLAIMS_SHOWN)
      .flatMap((t) => wrap(t, columns - 8).map((l, i) => `${i ? '        ' : '      · '}${l}`)),
    ...(sentences.length > CLAIMS_SHOWN ? [`      (+${sentences.length - CLAIMS_SHOWN} more)`] : []),
  ];
  for (const c of claims) {
    // Each part after the first goes on "    and …", under the retelling's line.
    let first = `  » ${label.get(c.id)} retells the origin and`;
    const part = (what: string, list: string[]) => {
      lines.push(`${first} ${what}:`, ...listed(list));
      first = '    and';
    };
    if (c.adds.length) part(`adds ${sentencesCount(c.adds)}`, c.adds);
    if (c.leavesOut.length) part(`leaves out ${sentencesCount(c.leavesOut)}`, c.leavesOut);
    if (c.changes.length)
      part(
        `changes the meaning of ${sentencesCount(c.changes)}`,
        c.changes.map((x) => `${x.says} — the origin: ${x.origin} (${x.change})`),
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `newstrace show STORY|ARTICLE|FILE [--json] [--html FILE] [--db FILE]`: one story with its graph
 * and key facts, or one article (by id, or by the file it was ingested from) with its relations;
 * `--html` writes the same as a page of its own.
 */
export function runShow(
  ids: string[],
  flags: { db?: string; json: boolean; html?: string },
  out: NodeJS.WritableStream,
): number {
  if (ids.length !== 1) throw new UsageError('show needs one story or article id: newstrace show ID');
  const store = openCorpus(flags.db, 'read');
  try {
    const stories = buildStories(store.articles(), store.relations());
    const story = stories.find((s) => s.id === ids[0]);
    const read = storedPages(store);
    if (story) {
      const ctx = defaultContext();
      const facts = storyFacts(story, read, ctx.lexicon);
      const claims = storyClaims(story, read, ctx);
      if (flags.html) writeReport(flags.html, renderStoryHtml(story, facts, claims));
      if (flags.json) out.write(`${JSON.stringify({ ...storyJson(story), facts, claims }, null, 2)}\n`);
      else if (!flags.html) out.write(storyText(story, facts, claims, { columns: terminalWidth(out) }));
      return 0;
    }
    const named = articleNamed(store, ids[0]);
    const article = named === undefined ? undefined : read(named);
    if (!article)
      throw new Error(`no story, article or ingested file '${ids[0]}' in ${flags.db ?? DEFAULT_DB}`);
    const id = article.id;
    const relations = store.relationsOf(id);
    const inStory = stories.find((s) => s.articles.some((a) => a.id === id));
    const titleOf = (other: string) => store.getArticle(other)?.title;
    if (flags.html) writeReport(flags.html, renderArticleHtml(article, inStory, relations, titleOf));
    if (flags.json) {
      out.write(`${JSON.stringify({ article, story: inStory?.id ?? null, relations }, null, 2)}\n`);
      return 0;
    }
    if (flags.html) return 0;
    const member = inStory?.articles.findIndex((a) => a.id === id) ?? -1;
    const about = [
      `id ${article.id}`,
      article.site && `site ${article.site}`,
      article.published && `published ${article.published}`,
      article.source && `from ${article.source}`,
    ];
    const width = terminalWidth(out);
    const lines = [
      `${article.title || '(untitled)'}`,
      `  ${about.filter(Boolean).join('  ')}`,
      inStory
        ? `  story ${inStory.id}: ${shownTitle(inStory)} (its [${member + 1}] of ${inStory.articles.length}: ${inStory.articles[member].role})`
        : '  in no story',
      '',
      // The article's paragraphs as extracted, each wrapped to the terminal.
      ...article.text
        .split(/\n+/)
        .filter((p) => p.trim())
        .flatMap((p) => [...wrap(p.trim(), width), '']),
      `relations (${relations.length}), the closest first:`,
      ...alikeMatches(
        describeMatches(
          relations.map((r) => seenFrom(r, id)),
          store,
        ),
      ).flatMap(({ first: m, more }) => {
        // The evidence that made the relation, as for a story's edge (see relate.ts for its order).
        const why = m.evidence[m.type === 'same-story' ? 2 : 1];
        const said = why && nameSides(why, 'this article', 'the other');
        return [
          `${matchLine(m)}  [${m.id}]`,
          ...(said ? wrap(said, width - 6).map((l) => `      ${l}`) : []),
          ...(more.length ? [moreAlike(more, '--json lists them all')] : []),
        ];
      }),
    ];
    out.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/**
 * The id of the article `name` names: its id, or the input it was ingested from, as ingest was
 * given it ("sample/wire.txt", "corpus.jsonl:12") or as the same file written another way
 * ("./sample/wire.txt", its absolute path).
 */
function articleNamed(store: Store, name: string): string | undefined {
  if (store.hasArticle(name)) return name;
  for (const source of new Set([
    name,
    normalize(name),
    relative(process.cwd(), resolve(name)),
    resolve(name),
  ])) {
    const id = store.articleOfInput(source);
    if (id) return id;
  }
  return undefined;
}

/**
 * `newstrace compact [--db FILE]`: the corpus rewritten without the space its upgrades left free,
 * with a new database's page size. Needs as much free disk again while it runs.
 */
export function runCompact(flags: { db?: string }, out: NodeJS.WritableStream): number {
  const path = flags.db ?? DEFAULT_DB;
  const store = openCorpus(path, 'read');
  const bytes = () =>
    ['', '-wal'].reduce((sum, s) => sum + (existsSync(path + s) ? statSync(path + s).size : 0), 0);
  const before = bytes();
  try {
    store.compact();
  } catch (e) {
    // SQLite's own word for another process reading or writing the file.
    if ((e as { code?: string }).code === 'SQLITE_BUSY')
      throw new Error(`cannot compact ${path} while another process uses it (a server, an ingest)`);
    throw e;
  } finally {
    store.close();
  }
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  out.write(`newstrace: compacted ${path}: ${mb(before)} → ${mb(bytes())}\n`);
  return 0;
}

/**
 * `newstrace inputs [--status ingested|present|skipped] [--jsonl] [--db FILE]`: every input read
 * into the corpus and what became of it (the article it is, or why it was skipped), in the order
 * they were first read: the account of a run, kept after its output is gone.
 */
export function runInputs(
  flags: { db?: string; status?: string; jsonl: boolean },
  out: NodeJS.WritableStream,
): number {
  const status = flags.status as InputStatus | undefined;
  if (status !== undefined && !INPUT_STATUSES.includes(status))
    throw new UsageError(`--status is ${INPUT_STATUSES.join(', ')}, not '${flags.status}'`);
  const store = openCorpus(flags.db, 'read');
  try {
    for (const input of store.inputs(status)) {
      if (flags.jsonl) out.write(`${JSON.stringify(input)}\n`);
      else
        out.write(
          `${input.status.padEnd(8)}  ${input.source}${input.article ? ` → ${input.article}` : ''}` +
            `${input.reason ? `: ${input.reason}` : ''}\n`,
        );
    }
    if (!flags.jsonl) {
      const n = store.counts().inputs;
      out.write(
        `newstrace: ${n.ingested + n.present + n.skipped} inputs: ${n.ingested} ingested, ` +
          `${n.present} already present, ${n.skipped} skipped\n`,
      );
    }
  } finally {
    store.close();
  }
  return 0;
}

/** `newstrace export --format jsonl|csv|graphml [--db FILE]`: articles, stories and relations for other tools. */
export function runExport(flags: { db?: string; format?: string }, out: NodeJS.WritableStream): number {
  const format = flags.format ?? 'jsonl';
  if (!['jsonl', 'csv', 'graphml'].includes(format))
    throw new UsageError(`--format is jsonl, csv or graphml, not '${format}'`);
  const store = openCorpus(flags.db, 'read');
  try {
    const articles = store.articles();
    const relations = store.relations();
    const stories = buildStories(articles, relations);
    const storyOf = new Map<string, string>();
    for (const s of stories) for (const a of s.articles) storyOf.set(a.id, s.id);
    // The relations that are their article's closest (the stories' lineage), either way round.
    const closest = new Set(
      stories.flatMap((s) =>
        s.edges.filter((e) => e.closest).flatMap((e) => [`${e.from}\n${e.to}`, `${e.to}\n${e.from}`]),
      ),
    );
    const isClosest = (r: { a: string; b: string }) => closest.has(`${r.a}\n${r.b}`);
    if (format === 'jsonl') {
      for (const a of articles)
        out.write(`${JSON.stringify({ kind: 'article', ...a, story: storyOf.get(a.id) })}\n`);
      for (const r of relations)
        out.write(`${JSON.stringify({ kind: 'relation', ...r, closest: isClosest(r) })}\n`);
      // Each story as `stories --json` gives it, its articles by id and role.
      for (const s of stories) {
        const { id, title, start, end, origin, articles: members } = storyJson(s);
        const roles = members.map((a) => ({ id: a.id, role: a.role, copyOf: a.copyOf }));
        out.write(`${JSON.stringify({ kind: 'story', id, title, start, end, origin, articles: roles })}\n`);
      }
    } else if (format === 'csv') {
      const cell = (v: unknown) => {
        const s = v === undefined || v === null ? '' : String(v);
        return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      out.write('a,b,type,direction,coverage_a,coverage_b,similarity,story,closest\n');
      for (const r of relations) {
        out.write(
          `${[r.a, r.b, r.type, r.direction, r.coverageA, r.coverageB, r.similarity, storyOf.get(r.a), isClosest(r)].map(cell).join(',')}\n`,
        );
      }
    } else {
      const x = (s: string | undefined) =>
        (s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
          '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n' +
          '  <key id="title" for="node" attr.name="title" attr.type="string"/>\n' +
          '  <key id="site" for="node" attr.name="site" attr.type="string"/>\n' +
          '  <key id="published" for="node" attr.name="published" attr.type="string"/>\n' +
          '  <key id="story" for="node" attr.name="story" attr.type="string"/>\n' +
          '  <key id="type" for="edge" attr.name="type" attr.type="string"/>\n' +
          '  <key id="direction" for="edge" attr.name="direction" attr.type="string"/>\n' +
          '  <key id="closest" for="edge" attr.name="closest" attr.type="boolean"/>\n' +
          '  <graph edgedefault="directed">\n',
      );
      for (const a of articles) {
        out.write(
          // "label" is what graph tools (Gephi, yEd) show on a node: the headline, or the lead.
          `    <node id="${x(a.id)}"><data key="label">${x(shownTitle(a))}</data><data key="title">${x(a.title)}</data><data key="site">${x(a.site)}</data>` +
            `<data key="published">${x(a.published)}</data><data key="story">${x(storyOf.get(a.id))}</data></node>\n`,
        );
      }
      relations.forEach((r, k) => {
        // Edges point from the derived article to its source.
        const [from, to] = r.direction === 'b-from-a' ? [r.b, r.a] : [r.a, r.b];
        out.write(
          `    <edge id="e${k}" source="${x(from)}" target="${x(to)}"><data key="type">${x(r.type)}</data>` +
            `<data key="direction">${x(r.direction)}</data><data key="closest">${isClosest(r)}</data></edge>\n`,
        );
      });
      out.write('  </graph>\n</graphml>\n');
    }
    return 0;
  } finally {
    store.close();
  }
}
