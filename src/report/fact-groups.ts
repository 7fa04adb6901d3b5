/**
 * A comparison's facts as a reader checks them: grouped by kind (people, organisations, places,
 * other names, figures, dates, quotes), a shared fact written two ways with both forms. One
 * grouping for the terminal and the HTML report.
 */
import { citedFact } from './cite.js';

const GROUPS: ReadonlyArray<[string, readonly string[]]> = [
  ['people', ['person']],
  ['organisations', ['organization']],
  ['places', ['place']],
  ['other names', ['entity']],
  ['figures', ['number', 'money', 'percent']],
  ['dates', ['date']],
  ['quotes', ['quote']],
];

export interface FactGroup {
  heading: string;
  /** As a reader sees them: a quote in quotation marks (and cut short past `QUOTE_CHARS`). */
  texts: string[];
}

/** Characters of a quotation shown in a list of facts. */
const QUOTE_CHARS = 160;

/** A fact as a list shows it: a quote cut short and in quotation marks, anything else as written. */
const shown = (kind: string, text: string) =>
  citedFact(
    kind,
    kind === 'quote' && text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : text,
  );

/** The non-empty groups of `list`, in reading order. */
export function groupFacts(list: ReadonlyArray<{ kind: string; text: string; textB?: string }>): FactGroup[] {
  return GROUPS.map(([heading, kinds]) => ({
    heading,
    texts: list
      .filter((x) => kinds.includes(x.kind))
      .map((x) =>
        // A shared fact B writes otherwise has B's form beside it: "Third (B: 3rd)".
        x.textB && x.textB !== x.text
          ? `${shown(x.kind, x.text)} (B: ${shown(x.kind, x.textB)})`
          : shown(x.kind, x.text),
      ),
  })).filter((g) => g.texts.length > 0);
}
