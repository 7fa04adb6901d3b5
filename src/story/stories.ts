/**
 * Stories from verified relations: articles linked by reuse or by reporting the same event form
 * one story. Each story has its articles in time order with their role, its relation graph, and
 * its origin: the earliest article that is not derived from another in the story.
 */
import type { Direction, RelationType } from '../relate/relate.js';
import { swapSides } from '../relate/sides.js';
import { type ArticleRow, type StoredRelation, seenFrom } from '../store/store.js';
import { groupArticles } from './cluster.js';
import { closeness, lineage } from './lineage.js';
import { linkProbabilities, type StoryModel } from './links.js';
import storyModel from './story-model.json' with { type: 'json' };

export { isDirected } from './directed.js';

/**
 * What an article is to its story. `reuse`: it shares reused text with another article of the
 * story, but which of them took from the other is unknown (no dates, no lopsided coverage).
 */
export type StoryRole = 'origin' | 'copy' | 'rewrite' | 'partial-reuse' | 'reuse' | 'independent' | 'derived';

export interface StoryEdge {
  /** The derived article (or either, for independent reports). */
  from: string;
  /** Its source. */
  to: string;
  type: RelationType;
  direction: Direction;
  /** The relation's evidence, `from` called A and `to` B (`nameSides` names them as a view does). */
  evidence: string[];
  /**
   * Whether this is its article's closest relation to where it comes from (`lineage.ts`): one edge
   * an article, the tree a reader follows where every relation would be a thicket.
   */
  closest: boolean;
  /**
   * For a relation found with a reprint and drawn on its original (reprints collapsed): the
   * reprints it was found with.
   */
  via?: string[];
}

export interface Story {
  id: string;
  /** Its origin's headline, or the earliest of its articles' headlines; empty where none has one... */
  title: string;
  /** ...and then its origin's lead sentence (cut short). */
  lead?: string;
  start?: string;
  end?: string;
  origin: string;
  /**
   * Articles in time order (undated ones from their source down, an undated origin first); a copy
   * names the article it reprints (wire copy collapsed), and `sameTextOnly` where nothing told
   * which of the two was first (the earlier one stands for both).
   */
  articles: Array<ArticleRow & { role: StoryRole; copyOf?: string; sameTextOnly?: true }>;
  /**
   * The relation graph with reprints collapsed: a copy keeps only its edge to what it copies, since
   * its other relations repeat those of its original.
   */
  edges: StoryEdge[];
}

/**
 * A story's title: its origin's headline; where the origin has none, the earliest headline among
 * its articles (members in time order); where none has one, no title but the origin's lead.
 */
function storyTitle(origin: ArticleRow, members: readonly ArticleRow[]): Pick<Story, 'title' | 'lead'> {
  const title = origin.title || members.find((m) => m.title)?.title || '';
  return title || !origin.lead ? { title } : { title, lead: origin.lead };
}

const ROLE: Partial<Record<RelationType, StoryRole>> = {
  duplicate: 'copy',
  'near-duplicate': 'copy',
  rewrite: 'rewrite',
  'partial-reuse': 'partial-reuse',
};

export interface StoryOptions {
  /** The link model and merge bar; the committed one is learnt on ECB+ dev (`npm run train:stories`). */
  model: StoryModel;
}

export const defaultStoryOptions: StoryOptions = { model: storyModel as StoryModel };

/**
 * The corpus's stories: each relation's probability of tying two reports of one event (from the
 * pair and its neighbourhood in the relation graph), then average-linkage merging of articles
 * into stories over those probabilities. Batch over all relations, so the result does not depend
 * on the order in which articles arrived or on their (possibly missing or wrong) dates.
 */
export function buildStories(
  articles: readonly ArticleRow[],
  relations: readonly StoredRelation[],
  options: Partial<StoryOptions> = {},
): Story[] {
  const { model } = { ...defaultStoryOptions, ...options };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const inCorpus = relations.filter((r) => byId.has(r.a) && byId.has(r.b));
  const storyOf = groupArticles(
    articles.map((a) => a.id),
    inCorpus,
    linkProbabilities(inCorpus, model.links),
    model.mergeBar,
  );
  const find = (id: string) => String(storyOf.get(id));

  const groups = new Map<string, ArticleRow[]>();
  for (const a of articles) {
    const root = find(a.id);
    const list = groups.get(root) ?? [];
    list.push(a);
    groups.set(root, list);
  }

  // Each story's relations, bucketed in one pass (a filter per story would be quadratic).
  const within = new Map<string, StoredRelation[]>();
  for (const r of inCorpus) {
    const root = find(r.a);
    if (root !== find(r.b)) continue;
    const list = within.get(root) ?? [];
    list.push(r);
    within.set(root, list);
  }

  const stories: Story[] = [];
  for (const [root, members] of groups) {
    const edges: StoryEdge[] = (within.get(root) ?? []).map((r) => orient(r));
    members.sort(byTime);
    const derivedFrom = new Map<string, StoryEdge>();
    const reusing = new Set<string>();
    for (const e of edges) {
      if (e.type === 'same-story') continue;
      if (e.direction === 'unknown') reusing.add(e.from).add(e.to);
      // An article derived from several sources is what the closest one makes it (a rewrite of
      // one and a partial reuse of another is a rewrite).
      else if (!derivedFrom.has(e.from) || closeness(e) < closeness(derivedFrom.get(e.from) as StoryEdge))
        derivedFrom.set(e.from, e);
    }
    const origin = originOf(members, derivedFrom);
    orderUndated(members, origin.id, derivedFrom);
    const copyOf = copies(edges, members);
    const dated = members.filter((m) => m.published).map((m) => m.published as string);
    stories.push({
      id: `s-${origin.id}`,
      ...storyTitle(origin, members),
      start: dated[0],
      end: dated[dated.length - 1],
      origin: origin.id,
      articles: members.map((m) => ({
        ...m,
        role: m.id === origin.id ? 'origin' : copyOf.has(m.id) ? 'copy' : roleOf(m.id, derivedFrom, reusing),
        ...(copyOf.has(m.id) ? { copyOf: copyOf.get(m.id)?.original } : {}),
        ...(copyOf.get(m.id)?.guessed ? { sameTextOnly: true as const } : {}),
      })),
      edges: withLineage(inReadingOrder(collapseCopies(edges, copyOf), members), members),
    });
  }
  return stories.sort(compareStories);
}

