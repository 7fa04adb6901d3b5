/**
 * The bundled sample (`sample/`, shipped with the package): a small invented corpus with every kind
 * of relation, the demo's input, the generated corpus's syntax, and the warm-up's pairs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/types.js';
import { loadArticle } from './load-article.js';

export const sampleDir = fileURLToPath(new URL('../../sample/', import.meta.url));

/** Each page of the sample as an article, in the order of their file names. */
export async function sampleArticles(): Promise<Article[]> {
  const files = readdirSync(sampleDir)
    .filter((f) => !f.endsWith('.json'))
    .sort();
  return Promise.all(files.map((f) => loadArticle(join(sampleDir, f))));
}
