import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlob, isGlob } from './glob.js';

describe('glob patterns', () => {
  it('expands *, ?, ** and classes, in name order, skipping hidden entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newstrace-glob-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    for (const f of ['x1.html', 'x2.html', 'y.txt', 'a/z.html', 'a/b/w.html', '.hidden/h.html', 'a/b/q.txt'])
      writeFileSync(join(dir, f), 'page');
    const rel = async (p: string) => (await expandGlob(join(dir, p))).map((f) => f.slice(dir.length + 1));
    expect(await rel('*.html')).toEqual(['x1.html', 'x2.html']);
    expect(await rel('x?.html')).toEqual(['x1.html', 'x2.html']);
    expect(await rel('x[2].html')).toEqual(['x2.html']);
    expect(await rel('**/*.html')).toEqual(['a/b/w.html', 'a/z.html', 'x1.html', 'x2.html']);
    expect(await rel('a/**/*.txt')).toEqual(['a/b/q.txt']);
    expect(await rel('*.pdf')).toEqual([]);
    expect(isGlob('pages/*.html')).toBe(true);
    expect(isGlob('pages/a.html')).toBe(false);
  });
});
