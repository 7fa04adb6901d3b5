/**
 * Date lines: the time stamps that pages print above or below a headline ("Last Updated: Monday,
 * 28 November 2005, 02:24 GMT", "9:53 AM, MON 22 JUL 2013", "Posted on March 3, 2021", "8:24am:").
 * A date line is page furniture, not story; when it names a whole date it is also the page's own
 * word on when it was published, which a text page (or a record without a `published` field)
 * has nowhere else.
 *
 * A line is read word by word and is a date line only if every word is part of a date, a time,
 * a time zone or a publishing label: "End of Watch: Friday, June 24, 2005" is not one (its label
 * is not about publishing), nor is any sentence that mentions a date.
 */
import { MONTH_NUMBERS } from '../../text/months.js';

export interface DateLine {
  /** The day it names as an ISO timestamp (midnight UTC, or its time where given in UTC/GMT). */
  published?: string;
}

const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday|rsday)?$/;
/** Labels of publishing (and the small words between them and the date). */
const LABELS = new Set([
  'last',
  'updated',
  'update',
  'published',
  'first',
  'posted',
  'article',
  'date',
  'dated',
  'modified',
  'created',
  'on',
  'at',
]);
/** Zones whose time is UTC; other zones' clock times are not turned into instants. */
const UTC_ZONES = new Set(['gmt', 'utc', 'z']);
const OTHER_ZONES = new Set([
  'bst',
  'cet',
  'cest',
  'eet',
  'eest',
  'est',
  'edt',
  'et',
  'cst',
  'cdt',
  'ct',
  'mst',
  'mdt',
  'pst',
  'pdt',
  'pt',
  'ist',
  'jst',
  'aest',
  'aedt',
  'pkt',
  'ast',
]);

/** Years a news page can carry. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** What one word of a date line is; undefined for a word no date line holds. */
type DateWord =
  | { kind: 'skip' }
  | { kind: 'label' }
  | { kind: 'utc' }
  | { kind: 'month'; month: number }
  | { kind: 'time'; hour: number; minute: number; half?: string }
  | { kind: 'half'; half: string }
  | { kind: 'iso'; year: number; month: number; day: number; hour?: number; minute?: number }
  | { kind: 'numeric'; parts: number[] }
  | { kind: 'year'; year: number }
  | { kind: 'number'; n: number };

function dateWord(w: string): DateWord | undefined {
  if (WEEKDAY.test(w)) return { kind: 'skip' };
  if (LABELS.has(w) || OTHER_ZONES.has(w)) return { kind: 'label' };
  if (UTC_ZONES.has(w)) return { kind: 'utc' };
  const month = MONTH_NUMBERS.get(w);
  if (month !== undefined) return { kind: 'month', month };
  const time = /^(\d{1,2}):(\d{2})(?::\d{2})?(am|pm)?$/.exec(w);
  if (time) return { kind: 'time', hour: Number(time[1]), minute: Number(time[2]), half: time[3] };
  if (w === 'am' || w === 'pm') return { kind: 'half', half: w };
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2}))?/.exec(w);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return iso[4]
      ? { kind: 'iso', year, month, day, hour: Number(iso[4]), minute: Number(iso[5]) }
      : { kind: 'iso', year, month, day };
  }
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(w);
  if (numeric)
    return { kind: 'numeric', parts: [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])] };
  const number = /^(\d{1,4})(st|nd|rd|th)?$/.exec(w);
  if (number && number[1].length === 4 && !number[2]) return { kind: 'year', year: Number(number[1]) };
  if (number && number[1].length <= 2) return { kind: 'number', n: Number(number[1]) };
  return undefined;
}

/** Where a line of two stamps starts its second ("Posted: … Last Updated: …"), after the first's digits. */
const SECOND_STAMP = /(?=\b(?:last\s+)?(?:updated|modified|posted|published)\b)(?<=\d.*)(?<!last\s+)/i;

/**
 * The date line `line` is, or undefined where it is anything else. A line of two stamps (posted
 * and updated) is a date line when both are, and gives the earlier date: the publication's.
 */
