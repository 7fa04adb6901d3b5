/**
 * `newstrace demo` (what `npm start` runs): compares every derived article of the bundled sample
 * corpus with its source and prints the verdicts, then the full report of the rewrite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { loadArticle } from '../pipeline/load-article.js';
import { renderTerminal } from '../report/terminal.js';

interface ManifestEntry {
  file?: string;
  id?: string;
  role: string;
  derivedFrom: string | null;
  expectedRelationToSource: string | null;
  published?: string;
}

export const sampleDir = fileURLToPath(new URL('../../sample/', import.meta.url));

export async function runDemo(out: NodeJS.WritableStream): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(sampleDir, 'manifest.json'), 'utf8')) as {
    articles?: ManifestEntry[];
  } & Record<string, unknown>;
  const entries = (manifest.articles ?? (Array.isArray(manifest) ? manifest : [])) as ManifestEntry[];
  const ctx = defaultContext();
  const load = async (e: ManifestEntry) => {
    const article = await loadArticle(join(sampleDir, e.file as string));
    return { ...article, published: article.published ?? e.published };
  };
  const byFile = new Map(entries.filter((e) => e.file).map((e) => [e.file as string, e]));
  out.write('newstrace demo: each derived article of the bundled sample, compared with its source\n\n');
  let showcase: string | undefined;
  for (const e of entries) {
    if (!e.file || !e.derivedFrom || !byFile.has(e.derivedFrom)) continue;
    const source = byFile.get(e.derivedFrom) as ManifestEntry;
    const result = compareArticles(await load(e), await load(source), ctx);
    const r = result.relation;
    out.write(
      `${e.file}\n  vs ${source.file}\n  → ${r.type} (expected ${e.expectedRelationToSource}), direction ${r.direction}, ` +
        `coverage ${Math.round(r.coverageA * 100)}% / ${Math.round(r.coverageB * 100)}%\n\n`,
    );
    if (e.role === 'rewrite' && !showcase) showcase = renderTerminal(result, { color: false, width: 100 });
  }
  if (showcase) out.write(`The rewrite in detail:\n\n${showcase}`);
  return 0;
}
