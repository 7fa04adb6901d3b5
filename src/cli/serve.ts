/** `newstrace serve [--db FILE] [--port N] [--host 127.0.0.1] [--token T]`: the HTTP API over a corpus. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultContext } from '../compare/context.js';
import { warmUp } from '../pipeline/warm-up.js';
import { buildServer } from '../server/app.js';
import { DEFAULT_DB, openCorpus } from './corpus.js';
import { UsageError } from './errors.js';

export async function runServe(
  flags: { db?: string; port?: string; host?: string; token?: string },
  out: NodeJS.WritableStream,
): Promise<number> {
  const port = Number(flags.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port wants a port number, not '${flags.port}'`);
  const token = flags.token ?? process.env.NEWSTRACE_TOKEN;
  // A live feed may start from nothing: `POST /articles` fills the corpus.
  const store = openCorpus(flags.db, 'write');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const webDir = fileURLToPath(new URL('../web/', import.meta.url));
  const ctx = defaultContext();
  // Its first requests then run compiled code (~0.5 s here; see warm-up.ts). Only an optimisation:
  // a server whose package lost its sample still serves.
  try {
    await warmUp(ctx, { store });
  } catch (e) {
    out.write(`newstrace: serving without a warm-up (${(e as Error).message})\n`);
  }
  const app = await buildServer({ store, ctx, token, version: pkg.version, webDir });
  let address: string;
  try {
    address = await app.listen({ port, host: flags.host ?? '127.0.0.1' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    // The port is taken: any free one will do, the address printed says which.
    address = await app.listen({ port: 0, host: flags.host ?? '127.0.0.1' });
  }
  out.write(
    `newstrace: serving ${flags.db ?? DEFAULT_DB} (Ctrl-C stops)\n  web UI: ${address}/\n  API:    ${address}/openapi.json\n` +
      `${token ? '' : '  writes: disabled (set --token or NEWSTRACE_TOKEN)\n'}`,
  );
  const stop = async () => {
    await app.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {}); // runs until stopped
}