/** Larger stories first, then the most recent; the story id decides the rest, so the order is one. */
export function compareStories(x: Story, y: Story): number {
  return (
    y.articles.length - x.articles.length ||
    (y.end ?? '').localeCompare(x.end ?? '') ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

/** A reprint's original, and whether it was taken for the original only for being earlier. */
type Original = { original: string; guessed: boolean };

/**
 * Each reprint's original: duplicates and near-duplicates point to their source (the earlier one
 * where the direction is unknown: `guessed`), followed to the end of the chain.
 */
function copies(edges: readonly StoryEdge[], members: readonly ArticleRow[]): Map<string, Original> {
  const order = new Map(members.map((m, k) => [m.id, k]));
  const direct = new Map<string, Original>();
  for (const e of edges) {
    if (e.type !== 'duplicate' && e.type !== 'near-duplicate') continue;
    let [copy, original] = [e.from, e.to];
    if (e.direction === 'unknown' && (order.get(copy) ?? 0) < (order.get(original) ?? 0))
      [copy, original] = [original, copy];
    // A reprint of a reprint is a reprint of the first (a corpus verifies a new article against the
    // strongest few holders of its text, often other reprints), unless that makes a loop.
    if (direct.has(copy) || rootOf(direct, original) === copy) continue;
    direct.set(copy, { original, guessed: e.direction === 'unknown' });
  }
  const out = new Map<string, Original>();
  for (const [copy, first] of direct) {
    let { original, guessed } = first;
    for (let hops = 0; direct.has(original) && hops < members.length; hops++) {
      const next = direct.get(original) as Original;
      original = next.original;
      guessed ||= next.guessed;
    }
    out.set(copy, { original, guessed });
  }
  return out;
}

/** Where a chain of reprints starts. */
function rootOf(direct: ReadonlyMap<string, Original>, id: string): string {
  let at = id;
  for (let hops = 0; direct.has(at) && hops <= direct.size; hops++)
    at = (direct.get(at) as Original).original;
  return at;
}

/**
 * A story's edges as a reader goes through them: reuse before other reports of the event, then by
 * the story's order of their articles; an edge whose direction is unknown names the earlier of
 * its two articles as `to` ("[1] — [3]", not "[3] — [1]").
 */
function inReadingOrder(edges: StoryEdge[], members: readonly ArticleRow[]): StoryEdge[] {
  const position = new Map(members.map((m, k) => [m.id, k]));
  const at = (id: string) => position.get(id) ?? members.length;
  return edges
    .map((e) =>
      e.direction !== 'a-from-b' && at(e.to) > at(e.from)
        ? { ...e, from: e.to, to: e.from, evidence: e.evidence.map(swapSides) }
        : e,
    )
    .sort((x, y) => closeness(x) - closeness(y) || at(x.to) - at(y.to) || at(x.from) - at(y.from));
}

/**
 * A story's edges with its reprints collapsed, so that ten reprints draw as one report: a copy
 * keeps its edge to its original (either way round where who copied is unknown; through another
 * reprint where it was found with one), and its other edges become its original's (`via` the
 * copy) where the original has none of its own with that article. An article verified against a reprint of the wire, not the wire itself (a corpus
 * verifies the strongest few of a text's many holders), still points at the wire.
 */
function collapseCopies(edges: readonly StoryEdge[], copyOf: Map<string, Original>): StoryEdge[] {
  const pair = (x: string, y: string) => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
  const originalOf = (id: string) => copyOf.get(id)?.original ?? id;
  const kept = new Map<string, StoryEdge>();
  const through: StoryEdge[] = [];
  for (const e of edges) {
    if (
      copyOf.get(e.from)?.original === e.to ||
      copyOf.get(e.to)?.original === e.from ||
      (!copyOf.has(e.from) && !copyOf.has(e.to))
    )
      kept.set(pair(e.from, e.to), e);
    else through.push(e);
  }
  for (const e of through) {
    let [from, to] = [originalOf(e.from), originalOf(e.to)];
    // Two reprints of one text: the edge stands for the first one's to the original.
    if (from === to) [from, to] = [e.from, to];
    const had = kept.get(pair(from, to));
    if (had && (!had.via || closeness(had) <= closeness(e))) continue;
    const via = [e.from, e.to].filter((id) => id !== from && id !== to && copyOf.has(id));
    kept.set(pair(from, to), { ...e, from, to, via });
  }
  return [...kept.values()];
}

/** The edges, each marked where it is its article's closest relation to where it comes from. */
function withLineage(edges: StoryEdge[], members: readonly ArticleRow[]): StoryEdge[] {
  const closest = new Set(lineage({ articles: members, edges }));
  return edges.map((e) => ({ ...e, closest: closest.has(e) }));
}

function orient(r: StoredRelation): StoryEdge {
  const e = r.direction === 'b-from-a' ? seenFrom(r, r.b) : r;
  return { from: e.a, to: e.b, type: e.type, direction: e.direction, evidence: e.evidence, closest: false };
}

/**
 * What an article is to its story: how it derives from its source; that it shares reused text
 * with another whose direction is unknown; or an independent report.
 */
function roleOf(id: string, derivedFrom: Map<string, StoryEdge>, reusing: Set<string>): StoryRole {
  const e = derivedFrom.get(id);
  if (e) return ROLE[e.type] ?? 'derived';
  return reusing.has(id) ? 'reuse' : 'independent';
}

/**
 * A story's origin, its members in time order (dated first). An article is no older than what it
 * derives from, dated or not: the origin is the source the earliest dated article derives from,
 * followed back through the derivations (a later-dated article derived from none is not the
 * origin of an earlier one). Where nothing is dated, the first article derived from none.
 */
function originOf(members: readonly ArticleRow[], derivedFrom: Map<string, StoryEdge>): ArticleRow {
  const byId = new Map(members.map((m) => [m.id, m]));
  if (!members[0].published) return members.find((m) => !derivedFrom.has(m.id)) ?? members[0];
  let at = members[0];
  const seen = new Set([at.id]);
  for (let e = derivedFrom.get(at.id); e && !seen.has(e.to); e = derivedFrom.get(at.id)) {
    const source = byId.get(e.to);
    if (!source) break;
    at = source;
    seen.add(at.id);
  }
  return at;
}

/**
 * Undated articles have no time to be ordered by, but the story still reads from its source down:
 * an undated origin comes first, and undated articles after those they derive from (by how many
 * derivations lead back from them to an article derived from none), then by id. Dated articles
 * keep their time order.
 */
function orderUndated(members: ArticleRow[], origin: string, derivedFrom: Map<string, StoryEdge>): void {
  const depth = (id: string) => {
    let d = 0;
    for (let at = derivedFrom.get(id); at && d < members.length; at = derivedFrom.get(at.to)) d++;
    return d;
  };
  const rank = (m: ArticleRow) => (m.id === origin ? -1 : depth(m.id));
  const dated = members.filter((m) => m.published);
  const undated = members
    .filter((m) => !m.published)
    .map((m) => ({ m, rank: rank(m) }))
    .sort((x, y) => x.rank - y.rank || x.m.id.localeCompare(y.m.id))
    .map((x) => x.m);
  const originUndated = undated[0]?.id === origin;
  members.splice(
    0,
    members.length,
    ...(originUndated ? [undated[0], ...dated, ...undated.slice(1)] : [...dated, ...undated]),
  );
}

function byTime(x: ArticleRow, y: ArticleRow): number {
  if (x.published && y.published) return x.published.localeCompare(y.published) || x.id.localeCompare(y.id);
  if (x.published) return -1;
  if (y.published) return 1;
  return x.id.localeCompare(y.id);
}

/** Which stories a listing asks for (the CLI's `stories` and the API's `GET /stories`). */
export interface StoryFilter {
  /** Words an article's title holds (any case), or an untitled article's lead. */
  query?: string;
  /** A site one of its articles is from. */
  site?: string;
  /** A time (ms since 1970) its newest article is no older than; undated stories are left out. */
  since?: number;
}

/**
 * The first `limit` stories that pass the filter, in their order. A listing reads a page of a
 * corpus's stories: walking all of them (60,000 at 100k articles) for every request held the
 * server's story list to ~500 requests/s.
 */
export function filterStories(
  stories: readonly Story[],
  f: StoryFilter,
  limit = Number.POSITIVE_INFINITY,
): Story[] {
  const needle = f.query?.toLowerCase();
  const out: Story[] = [];
  for (const s of stories) {
    if (out.length >= limit) break;
    if (
      (!needle || s.articles.some((a) => (a.title || a.lead || '').toLowerCase().includes(needle))) &&
      (!f.site || s.articles.some((a) => a.site === f.site)) &&
      (f.since === undefined || (s.end !== undefined && Date.parse(s.end) >= f.since))
    )
      out.push(s);
  }
  return out;
}
