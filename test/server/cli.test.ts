/** The `booking-server` CLI as a user runs it (contract section 10): a real process, a real SQLite file. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { spawnListening } from './spawn-listening.js';

const BIN = fileURLToPath(new URL('../../bin/booking-server.mjs', import.meta.url));
const CLI_KEY = 'cli-test-owner-key-0123456789';

interface Running {
  url: string;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Start the CLI and wait for its `listening on` line. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const { url, child, stderr } = await spawnListening([BIN, ...args], env);
  return {
    url,
    stderr,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

const queryServices = async (url: string, body: unknown = {}) => {
  const r = await fetch(`${url}/bookings/v2/services/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await r.json()) as { services: { id: string; name: string }[] };
};

describe('booking-server CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bookings-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--port 0 --db :memory: --seed demo prints its address and serves the five services', async () => {
    const server = await startCli(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:', '--seed', 'demo', '--owner-key', CLI_KEY]);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const { services } = await queryServices(server.url);
      assert.equal(services.length, 5);
      const climb = services.find((s) => s.name === 'Family Climb');
      assert.ok(climb);
      const variants = (await (await fetch(`${server.url}/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`)).json()) as {
        serviceVariants: { variants: { values: { choices: { custom: string }[] }[] } };
      };
      assert.deepEqual(
        variants.serviceVariants.variants.values.map((v) => v.choices[0]?.custom),
        ['Adult', 'Child'],
      );
      // The owner key given on the command line works; another does not.
      const asOwner = await fetch(`${server.url}/bookings/v2/services/${climb.id}`, {
        method: 'DELETE',
        headers: { authorization: 'Bearer wrong' },
      });
      assert.equal(asOwner.status, 401);
    } finally {
      await server.stop();
    }
  });

  it('keeps its data across a restart on the same --db file, and does not seed twice', async () => {
    const db = join(dir, 'studio.sqlite');
    const first = await startCli(['--port', '0', '--host', '127.0.0.1', '--db', db, '--seed', 'demo', '--owner-key', CLI_KEY]);
    let ids: string[];
    try {
      assert.match(first.stderr(), /seeded the demo business/);
      ids = (await queryServices(first.url)).services.map((s) => s.id);
      const removed = await fetch(`${first.url}/bookings/v2/services/${ids[0]}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${CLI_KEY}` },
      });
      assert.equal(removed.status, 200);
    } finally {
      await first.stop();
    }
    assert.ok(existsSync(db));
    const second = await startCli(['--port', '0', '--host', '127.0.0.1', '--db', db, '--seed', 'demo', '--owner-key', CLI_KEY]);
    try {
      assert.match(second.stderr(), /already has a business; not seeding/);
      const after = (await queryServices(second.url)).services.map((s) => s.id);
      assert.deepEqual(after, ids.slice(1), 'the same four services, the deleted one still gone, nothing seeded again');
    } finally {
      await second.stop();
    }
  });

  it('generates and prints an owner key when none is configured', async () => {
    const server = await startCli(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:'], { BOOKINGS_OWNER_KEY: '' });
    try {
      const key = /owner key for this run: (\S+)/.exec(server.stderr())?.[1];
      assert.ok(key && key.length >= 24);
    } finally {
      await server.stop();
    }
  });

  /** Runs the CLI to its exit; for flags it must refuse before listening. */
  async function refused(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; err: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    return { code, err };
  }

  it('refuses an owner key shorter than 24 characters, from the flag or the environment, saying how to make one', async () => {
    for (const [args, env] of [
      [['--owner-key', 'short-key-23-characters'], {}],
      [[], { BOOKINGS_OWNER_KEY: 'k' }],
    ] as const) {
      const { code, err } = await refused(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:', ...args], env);
      assert.equal(code, 2);
      assert.match(err, /owner key must be at least 24 characters/);
      assert.match(err, /randomBytes/);
    }
  });

  it('refuses a --trust-proxy value it cannot read', async () => {
    const { code, err } = await refused(['--port', '0', '--db', ':memory:', '--owner-key', CLI_KEY, '--trust-proxy', 'the-proxy!']);
    assert.equal(code, 2);
    assert.match(err, /--trust-proxy takes/);
  });

  it('refuses bad flags with the usage text and exit code 2', async () => {
    const child = spawn(process.execPath, [BIN, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    assert.equal(code, 2);
    assert.match(err, /--port must be a number/);
  });
});
