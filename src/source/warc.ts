/**
 * Web archives (WARC, WARC.gz) with warcio.js, the Webrecorder project's reader: each HTTP
 * response holding HTML becomes a page, named by its archive and target URL. Other records
 * (requests, metadata, images) are not articles and pass silently; an HTML response that is not
 * a page's content (a redirect, an error page: any status but 2xx) is skipped with its status; a
 * truncated or corrupt archive ends with a reason, after the pages read before the damage.
 */
import { createReadStream, statSync } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeBytes } from './decode.js';

export interface ArchivedPage {
  /** `archive#url`, or `archive#offset` when the record has no target URL. */
  source: string;
  url?: string;
  html: string;
  /** When the page was captured (not when it was published). */
  captured?: string;
}

/** An HTML capture that is not a page's content, and why. */
export interface ArchivedSkip {
  source: string;
  skipped: string;
}

export async function* readWarc(
  path: string,
  onDamage: (reason: string) => void,
): AsyncGenerator<ArchivedPage | ArchivedSkip> {
  const parser = new WARCParser(createReadStream(path));
  try {
    for await (const record of parser) {
      if (record.warcType !== 'response' && record.warcType !== 'resource') continue;
      const type = record.httpHeaders?.headers.get('content-type') ?? record.warcContentType ?? '';
      if (!/html/i.test(type)) continue;
      const url = record.warcTargetURI ?? undefined;
      const source = `${path}#${url ?? parser.offset}`;
      // A `resource` record has no HTTP status: it is the content itself.
      const status = Number(record.httpHeaders?.statusCode ?? 200);
      if (!(status >= 200 && status < 300)) {
        await record.skipFully();
        yield { source, skipped: `the capture is an HTTP ${status} response, not a page's content` };
        continue;
      }
      const bytes = await record.readFully(true);
      const charset = /charset=([\w-]+)/i.exec(type)?.[1];
      const { text } = decodeBytes(bytes, charset);
      yield {
        source,
        url,
        html: text,
        captured: record.warcDate ?? undefined,
      };
    }
  } catch (e) {
    onDamage(`the archive is cut short or corrupt after offset ${parser.offset} (${(e as Error).message})`);
    return;
  }
  // A record cut inside its compressed member ends the parse quietly: bytes left over say so.
  const size = statSync(path).size;
  if (parser.offset < size) {
    onDamage(
      `the archive is cut short or corrupt: ${size - parser.offset} bytes after offset ${parser.offset} are not a whole record`,
    );
  }
}
