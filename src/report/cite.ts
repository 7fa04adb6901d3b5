/** How a report writes a fact or names an article: one module of no imports, for the web UI's bundle too. */

/**
 * A fact as a sentence cites it: a quotation in quotation marks, without the comma it ended on
 * ("…tested," said the mayor), other facts as written.
 */
export function citedFact(kind: string, text: string): string {
  return kind === 'quote' ? `“${text.replace(/[\s,;:]+$/u, '')}”` : text;
}

/**
 * An article as a listing names it: its headline; for an article that has none, its lead sentence
 * (`ArticleRow.lead`) in guillemets, so that it does not pass for a headline.
 */
export function shownTitle(a: { title: string; lead?: string }): string {
  return a.title || (a.lead ? `«${a.lead}»` : '(untitled)');
}
