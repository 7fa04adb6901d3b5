#!/usr/bin/env node
/**
 * The `newstrace` command. Thin: parses arguments, calls the library, prints. Every failure
 * becomes one clear line on stderr and a non-zero exit code, never a stack trace (set
 * NEWSTRACE_DEBUG=1 to see one).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../source/index.js';
import { UsageError } from './errors.js';

// Each command's module is loaded when it runs: `compare` then starts without the store, the
// server and the extractor's dependencies (a cold compare is a process start to exit).
const corpus = () => import('./corpus.js');

const usage = `newstrace — trace news stories to their sources

Usage:
  newstrace compare A B [--json] [--html FILE]   compare two articles (text or HTML pages, .gz, - for stdin)
  newstrace compare --pairs FILE.jsonl            compare many pairs: one {"id","a","b"} per line
  newstrace extract FILE|DIR... [--jsonl]         the article and metadata of each page, furniture set apart
  newstrace ingest PATH... [--db FILE]            index pages, folders, JSONL (.gz) into a corpus (default newstrace.db)
  newstrace stories [--json] [--facts] [--db FILE] [--query WORDS] [--since DATE] [--site SITE] [--limit N]
                                                  the corpus's stories, with who took from whom (--facts: and their key facts)
  newstrace similar PATH... [--json|--jsonl] [--db FILE]
                                                  what in the corpus matches each article (files or folders), without adding them
  newstrace show STORY|ARTICLE|FILE [--json] [--html FILE] [--db FILE]
                                                  one story with its graph and key facts, or one article with its relations
  newstrace inputs [--status ingested|present|skipped] [--jsonl] [--db FILE]
                                                  every input read and what became of it (its article, or why it was skipped)
  newstrace export [--format jsonl|csv|graphml] [--db FILE]   the corpus for other tools
  newstrace compact [--db FILE]                   rewrite the corpus without the space its upgrades left free
  newstrace serve [--db FILE] [--port N] [--host H] [--token T]   the HTTP API (127.0.0.1:8080 by default)
  newstrace demo [--serve]                        run on the bundled sample corpus (and serve its web UI)
  newstrace --version | --help
`;

/**
 * The options each command reads. The parser knows every command's options, so one given to a
 * command that ignores it (`extract --json` for `--jsonl`) would pass silently without this list.
 */
const OPTIONS_OF: Record<string, readonly string[]> = {
  compare: ['json', 'html', 'pairs'],
  extract: ['jsonl'],
  ingest: ['db'],
  show: ['db', 'json', 'html'],
  export: ['db', 'format'],
  inputs: ['db', 'status', 'jsonl'],
  compact: ['db'],
  similar: ['db', 'json', 'jsonl'],
  stories: ['db', 'json', 'query', 'since', 'site', 'limit', 'facts'],
  serve: ['db', 'port', 'host', 'token'],
  demo: ['serve'],
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      facts: { type: 'boolean', default: false },
      db: { type: 'string' },
      since: { type: 'string' },
      query: { type: 'string', short: 'q' },
      site: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
      status: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      serve: { type: 'boolean', default: false },
      html: { type: 'string' },
      pairs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(usage);
    return command || values.help ? 0 : 2;
  }
  const takes = OPTIONS_OF[command];
  for (const t of takes ? tokens : []) {
    if (t.kind === 'option' && !takes.includes(t.name))
      throw new UsageError(
        `'${command}' takes no option --${t.name}${takes.length ? ` (its options: ${takes.map((o) => `--${o}`).join(', ')})` : ''}`,
      );
  }
  switch (command) {
    case 'compare':
      return (await import('./compare.js')).runCompare(
        rest,
        { json: values.json, html: values.html, pairs: values.pairs },
        process.stdout,
      );
    case 'extract':
      return (await import('./extract.js')).runExtract(
        rest,
        { jsonl: values.jsonl },
        process.stdout,
        process.stderr,
      );
    case 'ingest':
      return (await corpus()).runIngest(rest, { db: values.db }, process.stdout, process.stderr);
    case 'show':
      return (await corpus()).runShow(
        rest,
        { db: values.db, json: values.json, html: values.html },
        process.stdout,
      );
    case 'export':
      return (await corpus()).runExport({ db: values.db, format: values.format }, process.stdout);
    case 'inputs':
      return (await corpus()).runInputs(
        { db: values.db, status: values.status, jsonl: values.jsonl },
        process.stdout,
      );
    case 'compact':
      return (await corpus()).runCompact({ db: values.db }, process.stdout);
    case 'similar':
      return (await corpus()).runSimilar(
        rest,
        { db: values.db, json: values.json, jsonl: values.jsonl },
        process.stdout,
        process.stderr,
      );
    case 'stories':
      return (await corpus()).runStories(
        {
          db: values.db,
          json: values.json,
          query: values.query,
          since: values.since,
          site: values.site,
          limit: values.limit,
          facts: values.facts,
        },
        process.stdout,
      );
    case 'serve':
      return (await import('./serve.js')).runServe(
        { db: values.db, port: values.port, host: values.host, token: values.token },
        process.stdout,
      );
    case 'demo':
      return (await import('./demo.js')).runDemo(process.stdout, { serve: values.serve });
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

// A reader that stops early (`newstrace stories | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (process.env.NEWSTRACE_DEBUG) console.error(err);
    if (err instanceof UsageError) {
      process.stderr.write(`newstrace: ${err.message}\n\n${usage}`);
      process.exitCode = 2;
    } else if (err instanceof InputError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    } else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`newstrace: ${(err as Error).message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`newstrace: ${(err as Error).message ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
