/**
 * A generated corpus with known derivations, for the bench and the derived-pair eval: originals of
 * ~25 sentences in the bundled sample's syntax with invented vocabulary, names and numbers, each
 * followed at random by an exact copy, a truncation, a word-level rewrite, a splice (a passage of
 * it inside an article of its own) or an independent report of the same event. Generated as a
 * stream, so that a million articles never sit in memory at once.
 */
import { articleFromText } from '../article/build.js';
import type { Article } from '../article/types.js';
import { sampleArticles } from '../pipeline/sample.js';
import { rng } from '../similarity/boosting.js';

const NAMES = [
  'Adeyemi',
  'Brezina',
  'Castellanos',
  'Dahl',
  'Esposito',
  'Fournier',
  'Gallagher',
  'Haddad',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quint',
  'Rossi',
  'Sato',
  'Tanaka',
];

export type DerivationKind = 'copy' | 'truncation' | 'rewrite' | 'splice';
/** How a generated article follows the original before it: derived from it, or reporting its event in words of its own. */
export type FollowerKind = DerivationKind | 'independent';

export interface GeneratedArticle {
  /** Position in the stream; the article's id is `g<k>`. */
  k: number;
  text: string;
  /**
   * For an article that follows an original (always the article before it): the original's
   * position and how this one was made from it. An `independent` report shares the original's
   * event (a third of its key terms, some of its figures), not its sentences: it is not derived.
   */
  follows?: { original: number; kind: FollowerKind };
}

export interface GeneratedPair {
  a: string;
  b: string;
  kind: FollowerKind;
}

/**
 * The sentences of the bundled sample: the syntax generated articles are made of. A quotation
 * that runs over several sentences is one entry: picked apart, it would be left open.
 */
export async function samplePool(): Promise<string[]> {
  const pool: string[] = [];
  for (const article of await sampleArticles()) {
    let open = '';
    for (const { text } of article.sentences) {
      open = open ? `${open} ${text}` : text;
      if (quoteMarks(open) % 2 === 0) {
        pool.push(open);
        open = '';
      }
    }
    if (open) pool.push(open);
  }
  return pool;
}

