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
  const seen = new Set<string>();
  const out = new Set<number>();
  paragraphs.forEach((text, i) => {
    if (text.split(/\s+/).length < REPRINTED_WORDS) return;
    const key = flatText(text);
    if (seen.has(key)) out.add(i);
    else seen.add(key);
  });
  return out;
}
