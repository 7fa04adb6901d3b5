/**
 * The thread of `BackgroundCheckpoints`: watches the WAL of one database and checkpoints it
 * (PASSIVE: never waiting for the writer or readers) once `pages` pages wait to be copied.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Slot } from './checkpoints.js';

const { file, pages, counters } = workerData as { file: string; pages: number; counters: Int32Array };
/** How often the WAL is looked at while it is below `pages` (ms). */
const POLL_MS = 250;

const db = new Database(file);
db.pragma('synchronous = NORMAL');
const header = Buffer.alloc(4);
let shm: number | undefined;
/** The header's integers are in the machine's own byte order. */
const u32 = (b: Buffer) => (endianness() === 'LE' ? b.readUInt32LE(0) : b.readUInt32BE(0));

/** Pages in the WAL not yet copied into the database, read from the WAL-index header. */
function waiting(): number {
  try {
    shm ??= openSync(`${file}-shm`, 'r');
    readSync(shm, header, 0, 4, 16);
    const frames = u32(header);
    readSync(shm, header, 0, 4, 96);
    return frames - u32(header);
  } catch {
    return 0; // no WAL-index yet
  }
}

while (Atomics.load(counters, Slot.Stop) === 0) {
  if (waiting() >= pages) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy with the writer's own checkpoint: the next look will do.
    }
    Atomics.add(counters, Slot.Done, 1);
  } else {
    Atomics.wait(counters, Slot.Done, Atomics.load(counters, Slot.Done), POLL_MS);
  }
}
if (shm !== undefined) closeSync(shm);
db.close();
Atomics.store(counters, Slot.Closed, 1);
Atomics.notify(counters, Slot.Closed);
