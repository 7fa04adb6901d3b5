/**
 * `newstrace compare A B [--json] [--html FILE]` and `newstrace compare --pairs FILE.jsonl`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Article } from '../article/types.js';
import { compareArticles } from '../compare/compare.js';
import { defaultContext } from '../compare/context.js';
import { holdsPages, type PendingPage, pagesOfPaths, RecordError } from '../pipeline/ingest.js';
import { loadArticle } from '../pipeline/load-article.js';
import { articleFromPage } from '../pipeline/page.js';
import { extractRaw } from '../pipeline/prepare.js';
import { renderHtml } from '../report/html.js';
import { renderTerminal } from '../report/terminal.js';
import { UsageError, writeReport } from './errors.js';

export interface CompareFlags {
  json: boolean;
  html?: string;
  pairs?: string;
}

export async function runCompare(
  paths: string[],
  flags: CompareFlags,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (flags.pairs) {
    if (paths.length) throw new UsageError('give either two articles or --pairs FILE, not both');
    return runPairs(flags.pairs, out);
  }
  if (paths.length !== 2) throw new UsageError('compare needs two articles: newstrace compare A B');
  if (paths[0] === '-' && paths[1] === '-')
    throw new UsageError('only one of the two articles can be read from stdin');
  const [a, b] = await Promise.all(paths.map((p) => articleAt(p)));
  const result = compareArticles(a, b, defaultContext());
  if (flags.html) writeReport(flags.html, renderHtml(result));
  if (flags.json) out.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (!flags.html || out !== process.stdout || process.stdout.isTTY) {
    const isTTY = (out as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
    out.write(
      renderTerminal(result, {
        color: isTTY,
        width: Math.min((out as NodeJS.WriteStream).columns ?? 100, 120),
      }),
    );
  }
  if (flags.html) process.stderr.write(`newstrace: wrote ${flags.html}\n`);
  return 0;
}

type PairSide = { text: string; title?: string; published?: string } | { html: string } | { path: string };

/**
 * Many pairs in one process. Each input line is compared on its own: a bad line yields an error
 * line naming it and the run goes on; the exit code says whether any line failed.
 */
async function runPairs(file: string, out: NodeJS.WritableStream): Promise<number> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const ctx = defaultContext();
  let lineNo = 0;
  let failed = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      let id: unknown = null;
      try {
        const row = JSON.parse(line) as { id?: unknown; a?: PairSide; b?: PairSide };
        id = row.id ?? null;
        if (!row.a || !row.b) throw new Error('each line needs "a" and "b"');
        const [a, b] = await Promise.all([sideArticle(row.a), sideArticle(row.b)]);
        out.write(`${JSON.stringify({ id, ...compareArticles(a, b, ctx) })}\n`);
      } catch (err) {
        failed++;
        const message = err instanceof SyntaxError ? `invalid JSON: ${err.message}` : (err as Error).message;
        out.write(`${JSON.stringify({ id, line: lineNo, error: message })}\n`);
      }
    }
  } catch (err) {
    throw new UsageError(
      `cannot read pairs file '${file}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (failed) process.stderr.write(`newstrace: ${failed} of the pairs failed (see their "error" lines)\n`);
  return failed ? 1 : 0;
}

/**
 * The article at a path: a page, or the one page of a JSONL file, a web archive or a feed, read as
 * ingest reads it (one that holds several is refused, naming the command that lists them).
 */
async function articleAt(path: string): Promise<Article> {
  if (!holdsPages(path)) return loadArticle(path);
  const pages: PendingPage[] = [];
  const unread: string[] = [];
  for await (const page of pagesOfPaths([path], (source, reason) => unread.push(`${source}: ${reason}`)))
    pages.push(page);
  if (pages.length + unread.length !== 1)
    throw new UsageError(
      `${path} holds ${pages.length + unread.length} pages and compare takes one a side: \`newstrace extract ${path}\` lists them`,
    );
  if (unread.length) throw new Error(`cannot read ${unread[0]}`);
  try {
    return extractRaw(await pages[0].read());
  } catch (e) {
    if (e instanceof RecordError) throw new Error(`cannot read ${pages[0].source}: ${e.message}`);
    throw e;
  }
}

async function sideArticle(side: PairSide): Promise<Article> {
  if (typeof side !== 'object' || side === null) throw new Error('"a" and "b" must be objects');
  if ('path' in side && typeof side.path === 'string') return articleAt(side.path);
  if ('html' in side && typeof side.html === 'string') return articleFromPage(side.html, 'html');
  if ('text' in side && typeof side.text === 'string') {
    const article = articleFromPage(side.text, 'text', { title: side.title, published: side.published });
    if (article.sentences.length === 0) throw new Error('the article text is empty');
    return article;
  }
  throw new Error('each side needs "text", "html" or "path"');
}
