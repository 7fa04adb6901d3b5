/**
 * A story, or one stored article, as one self-contained HTML page (`newstrace show ID --html FILE`):
 * for a story its provenance graph (an arc diagram in time order: who took from whom), its
 * articles, the relations with their evidence, its key facts and the facts matrix; for an article
 * its text and relations. No external assets; article text is always escaped, never markup.
 */
import type { Article } from '../article/types.js';
import { closestFirst } from '../relate/relate.js';
import { nameSides, whoFromWhom } from '../relate/sides.js';
import { type StoredRelation, seenFrom } from '../store/store.js';
import { keyFacts, type RetellingClaims, type StoryFacts } from '../story/facts.js';
import { isDirected, type Story, type StoryEdge } from '../story/stories.js';
import { arcDiagram } from './arcs.js';
import { COPIES_LISTED, citedFact, foldAlike, shownTime, shownTitle } from './cite.js';
import { escapeHtml } from './html.js';

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:19px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 8px}
main{padding:4px 20px 30px;max-width:1200px}
.meta{color:#555;font-size:13px}
table{border-collapse:collapse;background:#fff;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.role{font-weight:600}.origin{color:#0a5}.copy{color:#777}.rewrite{color:#c0392b}
.partial-reuse{color:#d35400}.independent{color:#1f5fa8}
details{margin:2px 0}summary{cursor:pointer}
.conflict{background:#fde2e2}
svg text{font:11px system-ui,sans-serif}
.legend span{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
p.s{margin:4px 0}
`;

/** Edge colours by relation type (the legend names them). */
const EDGE_COLOUR: Record<string, string> = {
  duplicate: '#888',
  'near-duplicate': '#888',
  rewrite: '#c0392b',
  'partial-reuse': '#d35400',
  'same-story': '#1f5fa8',
};

/** What a relation's direction adds to its arrow: nothing, where the arrow says it. */
const DIRECTION_NOTE: Record<string, string> = {
  unknown: 'who took from whom is not known',
  'common-source': 'both from a common source',
};

/** Evidence line `x` of edge `e`, its articles named by their labels (`[3]`) rather than A and B. */
const sidesOf =
  (label: ReadonlyMap<string, string>) =>
  (e: StoryEdge, x: string): string =>
    nameSides(x, label.get(e.from) ?? 'A', label.get(e.to) ?? 'B');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newstrace: ${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

const when = (iso?: string | null) => (iso ? escapeHtml(shownTime(iso)) : '(undated)');

/**
 * The provenance graph: each article's closest relation to where it comes from (`lineage`), and
 * where that leaves relations out, every relation under it, folded (a big story's every pair of
 * reports is a thicket); with a legend.
 */
function provenanceGraph(story: Story, label: Map<string, string>): string {
  const tree = story.edges.filter((e) => e.closest);
  const all =
    tree.length < story.edges.length
      ? `<p class="meta">Each article's closest relation to where it comes from: ${tree.length} of ${story.edges.length} relations.</p><details><summary>All ${story.edges.length} relations</summary>${arcSvg(story, label, 'all-')}</details>`
      : '';
  return `${arcSvg({ ...story, edges: tree }, label, '')}${all}
<div class="legend"><span><i style="background:#888"></i>copy</span><span><i style="background:#c0392b"></i>rewrite</span><span><i style="background:#d35400"></i>partial reuse</span><span><i style="background:#1f5fa8"></i>same event, reported independently</span><span>above the line, arrows point from the article that took to its source; below, no direction is known; bold ring: the origin; +n: its copies</span></div>`;
}

/** An arc diagram (`arcs.ts`) of the story's articles and `story.edges` (`ids`: a prefix for its markers' ids). */
function arcSvg(story: Story, label: Map<string, string>, ids: string): string {
  const sides = sidesOf(label);
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  // A node standing for copies too is drawn larger (one look-up a node, not a walk of the story).
  const copied = new Set(story.articles.flatMap((a) => (a.copyOf ? [a.copyOf] : [])));
  const radius = (id: string) => (copied.has(id) ? 9 : 7);
  const diagram = arcDiagram(story, { step: 70, margin: 40, maxRise: 160, radius });
  const arcs = diagram.arcs.map(({ edge: e, d, directed }) => {
    const colour = EDGE_COLOUR[e.type] ?? '#999';
    const marker = directed ? ` marker-end="url(#${ids}arrow-${e.type})"` : '';
    const dash = e.type === 'same-story' ? ' stroke-dasharray="4 3"' : '';
    // Drawn from the derived article to its source: the arrowhead marks what was taken from, as
    // "[1] ← [3]" does in the list below it.
    return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash}${marker}><title>${escapeHtml(
      `${label.get(e.from)} ${e.type} of ${label.get(e.to)}: ${sides(e, e.evidence[0] ?? '')}`,
    )}</title></path>`;
  });
  const markers = Object.entries(EDGE_COLOUR)
    .map(
      ([type, colour]) =>
        `<marker id="${ids}arrow-${type}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`,
    )
    .join('');
  const line = diagram.line;
  const dots = diagram.nodes.map(({ id, x, copies }) => {
    const a = byId.get(id) as Story['articles'][number];
    return (
      `<circle cx="${x}" cy="${line}" r="${radius(id)}" fill="#fff" stroke="#333" stroke-width="${id === story.origin ? 3 : 1.5}"><title>${escapeHtml(`${label.get(id)} ${shownTitle(a)} (${a.site ?? a.source ?? ''}, ${a.role})`)}</title></circle>` +
      `<text x="${x}" y="${line + 4}" text-anchor="middle">${escapeHtml((label.get(id) ?? '').slice(1, -1))}</text>` +
      (copies ? `<text x="${x}" y="${line - 13}" text-anchor="middle">+${copies}</text>` : '')
    );
  });
  return `<svg width="${diagram.width}" height="${diagram.height}" role="img" aria-label="provenance graph"><defs>${markers}</defs>${arcs.join('')}${dots.join('')}</svg>`;
}

/**
 * The story's articles as table rows (`rows`, one an article): all in one table, or where the
 * story has more than `COPIES_LISTED` copies, its own articles and then, folded, its copies.
 */
function articleTables(story: Story, rows: string[]): string {
  const head = '<tr><th></th><th>published</th><th>role</th><th>site</th><th>title</th><th>id</th></tr>';
  const copies = story.articles.filter((a) => a.copyOf).length;
  if (copies <= COPIES_LISTED) return `<table>${head}${rows.join('\n')}</table>`;
  const own = rows.filter((_, k) => !story.articles[k].copyOf);
  const copied = rows.filter((_, k) => story.articles[k].copyOf);
  return `<table>${head}${own.join('\n')}</table>
<details><summary>Its ${copies} copies</summary><table>${head}${copied.join('\n')}</table></details>`;
}

export function renderStoryHtml(story: Story, facts: StoryFacts, claims: RetellingClaims[] = []): string {
  const label = new Map(story.articles.map((a, k) => [a.id, `[${k + 1}]`]));
  const sides = sidesOf(label);
  const rows = story.articles.map(
    (a, k) =>
      `<tr><td>[${k + 1}]</td><td>${when(a.published)}</td><td class="role ${escapeHtml(a.role)}">${a.copyOf ? `${a.sameTextOnly ? 'same text as' : 'copy of'} ${escapeHtml(label.get(a.copyOf) ?? a.copyOf)}` : escapeHtml(a.role)}</td><td>${escapeHtml(a.site ?? a.source ?? '')}</td><td>${escapeHtml(shownTitle(a))}</td><td><code>${escapeHtml(a.id)}</code></td></tr>`,
  );
  const edges = story.edges.map((e) => {
    const arrow = isDirected(e) ? '←' : '—';
    return `<li><details><summary>${escapeHtml(`${label.get(e.to)} ${arrow} ${label.get(e.from)}`)}: <b class="${escapeHtml(e.type)}">${escapeHtml(e.type)}</b>${e.via?.length ? ` through ${escapeHtml(e.via.map((id) => label.get(id)).join(', '))}` : ''}${DIRECTION_NOTE[e.direction] ? ` (${DIRECTION_NOTE[e.direction]})` : ''}</summary><ul>${e.evidence.map((x) => `<li>${escapeHtml(sides(e, x))}</li>`).join('')}</ul></details></li>`;
  });
  const key = keyFacts(facts);
  const conflictTexts = facts.conflicts.map((list) => new Set(list.map((c) => c.text)));
  const matrix = facts.rows.map(
    (r) =>
      `<tr><td>${escapeHtml(r.kind)}</td><td>${escapeHtml(r.text)}</td>${r.cells
        .map((c, k) =>
          c === null
            ? '<td></td>'
            : `<td${conflictTexts[k].has(c) ? ' class="conflict" title="differs from the origin"' : ''}>${c === r.text ? '✓' : escapeHtml(c)}</td>`,
        )
        .join('')}</tr>`,
  );
  const differences = facts.differences.flatMap((d, k) =>
    d.adds.length || d.leavesOut.length
      ? [
          `<li>${escapeHtml(label.get(facts.articles[k].id) ?? '')}${d.adds.length ? ` adds <b>${escapeHtml(d.adds.join(', '))}</b>` : ''}${d.adds.length && d.leavesOut.length ? ';' : ''}${d.leavesOut.length ? ` leaves out <s>${escapeHtml(d.leavesOut.join(', '))}</s>` : ''}</li>`,
        ]
      : [],
  );
  const conflicts = facts.conflicts.flatMap((list, k) =>
    list.map(
      (c) =>
        `<li>${escapeHtml(label.get(facts.articles[k].id) ?? '')} says ${escapeHtml(citedFact(c.kind, c.text))}, the origin ${escapeHtml(citedFact(c.kind, c.origin))} (${escapeHtml(c.reason)})</li>`,
    ),
  );
  const said = claims.flatMap((c) =>
    c.adds.length || c.leavesOut.length || c.changes.length
      ? [
          `<li>${escapeHtml(label.get(c.id) ?? '')} retells the origin${c.adds.length ? ` and adds<ul>${c.adds.map((t) => `<li><b>${escapeHtml(t)}</b></li>`).join('')}</ul>` : ''}${c.leavesOut.length ? `${c.adds.length ? 'and' : ' and'} leaves out<ul>${c.leavesOut.map((t) => `<li><s>${escapeHtml(t)}</s></li>`).join('')}</ul>` : ''}${c.changes.length ? `${c.adds.length || c.leavesOut.length ? 'and' : ' and'} changes the meaning of<ul>${c.changes.map((x) => `<li><b>${escapeHtml(x.says)}</b> — the origin: <s>${escapeHtml(x.origin)}</s> (${escapeHtml(x.change)})</li>`).join('')}</ul>` : ''}</li>`,
        ]
      : [],
  );
  const span = story.start ? `${when(story.start)} → ${when(story.end)}` : 'undated';
  const body = `<header><h1>${escapeHtml(shownTitle(story))}</h1>
<div class="meta">${story.articles.length} article${story.articles.length === 1 ? '' : 's'} · ${span} · origin ${escapeHtml(label.get(story.origin) ?? '')} · story <code>${escapeHtml(story.id)}</code></div></header>
<main>
<h2>Who took from whom</h2>
${provenanceGraph(story, label)}
<h2>Articles, earliest first</h2>
${articleTables(story, rows)}
<h2>Relations (${story.edges.length})</h2>
<ul>${edges.join('\n')}</ul>
<h2>Key facts</h2>
${key.length ? `<ul>${key.map((f) => `<li>${escapeHtml(f.text)} <span class="meta">${escapeHtml(f.kind)}, in ${f.articles} of ${facts.articles.length}</span></li>`).join('')}</ul>` : '<p>—</p>'}
${conflicts.length ? `<h2>Figures and quotations that differ from the origin's</h2><ul>${conflicts.join('')}</ul>` : ''}
${differences.length ? `<h2>What each adds to the origin's names and figures, and leaves out</h2><ul>${differences.join('')}</ul>` : ''}
${said.length ? `<h2>What each retelling says that the origin does not, and what it drops</h2><ul>${said.join('')}</ul>` : ''}
<h2>Facts by article</h2>
<table><tr><th>kind</th><th>fact</th>${facts.articles.map((a) => `<th title="${escapeHtml(a.title)}">${escapeHtml(label.get(a.id) ?? '')}</th>`).join('')}</tr>${matrix.join('\n')}</table>
${facts.articles.length < story.articles.length ? `<p class="meta">Copies are left out of the facts: they give their original's.</p>` : ''}
</main>`;
  return page(shownTitle(story), body);
}

export function renderArticleHtml(
  article: Article,
  story: Story | undefined,
  relations: readonly StoredRelation[],
  titleOf: (id: string) => string | undefined,
): string {
  // Each relation as this page sees it (this article as side A), the closest first; the evidence's
  // A and B named "this article" and "the other".
  // Relations alike (one relation to one title: a text's reprints) are a row and a fold.
  const seen = relations.map((r) => seenFrom(r, article.id)).sort(closestFirst);
  const alike = foldAlike(seen, (r) =>
    JSON.stringify([r.type, r.direction, r.coverageA, r.coverageB, titleOf(r.b) || r.b]),
  );
  const rels = alike.map(({ first: r, more }) => {
    const sides = (x: string) => nameSides(x, 'this article', 'the other');
    const row = `<tr><td class="${escapeHtml(r.type)}"><b>${escapeHtml(r.type)}</b></td><td><code>${escapeHtml(r.b)}</code> ${escapeHtml(titleOf(r.b) ?? '')}</td><td>${Math.round(r.coverageA * 100)}% of this, ${Math.round(r.coverageB * 100)}% of that</td><td>${escapeHtml(whoFromWhom(r.direction, 'this article', 'the other') || 'not known')}</td><td><details><summary>${escapeHtml(sides(r.evidence[0] ?? ''))}</summary><ul>${r.evidence
      .slice(1)
      .map((x) => `<li>${escapeHtml(sides(x))}</li>`)
      .join('')}</ul></details></td></tr>`;
    return more.length
      ? `${row}\n<tr><td></td><td colspan="4"><details><summary>… and ${more.length} more alike (the same relation, the same title)</summary>${more
          .map((m) => `<code>${escapeHtml(m.b)}</code>`)
          .join(' ')}</details></td></tr>`
      : row;
  });
  let section = -1;
  const text = article.sentences.map((s) => {
    const heading =
      s.section !== section && article.sections[s.section]?.title
        ? `<h3>${escapeHtml(article.sections[s.section].title ?? '')}</h3>`
        : '';
    section = s.section;
    return `${heading}<p class="s">${escapeHtml(s.text)}</p>`;
  });
  const body = `<header><h1>${escapeHtml(article.title || '(untitled)')}</h1>
<div class="meta"><code>${escapeHtml(article.id)}</code>${article.site ? ` · ${escapeHtml(article.site)}` : ''}${article.published ? ` · ${when(article.published)}` : ''}${story ? ` · story <code>${escapeHtml(story.id)}</code>: ${escapeHtml(shownTitle(story))}` : ' · in no story'}</div></header>
<main>
<h2>Relations (${relations.length})</h2>
${rels.length ? `<table><tr><th>relation</th><th>article</th><th>coverage</th><th>who took from whom</th><th>evidence</th></tr>${rels.join('\n')}</table>` : '<p>—</p>'}
<h2>Text</h2>
${text.join('\n')}
</main>`;
  return page(article.title, body);
}
