/**
 * The first acceptance case: the two seed pages in ../shared/seeds/. 000 retells, sentence by
 * sentence, the first story of 001 (with a few additions); 001 carries two more stories.
 *
 * The expected alignment below is a careful reading of both pages, written as short snippets of
 * each sentence (the pages themselves are not copied here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../article/types.js';
import { loadArticle } from '../pipeline/load-article.js';
import { mayRelateClosely } from '../relate/relate.js';
import { renderTerminal } from '../report/terminal.js';
import { storyClaims } from '../story/facts.js';
import type { Story } from '../story/stories.js';
import { type Comparison, compareArticles, defaultCompareOptions, prepareArticle } from './compare.js';
import { defaultContext } from './context.js';
import { pairSurface } from './surface.js';

const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const present = existsSync(seeds);
if (!present) console.warn(`seeds test skipped: ${seeds} is absent`);

/** A snippet of an A sentence → snippets of the B sentences it may retell (any of them). */
const retold: Array<[string, string[]]> = [
  ['engaged in talks with Russian President', ['met Russian President Vladimir Putin in Beijing']],
  [
    'During their encounter on the sidelines',
    ['In the meeting held on the sidelines', 'reached Beijing on Monday'],
  ],
  [
    'President Putin received Prime Minister Kakar, leading',
    ['Russian President Putin received Prime Minister'],
  ],
  ['in his introductory remarks', ['In his opening remarks']],
  ['heightened cooperation and a united approach', ['In his opening remarks', 'should be the foremost']],
  ['energy deficiency', ['energy-dificient']],
  [
    'productive engagement of Pakistan',
    ['Energy Week event in Russia where', 'come up with concrete proposals'],
  ],
  ['Reflecting on his previous visit', ['Citing his previous visit']],
  ['cultural and ethical affinities', ['cultural and ethical values']],
  ['acknowledged the 75th anniversary', ['celebrated the 75th anniversary']],
  [
    'significant potential for collaboration',
    ['huge potential for cooperation', 'discuss the vision and steps'],
  ],
  ['growth in trade relations', ['trade relations between the two countries had increased']],
];
/** Sentences of A that a careful reader could align either way: not counted. */
const ambiguous = [
  'conveyed their contentment',
  'reaffirmed Pakistan',
  'shared their perspectives on regional',
  'intensified regional integration',
];

