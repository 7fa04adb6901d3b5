/**
 * Bytes → text with the encoding detected: a byte-order mark, then (for HTML) a declared charset,
 * then strict UTF-8, then UTF-16 without a mark (recognised by its NUL bytes), and finally
 * windows-1252, the superset of latin-1 that old news archives (METER among them) are written in.
 * Invalid UTF-8 is therefore not an error: it is read as windows-1252 and `encoding` says so.
 */

export interface Decoded {
  text: string;
  encoding: string;
}

const LABELS: Record<string, string> = Object.assign(Object.create(null), {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
});

export function decodeBytes(buf: Uint8Array, hint?: string): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decode(buf.subarray(3), 'utf-8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return decode(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return decode(buf.subarray(2), 'utf-16be');
  const utf16 = guessUtf16(buf);
  if (utf16) return decode(buf, utf16);
  const declared = hint ?? declaredCharset(buf);
  if (declared) {
    const label = LABELS[declared.toLowerCase()] ?? declared.toLowerCase();
    try {
      if (label !== 'utf-8') return decode(buf, label);
    } catch {
      // An unknown label falls through to detection.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return decode(buf, 'windows-1252');
  }
}

function decode(buf: Uint8Array, encoding: string): Decoded {
  return { text: new TextDecoder(encoding).decode(buf), encoding };
}

/** UTF-16 without a BOM: ASCII-range text has a NUL in every other byte. */
function guessUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the top. */
function declaredCharset(buf: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m?.[1];
}
