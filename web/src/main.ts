/**
 * The newstrace web UI: story list, story page (timeline, provenance graph, facts matrix), pair
 * view and a compare page. Article text only ever reaches the page as text nodes — nothing from
 * an article is rendered as HTML or executed.
 */
import type { Direction } from '../../src/relate/relate.js';
import { directionInWords, nameSides } from '../../src/relate/sides.js';
import { arcDiagram } from '../../src/report/arcs.js';
import { isDirected } from '../../src/story/directed.js';
import { COPIES_LISTED, citedFact, shownTime, shownTitle } from '../../src/report/cite.js';
import { groupFacts } from '../../src/report/fact-groups.js';
import './style.css';

type Role = 'origin' | 'copy' | 'rewrite' | 'partial-reuse' | 'reuse' | 'independent' | 'derived';
interface StorySummary {
  id: string;
  title: string;
  lead?: string;
  start: string | null;
  end: string | null;
  articles: number;
  sites: string[];
}
interface StoryArticle {
  id: string;
  title: string;
  /** An untitled article's lead sentence. */
  lead?: string;
  site?: string;
  published?: string;
  role: Role;
  copyOf?: string;
  /** Nothing told which of the two was first: the earlier one stands for both. */
  sameTextOnly?: boolean;
}
interface Story {
  id: string;
  title: string;
  lead?: string;
  start?: string;
  end?: string;
  origin: string;
  articles: StoryArticle[];
  /** `closest`: its article's closest relation to where it comes from (one an article). */
  /** `via`: the reprints a relation drawn on their original was found with. */
  edges: Array<{ from: string; to: string; type: string; direction: string; evidence: string[]; closest: boolean; via?: string[] }>;
}
interface Sentence {
  text: string;
}
interface Comparison {
  a: { id: string; title: string; sentences: Sentence[]; furniture: string[] };
  b: { id: string; title: string; sentences: Sentence[]; furniture: string[] };
  relation: { type: string; direction: Direction; coverageA: number; coverageB: number; evidence: string[] };
  alignments: Array<{ a: number[]; b: number[]; kind: string; score: number }>;
  facts: { shared: Array<{ kind: string; text: string; textB: string }>; onlyA: Array<{ kind: string; text: string }>; onlyB: Array<{ kind: string; text: string }>; conflicts: Array<{ kind: string; a: string; b: string; reason: string }> };
  diffs: Array<Array<{ op: 'same' | 'del' | 'ins'; text: string; textA?: string }>>;
}
interface FactsMatrix {
  articles: Array<{ id: string; site: string | null; title: string; role: Role }>;
  rows: Array<{ kind: string; text: string; cells: Array<string | null> }>;
  conflicts: Array<Array<{ kind: string; text: string; origin: string; reason: string }>>;
  differences: Array<{ adds: string[]; leavesOut: string[] }>;
  /** Facts most of the story's articles give (see src/story/facts.ts). */
  keyFacts: Array<{ kind: string; text: string; articles: number }>;
}
/** Per retelling of a story's origin, the sentences it adds and those it leaves out. */
type Claims = Array<{ id: string; adds: string[]; leavesOut: string[]; changes: Array<{ says: string; origin: string; change: string }> }>;

const view = document.getElementById('view') as HTMLElement;

/** An element with text (never HTML) and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const r = await fetch(path, init);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ?? r.statusText);
  return body as T;
}

const when = (iso?: string | null) => (iso ? shownTime(iso) : 'undated');
/** An edge by its articles' numbers: "[3] → [1]" from the derived article to its source, "[1] — [4]" without a direction. */
const edgeName = (e: Story['edges'][number], index: Map<string, number>) =>
  isDirected(e) ? `[${index.get(e.from)}] → [${index.get(e.to)}]` : `[${index.get(e.to)}] — [${index.get(e.from)}]`;
/** A story's time span: one time where it has one, "undated" where nothing in it is dated. */
const span = (start?: string | null, end?: string | null) =>
  !start ? 'undated' : end && end !== start ? `${when(start)} → ${when(end)}` : when(start);

