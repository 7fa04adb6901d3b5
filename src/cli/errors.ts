import { writeFileSync } from 'node:fs';

/** A mistake in how the command was called: printed as one line with a hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const UNWRITABLE: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Writes a report the user asked for (`--html FILE`), and says so; a path it cannot write is said in words. */
export function writeReport(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Error(`cannot write ${file}: ${UNWRITABLE[code] ?? (code || String(e))}`);
  }
  process.stderr.write(`newstrace: wrote ${file}\n`);
}

/** An input that could not be read, as a line: the reader's own message, or its source and reason. */
export const inputFailure = (source: string, reason: string): string =>
  reason.startsWith('newstrace:') ? reason : `newstrace: ${source}: ${reason}`;
