/**
 * A comparison as one self-contained HTML page: the two articles side by side, aligned sentences
 * marked by kind and linked (hover or focus one to light up its partner), changed words marked,
 * facts and furniture listed. No external assets; article text is always escaped, never markup.
 */
import type { Comparison } from '../compare/compare.js';
import { directionInWords } from '../relate/sides.js';
import { citedFact, shownTitle } from './cite.js';
import { groupFacts } from './fact-groups.js';
import { wordDiff } from './word-diff.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function renderHtml(c: Comparison): string {
  const groupOfA = new Map<number, number>();
  const groupOfB = new Map<number, number>();
  c.alignments.forEach((al, g) => {
    for (const i of al.a) groupOfA.set(i, g);
    for (const j of al.b) groupOfB.set(j, g);
  });
  const column = (side: 'a' | 'b') => {
    const art = c[side];
    const groups = side === 'a' ? groupOfA : groupOfB;
    let section = -1;
    const parts: string[] = [];
    art.sentences.forEach((s, k) => {
      if (s.section !== section) {
        section = s.section;
        const title = art.sections[section]?.title;
        if (title) parts.push(`<h3>${escapeHtml(title)}</h3>`);
      }
      const g = groups.get(k);
      if (g === undefined) {
        parts.push(
          `<p class="s none" id="${side}${k}"><span class="n">${k + 1}</span>${escapeHtml(s.text)}</p>`,
        );
        return;
      }
      const al = c.alignments[g];
      const body = side === 'b' && al.kind !== 'related' ? diffMarkup(c, g) : escapeHtml(s.text);
      const shownBody = side === 'b' && al.b[0] !== k ? escapeHtml(s.text) : body;
      parts.push(
        `<p class="s ${al.kind}" id="${side}${k}" data-g="${g}" tabindex="0" title="${al.kind} ${al.score}">` +
          `<span class="n">${k + 1}</span>${shownBody}</p>`,
      );
    });
    return parts.join('\n');
  };
  const r = c.relation;
  const list = (xs: string[]) =>
    xs.length ? `<ul>${xs.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : '<p>—</p>';
  const groups = (facts: Parameters<typeof groupFacts>[0]) => {
    const found = groupFacts(facts);
    if (found.length === 0) return '<p>—</p>';
    const items = found.map((g) => `<dt>${g.heading}</dt><dd>${list(g.texts)}</dd>`);
    return `<dl class="facts">${items.join('')}</dl>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newstrace: ${escapeHtml(shownTitle(c.a))} ↔ ${escapeHtml(shownTitle(c.b))}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 6px}.verdict{font-size:15px}.verdict b{color:#0a5}
main{display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:16px 20px}
section.col{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px}
h2{font-size:16px;margin:6px 0}h3{font-size:14px;margin:14px 0 4px;color:#555}
.s{margin:4px 0;padding:3px 6px;border-left:4px solid transparent;border-radius:3px}
.s .n{display:inline-block;min-width:1.8em;color:#999;font-size:12px}
.verbatim{background:#dcefff;border-color:#2a7ad6}.near-verbatim{background:#e3f4e9;border-color:#2a9a55}
.paraphrase{background:#fff4d6;border-color:#d69a2a}.related{background:#f2f2f2;border-color:#aaa}
.none{color:#444}.s.hl{outline:2px solid #d33}
del{background:#fdd;color:#a00}ins{background:#cfc;text-decoration:none}
.legend span{padding:1px 6px;margin-right:6px;border-radius:3px}
footer{padding:0 20px 20px;display:grid;grid-template-columns:1fr 1fr;gap:16px}
footer section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px}
.conflict{color:#b00;font-weight:600}
dl.facts dt{font-weight:600;margin-top:6px}dl.facts dd{margin-left:12px}
</style></head><body>
<header>
<h1>${escapeHtml(shownTitle(c.a))} ↔ ${escapeHtml(shownTitle(c.b))}</h1>
<div class="verdict">Relation: <b>${r.type}</b>${directionInWords(r, 'A', 'B') ? ` · ${directionInWords(r, 'A', 'B')}` : ''} · coverage A ${Math.round(r.coverageA * 100)}%, B ${Math.round(r.coverageB * 100)}%</div>
${list(r.evidence)}
<div class="legend"><span class="verbatim">verbatim</span><span class="near-verbatim">near-verbatim</span><span class="paraphrase">paraphrase</span><span class="related">related</span> <del>only in A</del> <ins>only in B</ins></div>
</header>
<main>
<section class="col"><h2>A ${escapeHtml(c.a.source ?? '')}</h2>${column('a')}</section>
<section class="col"><h2>B ${escapeHtml(c.b.source ?? '')}</h2>${column('b')}</section>
</main>
<footer>
<section><h2>Facts</h2>
<h3 class="conflict">Conflicts</h3>${list(c.facts.conflicts.map((f) => `${citedFact(f.kind, f.a)} ≠ ${citedFact(f.kind, f.b)}: ${f.reason}`))}
<h3>Shared</h3>${groups(c.facts.shared)}
<h3>Only in A</h3>${groups(c.facts.onlyA)}
<h3>Only in B</h3>${groups(c.facts.onlyB)}
<h3>Meaning changes</h3>${list(c.changes.map((ch) => `alignment ${ch.alignment + 1}: ${ch.kind}: ${ch.detail}`))}
</section>
<section><h2>Furniture removed</h2>
<h3>A</h3>${list(c.a.furniture)}<h3>B</h3>${list(c.b.furniture)}
</section>
</footer>
<script>
for (const el of document.querySelectorAll('.s[data-g]')) {
  const on = (v) => document.querySelectorAll('.s[data-g="' + el.dataset.g + '"]').forEach((x) => x.classList.toggle('hl', v));
  el.addEventListener('mouseenter', () => on(true)); el.addEventListener('mouseleave', () => on(false));
  el.addEventListener('focus', () => on(true)); el.addEventListener('blur', () => on(false));
}
</script>
</body></html>
`;
}

/** B's side of an alignment with the words that differ from A marked. */
function diffMarkup(c: Comparison, g: number): string {
  const al = c.alignments[g];
  const textA = al.a.map((i) => c.a.sentences[i].text).join(' ');
  const textB = al.b.map((j) => c.b.sentences[j].text).join(' ');
  return wordDiff(textA, textB)
    .map((d) =>
      d.op === 'same'
        ? escapeHtml(d.text)
        : d.op === 'del'
          ? `<del>${escapeHtml(d.text)}</del>`
          : `<ins>${escapeHtml(d.text)}</ins>`,
    )
    .join(' ');
}
