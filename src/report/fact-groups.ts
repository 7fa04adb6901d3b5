/**
 * A comparison's facts as a reader checks them: grouped by kind (people, organisations, places,
 * other names, figures, dates, quotes), a shared fact written two ways with both forms. One
 * grouping for the terminal and the HTML report.
 */
import type { FactSummary } from '../compare/compare.js';

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
  texts: string[];
}

/** The non-empty groups of `list`, in reading order. */
export function groupFacts(list: ReadonlyArray<{ kind: string; text: string }>): FactGroup[] {
  return GROUPS.map(([heading, kinds]) => ({
    heading,
    texts: list.filter((x) => kinds.includes(x.kind)).map((x) => x.text),
  })).filter((g) => g.texts.length > 0);
}

/** The shared facts, each as A writes it, with B's form beside it where B writes it otherwise: "Third (B: 3rd)". */
export const sharedForms = (shared: FactSummary['shared']): Array<{ kind: string; text: string }> =>
  shared.map((x) => ({
    kind: x.kind,
    text: x.textB && x.textB !== x.text ? `${x.text} (B: ${x.textB})` : x.text,
  }));