function show(...nodes: Array<Node | null>): void {
  view.replaceChildren(...nodes.filter((n): n is Node => n !== null));
  view.focus();
}

async function storyList(params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const site = params.get('site') ?? '';
  const since = params.get('since') ?? '';
  const query = new URLSearchParams({ limit: '200' });
  if (q) query.set('q', q);
  if (site) query.set('site', site);
  if (since) query.set('since', new Date(since).toISOString());
  const [stories, all] = await Promise.all([
    api<StorySummary[]>(`/stories?${query}`),
    api<StorySummary[]>('/stories?limit=1000'),
  ]);
  const sites = [...new Set(all.flatMap((s) => s.sites))].sort();
  const search = el('input', { type: 'search', id: 'q', placeholder: 'Search titles (press /)', value: q, 'aria-label': 'Search stories' });
  const siteSelect = el('select', { id: 'site', 'aria-label': 'Site' }, el('option', { value: '' }, 'All sites'), ...sites.map((s) => el('option', { value: s }, s)));
  siteSelect.value = site;
  const sinceInput = el('input', { type: 'date', id: 'since', value: since, 'aria-label': 'Since' });
  const form = el('form', { class: 'filters', role: 'search' }, search, siteSelect, sinceInput, el('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (search.value) p.set('q', search.value);
    if (siteSelect.value) p.set('site', siteSelect.value);
    if (sinceInput.value) p.set('since', sinceInput.value);
    location.hash = `#/?${p}`;
  });
  const rows = stories.map((s) =>
    el(
      'li',
      { class: 'story-row' },
      el('a', { href: `#/story/${encodeURIComponent(s.id)}` }, shownTitle(s)),
      el('span', { class: 'meta' }, `${s.articles} article${s.articles === 1 ? '' : 's'} · ${s.sites.join(', ') || 'no site'} · ${span(s.start, s.end)}`),
    ),
  );
  const list = el('ol', { class: 'stories', id: 'stories' }, ...rows);
  show(el('h1', {}, 'Stories'), form, stories.length ? list : el('p', {}, 'No stories match.'));
  keyboardList(list);
}

/** j / k move through a list of links, Enter opens, / goes to the search box. */
function keyboardList(list: HTMLElement): void {
  const links = [...list.querySelectorAll('a')];
  let at = -1;
  view.onkeydown = (e) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    if (e.key === 'j' || e.key === 'k') {
      at = Math.max(0, Math.min(links.length - 1, at + (e.key === 'j' ? 1 : -1)));
      links[at]?.focus();
    } else if (e.key === '/') {
      e.preventDefault();
      (document.getElementById('q') as HTMLInputElement | null)?.focus();
    }
  };
}

