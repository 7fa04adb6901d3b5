/**
 * Reuse detection on a generated corpus with known derivations (the bench's generator: exact
 * copies, truncations, word-level rewrites and splices of invented articles, and independent
 * reports of the same events): the corpus is ingested through the real pipeline and what was
 * stored is scored against what the generator made — recall per kind of derivation, precision
 * over all stored derived relations, what became of the independent reports (a same-story
 * relation is right; a derived one is an overclaim, counted against precision), and how many of
 * the pairs ended in one story.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromText } from '../article/build.js';
import { type FollowerKind, generateCorpus } from '../bench/generate.js';
import type { CompareContext } from '../compare/compare.js';
import { ingestItems } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';
import { buildStories } from '../story/stories.js';

const DERIVED = new Set(['duplicate', 'near-duplicate', 'rewrite', 'partial-reuse']);

/** Hits and pairs, per kind of follower. */
export type Tally = Partial<Record<FollowerKind, [number, number]>>;

export interface DerivedScores {
  /** Derived pairs stored as derived (any derived type), per kind of derivation. */
  recall: Tally;
  /** Stored derived relations that are a generated derivation. */
  precision: number;
  stored: number;
  /** Independent reports and their original: the relation stored between them, by type ('none'). */
  independent: Record<string, number>;
  /** Pairs whose two articles ended in one story, per kind (independent reports included). */
  together: Tally;
}

export async function evalDerived(size: number, ctx: CompareContext): Promise<DerivedScores> {
  const { texts, pairs } = await generateCorpus(size, 23);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-derived-'));
  const store = openSqliteStore(join(dir, 'derived.db'));
  try {
    await ingestItems(
      texts.map((text, k) => ({
        source: `g${k}`,
        build: async () => articleFromText(text, { id: `g${k}` }),
      })),
      store,
      ctx,
    );
    const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const relations = store.relations();
    const typeOf = new Map(relations.map((r) => [key(r.a, r.b), r.type]));
    const storyOf = new Map<string, string>();
    for (const s of buildStories(store.articles(), relations))
      for (const a of s.articles) storyOf.set(a.id, s.id);

    const recall: Tally = {};
    const together: Tally = {};
    const independent: Record<string, number> = {};
    const count = (tally: Tally, kind: FollowerKind, hit: boolean) => {
      const cell = tally[kind] ?? [0, 0];
      tally[kind] = cell;
      cell[1]++;
      if (hit) cell[0]++;
    };
    const truth = new Set<string>();
    for (const p of pairs) {
      const type = typeOf.get(key(p.a, p.b));
      count(together, p.kind, storyOf.get(p.a) !== undefined && storyOf.get(p.a) === storyOf.get(p.b));
      if (p.kind === 'independent') {
        independent[type ?? 'none'] = (independent[type ?? 'none'] ?? 0) + 1;
        continue;
      }
      truth.add(key(p.a, p.b));
      count(recall, p.kind, type !== undefined && DERIVED.has(type));
    }
    const found = relations.filter((r) => DERIVED.has(r.type)).map((r) => key(r.a, r.b));
    const right = found.filter((f) => truth.has(f)).length;
    return {
      recall,
      precision: found.length ? right / found.length : 1,
      stored: found.length,
      independent,
      together,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
