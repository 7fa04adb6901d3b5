/**
 * `npm run digest`: one hash per part of the engine's output, to show that a change meant only to
 * be faster changed nothing. Run it before and after, and diff the two outputs:
 *
 *   npm run digest > /tmp/before.json   # on the old code
 *   npm run digest > /tmp/after.json    # on the new code
 *   diff /tmp/before.json /tmp/after.json
 *
 * Parts: prepared articles (sentence profiles, facts, term weights and tiling words),
 * fingerprints (band keys, passage keys, key terms), relations with their alignments and facts for
 * generated derived pairs and pseudo-random pairs of one corpus, and full comparisons of every
 * pair of the bundled sample and the seeds. Hashes are of the values as JSON, typed arrays as
 * lists: any difference in any number shows.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import { asArticle, generateArticles, samplePool } from '../bench/generate.js';
import { fingerprintArticle } from '../candidates/fingerprints.js';
import { chooseBanding } from '../candidates/lsh.js';
import { compareArticles, prepareArticle, relateArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { loadArticle } from '../pipeline/load-article.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const shared = process.env.NEWSTRACE_SHARED ?? join(repo, '..', 'shared');

const json = (value: unknown) =>
  JSON.stringify(value, (_key, x) =>
    ArrayBuffer.isView(x)
      ? Array.from(x as unknown as ArrayLike<number>)
      : x instanceof Map
        ? [...x]
        : typeof x === 'number' && !Number.isFinite(x)
          ? String(x)
          : x,
  );
const digest = (values: unknown[]) =>
  createHash('sha256').update(values.map(json).join('\n')).digest('hex').slice(0, 16);

async function articlesIn(dir: string): Promise<Article[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|html?)$/.test(f))
    .sort();
  return Promise.all(files.map((f) => loadArticle(join(dir, f))));
}

const ctx = defaultContext();
const generated = [...generateArticles(await samplePool(), 600)];
const readers = [...(await articlesIn(join(repo, 'sample'))), ...(await articlesIn(join(shared, 'seeds')))];
const prepared = [...generated.map((g) => asArticle(g.text, g.k)), ...readers].map((a) =>
  prepareArticle(a, ctx),
);

// Each article that follows an original with it, then pseudo-random pairs (many share a story).
const pairs: Array<[number, number]> = [];
generated.forEach((g, k) => {
  if (g.follows) pairs.push([k, g.follows.original]);
});
let seed = 7;
const next = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return Math.floor((seed / 2 ** 32) * generated.length);
};
for (let k = 0; k < 300; k++) pairs.push([next(), next()]);

const comparisons = [];
const others = prepared.slice(generated.length);
for (let i = 0; i < others.length; i++)
  for (let j = i + 1; j < others.length; j++) comparisons.push(compareArticles(others[i], others[j], ctx));

const banding = chooseBanding(0.5, 128);
console.log(
  JSON.stringify(
    {
      articles: prepared.length,
      profiles: digest(prepared.map((p) => p.profiles)),
      facts: digest(prepared.map((p) => p.facts)),
      prepared: digest(prepared.map((p) => [p.surface, p.credits])),
      fingerprints: digest(prepared.map((p) => fingerprintArticle(p, banding))),
      relations: digest(
        pairs.map(([i, j]) => {
          const r = relateArticles(prepared[i], prepared[j], ctx);
          return { relation: r.relation, alignments: r.alignments, facts: r.facts };
        }),
      ),
      comparisons: digest(comparisons),
    },
    null,
    1,
  ),
);