async function storyPage(id: string): Promise<void> {
  const [story, facts] = await Promise.all([
    api<Story>(`/stories/${encodeURIComponent(id)}`),
    api<FactsMatrix>(`/stories/${encodeURIComponent(id)}/facts`),
  ]);
  const index = new Map(story.articles.map((a, k) => [a.id, k + 1]));
  const copies = new Map<string, number>();
  for (const a of story.articles) if (a.copyOf) copies.set(a.copyOf, (copies.get(a.copyOf) ?? 0) + 1);
  const timeline = el(
    'ol',
    { class: 'timeline', id: 'timeline' },
    ...story.articles.map((a) =>
      el(
        'li',
        { class: `role-${a.role}` },
        el('span', { class: 'num' }, `[${index.get(a.id)}]`),
        el('time', {}, when(a.published)),
        el('span', { class: `role role-${a.role}` }, a.role),
        el('span', { class: 'site' }, a.site ?? ''),
        el('span', { class: a.title ? 'title' : 'title lead' }, shownTitle(a)),
        a.copyOf
          ? el('span', { class: 'copy' }, ` ${a.sameTextOnly ? 'same text as' : 'copy of'} [${index.get(a.copyOf)}]`)
          : copies.get(a.id)
            ? el('span', { class: 'copy' }, ` +${copies.get(a.id)} cop${copies.get(a.id) === 1 ? 'y' : 'ies'}`)
            : null,
      ),
    ),
  );
  const edges = el(
    'ul',
    { class: 'edges', id: 'edges' },
    ...story.edges.map((e) =>
      el(
        'li',
        {},
        el('a', { href: `#/pair/${encodeURIComponent(e.from)}/${encodeURIComponent(e.to)}` }, edgeName(e, index)),
        ` ${e.type}${e.via?.length ? ` through ${e.via.map((id) => `[${index.get(id)}]`).join(', ')}` : ''}`,
        el('span', { class: 'meta' }, e.evidence.slice(1).map((x) => nameSides(x, `[${index.get(e.from)}]`, `[${index.get(e.to)}]`)).join('; ')),
      ),
    ),
  );
  const table = factsTable(facts, index);
  show(
    el('p', {}, el('a', { href: '#/' }, '← all stories')),
    el('h1', {}, shownTitle(story)),
    el('p', { class: 'meta' }, `${story.articles.length} articles · ${span(story.start, story.end)}`),
    el('h2', {}, 'Timeline'),
    foldCopies(timeline, story.articles),
    timeline,
    el('h2', {}, 'Provenance'),
    provenance(story, index),
    el(
      'p',
      { class: 'graph-legend' },
      'Above the line, arrows point from the article that took to its source; below it, reports of the same event with no direction known. Grey: copies; red: rewrites; orange: partial reuse; dashed: the same event.',
    ),
    edges,
    el('h2', {}, 'Facts'),
    table,
  );
  keyboardList(edges);
  // Each retelling aligned with the origin sentence by sentence costs a comparison: the claims come
  // after the rest of the page, which does not wait for them (nor shows them once left).
  const claims = claimsList(await api<Claims>(`/stories/${encodeURIComponent(id)}/claims`), index);
  if (claims && table.isConnected) table.append(claims);
}

/**
 * Where a story has more copies than `COPIES_LISTED`, the timeline shows the articles that are not
 * copies (each original with its count of copies) and a switch to the copies; else nothing.
 */
function foldCopies(timeline: HTMLElement, articles: StoryArticle[]): HTMLElement | null {
  const all = articles.length;
  const own = articles.filter((a) => !a.copyOf).length;
  if (all - own <= COPIES_LISTED) return null;
  let folded = true;
  const toggle = el('button', { type: 'button', id: 'copies-toggle', 'aria-pressed': 'false' });
  const label = () => {
    toggle.textContent = folded ? `Show its ${all - own} copies` : 'Fold the copies';
    timeline.classList.toggle('copies-folded', folded);
  };
  label();
  toggle.addEventListener('click', () => {
    folded = !folded;
    toggle.setAttribute('aria-pressed', String(!folded));
    label();
  });
  return el('p', { class: 'meta' }, `${own} articles and ${all - own} copies of them. `, toggle);
}

/**
 * The provenance graph: each article's closest relation to where it comes from (its lineage), with
 * a switch to every relation where that is more (a big story's every pair of reports is a thicket).
 */
function provenance(story: Story, index: Map<string, number>): HTMLElement {
  const tree = story.edges.filter((e) => e.closest);
  // At its own size, scrolled sideways where the story is wider than the page: narrowed to fit,
  // a story of a hundred articles drew its nodes and arcs as a sliver.
  const holder = el('div', { class: 'provenance' }, el('div', { class: 'graph-scroll' }, graph({ ...story, edges: tree }, index)));
  if (tree.length === story.edges.length) return holder;
  let all = false;
  const toggle = el('button', { type: 'button', id: 'graph-toggle', 'aria-pressed': 'false' });
  const label = () => {
    toggle.textContent = all
      ? `Show each article's closest relation only (${tree.length})`
      : `Show all ${story.edges.length} relations`;
  };
  label();
  toggle.addEventListener('click', () => {
    all = !all;
    toggle.setAttribute('aria-pressed', String(all));
    label();
    holder.querySelector('#graph')?.replaceWith(graph(all ? story : { ...story, edges: tree }, index));
  });
  holder.prepend(
    el('p', { class: 'meta' }, `Each article's closest relation to where it comes from: ${tree.length} of ${story.edges.length} relations. `, toggle),
  );
  return holder;
}

