/**
 * Canonical keys for proper names, so that spelling variants collide: "Anwaar-ul-Haq" and
 * "Anwaarul Haq", "XI JINPING" and "Xi Jinping", "José" and "Jose".
 */
export function nameKey(phrase: string): string {
  return withoutAccents(phrase)
    .toLowerCase()
    .replace(/['’.\-\s‐-‒–—]+/g, '');
}

const ASCII = /^[\x00-\x7f]*$/;

/** Accents dropped ("José" → "Jose"); ASCII text has none, and most names are ASCII. */
export function withoutAccents(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFKD').replace(/\p{M}/gu, '');
}
