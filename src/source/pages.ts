/** The page files under a path given on the command line (`extract`, `similar`). */
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Files in a directory that hold pages: text, HTML, and those gzipped; JSONL, web archives and
 * feeds, which hold many.
 */
const PAGE_FILE = /\.(txt|text|html?|xhtml|htm|jsonl|warc)(\.gz)?$|\.(rss|atom|xml)$|^[^.]+$/i;

/**
 * The files a path stands for: itself, or the page files below a folder (hidden ones and data such
 * as .json left out), sorted; a folder reached twice (a link back up the tree) is read once. A
 * path that is no file is given back as it is (`isFile` false): reading it says why.
 */
export async function* pageFiles(
  path: string,
  top = true,
  folders = new Set<string>(),
): AsyncGenerator<{ path: string; isFile: boolean }> {
  if (path === '-') {
    yield { path, isFile: false };
    return;
  }
  let stat: import('node:fs').Stats | undefined;
  try {
    stat = await fs.stat(path);
  } catch {
    stat = undefined; // readInput reports the missing file with its reason
  }
  if (!stat?.isDirectory()) {
    if (top || PAGE_FILE.test(basename(path))) yield { path, isFile: stat?.isFile() ?? false };
    return;
  }
  const folder = `${stat.dev}:${stat.ino}`;
  if (folders.has(folder)) return;
  folders.add(folder);
  const entries = (await fs.readdir(path, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) yield* pageFiles(join(path, e.name), false, folders);
}
