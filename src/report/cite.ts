/** How a report writes a fact in a sentence: one module of no imports, for the web UI's bundle too. */

/**
 * A fact as a sentence cites it: a quotation in quotation marks, without the comma it ended on
 * ("…tested," said the mayor), other facts as written.
 */
export function citedFact(kind: string, text: string): string {
  return kind === 'quote' ? `“${text.replace(/[\s,;:]+$/u, '')}”` : text;
}
