/**
 * A file of named typed arrays: a JSON header, then each array's bytes aligned to 8. Reading it
 * is one `readFileSync` and one view per array, with no copying and no parsing of the data.
 */
type ArrayKind = 'u8' | 'i8' | 'u32' | 'i32' | 'f32';
export type Stored = Uint8Array | Int8Array | Uint32Array | Int32Array | Float32Array;

const MAGIC = 0x584c544e; // "NTLX"

interface Header {
  meta: Record<string, unknown>;
  sections: Record<string, { kind: ArrayKind; offset: number; length: number }>;
}

function kindOf(a: Stored): ArrayKind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int8Array) return 'i8';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f32';
}

export function encodeContainer(meta: Record<string, unknown>, arrays: Record<string, Stored>): Uint8Array {
  const sections: Header['sections'] = {};
  let at = 0;
  for (const [name, a] of Object.entries(arrays)) {
    sections[name] = { kind: kindOf(a), offset: at, length: a.length };
    at += Math.ceil(a.byteLength / 8) * 8;
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify({ meta, sections } satisfies Header));
  const dataStart = Math.ceil((12 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(dataStart + at);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, 1, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  for (const [name, a] of Object.entries(arrays)) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + sections[name].offset);
  }
  return out;
}

export function decodeContainer(buf: Uint8Array): {
  meta: Record<string, unknown>;
  arrays: Record<string, Stored>;
} {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 12 || view.getUint32(0, true) !== MAGIC)
    throw new Error('not a newstrace lexicon cache');
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + headerLength))) as Header;
  const dataStart = Math.ceil((12 + headerLength) / 8) * 8;
  const arrays: Record<string, Stored> = {};
  // Typed-array views need aligned offsets; Buffer pools may not give that, so copy once if not.
  const base = (buf.byteOffset + dataStart) % 8 === 0 ? buf : new Uint8Array(buf);
  for (const [name, s] of Object.entries(header.sections)) {
    const byteOffset = base.byteOffset + dataStart + s.offset;
    const ctor = { u8: Uint8Array, i8: Int8Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array }[
      s.kind
    ];
    arrays[name] = new ctor(base.buffer as ArrayBuffer, byteOffset, s.length);
  }
  return { meta: header.meta, arrays };
}
