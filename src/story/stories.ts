/**
 * Stories from verified relations: articles linked by reuse or by reporting the same event form
 * one story. Each story has its articles in time order with their role, its relation graph, and
 * its origin: the earliest article that is not derived from another in the story.
 */
import type { Direction, RelationType } from '../relate/relate.js';
import type { ArticleRow, StoredRelation } from '../store/store.js';

export type StoryRole = 'origin' | 'copy' | 'rewrite' | 'partial-reuse' | 'independent' | 'derived';

export interface StoryEdge {
  /** The derived article (or either, for independent reports). */
  from: string;
  /** Its source. */
  to: string;
  type: RelationType;
  direction: Direction;
  evidence: string[];
}

export interface Story {
  id: string;
  title: string;
  start?: string;
  end?: string;
  origin: string;
  /** Articles in time order; a copy names the article it reprints (wire copy collapsed). */
  articles: Array<ArticleRow & { role: StoryRole; copyOf?: string }>;
  /**
   * The relation graph with reprints collapsed: a copy keeps only its edge to what it copies, since
   * its other relations repeat those of its original.
   */
  edges: StoryEdge[];
}

function linkWeight(r: StoredRelation, opt: StoryOptions): number {
  if (r.type !== 'same-story' && r.type !== 'partial-reuse') return 1;
  return r.similarity >= opt.strongSimilarity ? 1 : opt.weakWeight;
}

/** Average-linkage merging: the densest-linked pair of stories first, until none reaches the bar. */
function mergeStories(
  storyOf: Map<string, number>,
  sizes: number[],
  links: Map<string, Array<{ other: string; type: RelationType; weight: number }>>,
  opt: StoryOptions,
): void {
  const parent = sizes.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]]; // path halving
      k = parent[k];
    }
    return k;
  };
  for (;;) {
    const between = new Map<string, number>();
    for (const [id, list] of links) {
      const x = root(storyOf.get(id) as number);
      for (const l of list) {
        const y = root(storyOf.get(l.other) as number);
        if (x < y) between.set(`${x},${y}`, (between.get(`${x},${y}`) ?? 0) + l.weight);
      }
    }
    let best: [number, number] | undefined;
    let bestDensity = opt.mergeDensity;
    for (const [key, n] of between) {
      const [x, y] = key.split(',').map(Number);
      const density = n / (sizes[x] * sizes[y]);
      if (density >= bestDensity) {
        best = [x, y];
        bestDensity = density;
      }
    }
    if (!best) break;
    parent[best[1]] = best[0];
    sizes[best[0]] += sizes[best[1]];
  }
  for (const [id, s] of storyOf) storyOf.set(id, root(s));
}

/** Relations that put an article in its source's story outright. */
const DERIVED_JOIN = new Set<RelationType>(['duplicate', 'near-duplicate', 'rewrite']);

const ROLE: Partial<Record<RelationType, StoryRole>> = {
  duplicate: 'copy',
  'near-duplicate': 'copy',
  rewrite: 'rewrite',
  'partial-reuse': 'partial-reuse',
};

export interface StoryOptions {
  /**
   * An article joins a story when its links to the story's members, weighted by kind, sum to at
   * least this share of the story's size; a derivation (copy, rewrite) joins its source's story
   * whatever the share. Learnt on ECB+ dev, where each topic holds two look-alike events.
   */
  joinShare: number;
  /**
   * Weight of a same-story or partial-reuse link whose articles' similarity is below
   * `strongSimilarity` (derivations and similar articles weigh 1): look-alike events (two
   * earthquakes, two rehab stays) share such links, one event's reports share closer vocabulary.
   */
  weakWeight: number;
  strongSimilarity: number;
  /**
   * Stories merge when the links between them reach this share of all possible pairs: an event
   * reported first by two outlets that did not know of each other is one story once later
   * articles tie them together.
   */
  mergeDensity: number;
}

export const defaultStoryOptions: StoryOptions = {
  joinShare: 0.1,
  weakWeight: 0,
  strongSimilarity: 0.3,
  mergeDensity: 0.05,
};

