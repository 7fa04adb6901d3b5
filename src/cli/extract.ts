/**
 * `newstrace extract FILE|DIR… [--jsonl]`: the article of each page, with its metadata and the
 * furniture set apart. Directories are read recursively (hidden files skipped); every input gets
 * a record, an unreadable one a record with its error, and the exit code says whether any failed.
 */

import { withMeta } from '../article/build.js';
import type { ExtractedPage } from '../article/types.js';
import { pagesOfPaths, RecordError } from '../pipeline/ingest.js';
import { extractPage } from '../pipeline/page.js';
import { InputError } from '../source/index.js';
import { inputFailure, UsageError } from './errors.js';

export interface ExtractRecord {
  source: string;
  title: string;
  text: string;
  sections: ExtractedPage['sections'];
  published?: string;
  modified?: string;
  authors: string[];
  site?: string;
  url?: string;
  lang?: string;
  description?: string;
  /** Why no article came out of the page, when none did. */
  noArticle?: string;
  /** What was removed, each piece shortened. */
  furniture: string[];
}

export async function runExtract(
  paths: string[],
  flags: { jsonl: boolean },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('extract needs at least one file or directory');
  let failed = 0;
  let count = 0;
  let empty = 0;
  const fail = (source: string, error: string) => {
    count++;
    failed++;
    if (flags.jsonl) out.write(`${JSON.stringify({ source, error })}\n`);
    else err.write(`${inputFailure(source, error)}\n`);
  };
  // A JSONL file, a web archive or a feed holds many pages, each read as ingest reads it.
  for await (const item of pagesOfPaths(paths, fail)) {
    try {
      const raw = await item.read();
      const page = withMeta(extractPage(raw.content, raw.kind, { url: raw.meta.url }), raw.meta);
      const record = toRecord(item.source, page);
      count++;
      if (record.noArticle) empty++;
      out.write(flags.jsonl ? `${JSON.stringify(record)}\n` : readable(record));
    } catch (e) {
      if (!(e instanceof InputError || e instanceof RecordError)) throw e;
      fail(item.source, e.message);
    }
  }
  if (!flags.jsonl || failed)
    err.write(
      `newstrace: ${count - failed - empty} of ${count} inputs extracted` +
        `${empty ? `, ${empty} with no article text` : ''}${failed ? `, ${failed} failed` : ''}\n`,
    );
  return failed ? 1 : 0;
}

function toRecord(source: string, page: ExtractedPage): ExtractRecord {
  return {
    source,
    title: page.title,
    text: page.text,
    sections: page.sections,
    published: page.published,
    modified: page.modified,
    authors: page.authors ?? [],
    site: page.site,
    url: page.url,
    lang: page.lang,
    description: page.description,
    // Said of every page without article text, as ingest skips it: "no block of prose", or this.
    noArticle: page.noArticle ?? (page.text.trim() ? undefined : 'no article text found'),
    furniture: page.furniture.map((f) => (f.length > 120 ? `${f.slice(0, 117)}...` : f)),
  };
}

function readable(r: ExtractRecord): string {
  const lines = [`== ${r.source}`, `title:     ${r.title || '(none)'}`];
  const meta: Array<[string, string | undefined]> = [
    ['published', r.published],
    ['modified', r.modified],
    ['authors', r.authors.join(', ') || undefined],
    ['site', r.site],
    ['url', r.url],
    ['lang', r.lang],
  ];
  for (const [k, v] of meta) if (v) lines.push(`${k.padEnd(10)} ${v}`);
  if (r.noArticle) lines.push(`no article: ${r.noArticle}`);
  if (r.sections.length > 1)
    lines.push(`sections:  ${r.sections.map((s) => s.title ?? '(lead)').join(' | ')}`);
  lines.push('', ...(r.text ? [r.text, ''] : []));
  if (r.furniture.length)
    lines.push(`furniture removed (${r.furniture.length}):`, ...r.furniture.map((f) => `  - ${f}`), '');
  return `${lines.join('\n')}\n`;
}
