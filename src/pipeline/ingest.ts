/**
 * Ingest: inputs → articles → sketches and key terms → candidates from the index → verified with
 * the compare engine → stored, one transaction per article. Every input is accounted for
 * (ingested, already present, or skipped with a reason); a re-run skips what is stored.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { contentId } from '../article/build.js';
import type { Article } from '../article/types.js';
import { bandKeys, chooseBanding } from '../candidates/lsh.js';
import { keyTerms } from '../candidates/terms.js';
import {
  type CompareContext,
  compareArticles,
  type PreparedArticle,
  prepareArticle,
} from '../compare/compare.js';
import { sketchArticle } from '../sketch/article.js';
import { InputError, readInput } from '../source/index.js';
import type { Store, StoredRelation } from '../store/store.js';
import { articleFromPage } from './page.js';

export interface IngestOptions {
  /** Jaccard similarity of word 4-grams from which near-duplicates are looked for. */
  nearDuplicateThreshold: number;
  /** Candidates verified per article, from each index. */
  candidates: number;
  /** Key terms two articles must share to be compared as possibly the same story. */
  sharedTerms: number;
  onProgress?: (event: { source: string; status: 'ingested' | 'present' | 'skipped' }) => void;
}

export const defaultIngestOptions: IngestOptions = {
  nearDuplicateThreshold: 0.5,
  candidates: 20,
  sharedTerms: 3,
};

export interface IngestSummary {
  ingested: number;
  present: number;
  skipped: Array<{ source: string; reason: string }>;
  relations: number;
}

/** One article-to-be read from an input: a page file, stdin, or a JSONL line. */
export interface Pending {
  source: string;
  build: () => Promise<Article>;
}

/** Relations worth storing: the derived ones and independent reports of the same event. */
const STORED = new Set(['duplicate', 'near-duplicate', 'rewrite', 'partial-reuse', 'same-story']);

export async function ingestPaths(
  paths: string[],
  store: Store,
  ctx: CompareContext,
  options: Partial<IngestOptions> = {},
): Promise<IngestSummary> {
  return ingestItems(
    (skip) => ({
      async *[Symbol.asyncIterator]() {
        for (const path of paths) yield* pendingOf(path, skip);
      },
    }),
    store,
    ctx,
    options,
  );
}

/**
 * Ingests articles-to-be from any source: `items` is given the function that records a skipped
 * input, for sources that find bad inputs while listing them (a broken archive, a bad line).
 */
export async function ingestItems(
  items: (skip: (source: string, reason: string) => void) => AsyncIterable<Pending>,
  store: Store,
  ctx: CompareContext,
  options: Partial<IngestOptions> = {},
): Promise<IngestSummary> {
  const opt = { ...defaultIngestOptions, ...options };
  const banding = chooseBanding(opt.nearDuplicateThreshold, 128);
  const summary: IngestSummary = { ingested: 0, present: 0, skipped: [], relations: 0 };
  const prepared = new Map<string, PreparedArticle>();
  const preparedOf = (id: string): PreparedArticle | undefined => {
    let p = prepared.get(id);
    if (!p) {
      const a = store.getArticle(id);
      if (!a) return undefined;
      p = prepareArticle(a, ctx);
      if (prepared.size >= 5000) prepared.delete(prepared.keys().next().value as string);
      prepared.set(id, p);
    }
    return p;
  };
  // Terms used by more than 2% of the corpus (a city's name in a city's paper, a season's word)
  // do not tell one story from another.
  const stored = store.counts().articles;
  const maxDf = () => Math.max(20, Math.floor(stored * 0.02));
  const skip = (source: string, reason: string) => {
    summary.skipped.push({ source, reason });
    store.recordInput(source, 'skipped', reason);
    opt.onProgress?.({ source, status: 'skipped' });
  };
  for await (const item of items(skip)) {
    let article: Article;
    try {
      article = await item.build();
    } catch (e) {
      if (e instanceof InputError || e instanceof RecordError) {
        skip(item.source, e.message);
        continue;
      }
      throw e;
    }
    if (article.sentences.length === 0) {
      skip(item.source, 'no article text found');
      continue;
    }
    if (store.hasArticle(article.id)) {
      summary.present++;
      store.recordInput(item.source, 'present', undefined, article.id);
      opt.onProgress?.({ source: item.source, status: 'present' });
      continue;
    }
    const mine = prepareArticle(article, ctx);
    const keys = bandKeys(sketchArticle(article), banding);
    const terms = keyTerms(mine);
    const candidates = new Set([
      ...store.bandCandidates(keys, opt.candidates),
      ...store.termCandidates(terms, opt.sharedTerms, 1000, opt.candidates),
    ]);
    const relations: StoredRelation[] = [];
    for (const id of candidates) {
      const other = preparedOf(id);
      if (!other) continue;
      const { relation } = compareArticles(mine, other, ctx);
      if (!STORED.has(relation.type)) continue;
      relations.push({ a: article.id, b: id, ...relation });
    }
    store.writeArticle({ article, source: item.source, bandKeys: keys, terms, relations });
    prepared.set(article.id, mine);
    summary.ingested++;
    summary.relations += relations.length;
    opt.onProgress?.({ source: item.source, status: 'ingested' });
  }
  return summary;
}