export function readDateLine(line: string): DateLine | undefined {
  if (line.length > 120 || !/\d/.test(line)) return undefined;
  const stamps = line.split(SECOND_STAMP).filter((part) => /\S/.test(part));
  if (stamps.length === 1) return readStamp(line);
  if (stamps.length > 2) return undefined;
  const read = stamps.map(readStamp);
  if (read.some((r) => r === undefined)) return undefined;
  const dates = read.map((r) => r?.published).filter((d): d is string => d !== undefined);
  return dates.length ? { published: dates.sort()[0] } : {};
}

function readStamp(line: string): DateLine | undefined {
  if (line.length > 80 || !/\d/.test(line)) return undefined;
  const text = line
    .toLowerCase()
    // Tokenised sources write "02: 24", "08. 07. 2012" and "11 / 28 / 05"; a.m./p.m. as one word.
    .replace(/(\d)\s*([:./])\s+(?=\d)/g, '$1$2')
    .replace(/(\d)\s+\/(?=\d)/g, '$1/')
    .replace(/\b([ap])\.m\.?/g, '$1m');
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let time: { hour: number; minute: number } | undefined;
  let utc = false;
  let numeric: number[] | undefined;
  /** A label, a zone or a.m. / p.m.: what makes a clock time alone a time stamp. */
  let stamped = false;
  const loose: number[] = [];
  for (const raw of text.match(/[\p{L}\p{N}:./-]+/gu) ?? []) {
    const w = raw.replace(/^[./:-]+|[./:-]+$/g, '');
    if (!w) continue;
    const word = dateWord(w);
    if (!word) return undefined;
    switch (word.kind) {
      case 'skip':
        break;
      case 'label':
        stamped = true;
        break;
      case 'utc':
        utc = stamped = true;
        break;
      case 'month':
        month = word.month;
        break;
      case 'time':
        time = clock(word.hour, word.minute, word.half);
        if (!time) return undefined;
        stamped ||= word.half !== undefined;
        break;
      case 'half':
        time = time && clock(time.hour, time.minute, word.half);
        if (!time) return undefined;
        stamped = true;
        break;
      case 'iso':
        ({ year, month, day } = word);
        if (word.hour !== undefined) time = { hour: word.hour, minute: word.minute ?? 0 };
        break;
      case 'numeric':
        numeric = word.parts;
        break;
      case 'year':
        year = word.year;
        break;
      case 'number':
        loose.push(word.n);
        break;
    }
  }
  const dated = month !== undefined || numeric !== undefined;
  // A bare "10:32" is a live blog's entry or a score as often as a stamp; a bare number beside no
  // month ("Page 2", "2023") is no date.
  if (!dated && !(time && stamped && loose.length === 0 && year === undefined)) return undefined;
  if (loose.length > 1) return undefined;
  if (numeric) [day, month, year] = dayFirst(numeric) ?? [undefined, undefined, undefined];
  else if (day === undefined) day = loose[0];
  if (year === undefined || month === undefined || day === undefined) return {};
  return { published: isoOf(year, month, day, utc ? time : undefined) };
}

function clock(hour: number, minute: number, half?: string): { hour: number; minute: number } | undefined {
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    return { hour: (hour % 12) + (half === 'pm' ? 12 : 0), minute };
  }
  return hour <= 23 ? { hour, minute } : undefined;
}

/**
 * Day, month and year of a numeric date. "08.07.2012" is the 8th of July in most of the world and
 * August 7th in the United States: only a day above 12 tells them apart, else no date is read.
 */
function dayFirst([x, y, z]: number[]): [number, number, number] | undefined {
  const year = z < 100 ? 2000 + z : z;
  if (x > 12 && y <= 12) return [x, y, year];
  if (y > 12 && x <= 12) return [y, x, year];
  return undefined;
}

function isoOf(
  year: number,
  month: number,
  day: number,
  time: { hour: number; minute: number } | undefined,
): string | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const t = Date.UTC(year, month - 1, day, time?.hour ?? 0, time?.minute ?? 0);
  // Date.UTC rolls the 31st of April over into May: such a day does not exist.
  if (new Date(t).getUTCDate() !== day) return undefined;
  return new Date(t).toISOString();
}
