/**
 * Furniture learnt per site: a short line that many pages of one site repeat (its name banner,
 * "Follow us on…", the editor's sign-off) is furniture there, whatever it says. Lines are keyed
 * with digits folded, so "Posted on March 9" and "Posted on March 12" are one line.
 */
import { hashString } from '../../text/hash.js';

/** Pages of a site that must repeat a line before it is taken for furniture. */
export const SITE_FURNITURE_PAGES = 3;
/** Only short lines are learnt: a paragraph repeated across pages (an update) is still story. */
const MAX_WORDS = 15;

export function siteLineKey(line: string): number | undefined {
  const norm = normalLine(line);
  if (!norm || norm.split(' ').length > MAX_WORDS) return undefined;
  return hashString(norm);
}

/** A line's key at any length, as `siteLineKey` keys a short one. */
export const paragraphKey = (line: string): number => hashString(normalLine(line));

const normalLine = (line: string) => line.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();

/** The distinct keys of a page's learnable lines. */
export function siteLineKeys(lines: readonly string[]): number[] {
  const keys = new Set<number>();
  for (const l of lines) {
    const k = siteLineKey(l);
    if (k !== undefined) keys.add(k);
  }
  return [...keys];
}

/**
 * Whether a line is one of `known` (a site's learnt furniture, as keys): a short line its pages
 * repeat, or a longer one found to be its template (`paragraphKey`, which keys a short line as
 * `siteLineKey` does).
 */
export function isKnownLine(known: ReadonlySet<number>): (line: string) => boolean {
  return (line) => known.has(paragraphKey(line));
}
