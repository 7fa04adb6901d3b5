/**
 * Glob patterns given to `newstrace ingest` quoted (or on a shell that does not expand them, or
 * too many files for an argument list): `pages/*.html`, `crawl/**\/*.warc.gz`. `*` and `?` stay
 * within a path segment, `**` spans segments, `[abc]` is a class. Hidden entries are skipped, as
 * when a folder is walked.
 */
import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';

export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** The files matching `pattern`, in name order; none when nothing matches. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const fixed = parts.findIndex(isGlob);
  const base = parts.slice(0, fixed).join(sep) || (pattern.startsWith('/') ? '/' : '.');
  const matcher = globRegex(parts.slice(fixed).join('/'));
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries
      .filter((x) => !x.name.startsWith('.'))
      .sort((x, y) => x.name.localeCompare(y.name))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(dir, e.name), path);
      else if (matcher.test(path)) out.push(join(base, ...path.split('/')));
    }
  };
  await walk(base, '');
  return out;
}

function globRegex(glob: string): RegExp {
  let re = '';
  for (let k = 0; k < glob.length; k++) {
    const c = glob[k];
    if (c === '*' && glob[k + 1] === '*') {
      // "**/" matches any number of folders, none included
      re += glob[k + 2] === '/' ? '(?:.*/)?' : '.*';
      k += glob[k + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', k + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(k + 1, end).replace(/\\/g, '\\\\')}]`;
        k = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
