/**
 * Datelines: the "PORT ALDER, March 4 (Meridian Press) - " or "BEIJING-UNS: " that opens wire
 * copy. A dateline is metadata, not story: a reprint that drops it is still word for word the
 * same article, and the agency it names is the article's credited source.
 */

export interface Dateline {
  /** Characters the dateline occupies at the start of the body (including the separator). */
  length: number;
  place: string;
  /** The date as written ("March 4"), when the dateline carries one. */
  date?: string;
  /** The credited agency ("Meridian Press", "AP", "UNS"). */
  credit?: string;
}

const PLACE = `[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?`;
const DATE = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?`;
const AGENCY = `[A-Z][A-Za-z&.'’ ]{0,38}[A-Za-z.]`;

/** "PLACE[, Date] (Agency) -" and "PLACE, Date -" with a dash, or the same closed by a colon. */
const WITH_PARENS = new RegExp(
  String.raw`^(${PLACE})(?:,\s*(${DATE}))?\s*(?:\((${AGENCY})\))?\s*(?:[-–—]{1,2}|:)\s+`,
);
/** "BEIJING-UNS:", "LAHORE (APP):" — an agency glued to the place. */
const GLUED = new RegExp(String.raw`^(${PLACE})\s*[-–/]\s*([A-Z][A-Za-z]{1,10})\s*:\s+`);

export function parseDateline(body: string): Dateline | undefined {
  const head = body.slice(0, 120);
  const glued = GLUED.exec(head);
  if (glued && isPlace(glued[1])) return { length: glued[0].length, place: glued[1], credit: glued[2] };
  const m = WITH_PARENS.exec(head);
  if (!m || !isPlace(m[1])) return undefined;
  // A bare "PLACE -" or "PLACE:" without date or agency must still be a shouted place name, not
  // the first words of a sentence in capitals ("BREAKING: ...").
  if (!m[2] && !m[3] && NOT_PLACES.has(m[1].toUpperCase())) return undefined;
  return { length: m[0].length, place: m[1], date: m[2], credit: m[3] };
}

/** A place in a dateline is written in capitals: at least its first word is all upper case. */
function isPlace(s: string): boolean {
  const first = s.split(/[ ,-]/)[0];
  return first.length >= 2 && first === first.toUpperCase() && /[A-Z]{2}/.test(first);
}

const NOT_PLACES = new Set([
  'BREAKING',
  'UPDATE',
  'UPDATED',
  'EXCLUSIVE',
  'WATCH',
  'LIVE',
  'OPINION',
  'EDITORIAL',
  'NOTE',
]);
