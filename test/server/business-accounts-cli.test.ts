/**
 * `booking-server users add` as an owner runs it (contract section 12): a real process over a real SQLite file, the
 * password on stdin. It runs the TypeScript sources (server/cli.ts through tsx), not a build that may be stale.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { verifyPassword } from '../../server/domain/passwords.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `stdin` piped in; DATABASE_URL is left out so --db decides. */
function users(args: string[], stdin: string): Promise<Ran> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  delete env['BOOKINGS_DB'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'users', ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

describe('booking-server users add', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bookings-users-'));
  const db = join(dir, 'studio.sqlite');
  let alexId = '';
  before(async () => {
    const storage = createSqliteStorage(db);
    await seedDemo(storage);
    alexId = (await storage.staff.list()).find((s) => s.name === 'Alex Rivera')?.id ?? '';
    await storage.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an OWNER and a STAFF account from a piped password and prints each id', async () => {
    const owner = await users(['add', '--email', 'First.Owner@Studio.example', '--role', 'OWNER', '--db', db], 'a-long-owner-secret\n');
    assert.equal(owner.code, 0, owner.stderr);
    const ownerId = owner.stdout.trim();
    assert.match(ownerId, /^[0-9a-f-]{36}$/);
    const staff = await users(
      ['add', '--email', 'desk@studio.example', '--role', 'STAFF', '--staff-member-id', alexId, '--db', db],
      'desk-secret-123',
    );
    assert.equal(staff.code, 0, staff.stderr);

    const storage = createSqliteStorage(db);
    try {
      const stored = await storage.businessUsers.get(ownerId);
      assert.equal(stored?.email, 'first.owner@studio.example');
      assert.equal(stored?.role, 'OWNER');
      assert.ok(await verifyPassword('a-long-owner-secret', stored?.passwordHash ?? ''), 'only the first line, without its newline');
      const desk = await storage.businessUsers.get(staff.stdout.trim());
      assert.equal(desk?.staffMemberId, alexId);
    } finally {
      await storage.close();
    }
  });

  it('refuses bad input with a message and exit code 2, creating nothing', async () => {
    const cases: [string[], string, RegExp][] = [
      [['add', '--role', 'OWNER'], 'a-long-owner-secret', /--email/],
      [['add', '--email', 'x@studio.example', '--role', 'MANAGER'], 'a-long-owner-secret', /--role/],
      [['add', '--email', 'x@studio.example', '--role', 'OWNER'], 'short', /password must be at least 10/],
      [
        ['add', '--email', 'x@studio.example', '--role', 'STAFF', '--staff-member-id', 'nobody'],
        'a-long-staff-secret',
        /--staff-member-id/,
      ],
      [['add', '--email', 'owner@example.com', '--role', 'OWNER'], 'a-long-owner-secret', /already uses/],
      [['add', '--email', 'x@studio.example', '--role', 'OWNER'], '', /no password/],
      [['remove', '--email', 'x@studio.example', '--role', 'OWNER'], 'a-long-owner-secret', /"add"/],
    ];
    for (const [args, stdin, message] of cases) {
      const ran = await users([...args, '--db', db], stdin);
      assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`);
      assert.match(ran.stderr, message);
      assert.equal(ran.stdout, '');
    }
    const storage = createSqliteStorage(db);
    try {
      assert.equal(await storage.businessUsers.getByEmail('x@studio.example'), null);
    } finally {
      await storage.close();
    }
  });
});
