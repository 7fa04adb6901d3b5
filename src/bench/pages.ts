/**
 * Full ingest of real pages: the Dragnet HTML pages (news and blog pages with their menus,
 * comments and ads) read from disk through `ingestPaths`, as `newstrace ingest FOLDER` does.
 * Generated corpora measure scale; this measures the mix of work real pages bring (extraction
 * of messy markup, varied lengths, few relations).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContext } from '../compare/context.js';
import { ingestPaths } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';

export async function benchIngestPages(sharedDir: string): Promise<void> {
  const pages = join(sharedDir, 'eval', 'extraction', 'dragnet', 'html');
  if (!existsSync(pages)) {
    console.log(`ingest of real pages: skipped (${pages} is absent)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-pages-bench-'));
  const store = openSqliteStore(join(dir, 'pages.db'));
  try {
    const started = performance.now();
    const s = await ingestPaths([pages], store, defaultContext());
    const seconds = (performance.now() - started) / 1000;
    const inputs = s.ingested + s.present + s.skipped.length;
    console.log(
      `full ingest of the Dragnet HTML pages from disk: ${(inputs / seconds).toFixed(0)} pages/s ` +
        `(${inputs} pages: ${s.ingested} ingested, ${s.present} already present, ${s.skipped.length} skipped; ` +
        `${s.relations} relations; ${seconds.toFixed(1)} s)`,
    );
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
