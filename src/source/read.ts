/**
 * Reading one input (a file path or `-` for stdin) into text: gunzipped when gzip, decoded with
 * the detected encoding, classified as a text page or HTML, with a clear `InputError` for
 * everything that is not an article (missing, a directory, empty, binary, too large).
 */
import { createReadStream, promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { createGunzip } from 'node:zlib';
import { decodeBytes } from './decode.js';
import { InputError } from './errors.js';

export interface Input {
  /** The path as given, or `-`. */
  source: string;
  text: string;
  encoding: string;
  kind: 'text' | 'html';
  /** Size of the (decompressed) content in bytes. */
  bytes: number;
}

export interface ReadOptions {
  /** Largest content accepted, after decompression. */
  maxBytes?: number;
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Why a path cannot be read, said in words where the system's code is cryptic. */
const UNREADABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

export async function readInput(source: string, opts: ReadOptions = {}): Promise<Input> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let raw: Uint8Array;
  if (source === '-') {
    raw = await readStream(opts.stdin ?? process.stdin, source, maxBytes);
  } else {
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(source);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError('ENOENT', source, 'no such file');
      throw new InputError('UNREADABLE', source, UNREADABLE[code ?? ''] ?? String(code));
    }
    if (stat.isDirectory()) throw new InputError('EISDIR', source, 'it is a directory (give article files)');
    if (!stat.isFile()) throw new InputError('UNREADABLE', source, 'not a regular file');
    if (stat.size > maxBytes && !source.endsWith('.gz')) {
      throw new InputError('TOO_LARGE', source, `${mb(stat.size)} is too large (limit ${mb(maxBytes)})`);
    }
    raw = await readStream(createReadStream(source), source, Math.max(maxBytes, 1));
  }
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = await gunzip(raw, source, maxBytes);
  return classify(source, raw);
}

/** Pure part of reading: bytes → an Input, or the reason they are not an article. */
export function classify(source: string, raw: Uint8Array): Input {
  const binary = binaryType(raw);
  if (binary) throw new InputError('BINARY', source, `it is a binary file (${binary}), not an article`);
  const { text, encoding } = decodeBytes(raw);
  if (!text.trim()) throw new InputError('EMPTY', source, 'the file is empty');
  if (looksBinary(text)) throw new InputError('BINARY', source, 'it is a binary file, not an article');
  const ext = extname(source.replace(/\.gz$/, '')).toLowerCase();
  const kind = ext === '.html' || ext === '.htm' || ext === '.xhtml' || looksLikeHtml(text) ? 'html' : 'text';
  return { source, text: text.replace(/^\uFEFF/, ''), encoding, kind, bytes: raw.length };
}

async function readStream(
  stream: NodeJS.ReadableStream,
  source: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > maxBytes) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        throw new InputError('TOO_LARGE', source, `more than ${mb(maxBytes)} (the limit)`);
      }
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new InputError('EISDIR', source, 'it is a directory (give article files)');
    throw new InputError('UNREADABLE', source, code ?? (err as Error).message);
  }
  return Buffer.concat(chunks);
}

async function gunzip(raw: Uint8Array, source: string, maxBytes: number): Promise<Uint8Array> {
  const gz = createGunzip();
  const done = readStream(gz, source, maxBytes);
  gz.end(raw);
  try {
    return await done;
  } catch (err) {
    if (err instanceof InputError && err.code === 'UNREADABLE') {
      throw new InputError('UNREADABLE', source, 'a damaged or truncated gzip file');
    }
    throw err;
  }
}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'executable'],
  [[0x52, 0x49, 0x46, 0x46], 'RIFF media'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite database'],
];

function binaryType(raw: Uint8Array): string | undefined {
  for (const [bytes, name] of MAGIC) if (bytes.every((b, i) => raw[i] === b)) return name;
  return undefined;
}

/** Decoded text with control characters other than whitespace is not prose. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32) || c === 0xfffd) && c !== 27) bad++;
  }
  return bad > n * 0.05;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) {
    return !head.startsWith('<?xml') || head.includes('<html');
  }
  const tags = head.match(/<(p|div|body|head|article|span|br|a|h[1-6])[\s>/]/g);
  return (tags?.length ?? 0) >= 3;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
