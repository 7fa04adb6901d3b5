/**
 * The HTTP API over a corpus: Fastify with a JSON Schema on every route (bad requests get a 400
 * with the validator's message, never a stack trace), an OpenAPI document at /openapi.json, a
 * token for writes, a body size limit. Thin: every route calls the library and the store.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { buildArticle } from '../article/build.js';
import type { Article } from '../article/types.js';
import { type CompareContext, type Comparison, compareArticles } from '../compare/compare.js';
import {
  defaultIngestOptions,
  describeMatches,
  extractForStore,
  type IngestSummary,
  ingestItems,
  type Pending,
  pageFromArticleRecord,
  pageFromRecordLine,
  type RawPage,
  RECENT_TEXTS,
  RecordError,
  similarInStore,
} from '../pipeline/ingest.js';
import { extractPage } from '../pipeline/page.js';
import { PreparePool } from '../pipeline/prepare-pool.js';
import { PreparedCache, SIMILAR_CACHE } from '../pipeline/prepared-cache.js';
import { storedPages } from '../pipeline/stored-pages.js';
import { wordDiff } from '../report/word-diff.js';
import { INPUT_STATUSES, type InputRow, type InputStatus, type Store, seenFrom } from '../store/store.js';
import { keyFacts, storyClaims, storyFacts } from '../story/facts.js';
import { LiveStories } from '../story/live.js';
import { filterStories, type Story } from '../story/stories.js';

export interface ServerOptions {
  store: Store;
  ctx: CompareContext;
  /** Token that writes must present as `Authorization: Bearer …`; without one, writes are refused. */
  token?: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  version?: string;
  /** Folder of the built web UI (index.html, assets/), served at / when present. */
  webDir?: string;
}

/** Articles posted at once from which ingest prepares them on a worker thread. */
const WORKER_BATCH = 100;

const articleRecord = {
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 500 },
    url: { type: 'string', maxLength: 4000 },
    site: { type: 'string', maxLength: 500 },
    title: { type: 'string', maxLength: 2000 },
    published: { type: 'string', maxLength: 100 },
    author: { type: 'string', maxLength: 500 },
    text: { type: 'string', minLength: 1 },
    html: { type: 'string', minLength: 1 },
  },
  anyOf: [{ required: ['text'] }, { required: ['html'] }],
  additionalProperties: false,
} as const;

const pageBody = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    text: { type: 'string', minLength: 1 },
    html: { type: 'string', minLength: 1 },
  },
  anyOf: [{ required: ['text'] }, { required: ['html'] }],
  additionalProperties: false,
} as const;

const idParam = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 500 } },
  required: ['id'],
} as const;

