/**
 * Reads one article from a path (or `-` for stdin) and extracts it.
 */
import type { Article } from '../article/types.js';
import { readInput } from '../source/index.js';
import { articleFromPage } from './page.js';

export async function loadArticle(path: string): Promise<Article> {
  const input = await readInput(path);
  return articleFromPage(input.text, input.kind, { source: input.source });
}
