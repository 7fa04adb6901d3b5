/**
 * Word-level difference of two aligned passages, for showing a reader what a rewrite changed.
 * Words are compared as the similarity stage reads them, so "Defence," and "defense", or "ten"
 * and "10", count as the same word.
 */
import { TokenKind, tokenize } from '../text/tokens.js';

/** A run of words: kept (`text` as B writes it, `textA` as A does), deleted from A, or inserted by B. */
export type DiffOp = { op: 'same'; text: string; textA: string } | { op: 'del' | 'ins'; text: string };

export function wordDiff(a: string, b: string): DiffOp[] {
  const wa = a.split(/\s+/).filter(Boolean);
  const wb = b.split(/\s+/).filter(Boolean);
  const ka = wa.map(key);
  const kb = wb.map(key);
  const n = wa.length;
  const m = wb.length;
  // LCS table; passages are sentences (tens of words), so O(n·m) is small.
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        ka[i] === kb[j]
          ? table[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) {
      push(ops, 'same', wb[j], wa[i]);
      i++;
      j++;
    } else if (i < n && (j === m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1])) {
      // Deletions before insertions: "[-old-] {+new+}" reads as a replacement.
      push(ops, 'del', wa[i++]);
    } else {
      push(ops, 'ins', wb[j++]);
    }
  }
  return ops;
}

/**
 * What a word stands for, as the similarity stage reads it: case, surrounding punctuation,
 * spelling variants and number words aside ("Defence," = "defense", "ten" = "10").
 */
function key(word: string): string {
  const t = tokenize(word);
  const parts: string[] = [];
  for (let k = 0; k < t.count; k++)
    if (t.kind[k] === TokenKind.Word || t.kind[k] === TokenKind.Number) parts.push(t.norm[k]);
  return parts.length ? parts.join(' ') : word.toLowerCase();
}

function push(ops: DiffOp[], op: DiffOp['op'], word: string, wordA = word): void {
  const last = ops[ops.length - 1];
  if (last && last.op === op) {
    last.text += ` ${word}`;
    if (last.op === 'same') last.textA += ` ${wordA}`;
  } else ops.push(op === 'same' ? { op, text: word, textA: wordA } : { op, text: word });
}