export async function buildServer(opt: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: opt.bodyLimit ?? 10 * 1024 * 1024 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'newstrace',
        description: 'Trace news stories to their sources: stories, who took from whom, what changed.',
        version: opt.version ?? '0.1.0',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    },
  });
  app.addContentTypeParser(
    ['text/plain', 'text/html', 'application/x-ndjson'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    // Never a stack trace: the message for a client's mistake, a fixed text for ours.
    reply.status(status).send({ error: status >= 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: `no route ${req.method} ${req.url}` });
  });

  // Stored articles prepared for comparison, kept for the next `similar`.
  const cache = new PreparedCache(opt.store, opt.ctx, SIMILAR_CACHE);
  /** `POST /articles` requests served, which numbers the inputs each stores (see there). */
  let posts = 0;

  // Preparing workers for large posts, started on the first and kept: each loads its own lexicon.
  // A pool whose worker failed is replaced at the next large post.
  let pool: PreparePool | undefined;
  app.addHook('onClose', async () => {
    await pool?.close();
  });

  // Stories kept up to date: what was stored since the last request (by this server or another
  // process) is added, and only the stories it touches are built again.
  const storyIndex = new LiveStories();
  let seen = { articles: 0, relations: 0 };
  const current = (): LiveStories => {
    const now = opt.store.size();
    if (now.articles !== seen.articles || now.relations !== seen.relations) {
      storyIndex.add(opt.store.articlesAfter(seen.articles), opt.store.relationsAfter(seen.relations));
      seen = now;
    }
    return storyIndex;
  };
  const stories = (): Story[] => current().stories();
  /** The story a request names, or undefined with a 404 sent that names it. */
  const namedStory = (id: string, reply: FastifyReply): Story | undefined => {
    const story = current().story(id);
    if (!story) reply.status(404).send({ error: `no story '${id}'` });
    return story;
  };
  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!opt.token)
      return reply.status(403).send({ error: 'writes are disabled: the server was started without a token' });
    if (given !== opt.token)
      return reply.status(401).send({ error: 'a valid token is needed: Authorization: Bearer <token>' });
  };

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The web UI: index.html and its hashed assets, with a policy that lets no other script run.
  const webDir = opt.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    const page = (file: string, type: string) => async (_req: FastifyRequest, reply: FastifyReply) =>
      reply
        .type(type)
        .header(
          'content-security-policy',
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        )
        .header('x-content-type-options', 'nosniff')
        .send(await readFile(file));
    app.get('/', { schema: { hide: true } }, page(join(webDir, 'index.html'), 'text/html; charset=utf-8'));
    app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (req, reply) => {
      const name = basename(req.params.file);
      const type = ASSET_TYPES[extname(name)];
      const file = join(webDir, 'assets', name);
      if (!type || !existsSync(file)) return reply.status(404).send({ error: `no asset '${name}'` });
      return page(file, type)(req, reply);
    });
  }

  // Live: clients subscribe to server-sent events and hear of each article as it joins a story.
  const live = new EventEmitter();
  live.setMaxListeners(1000);
  app.get(
    '/events',
    { schema: { summary: 'Server-sent events: each added article and the story it joined' } },
    (req, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      reply.raw.write(': newstrace live\n\n');
      const send = (event: unknown) => reply.raw.write(`event: article\ndata: ${JSON.stringify(event)}\n\n`);
      live.on('article', send);
      req.raw.on('close', () => live.off('article', send));
    },
  );

  app.get('/health', { schema: { summary: 'Liveness and corpus size' } }, async () => {
    const c = opt.store.size();
    return { ok: true, articles: c.articles, relations: c.relations };
  });

  app.get<{ Querystring: { q?: string; site?: string; since?: string; limit?: number } }>(
    '/stories',
    {
      schema: {
        summary: 'Stories, biggest and newest first',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 200 },
            site: { type: 'string', maxLength: 500 },
            since: { type: 'string', format: 'date-time' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const { q, site, since, limit } = req.query;
      const list = filterStories(
        stories(),
        { query: q, site, since: since === undefined ? undefined : Date.parse(since) },
        limit ?? 50,
      );
      return list.map(storySummary);
    },
  );

  app.get<{ Querystring: { status?: InputStatus; after?: number; limit?: number } }>(
    '/inputs',
    {
      schema: {
        summary:
          'Every input read and what became of it (its article, or why it was skipped), a page at a time',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: [...INPUT_STATUSES] },
            after: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const { status, after = 0, limit = 100 } = req.query;
      const inputs: InputRow[] = [];
      for (const input of opt.store.inputs(status, after)) {
        inputs.push(input);
        if (inputs.length === limit) break;
      }
      // The next page starts after this one's last input; none where this page was not full.
      return { inputs, next: inputs.length === limit ? inputs[inputs.length - 1].seq : null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/stories/:id',
    { schema: { summary: 'A story: its articles, relation graph and facts', params: idParam } },
    async (req, reply) => {
      const story = namedStory(req.params.id, reply);
      if (!story) return reply;
      return story;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/articles/:id',
    { schema: { summary: 'An article with its relations and story', params: idParam } },
    async (req, reply) => {
      const article = storedPages(opt.store)(req.params.id);
      if (!article) return reply.status(404).send({ error: `no article '${req.params.id}'` });
      const relations = opt.store.relationsOf(article.id);
      const story = current().storyOf(article.id);
      return { article, story: story?.id ?? null, relations };
    },
  );

  app.post<{ Body: unknown }>(
    '/articles',
    {
      preHandler: requireToken,
      schema: {
        summary: 'Add articles: one record, an array of records, JSONL, or a text / HTML page',
        security: [{ token: [] }],
        body: {
          anyOf: [
            articleRecord,
            { type: 'array', items: articleRecord, maxItems: 1000 },
            { type: 'string', minLength: 1 },
          ],
        },
      },
    },
    async (req) => {
      const contentType = req.headers['content-type'] ?? '';
      // The corpus keeps each input under a name of its own, when and in which request it came
      // ("POST /articles 2026-03-04T13:05:00.000Z (7) request:2": a name for every request's
      // record, as `show` gives it); the answer names each by its place in this request.
      const received = `POST /articles ${new Date().toISOString()} (${++posts})`;
      const placeOf = new Map<string, string>();
      const input = (place: string) => {
        const source = `${received} ${place}`;
        placeOf.set(source, place);
        return source;
      };
      const inAnswer = (source: string) => placeOf.get(source) ?? source;
      const items: Pending[] = [];
      if (typeof req.body === 'string') {
        if (contentType.startsWith('application/x-ndjson')) {
          req.body.split('\n').forEach((line, k) => {
            if (!line.trim()) return;
            items.push({
              source: input(`request:${k + 1}`),
              read: async () => pageFromRecordLine(line),
            });
          });
        } else {
          const kind = contentType.startsWith('text/html') ? 'html' : 'text';
          const content = req.body;
          items.push({ source: input('request'), read: async () => ({ content, kind, meta: {} }) });
        }
      } else {
        const records = Array.isArray(req.body) ? req.body : [req.body];
        records.forEach((r, k) => {
          items.push({ source: input(`request:${k + 1}`), read: async () => pageFromArticleRecord(r) });
        });
      }
      const added: string[] = [];
      const settled: Array<{ source: string; status: 'ingested' | 'present'; id: string }> = [];
      // Workers are worth it for a large batch, not for the few articles a live stream posts at a
      // time (handing an article to a thread and back costs more than preparing it here).
      const large = items.length >= WORKER_BATCH;
      if (large && (!pool || pool.failed)) {
        await pool?.close();
        pool = PreparePool.create(defaultIngestOptions.workers, { recentTexts: RECENT_TEXTS });
      }
      const summary: IngestSummary = await ingestItems(items, opt.store, opt.ctx, {
        onArticle: (id) => added.push(id),
        onProgress: ({ source, status, id }) => {
          if (id && status !== 'skipped') settled.push({ source, status, id });
        },
        ...(large && pool ? { pool } : { workers: 0 }),
      });
      if (added.length && live.listenerCount('article') > 0) {
        const index = current();
        for (const id of added) {
          const story = index.storyOf(id);
          const article = story?.articles.find((a) => a.id === id);
          live.emit('article', {
            id,
            title: article?.title,
            story: story?.id,
            storyTitle: story?.title,
            storySize: story?.articles.length,
          });
        }
      }
      // What a stream that de-duplicates needs at once: each posted article's id, its story and
      // what it copies or shares (for one already stored, what it had).
      const index = settled.length ? current() : undefined;
      const articles = settled.map(({ source, status, id }) => ({
        source: inAnswer(source),
        status,
        id,
        story: index?.storyOf(id)?.id ?? null,
        relations: opt.store.relationsOf(id).map((r) => {
          const seen = seenFrom(r, id);
          return {
            id: seen.b,
            type: seen.type,
            direction: seen.direction,
            coverageA: seen.coverageA,
            coverageB: seen.coverageB,
          };
        }),
      }));
      const skipped = summary.skipped.map((s) => ({ ...s, source: inAnswer(s.source) }));
      return { ...summary, skipped, articles };
    },
  );

  app.post<{
    Body: {
      a: { title?: string; text?: string; html?: string };
      b: { title?: string; text?: string; html?: string };
    };
  }>(
    '/compare',
    {
      schema: {
        summary: 'Compare two posted articles (the `newstrace compare --json` contract)',
        body: {
          type: 'object',
          properties: { a: pageBody, b: pageBody },
          required: ['a', 'b'],
          additionalProperties: false,
        },
      },
    },
    async (req) => withDiffs(compareArticles(fromBody(req.body.a), fromBody(req.body.b), opt.ctx)),
  );

  app.get<{ Querystring: { a: string; b: string } }>(
    '/pair',
    {
      schema: {
        summary: 'Compare two stored articles, with the changed words of each aligned pair',
        querystring: {
          type: 'object',
          properties: { a: { type: 'string', minLength: 1 }, b: { type: 'string', minLength: 1 } },
          required: ['a', 'b'],
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => {
      const read = storedPages(opt.store);
      const a = read(req.query.a);
      const b = read(req.query.b);
      if (!a || !b) return reply.status(404).send({ error: `no article '${a ? req.query.b : req.query.a}'` });
      return withDiffs(compareArticles(a, b, opt.ctx));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/stories/:id/facts',
    {
      schema: {
        summary:
          "Which article of a story has which name, number and quote; conflicts with the origin's; the story's key facts",
        params: idParam,
      },
    },
    async (req, reply) => {
      const story = namedStory(req.params.id, reply);
      if (!story) return reply;
      const facts = storyFacts(story, storedPages(opt.store), opt.ctx.lexicon);
      return { ...facts, keyFacts: keyFacts(facts) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/stories/:id/claims',
    {
      schema: {
        summary:
          'The sentences each retelling of the story’s origin adds to it and those it leaves out (rewrites and near-copies; each aligned with the origin, ~5-15 ms a retelling)',
        params: idParam,
      },
    },
    async (req, reply) => {
      const story = namedStory(req.params.id, reply);
      if (!story) return reply;
      return storyClaims(story, storedPages(opt.store), opt.ctx);
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/similar',
    {
      schema: {
        summary:
          'What in the corpus matches a posted article, without adding it (read as `POST /articles` reads it: with its `site` or `url`, without what its site is known to repeat)',
        body: articleRecord,
      },
    },
    async (req, reply) => {
      let page: RawPage;
      try {
        page = pageFromArticleRecord(req.body);
      } catch (e) {
        if (e instanceof RecordError) return reply.status(400).send({ error: `the article ${e.message}` });
        throw e;
      }
      const article = extractForStore(page, opt.store);
      // Each match with what a client lists of it, without a request per match.
      return describeMatches(similarInStore(article, opt.store, opt.ctx, cache), opt.store);
    },
  );

  return app;
}

/** The comparison with, for each alignment, the word-level difference of its two sides. */
function withDiffs(c: Comparison) {
  return {
    ...c,
    diffs: c.alignments.map((al) =>
      al.kind === 'related'
        ? []
        : wordDiff(
            al.a.map((i) => c.a.sentences[i].text).join(' '),
            al.b.map((j) => c.b.sentences[j].text).join(' '),
          ),
    ),
  };
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A posted page as an article: HTML through the extractor, text as a text page. */
function fromBody(body: { title?: string; text?: string; html?: string }): Article {
  if (body.html) return buildArticle(extractPage(body.html, 'html'));
  const text = body.text as string;
  return buildArticle(extractPage(body.title ? `${body.title}\n${text}` : text, 'text'));
}

function storySummary(s: Story) {
  return {
    id: s.id,
    title: s.title,
    ...(s.lead ? { lead: s.lead } : {}),
    start: s.start ?? null,
    end: s.end ?? null,
    articles: s.articles.length,
    sites: [...new Set(s.articles.map((a) => a.site).filter(Boolean))],
    origin: s.origin,
  };
}
