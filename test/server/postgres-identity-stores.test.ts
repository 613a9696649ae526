/**
 * Visitor and member tokens (always read from the database), idempotency claims (two instances racing for one
 * key) and owner notifications, differentially on SQLite and PostgreSQL (postgres-booking-fixtures.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OwnerNotification, TokenRecord } from '../../server/storage/types.js';
import { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { PostgresTokenStore } from '../../server/storage/postgres/token-store.js';
import { PostgresIdempotencyStore } from '../../server/storage/postgres/idempotency-store.js';
import { differential, booking, T } from './postgres-booking-fixtures.js';

describe('PostgreSQL token, idempotency and notification stores, differentially against SQLite', () => {
  const { same, bothFail, add, pg } = differential();

  it('tokens: insert, find (always from the database), revoke by session, family, hash; purge expired', async () => {
    const rec = (sessionId: string, familyId: string, kind: 'access' | 'refresh', expiresAt = T('12:00')): TokenRecord => ({
      ...{ kind, subject: { kind: 'visitor', id: 'v-1' }, sessionId, familyId, expiresAt },
      ...(kind === 'access' ? { clientId: 'web' } : {}),
    });
    const rows: [string, TokenRecord][] = [
      ['a1', rec('s1', 'f1', 'access')],
      ['r1', rec('s1', 'f1', 'refresh')],
      ['a2', rec('s2', 'f1', 'access')],
      ['a3', rec('s3', 'f2', 'access', T('09:00'))],
    ];
    for (const [hash, r] of rows) await same((s) => s.tokens.insert(hash, r));
    await bothFail((s) => s.tokens.insert('a1', rec('s9', 'f9', 'access')));
    const find = (hash: string) => same((s) => s.tokens.find(hash));
    assert.deepEqual(await find('a1'), rec('s1', 'f1', 'access'));
    assert.deepEqual(await find('r1'), rec('s1', 'f1', 'refresh'), 'no clientId');
    assert.equal(await find('nope'), null);
    await same((s) => s.tokens.revokeSession('s1', T('10:00')));
    assert.deepEqual(await find('r1'), { ...rec('s1', 'f1', 'refresh'), revokedAt: T('10:00') });
    assert.equal(await same((s) => s.tokens.revokeFamily('f1', T('10:30'))), 1, 'a2 (s1 was revoked)');
    assert.equal((await find('a1'))?.revokedAt, T('10:00'), 'kept its first revocation');
    assert.equal(await same((s) => s.tokens.revokeFamily('f1', T('10:30'))), 0);
    await same((s) => s.tokens.revoke('a3', T('08:30')));
    assert.equal((await find('a3'))?.revokedAt, T('08:30'));
    assert.equal(await same((s) => s.tokens.purgeExpired(T('09:00'))), 0, 'expires_at < before');
    assert.equal(await same((s) => s.tokens.purgeExpired(T('12:00', '02'))), 4);
    assert.equal(await find('a1'), null);
    // Another instance revokes: this one's next lookup sees it (nothing kept in memory).
    const other = new PostgresExecutor({ connectionString: pg().url });
    const [here, there] = [new PostgresTokenStore(pg().x), new PostgresTokenStore(other)];
    await here.insert('a4', rec('s4', 'f4', 'access'));
    assert.equal((await here.find('a4'))?.revokedAt, undefined);
    await there.revoke('a4', T('11:00'));
    assert.equal((await here.find('a4'))?.revokedAt, T('11:00'));
    await other.close();
  });

  it('idempotency: get, put, purge; claim → busy → done; taken over after claimedUntil; complete and release by claim', async () => {
    const claim = (key: string, claimId: string, at: string, hash = 'h') =>
      same((s) =>
        s.idempotency.claim('scope', key, { claimId, requestHash: hash, at, claimedUntil: T('10:00'), expiresAt: T('12:00', '02') }),
      );
    await same((s) =>
      s.idempotency.put('scope', 'k0', { requestHash: 'h0', statusCode: 200, response: { a: [1, 'x'] } }, T('08:00'), T('09:00')),
    );
    assert.deepEqual(await same((s) => s.idempotency.get('scope', 'k0', T('08:30'))), {
      requestHash: 'h0',
      statusCode: 200,
      response: { a: [1, 'x'] },
    });
    assert.equal(await same((s) => s.idempotency.get('scope', 'k0', T('09:00'))), null, 'expired');
    assert.equal(await same((s) => s.idempotency.get('other', 'k0', T('08:30'))), null);
    assert.deepEqual(await claim('k0', 'c0', T('09:00')), { kind: 'claimed' }, 'over an expired answer');
    assert.deepEqual(await claim('k1', 'c1', T('09:00'), 'h1'), { kind: 'claimed' });
    assert.deepEqual(await claim('k1', 'c2', T('09:30')), { kind: 'busy', requestHash: 'h1' });
    assert.equal(await same((s) => s.idempotency.get('scope', 'k1', T('09:30'))), null, 'claimed, not done');
    await same((s) => s.idempotency.complete('scope', 'k1', 'c2', 201, { no: true }));
    await same((s) => s.idempotency.release('scope', 'k1', 'c2'));
    assert.deepEqual(await claim('k1', 'c2', T('09:30')), { kind: 'busy', requestHash: 'h1' }, 'only c1 completes or releases it');
    await same((s) => s.idempotency.complete('scope', 'k1', 'c1', 201, { id: 'b1' }));
    const done = { kind: 'done', answer: { requestHash: 'h1', statusCode: 201, response: { id: 'b1' } } };
    assert.deepEqual(await claim('k1', 'c3', T('11:00')), done, 'done answers never expire by claimedUntil');
    await same((s) => s.idempotency.release('scope', 'k1', 'c1'));
    assert.deepEqual(await claim('k1', 'c3', T('11:00')), done, 'a done key is not released');
    assert.deepEqual(await claim('k2', 'c4', T('09:00')), { kind: 'claimed' });
    assert.deepEqual(await claim('k2', 'c5', T('10:00'), 'h5'), { kind: 'claimed' }, 'taken over at claimedUntil');
    await same((s) => s.idempotency.complete('scope', 'k2', 'c4', 500, null));
    assert.deepEqual(await claim('k2', 'c6', T('09:59')), { kind: 'busy', requestHash: 'h5' }, 'the first claimant lost it');
    await same((s) => s.idempotency.release('scope', 'k2', 'c5'));
    assert.deepEqual(await claim('k2', 'c6', T('09:59')), { kind: 'claimed' }, 'released: a retry runs again');
    await same((s) => s.idempotency.put('scope', 'k2', { requestHash: 'h7', statusCode: 200, response: null }, T('09:59'), T('10:30')));
    assert.deepEqual(await same((s) => s.idempotency.get('scope', 'k2', T('10:00'))), {
      requestHash: 'h7',
      statusCode: 200,
      response: null,
    });
    assert.equal(await same((s) => s.idempotency.purgeExpired(T('10:30'))), 1);
    assert.equal(await same((s) => s.idempotency.purgeExpired(T('12:00', '02'))), 2);

    const other = new PostgresExecutor({ connectionString: pg().url });
    const stores = [new PostgresIdempotencyStore(pg().x), new PostgresIdempotencyStore(other)];
    for (let i = 0; i < 10; i++) {
      const c = (n: number) => ({
        claimId: `race-${i}-${n}`,
        requestHash: `h${n}`,
        at: T('09:00'),
        claimedUntil: T('10:00'),
        expiresAt: T('12:00'),
      });
      const outcomes = await Promise.all(stores.map((s, n) => s.claim('scope', `race-${i}`, c(n))));
      assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['busy', 'claimed'], 'exactly one of two instances claims');
    }
    await other.close();
  });

  it('owner notifications: newest first (arrival order within a millisecond), by booking', async () => {
    const note = (id: string, bookingId: string, createdDate: string, data: Record<string, unknown>): OwnerNotification => ({
      id,
      type: 'DOUBLE_BOOKING',
      bookingId,
      message: `double ${bookingId}`,
      data,
      createdDate,
    });
    const notes = [
      note('n1', 'b1', T('09:00'), {}),
      note('n2', 'b2', T('10:00'), { with: ['b1'], n: 2 }),
      note('n3', 'b1', T('10:00'), { nested: { x: null } }),
    ];
    for (const id of ['b1', 'b2']) await add(booking(id)); // notifications point at bookings
    for (const n of notes) await same((s) => s.notifications.insert(n));
    await bothFail((s) => s.notifications.insert(note('n1', 'b1', T('09:00'), {})));
    assert.deepEqual(await same((s) => s.notifications.list()), [notes[2], notes[1], notes[0]]);
    assert.deepEqual(await same((s) => s.notifications.list({ bookingId: 'b1' })), [notes[2], notes[0]]);
    assert.deepEqual(await same((s) => s.notifications.list({ bookingId: 'nope' })), []);
  });
});
