/**
 * A comparison as a readable terminal report: the verdict first, then the aligned sentences
 * with the words B changed marked, then the facts.
 */
import type { Comparison } from '../compare/compare.js';
import { directionInWords } from '../relate/sides.js';
import { citedFact, shownTitle } from './cite.js';
import { groupFacts } from './fact-groups.js';
import { wordDiff } from './word-diff.js';

export interface TerminalStyle {
  color: boolean;
  /** Column width to wrap at. */
  width: number;
}

const codes = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;

export function renderTerminal(c: Comparison, style: TerminalStyle = { color: false, width: 100 }): string {
  const paint = (code: keyof typeof codes, s: string) =>
    style.color ? `\x1b[${codes[code]}m${s}\x1b[0m` : s;
  const out: string[] = [];
  const r = c.relation;
  out.push(paint('bold', `A: ${shownTitle(c.a)}`) + (c.a.source ? paint('dim', `  ${c.a.source}`) : ''));
  out.push(paint('bold', `B: ${shownTitle(c.b)}`) + (c.b.source ? paint('dim', `  ${c.b.source}`) : ''));
  out.push('');
  out.push(
    `${paint('bold', 'Relation:')} ${paint('cyan', r.type)}${directionInWords(r, 'A', 'B') ? ` (${directionInWords(r, 'A', 'B')})` : ''}   ` +
      `coverage A ${pct(r.coverageA)}, B ${pct(r.coverageB)}`,
  );
  for (const e of r.evidence) out.push(`  - ${e}`);
  out.push('');

  const retold = c.alignments.filter((al) => al.kind !== 'related');
  out.push(paint('bold', `Aligned sentences (${retold.length})`));
  out.push(
    paint('dim', `  ${style.color ? 'red = only in A, green = only in B' : '[-only in A-] {+only in B+}'}`),
  );
  for (const al of c.alignments) {
    const textA = al.a.map((i) => c.a.sentences[i].text).join(' ');
    const textB = al.b.map((j) => c.b.sentences[j].text).join(' ');
    const label = `A${al.a.map((i) => i + 1).join(',')} ↔ B${al.b.map((j) => j + 1).join(',')}`;
    out.push('');
    out.push(`${paint('bold', label)}  ${paint('yellow', al.kind)} ${al.score.toFixed(2)}`);
    const diff = wordDiff(textA, textB)
      .map((d) => {
        if (d.op === 'same') return d.text;
        if (style.color) return paint(d.op === 'del' ? 'red' : 'green', d.text);
        return d.op === 'del' ? `[-${d.text}-]` : `{+${d.text}+}`;
      })
      .join(' ');
    out.push(...wrap(diff, style.width - 4).map((l) => `    ${l}`));
  }
  for (const ch of c.changes) {
    out.push(paint('red', `  ! meaning change in alignment ${ch.alignment + 1}: ${ch.kind}: ${ch.detail}`));
  }

  for (const side of ['a', 'b'] as const) {
    const only = unaligned(c[side].sentences.length, c.alignments, side);
    out.push('');
    out.push(paint('bold', `Only in ${side.toUpperCase()} (${only.length} sentences)`));
    out.push(...onlyIn(c, side, only, style.width, (s) => paint('dim', s)));
  }

  const f = c.facts;
  out.push('');
  out.push(paint('bold', 'Facts'));
  if (f.conflicts.length) {
    const conflict = (x: (typeof f.conflicts)[number]) =>
      x.kind === 'quote'
        ? `${citedFact(x.kind, x.a)} ≠ ${citedFact(x.kind, x.b)} (${x.reason})`
        : `${x.a} ≠ ${x.b}`;
    out.push(paint('red', `  in conflict (${f.conflicts.length})`));
    for (const x of f.conflicts)
      out.push(...wrap(conflict(x), style.width - 6).map((l) => paint('red', `    ${l}`)));
  }
  for (const [title, list] of [
    ['shared', f.shared],
    ['only in A', f.onlyA],
    ['only in B', f.onlyB],
  ] as const) {
    out.push(`  ${title} (${list.length})`);
    out.push(...factLines(list, style.width));
  }
  out.push('');
  out.push(
    paint(
      'dim',
      `Furniture removed: A ${c.a.furniture.length} lines, B ${c.b.furniture.length} lines (--json lists them)`,
    ),
  );
  return `${out.join('\n')}\n`;
}

/** Facts grouped by kind, one line of names per group, each quote on lines of its own. */
function factLines(list: ReadonlyArray<{ kind: string; text: string }>, width: number): string[] {
  if (list.length === 0) return ['    -'];
  const lines: string[] = [];
  for (const { heading, texts } of groupFacts(list)) {
    if (heading === 'quotes') {
      lines.push('    quotes:');
      for (const q of texts) lines.push(...wrap(q, width - 8).map((l) => `      ${l}`));
      continue;
    }
    const label = `${heading}: `.padEnd(15);
    const wrapped = wrap(texts.join('; '), width - 4 - label.length);
    lines.push(...wrapped.map((l, k) => `    ${k === 0 ? label : ' '.repeat(label.length)}${l}`));
  }
  return lines;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function unaligned(count: number, alignments: Comparison['alignments'], side: 'a' | 'b'): number[] {
  const seen = new Set<number>();
  for (const al of alignments) if (al.kind !== 'related') for (const k of al[side]) seen.add(k);
  const out: number[] = [];
  for (let k = 0; k < count; k++) if (!seen.has(k)) out.push(k);
  return out;
}

/** Sentences listed at most per side: the rest are a count (the JSON has them all). */
const LISTED = 12;

/**
 * What one side says that the other does not: its sentences, except that a section of a page of
 * several stories none of whose sentences is retold is one line (another story on the same page).
 */
function onlyIn(
  c: Comparison,
  side: 'a' | 'b',
  only: number[],
  width: number,
  dim: (s: string) => string,
): string[] {
  const { sentences, sections } = c[side];
  const sectionOf = (k: number) => sentences[k].section ?? 0;
  const onlyOf = new Set(only);
  const retoldIn = new Set(sentences.flatMap((_, k) => (onlyOf.has(k) ? [] : [sectionOf(k)])));
  const otherStory = (section: number) => sections.length > 1 && !retoldIn.has(section);
  const listable = only.filter((k) => !otherStory(sectionOf(k)));
  const out: string[] = [];
  for (const k of listable.slice(0, LISTED)) {
    const lines = wrap(sentences[k].text, width - 8);
    const label = `${side.toUpperCase()}${k + 1}`;
    out.push(`  ${label.padEnd(5)} ${lines[0]}`, ...lines.slice(1).map((l) => `        ${l}`));
  }
  if (listable.length > LISTED) out.push(dim(`  … and ${listable.length - LISTED} more (--json lists them)`));
  for (const section of new Set(only.map(sectionOf).filter(otherStory))) {
    const count = only.filter((k) => sectionOf(k) === section).length;
    const title = sections[section]?.title;
    const name = title ? `"${title}"` : `section ${section + 1}`;
    out.push(dim(`  ${name}: another story on the page, ${count} sentences, none retold`));
  }
  return out;
}

/** Wraps on spaces; escape sequences count as zero width. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of text.split(' ')) {
    const w = word.replace(/\x1b\[[0-9;]*m/g, '').length;
    if (visible && visible + 1 + w > width) {
      lines.push(line);
      line = word;
      visible = w;
    } else {
      line = visible ? `${line} ${word}` : word;
      visible += (visible ? 1 : 0) + w;
    }
  }
  if (line) lines.push(line);
  return lines;
}
