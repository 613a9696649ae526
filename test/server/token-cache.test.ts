/**
 * The token store keeps tokens it found in memory (every request with a token looks one up). A revocation is
 * seen by the very next lookup, and a revocation rolled back with its transaction leaves the token valid.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import type { TokenRecord } from '../../server/storage/types.js';

const record = (sessionId: string): TokenRecord => ({
  kind: 'access',
  subject: { kind: 'visitor', id: `visitor-${sessionId}` },
  sessionId,
  familyId: sessionId,
  expiresAt: '2099-01-01T00:00:00.000Z',
});

it('a kept token is forgotten on revocation, and a rolled-back revocation is not remembered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'token-cache-'));
  const storage = createSqliteStorage(join(dir, 'db.sqlite'));
  try {
    const tokens = storage.tokens;
    await tokens.insert('hash-a', record('s-a'));
    await tokens.insert('hash-b', record('s-b'));
    assert.equal((await tokens.find('hash-a'))?.revokedAt, undefined);
    assert.equal(await tokens.find('hash-a'), await tokens.find('hash-a'), 'the second lookup is the kept record');

    await tokens.revokeSession('s-a', '2026-12-02T00:00:00.000Z');
    assert.equal((await tokens.find('hash-a'))?.revokedAt, '2026-12-02T00:00:00.000Z');

    await tokens.find('hash-b');
    await assert.rejects(
      storage.transaction(async () => {
        await tokens.revokeFamily('s-b', '2026-12-02T00:00:00.000Z');
        assert.ok((await tokens.find('hash-b'))?.revokedAt, 'revoked inside the transaction');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await tokens.find('hash-b'))?.revokedAt, undefined, 'the rollback restored it, and nothing remembered otherwise');

    await tokens.purgeExpired('2100-01-01T00:00:00.000Z');
    assert.equal(await tokens.find('hash-b'), null);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
