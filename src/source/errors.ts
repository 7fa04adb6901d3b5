/**
 * An input that cannot be read as an article, with a one-line message naming it. The CLI prints
 * the message as is; ingest records it as the reason the input was skipped.
 */
export type InputErrorCode = 'ENOENT' | 'EISDIR' | 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'UNREADABLE';

export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    readonly source: string,
    reason: string,
  ) {
    super(`newstrace: cannot read '${source}': ${reason}`);
  }
}
