/**
 * A story's facts: which of its articles gives which name, number and quote, where an article's
 * figure conflicts with the origin's, and the story's key facts (those most of its articles give).
 * Pure: the caller reads the articles from its store.
 */
import type { Article } from '../article/types.js';
import { type CompareContext, changedMeanings, prepareArticle, relateArticles } from '../compare/compare.js';
import {
  compareFacts,
  extractFacts,
  type Fact,
  type FactKind,
  sameMeasureInOtherUnits,
} from '../facts/index.js';
import type { RelationType } from '../relate/relate.js';
import { nameSides } from '../relate/sides.js';
import type { Lexicon } from '../text/lexicon/types.js';
import type { Story } from './stories.js';

/**
 * Columns at most: a story of hundreds of reprints would make hundreds of columns, and copies
 * give their original's facts, so the copies are left out and then the first 60 shown.
 */
const MAX_COLUMNS = 60;
const MAX_ROWS = 200;

export interface StoryFacts {
  /** The columns: the story's articles that are not copies, in time order. */
  articles: Array<{ id: string; site: string | null; title: string; role: string }>;
  /** A fact per row, most widely given first; a cell is the fact as that article words it. */
  rows: Array<{ kind: string; text: string; cells: Array<string | null> }>;
  /** Per column, its figures that differ from the origin's for the same kind of thing. */
  conflicts: Array<Array<{ kind: FactKind; text: string; origin: string; reason: string }>>;
  /**
   * Per column, the names and figures it gives that the origin does not, and the origin's it
   * leaves out, most widely given first (none for the origin; a figure in conflict is listed
   * there, not here).
   */
  differences: Array<{ adds: string[]; leavesOut: string[] }>;
}

/**
 * The facts of `story` from its articles that are not copies (at most `MAX_COLUMNS`), read with
 * `read` (the caller's store).
 */
export function storyFacts(
  story: Story,
  read: (id: string) => Article | undefined,
  lexicon: Lexicon,
): StoryFacts {
  const columns = story.articles.filter((a) => !a.copyOf).slice(0, MAX_COLUMNS);
  const rowOf = new Map(columns.map((a) => [a.id, a]));
  const shown = columns.map((a) => read(a.id)).filter((a): a is Article => !!a);
  const facts = shown.map((a) => extractFacts(a.text, { lexicon, sentences: a.sentences }));
  const rows = new Map<string, StoryFacts['rows'][number]>();
  /** The first fact of each row that is a measure: "14 days" joins the row of "two weeks". */
  const measures: Array<{ fact: Fact; key: string }> = [];
  facts.forEach((list, col) => {
    for (const f of list) {
      if (f.kind === 'date') continue; // "Monday", "yesterday": relative to each article's day
      let key = f.key;
      if (!rows.has(key) && f.unit)
        key = measures.find((m) => sameMeasureInOtherUnits(f, m.fact))?.key ?? key;
      let row = rows.get(key);
      if (!row) {
        row = { kind: f.kind, text: f.text, cells: shown.map(() => null) };
        rows.set(key, row);
        if (f.unit) measures.push({ fact: f, key });
      }
      row.cells[col] ??= f.text;
    }
  });
  // "Putin" beside "Vladimir Putin": one person, one row, the full name's (when only one fits).
  const lastWord = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s-]+/)
      .pop() as string;
  for (const [key, row] of rows) {
    // A surname alone is a person only where the lexicon knows it ("Putin"); else a name ("Solberg").
    if ((row.kind !== 'person' && row.kind !== 'entity') || /[\s-]/.test(row.text)) continue;
    const surname = row.text.toLowerCase();
    const fuller = [...rows.values()].filter(
      (r) => r.kind === 'person' && /[\s-]/.test(r.text) && lastWord(r.text) === surname,
    );
    if (fuller.length !== 1) continue;
    row.cells.forEach((c, col) => {
      fuller[0].cells[col] ??= c;
    });
    rows.delete(key);
  }
  const origin = Math.max(
    0,
    shown.findIndex((a) => a.id === story.origin),
  );
  // Each article's facts against the origin's, as `compare` weighs a pair: a surname is the full
  // name, "48,000 cars" the origin's "48,000 vehicles", a figure in conflict neither added nor left out.
  const againstOrigin = shown.map((_, col) =>
    col === origin
      ? undefined
      : compareFacts(facts[col], facts[origin], { a: shown[col].text, b: shown[origin].text }),
  );
  const conflicts = againstOrigin.map(
    (pair) => pair?.conflicts.map((c) => ({ kind: c.kind, text: c.a, origin: c.b, reason: c.reason })) ?? [],
  );
  // The names and figures of one side, each once: "Okafor" is said by "Tomas Okafor" beside it.
  const weighed = (list: ReadonlyArray<{ fact: Fact }>) => {
    const texts = [
      ...new Set(list.filter((x) => namesOrFigures(x.fact.kind, !!x.fact.unit)).map((x) => x.fact.text)),
    ];
    return texts.filter((t) => /\s/.test(t) || !texts.some((u) => u.endsWith(` ${t}`)));
  };
  const differences = againstOrigin.map((pair) => ({
    adds: pair ? weighed(pair.onlyA) : [],
    leavesOut: pair ? weighed(pair.onlyB) : [],
  }));
  const given = (r: { cells: Array<string | null> }) => r.cells.filter(Boolean).length;
  return {
    articles: shown.map((a) => {
      const row = rowOf.get(a.id);
      return { id: a.id, site: row?.site ?? null, title: a.title, role: row?.role ?? '' };
    }),
    rows: [...rows.values()]
      .sort((x, y) => given(y) - given(x) || x.kind.localeCompare(y.kind))
      .slice(0, MAX_ROWS),
    conflicts,
    differences,
  };
}