/**
 * The provenance graph as an arc diagram (the report's layout, `arcs.ts`): articles by time left to
 * right, arcs above the line from each derived article to its source, other reports of the event
 * below it; a node's site and headline in its tooltip.
 */
function graph(story: Story, index: Map<string, number>): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const radius = (id: string) => (id === story.origin ? 16 : 12);
  const diagram = arcDiagram(story, { step: 110, margin: 50, maxRise: 110, radius });
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${diagram.width} ${diagram.height}`);
  // Drawn at its own size: nodes and labels keep theirs.
  svg.setAttribute('width', String(diagram.width));
  svg.setAttribute('height', String(diagram.height));
  svg.setAttribute('class', 'graph');
  svg.setAttribute('id', 'graph');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Provenance graph');
  const add = (parent: Element, tag: string, attrs: Record<string, string>, text?: string) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text) n.textContent = text;
    parent.append(n);
    return n;
  };
  add(svg, 'defs', {}).innerHTML =
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker>';
  for (const { edge: e, d, directed } of diagram.arcs) {
    const arc = add(svg, 'path', { d, class: `edge edge-${e.type}`, fill: 'none', 'marker-end': directed ? 'url(#arrow)' : '' });
    add(arc, 'title', {}, `${edgeName(e, index)} ${e.type}`);
  }
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  for (const { id, x, copies } of diagram.nodes) {
    const a = byId.get(id) as StoryArticle;
    const node = add(svg, 'circle', { cx: String(x), cy: String(diagram.line), r: String(radius(id)), class: `node role-${a.role}` });
    add(node, 'title', {}, `[${index.get(id)}] ${a.site ?? ''} ${shownTitle(a)}${copies ? ` (+${copies} copies)` : ''}`);
    add(svg, 'text', { x: String(x), y: String(diagram.line + 4), 'text-anchor': 'middle', class: 'node-label' }, String(index.get(id)));
    if (copies) add(svg, 'text', { x: String(x + radius(id) + 3), y: String(diagram.line - radius(id)), class: 'node-site' }, `+${copies}`);
  }
  return svg;
}

/**
 * The story's facts: key facts, a row per fact and a column per article that is not a copy
 * (labelled as the story numbers its articles), conflicts with the origin, and what each adds to
 * the origin's names and figures or leaves out.
 */
function factsTable(m: FactsMatrix, index: ReadonlyMap<string, number>): HTMLElement {
  const label = (col: number) => `[${index.get(m.articles[col].id)}]`;
  const conflictCells = new Set<string>();
  m.conflicts.forEach((list, col) => {
    for (const c of list) conflictCells.add(`${col}|${c.text}`);
  });
  const head = el('tr', {}, el('th', {}, 'fact'), ...m.articles.map((a, k) => el('th', { title: a.title }, `${label(k)} ${a.site ?? ''}`)));
  const body = m.rows.map((r) =>
    el(
      'tr',
      {},
      el('th', { class: `kind-${r.kind}` }, `${r.kind}: ${r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text}`),
      ...r.cells.map((c, col) => el('td', { class: c ? (conflictCells.has(`${col}|${c}`) ? 'conflict' : 'has') : 'missing' }, c ? (c.length > 40 ? `${c.slice(0, 37)}…` : c) : '')),
    ),
  );
  const conflicts = m.conflicts.flatMap((list, col) => list.map((c) => el('li', {}, `${label(col)} says ${citedFact(c.kind, c.text)} where the origin says ${citedFact(c.kind, c.origin)} (${c.reason})`)));
  const differences = m.differences.flatMap((d, col) =>
    d.adds.length || d.leavesOut.length
      ? [el('li', {}, [`${label(col)}`, d.adds.length ? ` adds ${d.adds.join(', ')}` : '', d.leavesOut.length ? `${d.adds.length ? ';' : ''} leaves out ${d.leavesOut.join(', ')}` : ''].join(''))]
      : [],
  );
  const key = m.keyFacts.length
    ? el('p', { class: 'key-facts', id: 'key-facts' }, `Key facts: ${m.keyFacts.map((f) => (m.articles.length > 1 ? `${f.text} (${f.articles})` : f.text)).join(' · ')}`)
    : el('p', { class: 'meta', id: 'key-facts' }, 'No fact that most of its articles give.');
  return el('div', { class: 'facts', id: 'facts' }, key, el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)), conflicts.length ? el('ul', { class: 'conflicts' }, ...conflicts) : el('p', { class: 'meta' }, 'No conflicting figures or quotations.'), differences.length ? el('ul', { class: 'differences', id: 'differences' }, ...differences) : null);
}

/** What each retelling of the origin says that the origin does not, and what it drops: sentences. */
function claimsList(claims: Claims, index: ReadonlyMap<string, number>): HTMLElement | null {
  const sentences = (cls: string, list: string[]) => el('ul', { class: cls }, ...list.map((t) => el('li', {}, t)));
  const items = claims.flatMap((c) =>
    c.adds.length || c.leavesOut.length || c.changes.length
      ? [
          el(
            'li',
            {},
            `[${index.get(c.id)}] retells the origin`,
            ...(c.adds.length ? [' and adds', sentences('added', c.adds)] : []),
            ...(c.leavesOut.length ? [`${c.adds.length ? 'and' : ' and'} leaves out`, sentences('dropped', c.leavesOut)] : []),
            ...(c.changes.length
              ? [
                  `${c.adds.length || c.leavesOut.length ? 'and' : ' and'} changes the meaning of`,
                  el('ul', { class: 'changed' }, ...c.changes.map((x) => el('li', {}, el('b', {}, x.says), ' — the origin: ', el('s', {}, x.origin), ` (${x.change})`))),
                ]
              : []),
          ),
        ]
      : [],
  );
  return items.length ? el('ul', { class: 'claims', id: 'claims' }, ...items) : null;
}

function pairView(c: Comparison): HTMLElement[] {
  const r = c.relation;
  const alignedA = new Map<number, number>();
  const alignedB = new Map<number, number>();
  c.alignments.forEach((al, k) => {
    if (al.kind === 'related') return;
    for (const i of al.a) alignedA.set(i, k);
    for (const j of al.b) alignedB.set(j, k);
  });
  const column = (side: 'a' | 'b') => {
    const aligned = side === 'a' ? alignedA : alignedB;
    return el(
      'ol',
      { class: `column column-${side}` },
      ...c[side].sentences.map((s, i) => {
        const k = aligned.get(i);
        const al = k === undefined ? undefined : c.alignments[k];
        const item = el('li', { class: al ? `aligned kind-${al.kind}` : 'unaligned', 'data-alignment': k === undefined ? '' : String(k + 1) });
        if (al && al.kind !== 'verbatim') {
          // Changed words: deleted ones on A's side, inserted ones on B's.
          const diff = c.diffs[k as number] ?? [];
          const first = side === 'a' ? al.a[0] : al.b[0];
          if (i === first) {
            for (const op of diff) {
              if (op.op === 'same') item.append(`${side === 'a' ? (op.textA ?? op.text) : op.text} `);
              else if ((op.op === 'del' && side === 'a') || (op.op === 'ins' && side === 'b')) item.append(el('mark', { class: op.op }, op.text), ' ');
            }
            item.prepend(el('span', { class: 'tag' }, `${k as number + 1} ${al.kind}`));
            return item;
          }
          item.append(el('span', { class: 'tag' }, `${k as number + 1}`), ' ↑ (joined above)');
          return item;
        }
        if (al) item.append(el('span', { class: 'tag' }, `${k as number + 1} ${al.kind}`));
        item.append(s.text);
        return item;
      }),
    );
  };
  const furniture = (side: 'a' | 'b') =>
    c[side].furniture.length
      ? el('details', { class: 'furniture' }, el('summary', {}, `Furniture removed (${c[side].furniture.length})`), el('ul', {}, ...c[side].furniture.map((f) => el('li', {}, f))))
      : el('p', { class: 'meta' }, 'No furniture removed.');
  const facts = el(
    'div',
    { class: 'pair-facts', id: 'pair-facts' },
    el('h2', {}, 'Facts'),
    ...(
      [
        ['Shared', c.facts.shared],
        ['Only in A', c.facts.onlyA],
        ['Only in B', c.facts.onlyB],
      ] as const
    ).map(([title, list]) =>
      el('p', {}, el('strong', {}, `${title}: `), groupFacts(list).map((g) => `${g.heading}: ${g.texts.join('; ')}`).join(' · ') || 'none'),
    ),
    c.facts.conflicts.length ? el('p', { class: 'conflict' }, el('strong', {}, 'Conflicts: '), c.facts.conflicts.map((x) => (x.kind === 'quote' ? `${citedFact(x.kind, x.a)} ≠ ${citedFact(x.kind, x.b)} (${x.reason})` : `${x.a} ≠ ${x.b}`)).join(' · ')) : null,
  );
  return [
    el('h1', {}, [r.type, directionInWords(r, 'A', 'B')].filter(Boolean).join(' · ')),
    el('p', { class: 'meta', id: 'relation' }, `${Math.round(r.coverageA * 100)}% of A's sentences and ${Math.round(r.coverageB * 100)}% of B's retold · ${r.evidence.join(' · ')}`),
    el(
      'div',
      { class: 'pair', id: 'pair' },
      el('section', {}, el('h2', {}, `A: ${shownTitle(c.a)}`), column('a'), furniture('a')),
      el('section', {}, el('h2', {}, `B: ${shownTitle(c.b)}`), column('b'), furniture('b')),
    ),
    facts,
  ];
}

async function pairPage(a: string, b: string): Promise<void> {
  const c = await api<Comparison>(`/pair?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  show(el('p', {}, el('a', { href: '#/' }, '← all stories')), ...pairView(c));
}