const quoteMarks = (text: string) => text.match(/["\u201c\u201d]/g)?.length ?? 0;

/**
 * Randomness for articles that must be new to a generated corpus. `rng`'s streams for two seeds
 * are one cycle of states read from two places, so a corpus of a million articles (seed 7, ~0.7
 * billion draws) held the stream of seed 1234 from its 486 millionth draw on: all 300 of the
 * `similar` bench's "new" articles were, at a million, articles of the corpus (the first at
 * 726,161), each found with its copies and rewrites. Another step visits the states in another
 * order.
 */
export const newArticleStream = (seed: number): (() => number) => rng(seed, 0x9e3779b9);

/**
 * Words that carry a quotation mark are never replaced nor put in: a quotation left open would make
 * the rest of an article a quotation.
 */
const quoting = (w: string) => quoteMarks(w) > 0;

/** The sample's words that a rewrite may put in. */
export const plainWords = (pool: readonly string[]): string[] =>
  pool
    .join(' ')
    .split(/\s+/)
    .filter((w) => !quoting(w));

/** `text` with each word (but those quoting) replaced with probability `share` by one of `words`. */
export function reword(text: string, share: number, words: readonly string[], rnd: () => number): string {
  return text
    .split(' ')
    .map((w) => (rnd() < share && !quoting(w) ? words[Math.floor(rnd() * words.length)] : w))
    .join(' ');
}

/** `random`: a seed of `rng`, or a stream of its own (`newArticleStream`). */
export function* generateArticles(
  pool: readonly string[],
  count: number,
  random: number | (() => number) = 7,
): Generator<GeneratedArticle> {
  const words = plainWords(pool);
  const rnd = typeof random === 'number' ? rng(random) : random;
  const below = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[below(xs.length)];
  const syllables =
    'ka lo mi ne ru sa te vo ba di fe gu ha ji ko lu ma ni po ra si tu ve wa xi yo za be do fi'.split(' ');
  // Three or four syllables: ~950,000 words, so that unrelated articles share one by chance about
  // as rarely as news shares a rare name (of two or three, 961 words of two syllables made half of
  // every article's vocabulary, each word in a fiftieth of the corpus).
  const pseudoWord = () => Array.from({ length: 3 + below(2) }, () => pick(syllables)).join('');
  /** An article's own invented vocabulary: its topic and its names. */
  const newTopic = () => Array.from({ length: 40 }, pseudoWord);
  const newNumber = () => below(100000);
  /**
   * A sentence of the sample's syntax (`pattern`), a third of its words replaced by the article's
   * own invented vocabulary (its topic, its names), so that articles differ as news do.
   */
  const sentence = (pattern: string, topic: readonly string[], figure: number) =>
    `${pattern
      .split(' ')
      .map((w) => (rnd() < 0.35 && !quoting(w) ? pick(topic) : w))
      .join(' ')} ${pick(NAMES)} put it at ${figure}.`;
  let k = 0;
  while (k < count) {
    // An original: ~25 sentences.
    const topic = newTopic();
    const patterns = Array.from({ length: 22 + below(8) }, () => pick(pool));
    const figures = patterns.map(newNumber);
    const sentences = patterns.map((p, s) => sentence(p, topic, figures[s]));
    const original = sentences.join(' ');
    const id = k;
    yield { k: k++, text: original };
    const roll = rnd();
    if (k >= count || roll < 0.3) continue;
    let text: string;
    let kind: FollowerKind;
    if (roll < 0.45) {
      kind = 'copy';
      text = original;
    } else if (roll < 0.55) {
      kind = 'truncation';
      text = sentences.slice(0, Math.ceil(sentences.length * (0.5 + rnd() * 0.4))).join(' ');
    } else if (roll < 0.8) {
      kind = 'rewrite';
      const share = 0.02 + rnd() * 0.25;
      text = reword(original, share, words, rnd);
    } else if (roll < 0.9) {
      // A passage of 3-6 of the original's sentences lifted into a longer article of its own,
      // after its lead (a wire story inside a report; one paragraph lifted).
      kind = 'splice';
      const hostTopic = newTopic();
      const own = Array.from({ length: 14 + below(7) }, () => sentence(pick(pool), hostTopic, newNumber()));
      const length = 3 + below(4);
      const from = below(sentences.length - length + 1);
      const at = 1 + below(own.length - 1);
      own.splice(at, 0, ...sentences.slice(from, from + length));
      text = own.join(' ');
    } else {
      // The same event reported independently: its sentences written from other patterns than
      // the original's, a third of the topic's words and some of its figures shared.
      kind = 'independent';
      const used = new Set(patterns);
      const fresh = pool.filter((p) => !used.has(p));
      const shared = topic.slice(0, 14);
      const reportTopic = [...shared, ...Array.from({ length: 26 }, pseudoWord)];
      text = Array.from({ length: 16 + below(9) }, () =>
        sentence(pick(fresh), reportTopic, rnd() < 0.3 ? pick(figures) : newNumber()),
      ).join(' ');
    }
    yield { k: k++, text, follows: { original: id, kind } };
  }
}

/** A whole generated corpus in memory (small sizes: evals, the API bench's probes). */
export async function generateCorpus(
  count: number,
  random: number | (() => number) = 7,
): Promise<{ texts: string[]; pairs: GeneratedPair[] }> {
  const texts: string[] = [];
  const pairs: GeneratedPair[] = [];
  for (const g of generateArticles(await samplePool(), count, random)) {
    texts.push(g.text);
    if (g.follows) pairs.push({ a: `g${g.follows.original}`, b: `g${g.k}`, kind: g.follows.kind });
  }
  return { texts, pairs };
}

/** The k-th generated text as an article (id `g<k>`). */
export function asArticle(text: string, k: number): Article {
  return articleFromText(text, { id: `g${k}`, title: `Generated ${k}` });
}
