// The real bookings server for the browser tests: `server/cli.ts` (through tsx, so it is never a stale build)
// on a temp SQLite file with the demo seed, and a dev-server middleware that proxies `/real-api/*` to it so the
// page under test calls it same-origin. Loaded by web-test-runner.config.mjs; stopped when the runner exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REAL_API_PREFIX = '/real-api';
export const REAL_OWNER_KEY = 'wtr-owner-key-at-least-24-chars';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Starts the server; resolves with its base URL once it prints `listening on`. */
export function startRealServer() {
  const dir = mkdtempSync(join(tmpdir(), 'wtr-bookings-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'server/cli.ts'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      join(dir, 'bookings.sqlite'),
      '--seed',
      'demo',
      '--owner-key',
      REAL_OWNER_KEY,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  process.on('exit', () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the bookings server did not start in 60 s: ${err}`)), 60_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the bookings server exited (${code}): ${err}`)));
  });
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/** Koa middleware: `/real-api/<path>` → `<target>/<path>`, streaming the answer (SSE included). */
export function realApiProxy(target) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(`${REAL_API_PREFIX}/`)) return next();
    const headers = {};
    for (const name of ['authorization', 'content-type', 'idempotency-key', 'accept']) {
      if (ctx.get(name)) headers[name] = ctx.get(name);
    }
    const body = ['GET', 'HEAD'].includes(ctx.method) ? undefined : await readBody(ctx.req);
    const answer = await fetch(target + ctx.url.slice(REAL_API_PREFIX.length), { method: ctx.method, headers, body });
    ctx.status = answer.status;
    for (const [name, value] of answer.headers) {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) ctx.set(name, value);
    }
    if (answer.headers.get('content-type')?.startsWith('text/event-stream')) {
      ctx.req.socket.setTimeout(0);
      ctx.compress = false; // a compressing middleware would hold events back
    }
    ctx.body = answer.body ? Readable.fromWeb(answer.body) : '';
  };
}