function comparePage(): void {
  const a = el('textarea', { id: 'text-a', rows: '12', placeholder: 'Paste article A (first line: title)', 'aria-label': 'Article A' });
  const b = el('textarea', { id: 'text-b', rows: '12', placeholder: 'Paste article B (first line: title)', 'aria-label': 'Article B' });
  const out = el('div', { id: 'compare-result' });
  const form = el('form', { class: 'compare' }, el('div', { class: 'pair' }, a, b), el('button', { type: 'submit', id: 'compare-button' }, 'Compare'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(el('p', {}, 'Comparing…'));
    try {
      const c = await api<Comparison>('/compare', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ a: { text: a.value }, b: { text: b.value } }),
      });
      out.replaceChildren(...pairView(c));
    } catch (err) {
      out.replaceChildren(el('p', { class: 'error' }, (err as Error).message));
    }
  });
  show(el('h1', {}, 'Compare two texts'), form, out);
}

async function route(): Promise<void> {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'story' && parts[1]) await storyPage(parts[1]);
    else if (parts[0] === 'pair' && parts[1] && parts[2]) await pairPage(parts[1], parts[2]);
    else if (parts[0] === 'compare') comparePage();
    else await storyList(new URLSearchParams(query ?? ''));
  } catch (err) {
    show(el('p', { class: 'error' }, (err as Error).message));
  }
}

window.addEventListener('hashchange', route);
void route();

// Live: a note when an article joins a story.
const live = document.getElementById('live') as HTMLElement;
const events = new EventSource('/events');
events.addEventListener('article', (e) => {
  const d = JSON.parse((e as MessageEvent).data) as { title?: string; storyTitle?: string; storySize?: number };
  live.textContent = `New: “${d.title ?? ''}” joined “${d.storyTitle ?? ''}” (${d.storySize ?? 1} articles)`;
});
