/**
 * The checkpointing thread as the built package runs it (the thread's script exists only in
 * `dist/`; npm test builds first): a writer's WAL is copied into the database while the store is
 * open, the WAL starts again from its beginning instead of growing with every commit, and closing
 * the store leaves one whole database and no WAL.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFromText } from '../article/build.js';
import type { openSqliteStore as OpenStore } from './sqlite.js';
import type { ArticleWrite } from './store.js';

const built = join(import.meta.dirname, '..', '..', 'dist', 'store', 'sqlite.js');
const present = existsSync(built);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newstrace-checkpoints-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An article whose index rows land all over their tables, as real ones do. */
function write(k: number, random: () => number): ArticleWrite {
  const id = `c${k}`;
  const u32 = (n: number) => Uint32Array.from({ length: n }, () => Math.floor(random() * 2 ** 32));
  const words = u32(30).map((w) => w % 5000);
  const termIds = Uint32Array.from(new Set(words));
  return {
    article: articleFromText(`Article ${id} tells of the harbour bridge and its ${k} cables.`, {
      id,
      title: `Title ${id}`,
    }),
    source: `${id}.txt`,
    bandKeys: u32(25),
    passageKeys: u32(20),
    terms: Array.from(u32(20), (t) => `term${t % 100_000}`),
    surface: {
      words,
      sentenceWords: Uint32Array.of(words.length),
      quoted: new Uint8Array(words.length),
      termIds,
      termWeights: Float32Array.from(termIds, () => 1),
      sortedTermIds: termIds.slice().sort(),
    },
    relations: [],
  };
}

/** Pages in the WAL (`mxFrame` of the WAL-index header, see checkpoints.ts). */
function walFrames(file: string): number {
  return readFileSync(`${file}-shm`).readUInt32LE(16);
}

describe.skipIf(!present)('checkpoints on a thread of their own', () => {
  it('copy the WAL while the writer goes on, start it again, and close cleanly', async () => {
    const { openSqliteStore } = (await import(built)) as { openSqliteStore: typeof OpenStore };
    const file = join(dir, 'w.db');
    const store = openSqliteStore(file, { checkpointPages: 500 });
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    let walHigh = 0;
    let restarts = 0;
    let last = 0;
    let appended = 0;
    for (let k = 0; k < 3000; k++) {
      store.writeArticle(write(k, random));
      if (k % 50 === 49) {
        store.flush();
        const frames = walFrames(file);
        if (frames < last) restarts++;
        appended += frames < last ? frames : frames - last;
        last = frames;
        walHigh = Math.max(walHigh, statSync(`${file}-wal`).size);
        // The thread works while this one does: give it a moment, as the writer's own work would.
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    store.flush();
    // Only the thread checkpoints while the store is open (SQLite's own checkpoints are off): the
    // database file holds most of what was written.
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
    expect(restarts).toBeGreaterThan(1);
    store.close();
    // The last connection closed: everything copied, the WAL removed, every article there once.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(3000);
    expect(db.prepare('SELECT COUNT(*) FROM lsh').pluck().get()).toBe(3000 * 25);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const page = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Without restarts the WAL would hold every page of every commit.
    expect(walHigh).toBeLessThan((appended * page) / 2);
  }, 120_000);
});
