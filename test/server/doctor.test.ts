/**
 * `booking-server doctor`, the same checks as warnings at start, the one-time untrusted-proxy warning, and the
 * database's file modes: all through the real CLI (run from the sources, so a stale build cannot stand in).
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url));
const GOOD_KEY = 'q7X-2mPz9LkVbR4tWc8NyHs1Jd6FgA0e';
const SAFE_ENV = {
  BOOKINGS_ALLOWED_ORIGINS: 'https://studio.example',
  BOOKINGS_OWNER_KEY: '',
  BOOKINGS_TRUST_PROXY: '',
  PUBLIC_URL: 'https://book.studio.example',
  WEBHOOKS_ALLOW_PRIVATE: '',
};

/** Runs the CLI (through sh, to set the umask) and collects its output until it exits or prints `listening on`. */
function cli(args: string[], env: Record<string, string> = {}, umask = '022') {
  const quoted = [process.execPath, '--import', 'tsx', CLI, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const child = spawn('/bin/sh', ['-c', `umask ${umask} && exec ${quoted}`], {
    env: { ...process.env, ...SAFE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/\S+)\n/.exec(stdout)?.[1];
      if (url) resolve(url.replace('localhost', '127.0.0.1'));
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  listening.catch(() => undefined);
  return {
    exited,
    listening,
    output: () => ({ stdout, stderr }),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function doctor(args: string[], env: Record<string, string> = {}) {
  const run = cli(['doctor', '--host', '0.0.0.0', ...args], env);
  const code = await run.exited;
  return { code, ...run.output() };
}

describe('booking-server doctor and the start-up checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bookings-doctor-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says all is well for a careful set-up', async () => {
    const r = await doctor(['--db', join(dir, 'fresh', 'bookings.sqlite'), '--owner-key', GOOD_KEY]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /all well/);
  });

  it('reports a short owner key (which the server refuses) and one with little variety, each with what to do', async () => {
    const db = ['--db', ':memory:'];
    const short = await doctor([...db, '--owner-key', 'k']);
    assert.equal(short.code, 1);
    assert.match(
      short.stdout,
      /owner key has 1 characters; the server refuses keys under 24[\s\S]*what to do: Make a new key with: node -e/,
    );
    const repeated = await doctor([...db], { BOOKINGS_OWNER_KEY: 'a'.repeat(40) });
    assert.equal(repeated.code, 1);
    assert.match(repeated.stdout, /uses only 1 different characters[\s\S]*what to do: Make a random key/);
    const none = await doctor([...db]);
    assert.match(none.stdout, /No owner key is configured/);
    // The server itself refuses the short key at start (server/config.ts).
    assert.equal(await cli(['--port', '0', ...db, '--owner-key', 'k']).exited, 2);
  });

  it('reports a database file, its WAL and its folder that other users can read', async () => {
    const folder = join(dir, 'open');
    mkdirSync(folder);
    chmodSync(folder, 0o755);
    const file = join(folder, 'bookings.sqlite');
    for (const path of [file, `${file}-wal`]) {
      writeFileSync(path, '');
      chmodSync(path, 0o644);
    }
    const r = await doctor(['--db', file, '--owner-key', GOOD_KEY]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`folder ${folder} is open to other users \\(mode 755\\)[\\s\\S]*what to do: chmod 700 ${folder}`));
    assert.match(r.stdout, new RegExp(`${file} can be read by other users \\(mode 644\\)\\.\\n  what to do: chmod 600 ${file}\\n`));
    assert.match(r.stdout, new RegExp(`${file}-wal can be read by other users`));
  });

  it('reports CORS open to every site unless it is the demo, and how proxies are trusted', async () => {
    const base = ['--db', ':memory:', '--owner-key', GOOD_KEY];
    const cors = await doctor(base, { BOOKINGS_ALLOWED_ORIGINS: '*' });
    assert.equal(cors.code, 1);
    assert.match(cors.stdout, /Any website may call the API[\s\S]*what to do: Set BOOKINGS_ALLOWED_ORIGINS/);
    assert.equal((await doctor([...base, '--seed', 'demo'], { BOOKINGS_ALLOWED_ORIGINS: '*' })).code, 0);
    const local = await doctor([...base, '--host', '127.0.0.1']);
    assert.match(local.stdout, /trusts no proxy[\s\S]*--trust-proxy loopback/);
    assert.equal((await doctor([...base, '--host', '127.0.0.1', '--trust-proxy', 'loopback'])).code, 0);
    const everyone = await doctor([...base, '--trust-proxy', 'true']);
    assert.match(everyone.stdout, /anyone who reaches the server directly can claim any address/);
  });

  it('reports emails that would link to localhost, and webhooks allowed into the private network', async () => {
    const base = ['--db', ':memory:', '--owner-key', GOOD_KEY];
    const links = await doctor(base, { PUBLIC_URL: '' });
    assert.equal(links.code, 1);
    assert.match(links.stdout, /PUBLIC_URL is unset[\s\S]*what to do: Set PUBLIC_URL/);
    const hooks = await doctor(base, { WEBHOOKS_ALLOW_PRIVATE: '1' });
    assert.equal(hooks.code, 1);
    assert.match(hooks.stdout, /WEBHOOKS_ALLOW_PRIVATE is on[\s\S]*outside development/);
  });

  it('prints the same findings as warnings at start, then serves; warns once about proxy headers it does not trust', async () => {
    const server = cli(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:'], {
      BOOKINGS_OWNER_KEY: 'b'.repeat(30),
      BOOKINGS_ALLOWED_ORIGINS: '*',
    });
    try {
      const url = await server.listening;
      const { stderr } = server.output();
      assert.match(stderr, /warning: The owner key uses only 1 different characters/);
      assert.match(stderr, /warning: Any website may call the API/);
      assert.doesNotMatch(stderr, /X-Forwarded-For or Forwarded/);
      for (const headers of [
        { 'x-forwarded-for': '203.0.113.7' },
        { forwarded: 'for=203.0.113.8' },
        { 'x-forwarded-for': '203.0.113.9' },
      ] as Record<string, string>[]) {
        assert.equal((await fetch(`${url}/healthz`, { headers })).status, 200);
      }
      assert.equal(server.output().stderr.match(/X-Forwarded-For or Forwarded headers, but no proxy is trusted/g)?.length, 1);
    } finally {
      await server.stop();
    }
    const trusted = cli(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:', '--owner-key', GOOD_KEY, '--trust-proxy', 'loopback']);
    try {
      const url = await trusted.listening;
      await fetch(`${url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      assert.doesNotMatch(trusted.output().stderr, /no proxy is trusted/);
    } finally {
      await trusted.stop();
    }
  });

  it('creates the database folder 0700 and the database, WAL and SHM files 0600, even with umask 000', async () => {
    const folder = join(dir, 'private', 'data');
    const file = join(folder, 'bookings.sqlite');
    const server = cli(['--port', '0', '--host', '127.0.0.1', '--db', file, '--owner-key', GOOD_KEY, '--seed', 'demo'], {}, '000');
    try {
      await server.listening;
      const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
      assert.equal(mode(folder), '700');
      assert.equal(mode(file), '600');
      assert.equal(mode(`${file}-wal`), '600');
      assert.equal(mode(`${file}-shm`), '600');
    } finally {
      await server.stop();
    }
  });
});
