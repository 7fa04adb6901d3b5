/**
 * How a report writes a fact, names an article, gives a time: for the web UI's bundle too, so it
 * imports nothing but the (equally bare) lead of an article.
 */
import { leadOf } from '../article/lead.js';

/**
 * Copies of a story listed among its articles before a view folds them (the terminal's listing,
 * the HTML report, the web UI): a wire story on fifty sites is fifty rows.
 */
export const COPIES_LISTED = 5;

/**
 * `items` with those alike (by `key`) gathered at the place of the first of them where more than
 * `COPIES_LISTED` are alike, for a view to list once with their count (a text's reprints among an
 * article's relations); fewer alike stay one by one.
 */
export function foldAlike<T>(items: readonly T[], key: (item: T) => string): Array<{ first: T; more: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].flatMap((group) =>
    group.length > COPIES_LISTED
      ? [{ first: group[0], more: group.slice(1) }]
      : group.map((item) => ({ first: item, more: [] })),
  );
}

/**
 * A fact as a sentence cites it: a quotation in quotation marks, without the comma it ended on
 * ("…tested," said the mayor), other facts as written.
 */
export function citedFact(kind: string, text: string): string {
  return kind === 'quote' ? `“${text.replace(/[\s,;:]+$/u, '')}”` : text;
}

/**
 * An article as a listing names it: its headline; for an article that has none, its lead sentence
 * (`ArticleRow.lead`, or read from its sentences) in guillemets, so that it does not pass for a
 * headline.
 */
export function shownTitle(a: {
  title: string;
  lead?: string;
  sentences?: ReadonlyArray<{ text: string }>;
}): string {
  if (a.title) return a.title;
  const lead = a.lead ?? (a.sentences?.length ? leadOf({ sentences: a.sentences }) : undefined);
  return lead ? `«${lead}»` : '(untitled)';
}

/**
 * A publication time as a listing gives it, to the minute ("2026-03-04 08:00"); a date that names
 * no time (a date line's, an address's: midnight UTC exactly) as the day alone.
 */
export function shownTime(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}
