/**
 * A paragraph of this many words that a page prints twice, word for word, is one text laid out
 * twice (a teaser and its print version, a screen and a mobile layout, a scraper that kept
 * both): its second printing is furniture. Shorter repeats are left alone: table cells, recipe
 * headings and photo credits repeat on purpose.
 */
import { flatText } from './html/metadata.js';

export const REPRINTED_WORDS = 8;

/** The indices of the paragraphs that reprint an earlier one (case, spacing and punctuation aside). */
export function reprintedParagraphs(paragraphs: readonly string[]): Set<number> {
  const out = new Set<number>();
  const long = paragraphs.flatMap((text, i) => (hasWords(text, REPRINTED_WORDS) ? [i] : []));
  // Flattening is most of the cost (a text page is often one long line): a page with one long
  // paragraph reprints nothing.
  if (long.length < 2) return out;
  const seen = new Set<string>();
  for (const i of long) {
    const key = flatText(paragraphs[i]);
    if (seen.has(key)) out.add(i);
    else seen.add(key);
  }
  return out;
}

/** Whether `text.split(/\s+/)` has at least `n` parts, without splitting all of a long text. */
function hasWords(text: string, n: number): boolean {
  const gaps = /\s+/g;
  let parts = 1;
  while (parts < n && gaps.exec(text)) parts++;
  return parts >= n;
}
