/**
 * `similar` timed in a process of its own (`node similar-child.js DB SIZE`) on a corpus a bench
 * child has just built: a fresh process, as a server that has just started (and warmed up, as
 * `newstrace serve` does),
 * not one whose heap still holds the build's garbage (in the building process, collections of
 * that heap paused the probes: p99 115 ms at 100k, five times the first probes').
 */
import { defaultContext } from '../compare/context.js';
import { warmUp } from '../pipeline/warm-up.js';
import { openSqliteStore } from '../store/sqlite.js';
import { samplePool } from './generate.js';
import { benchSimilar } from './similar.js';

const [db, size] = [process.argv[2], Number(process.argv[3])];
const reader = openSqliteStore(db);
const ctx = defaultContext();
// As `newstrace serve` starts.
await warmUp(ctx, { store: reader });
console.log(`  ${benchSimilar(reader, ctx, await samplePool(), size)}`);
reader.close();