/** A JSONL line that is not an article record. */
class RecordError extends Error {}

/** Data files met in a folder: accounted for as skipped, never read as pages. */
const DATA_FILE = /\.(json|csv|tsv|xml|js|css|db|sqlite|wal|shm|lock)$/i;
const JSONL_FILE = /\.jsonl(\.gz)?$/i;

async function* pendingOf(
  path: string,
  skip: (source: string, reason: string) => void,
  top = true,
): AsyncGenerator<Pending> {
  if (path === '-') {
    yield { source: '-', build: () => readPage('-') };
    return;
  }
  let stat: import('node:fs').Stats | undefined;
  try {
    stat = await fs.stat(path);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path, { withFileTypes: true });
    } catch (e) {
      skip(path, `cannot read the directory (${(e as NodeJS.ErrnoException).code ?? e})`);
      return;
    }
    for (const e of entries
      .filter((x) => !x.name.startsWith('.'))
      .sort((x, y) => x.name.localeCompare(y.name))) {
      yield* pendingOf(join(path, e.name), skip, false);
    }
    return;
  }
  if (!top && DATA_FILE.test(basename(path))) {
    skip(path, 'a data file, not a page (JSONL files end in .jsonl)');
    return;
  }
  if (JSONL_FILE.test(path) && stat?.isFile()) {
    yield* jsonlRecords(path, skip);
    return;
  }
  yield { source: path, build: () => readPage(path) };
}

async function readPage(path: string): Promise<Article> {
  const input = await readInput(path);
  return articleFromPage(input.text, input.kind, { source: path });
}

interface JsonRecord {
  id?: unknown;
  url?: unknown;
  site?: unknown;
  title?: unknown;
  published?: unknown;
  author?: unknown;
  text?: unknown;
  html?: unknown;
}

async function* jsonlRecords(
  path: string,
  skip: (source: string, reason: string) => void,
): AsyncGenerator<Pending> {
  let stream: NodeJS.ReadableStream = createReadStream(path);
  if (path.endsWith('.gz')) stream = stream.pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const source = `${path}:${n}`;
      yield { source, build: async () => articleFromRecord(line) };
    }
  } catch (e) {
    skip(`${path}:${n + 1}`, `the file is cut short or corrupt (${(e as Error).message})`);
  }
}

function articleFromRecord(line: string): Article {
  let r: JsonRecord;
  try {
    r = JSON.parse(line) as JsonRecord;
  } catch {
    throw new RecordError('not a JSON object');
  }
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new RecordError('not a JSON object');
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const html = str(r.html);
  const text = str(r.text);
  if (!html && !text) throw new RecordError('has neither "text" nor "html"');
  const title = str(r.title);
  const content = html ?? (title ? `${title}\n${text}` : (text as string));
  const id = r.id === undefined || r.id === null ? undefined : String(r.id);
  const article = articleFromPage(content, html ? 'html' : 'text', {
    id,
    url: str(r.url),
    site: str(r.site),
    title,
    published: plausibleDate(str(r.published)),
  });
  if (str(r.author) && article.authors.length === 0) article.authors.push(str(r.author) as string);
  return id ? article : { ...article, id: contentId(article.text) };
}

/** An ISO date between 1990 and a day from now, else undefined: feeds carry impossible dates. */
export function plausibleDate(s: string | undefined, now = Date.now()): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return undefined;
  if (t < Date.UTC(1990, 0, 1) || t > now + 86_400_000) return undefined;
  return new Date(t).toISOString();
}
