/**
 * A generated corpus with known derivations, for the bench and the derived-pair eval: originals of
 * ~25 sentences in the bundled sample's syntax with invented vocabulary, names and numbers, each
 * followed at random by an exact copy, a truncation or a word-level rewrite of it. Generated as a
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

export type DerivationKind = 'copy' | 'truncation' | 'rewrite';

export interface GeneratedArticle {
  /** Position in the stream; the article's id is `g<k>`. */
  k: number;
  text: string;
  /** For a derived article: the original it was made from (always the article before it). */
  derivedFrom?: number;
  kind?: DerivationKind;
}

export interface GeneratedPair {
  a: string;
  b: string;
  kind: DerivationKind;
}

/** The sentences of the bundled sample: the syntax generated articles are made of. */
export async function samplePool(): Promise<string[]> {
  return (await sampleArticles()).flatMap((a) => a.sentences.map((s) => s.text));
}

/**
 * Randomness for articles that must be new to a generated corpus. `rng`'s streams for two seeds
 * are one cycle of states read from two places, so a corpus of a million articles (seed 7, ~0.7
 * billion draws) held the stream of seed 1234 from its 486 millionth draw on: all 300 of the
 * `similar` bench's "new" articles were, at a million, articles of the corpus (the first at
 * 726,161), each found with its copies and rewrites. Another step visits the states in another
 * order.
 */
export const newArticleStream = (seed: number): (() => number) => rng(seed, 0x9e3779b9);

/** `random`: a seed of `rng`, or a stream of its own (`newArticleStream`). */
export function* generateArticles(
  pool: readonly string[],
  count: number,
  random: number | (() => number) = 7,
): Generator<GeneratedArticle> {
  const words = pool.join(' ').split(/\s+/);
  const rnd = typeof random === 'number' ? rng(random) : random;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const syllables =
    'ka lo mi ne ru sa te vo ba di fe gu ha ji ko lu ma ni po ra si tu ve wa xi yo za be do fi'.split(' ');
  const pseudoWord = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(syllables)).join('');
  let k = 0;
  while (k < count) {
    // An original: ~25 sentences of the sample's syntax, with a third of the words replaced by the
    // article's own invented vocabulary (its topic, its names), so that articles differ as news do.
    const topic = Array.from({ length: 40 }, pseudoWord);
    const sentences = Array.from(
      { length: 22 + Math.floor(rnd() * 8) },
      () =>
        `${pick(pool)
          .split(' ')
          .map((w) => (rnd() < 0.35 ? pick(topic) : w))
          .join(' ')} ${pick(NAMES)} put it at ${Math.floor(rnd() * 100000)}.`,
    );
    const original = sentences.join(' ');
    const id = k;
    yield { k: k++, text: original };
    const roll = rnd();
    if (k >= count || roll < 0.4) continue;
    let text: string;
    let kind: DerivationKind;
    if (roll < 0.55) {
      kind = 'copy';
      text = original;
    } else if (roll < 0.7) {
      kind = 'truncation';
      text = sentences.slice(0, Math.ceil(sentences.length * (0.5 + rnd() * 0.4))).join(' ');
    } else {
      kind = 'rewrite';
      const share = 0.02 + rnd() * 0.25;
      text = original
        .split(' ')
        .map((w) => (rnd() < share ? pick(words) : w))
        .join(' ');
    }
    yield { k: k++, text, derivedFrom: id, kind };
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
    if (g.derivedFrom !== undefined && g.kind)
      pairs.push({ a: `g${g.derivedFrom}`, b: `g${g.k}`, kind: g.kind });
  }
  return { texts, pairs };
}

/** The k-th generated text as an article (id `g<k>`). */
export function asArticle(text: string, k: number): Article {
  return articleFromText(text, { id: `g${k}`, title: `Generated ${k}` });
}
