/**
 * Canonical keys for proper names, so that spelling variants collide: "Anwaar-ul-Haq" and
 * "Anwaarul Haq", "XI JINPING" and "Xi Jinping", "José" and "Jose".
 */
export function nameKey(phrase: string): string {
  return phrase
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.\-\s‐-‒–—]+/g, '');
}
