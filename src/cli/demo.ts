/**
 * `newstrace demo` (what `npm start` runs): compares each article of the bundled sample with its
 * source (or an independent or unrelated piece with the wire story), prints the verdicts, then the
 * full report of the rewrite.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compareArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { ingestItems } from '../pipeline/ingest.js';
import { loadArticle } from '../pipeline/load-article.js';
import { sampleDir } from '../pipeline/sample.js';
import { renderTerminal } from '../report/terminal.js';
import { openSqliteStore } from '../store/sqlite.js';
import { runStories } from './corpus.js';
import { runServe } from './serve.js';

interface ManifestEntry {
  file?: string;
  id?: string;
  role: string;
  derivedFrom: string | null;
  expectedRelationToSource: string | null;
  site?: string;
  /** An independent report of the same event as this article. */
  sameStoryAs?: string;
  published?: string;
}

/** What the demo compares an entry with, and the relation the sample was written to have. */
function counterpart(
  e: ManifestEntry,
  entries: ManifestEntry[],
): { file: string; expected: string } | undefined {
  if (e.derivedFrom) return { file: e.derivedFrom, expected: e.expectedRelationToSource ?? 'derived' };
  if (e.sameStoryAs) return { file: e.sameStoryAs, expected: 'same-story' };
  const wire = entries.find((x) => x.role === 'wire');
  if (e.role === 'unrelated' && wire?.file) return { file: wire.file, expected: 'unrelated' };
  return undefined;
}

/**
 * The main job on the sample: every article ingested into a fresh corpus (with the outlet and
 * time the manifest gives it), then the stories printed with who took from whom.
 */
async function ingestSample(entries: ManifestEntry[], out: NodeJS.WritableStream): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-demo-'));
  const db = join(dir, 'sample.db');
  const store = openSqliteStore(db);
  try {
    const summary = await ingestItems(
      entries
        .filter((e) => e.file)
        .map((e) => ({
          source: `sample/${e.file}`,
          build: async () => {
            const article = await loadArticle(join(sampleDir, e.file as string));
            return {
              ...article,
              id: e.id ?? article.id,
              site: e.site ?? article.site,
              published: e.published ?? article.published,
            };
          },
        })),
      store,
      defaultContext(),
    );
    out.write(
      `newstrace demo: the bundled sample (${summary.ingested} invented articles) ingested into ${db}\n\n` +
        `Stories, earliest source first:\n\n`,
    );
  } finally {
    store.close();
  }
  runStories({ db, json: false, facts: true }, out);
  return db;
}

export async function runDemo(
  out: NodeJS.WritableStream,
  options: { serve?: boolean } = {},
): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(sampleDir, 'manifest.json'), 'utf8')) as {
    articles?: ManifestEntry[];
  } & Record<string, unknown>;
  const entries = (manifest.articles ?? (Array.isArray(manifest) ? manifest : [])) as ManifestEntry[];
  const db = await ingestSample(entries, out);
  const ctx = defaultContext();
  const load = async (e: ManifestEntry) => {
    const article = await loadArticle(join(sampleDir, e.file as string));
    return { ...article, published: article.published ?? e.published };
  };
  const byFile = new Map(entries.filter((e) => e.file).map((e) => [e.file as string, e]));
  out.write(
    '\nEach article compared with its source (or, for independent and unrelated pieces, with the wire story):\n\n',
  );
  let showcase: string | undefined;
  for (const e of entries) {
    const other = counterpart(e, entries);
    if (!e.file || !other || !byFile.has(other.file)) continue;
    const source = byFile.get(other.file) as ManifestEntry;
    const result = compareArticles(await load(e), await load(source), ctx);
    const r = result.relation;
    out.write(
      `${e.file}\n  vs ${source.file}\n  → ${r.type} (expected ${other.expected}), direction ${r.direction}, ` +
        `coverage ${Math.round(r.coverageA * 100)}% / ${Math.round(r.coverageB * 100)}%\n\n`,
    );
    if (e.role === 'rewrite' && !showcase) showcase = renderTerminal(result, { color: false, width: 100 });
  }
  if (showcase) out.write(`The rewrite in detail:\n\n${showcase}`);
  if (options.serve) {
    out.write('\n');
    return runServe({ db, port: process.env.PORT ?? '8080' }, out);
  }
  rmSync(dirname(db), { recursive: true, force: true });
  return 0;
}
