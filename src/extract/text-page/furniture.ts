/**
 * Page furniture in text pages: the comment prompts, share calls, teasers, credits and link lists
 * that scrapers keep around an article. A line is scored from named features — the phrase family
 * it belongs to and its shape — and a page-level pass finds where the article ends: after a
 * strong end-of-article marker, the rest of the page is furniture (the "Next Post" teaser's own
 * headline, date and text included) unless real prose resumes.
 */
import { readDateLine } from './date-line.js';

/** Phrase families of furniture, each a pattern over a whole line (lowercased, trimmed). */
/**
 * `anyLength`: the phrase is furniture's alone, so it decides however long its line runs (other
 * families' phrases open some sentences of prose too: "Copyright law…", "Share prices…").
 * `opensComments`: the line heads or frames a comment section, so what follows it is comments.
 */
export const FURNITURE_FAMILIES: ReadonlyArray<{
  family: string;
  pattern: RegExp;
  endsArticle: boolean;
  anyLength?: boolean;
  opensComments?: boolean;
}> = [
  {
    family: 'comment prompt',
    pattern:
      /^(leave a (reply|comment)|post a comment|(add|write) (a |your )?comment|(\d+|one|no) comments?( ?[|·•:]| so far)?$|comments?( \(\d+\))?:?$|\d+ comments?, (displaying|showing)\b|sort comments by\b|link to this comment|notify me of (new|follow-up) (comments|posts)\b|comments (are|may|must|will|should) |your email address will not be published|required fields are marked|join the (conversation|discussion)|be the first to comment|log ?in to (comment|reply)|cancel reply|what do you think\??$|have your say)/,
    endsArticle: true,
    opensComments: true,
  },
  {
    // A comment form's instructions and its spam check.
    family: 'comment form',
    pattern:
      /^(as a final step before posting your comment|sign in or (create|register)\b.{0,40}\bto (join the discussion|comment)|remember (personal info|me)\?$|the (letters and numbers|characters|code|word)s? you entered (did|do) not match|having trouble reading this image|(please )?enter the (letters|characters|numbers|code|words?)\b.{0,40}\b(you see|shown|displayed)\b|type the (characters|letters|code|words?) (you see|shown|displayed|above|below)|(you are|you're) (currently )?(signed|logged) in as|(you )?(must|need to) (be )?(signed|logged) in to (post|leave|add|write) a comment|comments (are )?(now )?closed|this prevents automated programs)/,
    endsArticle: true,
    anyLength: true,
    opensComments: true,
  },
  {
    // A blog's notes under a post on how to answer it (feeds, trackbacks, pings), and a site's
    // rules for its comments: what comes after them is the comment section.
    family: 'comment policy',
    pattern:
      /^((guidelines|note|policy)\s*:\s*)?(this (entry|post) was posted (on|in)\b|you can (follow|leave|skip)\b.{0,60}\b(responses?|repl(y|ies)|comments?|trackback|rss|feed)\b|(both )?comments and pings are (currently )?(closed|open)|responses are currently closed|pinging is currently not allowed|trackback url\b|.{0,40}\breserves? the right to (delete|remove|edit|moderate|refuse)\b.{0,30}\bcomments?|please keep (your )?comments\b|(fan|reader|user) (feedback|comments) (should|must|will)\b|(these|our|the|community|comment|commenting) guidelines will be used\b|comments (are|will be) (moderated|reviewed|removed)\b)/,
    endsArticle: true,
    anyLength: true,
    opensComments: true,
  },
  {
    family: 'share call',
    pattern:
      /^(share( this)?( article| story| post| page)?( on| via| with)?\b.{0,40}$|spread the love$|tweet$|pin it$|follow us\b|follow [^,.!?]{1,30} on (twitter|facebook|instagram|linkedin|threads|bluesky|x)( ?[:@]\S+)?$|(.{0,60}[?!.] )?(you (can|should|may) )?(also )?(follow|like) [^,.!?]{1,30} on (twitter|facebook|instagram|linkedin|threads|bluesky)( here| at)?( ?@\S+)?[.!]?$|like us on|share on\b|email this|print this|click to (share|print|email)|sharing is caring|.{0,60}\b(follow|like|join|find|connect with)\b.{0,40}\b(on|via) (facebook|twitter|google\+|pinterest|instagram|linkedin|youtube|tumblr)\b.{0,20}\b(facebook|twitter|google\+|pinterest|instagram|linkedin|youtube|tumblr)\b.{0,40}$)/,
    endsArticle: true,
  },
  {
    // A call to subscribe, at a sentence's start: "If you enjoyed this post, please consider …
    // subscribing to the RSS feed", "Sign up to the … newsletter and you will …".
    family: 'subscribe call',
    pattern:
      /(^|[.!?] )(if you (enjoyed|liked|found)\b.{0,40}\b(post|article|story|entry)\b.{0,80}\b(subscrib|comment|rss|feed|newsletter)|sign[- ]?up (for|to)\b.{0,40}\b(newsletter|mailing list|e-?mail (updates|alerts))\b|(please )?subscribe (to|via)\b.{0,40}\b(newsletter|rss|feed|mailing list|e-?mail)\b|want to stay on top of\b.{0,60}\?\s*(follow|subscribe|sign up)\b)/,
    endsArticle: false,
    anyLength: true,
  },
  {
    family: 'newsletter',
    pattern:
      /(^subscribe\b|sign up (for|to) (our|the)|newsletter|in your inbox|get (our|the) app|download (our|the) app)/,
    endsArticle: false,
  },
  {
    family: 'teaser',
    pattern:
      /^(next post|previous post|next article|previous article|next story|read next|up next|you may (also )?like|you might (also )?like|you may have missed|related( posts| articles| stories| news| content)?:?$|more (stories|news|from|in)\b.{0,40}$|recommended( for you| stories)?:?$|also read\b|read more\b|read also\b|see also\b|trending( now)?:?$|popular (posts|stories):?$|most (read|popular|viewed):?$|latest (news|posts|stories|articles?):?$|top stories:?$|don'?t miss\b)/,
    endsArticle: true,
  },
  {
    // Another article's summary closed by its link ("… Read more", "Continue reading →").
    family: 'teaser link',
    pattern:
      /\b(read more|continue reading|read (the )?(full|whole|rest of the) (story|article|post|entry))\s*(\.\.\.|…|»|›|→|>>?)?\s*$/,
    endsArticle: false,
    // An article's own paragraph does not end in a link to read more of it, however long it runs.
    anyLength: true,
  },
  {
    family: 'credit',
    pattern:
      /^(chief editor|editor-in-chief|managing editor|edited by|reporting by|writing by|\(reporting by|\(editing by|additional reporting by|compiled by|with inputs from|photo( credit)?:|photograph:|image( credit)?:|picture:|credit:|©|\(c\)|copyright\b|all rights reserved)/,
    endsArticle: false,
  },
  {
    // A press release's contact block, a site's notice of what it is and runs on.
    family: 'site notice',
    pattern:
      /^((media|press|consumer|investor|general) (inquiries|enquiries|contacts?)\s*:|powered by\b|(the )?(views|opinions) expressed (here |on this (site|blog) |in this (post|blog|column) )?are (not necessarily|solely|those of|my own|the author)|for more information\s*:?$)/,
    endsArticle: false,
  },
  {
    // A site's legal notices: what it does not vouch for, what a reader may not take, under which
    // licence it may, and where the text was printed first.
    family: 'disclaimer',
    pattern:
      /\b((shall|will) not be (deemed|construed) to\b|do(es)? not necessarily (endorse|reflect the (views?|opinions?|positions?))\b|copyright protected\b|do(es)? not (hold|have|own) (a |any )?(financial interest|positions?) in any (stocks?|securities|companies|shares)\b.{0,30}\b(mentioned|discussed|named)\b|has an? (full )?disclosure policy\b|(please )?do not (use|copy|reproduce|republish)\b.{0,40}\bwithout (a |our |prior |express |written )*(permission|licen[cs]e)\b|^a version of this (article|story|review|report) appear(s|ed) in print\b|^(all )?(photos|photographs|images|pictures|content|text)\b.{0,40}\bare licen[cs]ed under\b)/,
    endsArticle: false,
    anyLength: true,
  },
  {
    family: 'tags',
    pattern: /^(tags?|filed under|posted in|categories|category|topics?|keywords)\s*:/,
    endsArticle: false,
  },
  {
    family: 'navigation',
    pattern:
      /^(advertisement|sponsored( content)?|quick links|useful links|visit\b.{0,40}\bfor more\b|for more (news|updates|stories)|click here\b|skip to\b|back to top|home\s*[|»›>]|menu$|search$|login$|sign in$|about us$|contact us$|privacy policy$|terms (of use|and conditions)$)/,
    endsArticle: false,
  },
];

export interface LineFeatures {
  words: number;
  /** Ends like a sentence (".", "!", "?", or a closing quote after one). */
  sentenceEnd: boolean;
  /** Share of words that start with a capital. */
  titleCase: number;
  family?: string;
  endsArticle: boolean;
  /** The line heads or frames a comment section. */
  opensComments: boolean;
  /** The family's phrase decides at any length. */
  anyLength: boolean;
  /** A date line: a date or time alone on its line, or after a label ("Tue Oct 17 , 2023", "Updated: 9:53 AM"). */
  dateOnly: boolean;
  /** A truncated teaser ending in "[…]" or "...". */
  truncated: boolean;
  /** "By Jane Doe", "By Jane Doe, Staff Writer". */
  byline: boolean;
}

const BYLINE =
  /^(?:(?:[Pp]osted|[Pp]ublished|[Ww]ritten|[Uu]pdated)\s+(?:on\s+.{4,40}?\s+)?by|[Bb]y)\s+\p{Lu}[\p{L}.'-]+(\s+\p{Lu}[\p{L}.'-]+){0,3}(\s*(,|and|\||-|·|•|—|–).{0,60})?$/u;

export function lineFeatures(line: string): LineFeatures {
  const t = line.trim();
  const lower = t.toLowerCase();
  const { words, capitals } = countWords(t);
  const family = FURNITURE_FAMILIES.find((f) => f.pattern.test(lower));
  // The line is trimmed, so an ellipsis that ends it lies in its last five characters: a pattern
  // anchored at the end is tried from every position of the text it is given.
  const tail = t.slice(-5);
  return {
    words,
    sentenceEnd: endsSentence(t) && !ELLIPSIS_END.test(tail),
    titleCase: words ? capitals / words : 0,
    family: family?.family,
    endsArticle: family?.endsArticle ?? false,
    opensComments: family?.opensComments ?? false,
    anyLength: family?.anyLength ?? false,
    dateOnly: readDateLine(t) !== undefined,
    truncated: ELLIPSIS_END.test(tail) && words > 12,
    byline: BYLINE.test(t) && words <= 12,
  };
}

/** An ellipsis ("…", "...", "[…]", "[...]") at the end. */
const ELLIPSIS_END = /(\[…\]|\[\.\.\.\]|…|\.\.\.)$/;
/** Closing quotes and brackets that may follow a sentence's final stop. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/** Ends like a sentence: ".", "!" or "?", then any closing quotes or brackets. */
function endsSentence(t: string): boolean {
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.has(t[i])) i--;
  return i >= 0 && (t[i] === '.' || t[i] === '!' || t[i] === '?');
}

/**
 * The words of a line (runs of characters between whitespace, as `split(/\s+/)` cuts them) and how
 * many of them open with a capital, a digit, a quote mark or a parenthesis: counted in one pass,
 * for a paragraph's line holds hundreds of words and splitting it made a string of each.
 */
export function countWords(line: string): { words: number; capitals: number } {
  let words = 0;
  let capitals = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
      if (startsCapital(line, i, c)) capitals++;
    }
  }
  return { words, capitals };
}

/** JavaScript's `\s`: ECMAScript's white space and line terminators. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether the word at `i` (its first code unit `c`) opens with a capital, a digit, a quote mark or
 * a parenthesis. ASCII is decided by its code (a Unicode class test on each word was a tenth of
 * reading a text page); any other first character by the class.
 */
function startsCapital(line: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40;
  CAPITAL_START.lastIndex = i;
  return CAPITAL_START.test(line);
}
const CAPITAL_START = /[\p{Lu}\d"“'‘(]/uy;

/** A paragraph of prose: long, and ending like a sentence. */
export function isProse(f: LineFeatures): boolean {
  return !f.family && f.sentenceEnd && f.words >= 12;
}

/**
 * Evidence that a line is furniture, on its own (without page context): ≥ 1 means furniture.
 * Weights: a phrase family alone decides; shapes decide only together.
 */
export function furnitureScore(f: LineFeatures): number {
  let score = 0;
  if (f.family) score += f.words <= 20 || f.anyLength ? 1 : 0.5; // a long line that merely mentions "share" is prose
  if (f.dateOnly) score += 1;
  if (f.truncated) score += 0.6;
  if (f.byline) score += 1;
  if (!f.sentenceEnd && f.words <= 3 && f.titleCase === 1) score += 0.3;
  return score;
}
