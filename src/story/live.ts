/**
 * Stories kept up to date as articles and relations arrive, for a stream: a new article rebuilds
 * only the stories of the articles it relates to, not the corpus's.
 *
 * `buildStories` works within connected parts of the relation graph: a relation's link
 * probability reads its neighbourhood only, and articles merge only along relations. So the
 * stories of one connected part are `buildStories` of that part alone, given its articles and
 * relations in the corpus's order (articles by date then id, relations by their ends), which ties
 * are broken in. The result is the batch build's, story for story (the tests check it).
 */
import type { ArticleRow, StoredRelation } from '../store/store.js';
import { buildStories, compareStories, type Story, type StoryOptions } from './stories.js';

export class LiveStories {
  private readonly rows = new Map<string, ArticleRow>();
  /** Union-find over article ids: the connected parts of the relation graph. */
  private readonly parent = new Map<string, string>();
  /** Each part's articles and relations, under its root. */
  private readonly parts = new Map<string, { ids: string[]; relations: StoredRelation[] }>();
  /** Each part's stories, built when asked for; parts changed since are left out. */
  private readonly built = new Map<string, Story[]>();
  /** Roots of the parts changed since their stories were last built. */
  private readonly stale = new Set<string>();
  /** Relations that name an article not added yet: joined when it comes. */
  private waiting: StoredRelation[] = [];
  /** Every built story in order, and the stories dropped from it since it was last made. */
  private sorted: Story[] = [];
  private readonly dropped = new Set<Story>();
  private readonly byId = new Map<string, Story>();
  private readonly byArticle = new Map<string, Story>();

  constructor(private readonly options: Partial<StoryOptions> = {}) {}

  /** Adds articles and relations (each once: an article already added is ignored). */
  add(articles: readonly ArticleRow[], relations: readonly StoredRelation[]): void {
    for (const a of articles) {
      if (this.rows.has(a.id)) continue;
      this.rows.set(a.id, a);
      this.parent.set(a.id, a.id);
      this.parts.set(a.id, { ids: [a.id], relations: [] });
      this.changed(a.id);
    }
    const pending = this.waiting.length ? [...this.waiting, ...relations] : relations;
    this.waiting = [];
    for (const r of pending) {
      if (!this.rows.has(r.a) || !this.rows.has(r.b)) {
        this.waiting.push(r);
        continue;
      }
      const root = this.join(r.a, r.b);
      this.parts.get(root)?.relations.push(r);
      this.changed(root);
    }
  }

  /** Every story, the largest first (as `buildStories` orders them). */
  stories(): Story[] {
    if (this.stale.size === 0) return this.sorted;
    const added: Story[] = [];
    for (const root of this.stale) {
      const part = this.parts.get(root);
      if (!part) continue; // joined into another part since
      const stories = buildStories(
        part.ids.map((id) => this.rows.get(id) as ArticleRow).sort(corpusOrder),
        [...part.relations].sort(relationOrder),
        this.options,
      );
      this.built.set(root, stories);
      for (const s of stories) {
        this.byId.set(s.id, s);
        for (const a of s.articles) this.byArticle.set(a.id, s);
        added.push(s);
      }
    }
    this.stale.clear();
    // The order is kept, not made again: one pass drops the stale stories and merges the new.
    this.sorted = mergeSorted(
      this.dropped.size ? this.sorted.filter((s) => !this.dropped.has(s)) : this.sorted,
      added.sort(compareStories),
    );
    this.dropped.clear();
    return this.sorted;
  }

  /** The story `id`, if there is one. */
  story(id: string): Story | undefined {
    this.stories();
    return this.byId.get(id);
  }

  /** The story article `id` belongs to. */
  storyOf(articleId: string): Story | undefined {
    this.stories();
    return this.byArticle.get(articleId);
  }

  private root(id: string): string {
    let x = id;
    for (let up = this.parent.get(x) as string; up !== x; up = this.parent.get(x) as string) {
      const grand = this.parent.get(up) as string;
      this.parent.set(x, grand);
      x = grand;
    }
    return x;
  }

  /** Joins the parts of `a` and `b`, the smaller into the larger; returns the joined part's root. */
  private join(a: string, b: string): string {
    let x = this.root(a);
    let y = this.root(b);
    if (x === y) return x;
    let px = this.parts.get(x) as { ids: string[]; relations: StoredRelation[] };
    let py = this.parts.get(y) as { ids: string[]; relations: StoredRelation[] };
    if (px.ids.length < py.ids.length) {
      [x, y] = [y, x];
      [px, py] = [py, px];
    }
    this.parent.set(y, x);
    for (const id of py.ids) px.ids.push(id);
    for (const r of py.relations) px.relations.push(r);
    this.parts.delete(y);
    this.changed(y);
    return x;
  }

  /** Forgets the stories of the part under `root`: they are built again when next asked for. */
  private changed(root: string): void {
    const old = this.built.get(root);
    if (old) {
      for (const s of old) {
        this.byId.delete(s.id);
        for (const a of s.articles) if (this.byArticle.get(a.id) === s) this.byArticle.delete(a.id);
        this.dropped.add(s);
      }
      this.built.delete(root);
    }
    this.stale.add(root);
  }
}

/** Two lists in story order as one. */
function mergeSorted(xs: readonly Story[], ys: readonly Story[]): Story[] {
  if (ys.length === 0) return xs as Story[];
  const out: Story[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length && j < ys.length) out.push(compareStories(xs[i], ys[j]) <= 0 ? xs[i++] : ys[j++]);
  while (i < xs.length) out.push(xs[i++]);
  while (j < ys.length) out.push(ys[j++]);
  return out;
}

/**
 * The order the store lists articles in (`ORDER BY published, id`: undated first, then by date),
 * by code units as SQLite compares text.
 */
export function corpusOrder(x: ArticleRow, y: ArticleRow): number {
  if (x.published !== y.published) {
    if (x.published === undefined) return -1;
    if (y.published === undefined) return 1;
    return x.published < y.published ? -1 : 1;
  }
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The order the store lists relations in (`ORDER BY a, b`). */
export function relationOrder(x: StoredRelation, y: StoredRelation): number {
  if (x.a !== y.a) return x.a < y.a ? -1 : 1;
  return x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
}
