/**
 * Stored pages read as the corpus knows their sites now. A site's first pages were extracted
 * before its template was known (`site-pairs.ts`), and are stored with it; what a reader is shown
 * and compared — `show`, the API's article and pair views, a story's facts and claims — leaves out
 * the lines the page's site has since been found to repeat, as its relations did. The stored text
 * is kept as it was read (`export` gives it).
 */
import { withoutParagraphs } from '../article/build.js';
import type { Article } from '../article/types.js';
import { isKnownLine, SITE_FURNITURE_PAGES } from '../extract/text-page/site-furniture.js';
import type { Store } from '../store/store.js';

/** Whether a line is one `site` is known to repeat (its learnt lines, and blurbs found beside them). */
export function knownTemplate(store: Store, site: string): (line: string) => boolean {
  return isKnownLine(new Set(store.siteFurniture(site, SITE_FURNITURE_PAGES)));
}

/** A reader of stored pages; each site's template is read once per reader, so make one per request. */
export function storedPages(store: Store): (id: string) => Article | undefined {
  const templates = new Map<string, (line: string) => boolean>();
  return (id) => {
    const article = store.getArticle(id);
    const site = article && store.siteKeyOf(id);
    if (!article || site === undefined) return article;
    let template = templates.get(site);
    if (!template) {
      template = knownTemplate(store, site);
      templates.set(site, template);
    }
    return withoutParagraphs(article, template);
  };
}