export function buildStories(
  articles: readonly ArticleRow[],
  relations: readonly StoredRelation[],
  options: Partial<StoryOptions> = {},
): Story[] {
  const opt = { ...defaultStoryOptions, ...options };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const links = new Map<string, Array<{ other: string; type: RelationType; weight: number }>>();
  for (const r of relations) {
    if (!byId.has(r.a) || !byId.has(r.b)) continue;
    for (const [x, y] of [
      [r.a, r.b],
      [r.b, r.a],
    ]) {
      const list = links.get(x) ?? [];
      list.push({ other: y, type: r.type, weight: linkWeight(r, opt) });
      links.set(x, list);
    }
  }
  // Online, in time order: each article joins the story it is most tied to, or starts one.
  const storyOf = new Map<string, number>();
  const sizes: number[] = [];
  for (const a of [...articles].sort(byTime)) {
    const weight = new Map<number, number>();
    let derivedStory: number | undefined;
    for (const l of links.get(a.id) ?? []) {
      const s = storyOf.get(l.other);
      if (s === undefined) continue;
      if (DERIVED_JOIN.has(l.type)) derivedStory ??= s;
      weight.set(s, (weight.get(s) ?? 0) + l.weight);
    }
    let best = derivedStory;
    if (best === undefined) {
      let bestShare = 0;
      for (const [s, w] of weight) {
        const share = w / sizes[s];
        if (share >= opt.joinShare && share > bestShare) {
          best = s;
          bestShare = share;
        }
      }
    }
    if (best === undefined) {
      best = sizes.length;
      sizes.push(0);
    }
    storyOf.set(a.id, best);
    sizes[best]++;
  }
  mergeStories(storyOf, sizes, links, opt);
  const find = (id: string) => String(storyOf.get(id));

  const groups = new Map<string, ArticleRow[]>();
  for (const a of articles) {
    const root = find(a.id);
    const list = groups.get(root) ?? [];
    list.push(a);
    groups.set(root, list);
  }

  const stories: Story[] = [];
  for (const members of groups.values()) {
    const ids = new Set(members.map((m) => m.id));
    const edges: StoryEdge[] = relations.filter((r) => ids.has(r.a) && ids.has(r.b)).map((r) => orient(r));
    members.sort(byTime);
    const derivedFrom = new Map<string, StoryEdge>();
    for (const e of edges)
      if (e.type !== 'same-story' && e.direction !== 'unknown') derivedFrom.set(e.from, e);
    const origin = members.find((m) => !derivedFrom.has(m.id)) ?? members[0];
    const copyOf = copies(edges, members);
    const dated = members.filter((m) => m.published).map((m) => m.published as string);
    stories.push({
      id: `s-${origin.id}`,
      title: origin.title,
      start: dated[0],
      end: dated[dated.length - 1],
      origin: origin.id,
      articles: members.map((m) => ({
        ...m,
        role: m.id === origin.id ? 'origin' : copyOf.has(m.id) ? 'copy' : roleOf(m.id, derivedFrom),
        ...(copyOf.has(m.id) ? { copyOf: copyOf.get(m.id) } : {}),
      })),
      edges: edges.filter((e) => copyOf.get(e.from) === e.to || (!copyOf.has(e.from) && !copyOf.has(e.to))),
    });
  }
  return stories.sort(
    (x, y) => y.articles.length - x.articles.length || (y.end ?? '').localeCompare(x.end ?? ''),
  );
}

/**
 * Each reprint's original: duplicates and near-duplicates point to their source (the earlier one
 * where the direction is unknown), followed to the end of the chain.
 */
function copies(edges: readonly StoryEdge[], members: readonly ArticleRow[]): Map<string, string> {
  const order = new Map(members.map((m, k) => [m.id, k]));
  const direct = new Map<string, string>();
  for (const e of edges) {
    if (e.type !== 'duplicate' && e.type !== 'near-duplicate') continue;
    let [copy, original] = [e.from, e.to];
    if (e.direction === 'unknown' && (order.get(copy) ?? 0) < (order.get(original) ?? 0))
      [copy, original] = [original, copy];
    if (!direct.has(copy) && !direct.has(original)) direct.set(copy, original);
  }
  const out = new Map<string, string>();
  for (const copy of direct.keys()) {
    let original = direct.get(copy) as string;
    for (let hops = 0; direct.has(original) && hops < members.length; hops++)
      original = direct.get(original) as string;
    out.set(copy, original);
  }
  return out;
}

/** An edge pointing from the derived article to its source where the direction is known. */
function orient(r: StoredRelation): StoryEdge {
  const flip = r.direction === 'b-from-a';
  return {
    from: flip ? r.b : r.a,
    to: flip ? r.a : r.b,
    type: r.type,
    direction: flip ? 'a-from-b' : r.direction,
    evidence: r.evidence,
  };
}

/** What an article is to its story: how it derives from its source, or an independent report. */
function roleOf(id: string, derivedFrom: Map<string, StoryEdge>): StoryRole {
  const e = derivedFrom.get(id);
  return e ? (ROLE[e.type] ?? 'derived') : 'independent';
}

function byTime(x: ArticleRow, y: ArticleRow): number {
  if (x.published && y.published) return x.published.localeCompare(y.published) || x.id.localeCompare(y.id);
  if (x.published) return -1;
  if (y.published) return 1;
  return x.id.localeCompare(y.id);
}