/**
 * A fact a reader weighs: a name or a figure with what it counts. Not a quote (its words are
 * compared as a conflict), not a date (relative to each article's day: "Monday"), nor a number
 * without its unit ("routes 4 and 11", "fifth": the unit says what it counts).
 */
const namesOrFigures = (kind: string, counted: boolean) =>
  kind !== 'quote' && kind !== 'date' && (kind !== 'number' || counted);

/**
 * The key facts: given by at least half of the articles shown and by two at least (a story of one
 * article: its own), most widely given first, at most `limit`; no quotes, no numbers without a unit.
 */
export function keyFacts(f: StoryFacts, limit = 12): Array<{ kind: string; text: string; articles: number }> {
  const n = f.articles.length;
  const needed = n <= 1 ? 1 : Math.max(2, Math.ceil(n / 2));
  return f.rows
    .map((r) => ({ kind: r.kind, text: r.text, articles: r.cells.filter(Boolean).length }))
    .filter((r) => r.articles >= needed && namesOrFigures(r.kind, /\s/.test(r.text)))
    .slice(0, limit);
}

/** What a retelling of the origin says that the origin does not, leaves out or changes: sentences. */
export interface RetellingClaims {
  /** The retelling (a rewrite or near-copy of the origin that is not collapsed as its copy). */
  id: string;
  /** Its sentences that retell none of the origin's, in its order. */
  adds: string[];
  /** The origin's sentences it retells none of, in the origin's order. */
  leavesOut: string[];
  /**
   * Its sentences that retell the origin's with a changed meaning: a negation on one side only, or
   * another figure ("says" the retelling's sentences, "origin" the origin's).
   */
  changes: Array<{ says: string; origin: string; change: string }>;
}

/**
 * Retellings compared at most, the closest first: each is aligned with the origin sentence by
 * sentence (5-15 ms on this machine), and a request for them holds the server's thread.
 */
const MAX_RETELLINGS = 12;

/**
 * For each article of `story` that retells its origin as a whole (a rewrite, a near-copy kept as an
 * article of its own), the claims it adds and those it drops, from the two articles' sentences
 * aligned as `compare` aligns them. Partial reuses and independent reports are left out: their
 * other sentences are their own stories or their own reporting, not claims added to the origin's.
 */
export function storyClaims(
  story: Story,
  read: (id: string) => Article | undefined,
  ctx: CompareContext,
): RetellingClaims[] {
  const origin = read(story.origin);
  if (!origin) return [];
  const copies = new Set(story.articles.filter((a) => a.copyOf).map((a) => a.id));
  const retellings = story.edges
    .filter((e) => WHOLLY.has(e.type) && (e.from === story.origin || e.to === story.origin))
    .map((e) => (e.from === story.origin ? e.to : e.from))
    .filter((id) => !copies.has(id))
    .slice(0, MAX_RETELLINGS);
  const prepared = prepareArticle(origin, ctx);
  const out: RetellingClaims[] = [];
  for (const id of retellings) {
    const article = read(id);
    if (!article) continue;
    const { alignments } = relateArticles(article, prepared, ctx);
    const told = (side: 'a' | 'b', count: number) => {
      const retold = new Uint8Array(count);
      for (const al of alignments) if (al.kind !== 'related') for (const s of al[side]) retold[s] = 1;
      return retold;
    };
    out.push({
      id,
      adds: untold(article, told('a', article.sentences.length)),
      leavesOut: untold(origin, told('b', origin.sentences.length)),
      changes: changedMeanings(article, origin, alignments).map((c) => ({
        says: c.textA,
        origin: c.textB,
        change: nameSides(c.detail, 'the retelling', 'the origin'),
      })),
    });
  }
  return out;
}

const WHOLLY = new Set<RelationType>(['duplicate', 'near-duplicate', 'rewrite']);

/**
 * The sentences of `article` not `retold`, within the sections that retell something: a page of
 * several stories (a roundup, a wire page) leaves its other stories out, not claims of this one.
 */
function untold(article: Article, retold: Uint8Array): string[] {
  const touched = new Set(article.sentences.filter((_, s) => retold[s]).map((s) => s.section));
  return article.sentences.filter((x, s) => !retold[s] && touched.has(x.section)).map((x) => x.text);
}
