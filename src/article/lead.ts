/** An article's lead: what names it where it has no headline. No imports: the web UI bundles it. */

/** Characters of an untitled article's lead shown in its place. */
const LEAD_CHARS = 110;

/**
 * What stands for an article's headline where it has none (a record or page that gave only its
 * text): its first sentence, cut at a word past `LEAD_CHARS` characters.
 */
export function leadOf(article: { sentences: ReadonlyArray<{ text: string }>; text?: string }): string {
  const first = (article.sentences[0]?.text ?? article.text ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= LEAD_CHARS) return first;
  const cut = first.lastIndexOf(' ', LEAD_CHARS);
  return `${first.slice(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS).replace(/[\s,;:–—-]+$/, '')}…`;
}