describe.skipIf(!present)('the seeds: 000 retells the first story of 001', () => {
  let a: Article;
  let b: Article;
  let result: Comparison;
  let files: string[];
  beforeAll(async () => {
    files = readdirSync(seeds).sort();
    a = await loadArticle(join(seeds, files[0]));
    b = await loadArticle(join(seeds, files[1]));
    result = compareArticles(a, b, defaultContext());
  });

  const indexOf = (article: Article, snippet: string) => {
    const k = article.sentences.findIndex((s) => s.text.includes(snippet));
    if (k < 0) throw new Error(`no sentence holds "${snippet}"`);
    return k;
  };

  it('finds a rewrite or partial reuse with the right coverage', () => {
    expect(['rewrite', 'partial-reuse']).toContain(result.relation.type);
    expect(result.relation.coverageA).toBeGreaterThanOrEqual(0.6);
    expect(result.relation.coverageB).toBeGreaterThanOrEqual(0.15);
    expect(result.relation.coverageB).toBeLessThanOrEqual(0.5);
  });

  it('aligns the retold sentences of A to the right sentences of B (precision and recall ≥ 0.85)', () => {
    const allowed = new Map<number, Set<number>>();
    for (const [sa, sbs] of retold) allowed.set(indexOf(a, sa), new Set(sbs.map((sb) => indexOf(b, sb))));
    const skip = new Set(ambiguous.map((s) => indexOf(a, s)));
    let correct = 0;
    let claimed = 0;
    const found = new Set<number>();
    for (const al of result.alignments) {
      if (al.kind === 'related') continue;
      for (const i of al.a) {
        if (skip.has(i)) continue;
        claimed++;
        const ok = allowed.get(i);
        if (ok && al.b.some((j) => ok.has(j))) {
          correct++;
          found.add(i);
        }
      }
    }
    const precision = claimed ? correct / claimed : 0;
    const recall = found.size / allowed.size;
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('removes all page furniture of both pages', () => {
    for (const art of [a, b]) {
      for (const junk of [
        'Leave a Reply',
        'Spread the love',
        'email address will not be published',
        'Next Post',
      ]) {
        expect(art.text).not.toContain(junk);
      }
    }
    expect(a.text).not.toContain('Visit for more news');
    for (const junk of ['You May Like', 'Chief Editor', 'Quick Links', 'Palestinians', 'Tue Oct 17']) {
      expect(b.text).not.toContain(junk);
    }
    expect(a.furniture.join('\n')).toContain('Leave a Reply');
    expect(b.furniture.join('\n')).toContain('Next Post');
  });

  it("reads each page's first line as its title, not as a sentence of the article", () => {
    for (const [art, file] of [
      [a, files[0]],
      [b, files[1]],
    ] as const) {
      const firstLine = readFileSync(join(seeds, file), 'utf8').split(/\r?\n/)[0].trim();
      expect(art.title).toBe(firstLine);
      expect(art.sentences[0].text).not.toBe(firstLine);
    }
  });

  it('is not ruled out by the surface screen a corpus applies before scoring sentences', () => {
    const ctx = defaultContext();
    const surface = pairSurface(
      prepareArticle(a, ctx).surface,
      prepareArticle(b, ctx).surface,
      defaultCompareOptions,
    );
    expect(mayRelateClosely(surface)).toBe(true);
    expect(surface.documentSimilarity).toBeCloseTo(result.relation.similarity, 3);
  });

  it('splits 001 into its three stories', () => {
    expect(b.sections).toHaveLength(3);
    expect(b.sections[1].title).toBe('PM seeks Chinese investment');
  });

  it("lists what each side adds in the terminal report, B's two other stories as one line each", () => {
    const report = renderTerminal(result);
    const onlyB = report.slice(report.indexOf('Only in B'), report.indexOf('Facts'));
    expect(onlyB).toContain('"PM seeks Chinese investment": another story on the page');
    expect(onlyB).toMatch(/state banquet for world leaders": another story on the page/);
    expect(onlyB).not.toMatch(/Wang Zhigang/);
    const onlyA = report.slice(report.indexOf('Only in A'), report.indexOf('Only in B'));
    expect(onlyA).toMatch(/Middle East/);
  });

  it("as a story's retelling: adds A's few sentences of its own, and leaves out only sentences of B's first story", () => {
    const story: Story = {
      id: 's',
      title: b.title,
      origin: b.id,
      articles: [
        { id: b.id, title: b.title, role: 'origin' },
        { id: a.id, title: a.title, role: 'rewrite' },
      ],
      edges: [{ from: a.id, to: b.id, type: result.relation.type, direction: 'a-from-b', evidence: [] }],
    };
    const [claims] = storyClaims(story, (id) => [a, b].find((x) => x.id === id), defaultContext());
    expect(claims.adds.some((t) => t.includes('Middle East'))).toBe(true);
    expect(claims.adds.length).toBeLessThanOrEqual(6);
    const firstStory = b.sentences.filter((x) => x.section === 0).map((x) => x.text);
    for (const t of claims.leavesOut) expect(firstStory).toContain(t);
  });

  it('reports facts: added, dropped and shared', () => {
    const has = (list: Array<{ text: string }>, re: RegExp) => list.some((f) => re.test(f.text));
    const f = result.facts;
    expect(has(f.onlyA, /240 million/)).toBe(true);
    for (const re of [/CPEC/, /800\s?km/, /8,?000\s?MW/, /Wang Zhigang/]) expect(has(f.onlyB, re)).toBe(true);
    expect(has(f.shared, /75th/)).toBe(true);
    expect(has(f.shared, /million tons/)).toBe(true);
    for (const re of [/CPEC/, /240 million/, /Wang Zhigang/]) expect(has(f.shared, re)).toBe(false);
    for (const re of [/75th/, /million tons/]) {
      expect(has(f.onlyA, re)).toBe(false);
      expect(has(f.onlyB, re)).toBe(false);
    }
  });
});
