/**
 * Accounts and catalogue doors: a stranger cannot lock a member out, registration costs one hash for a new email
 * and a member's alike and refuses weak passwords before hashing, one customer cannot fill a session with unpaid
 * bookings, and a hidden service's variants stay hidden.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, scryptSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorShape, startServer, OWNER_KEY } from './helpers.js';
import { startBookingServer, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { MemberService } from '../../server/domain/members/member-service.js';
import { LoginThrottle } from '../../server/domain/members/login-throttle.js';
import { TokenService } from '../../server/domain/identity/tokens.js';
import { hashPassword, verifyPassword, needsRehash, SCRYPT_PARAMS } from '../../server/domain/passwords.js';

const from = (address: string) => ({ 'x-forwarded-for': address });
const login = (password: string) => ({ grantType: 'password', email: 'member@example.com', password });

describe('accounts', () => {
  it('failures from one address do not lock the member out elsewhere, nor other addresses', async () => {
    const server = await startServer({ server: { trustProxy: true } });
    try {
      for (let i = 0; i < 5; i++) {
        assert.equal(
          (await server.call('POST', '/oauth2/token', { body: login('wrong-password'), headers: from('203.0.113.5') })).status,
          401,
        );
      }
      const locked = await server.call('POST', '/oauth2/token', { body: login('harbor-demo'), headers: from('203.0.113.5') });
      assert.equal(locked.status, 429, 'the guessing address is slowed down');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      const home = await server.call('POST', '/oauth2/token', { body: login('harbor-demo'), headers: from('198.51.100.20') });
      assert.equal(home.status, 200, `the member signs in from home: ${JSON.stringify(home.body)}`);
    } finally {
      await server.close();
    }
  });

  it("registration hashes once for a new email and a member's alike, and refuses weak passwords before hashing", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-'));
    const storage = createSqliteStorage(join(dir, 'db.sqlite'));
    try {
      await seedDemo(storage);
      let hashes = 0;
      const counting = { hash: async (p: string) => ((hashes += 1), hashPassword(p)), verify: verifyPassword };
      const clock = () => new Date();
      const members = new MemberService(storage, new TokenService(storage, clock), new LoginThrottle(), clock, counting);
      const known = await members.register({ email: 'Member@Example.com', password: 'a long enough passphrase' });
      assert.deepEqual(known, { loginEmail: 'member@example.com', status: 'ACCEPTED' });
      assert.equal(hashes, 1, "a member's email costs the hash a new one does, so its time tells nothing");
      const [event] = await storage.outbox.listEvents();
      assert.equal(event?.eventType, 'members.registration_for_known_email');
      assert.deepEqual(Object.keys(event?.payload ?? {}).sort(), ['email', 'firstName'], 'never the password');
      hashes = 0;
      for (const [password, reason] of [
        ['short-one', /at least 10/],
        ['aaaaaaaaaaaaaaa', /one character repeated/],
        ['newcomer@example.com', /email/],
      ] as const) {
        await assert.rejects(members.register({ email: 'newcomer@example.com', password }), (e: unknown) =>
          reason.test(JSON.stringify((e as { toBody(): unknown }).toBody())),
        );
      }
      assert.equal(hashes, 0);
      const member = await members.register({ email: 'Newcomer@Example.com', password: 'a long enough passphrase' });
      assert.deepEqual(member, { loginEmail: 'newcomer@example.com', status: 'ACCEPTED' });
      assert.equal(hashes, 1);
      assert.equal((await storage.outbox.listEvents()).length, 1, 'a new email appends no event');
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("hashes with scrypt at OWASP's minimum work, and upgrades a weaker hash at the next sign-in", async () => {
    const stored = await hashPassword('a long enough passphrase');
    const [, n, r, p] = stored.split('$').map(Number);
    // OWASP's Password Storage Cheat Sheet lists these as its minimum, each of equal strength.
    const owaspMinimum = [
      [2 ** 17, 8, 1],
      [2 ** 16, 8, 2],
      [2 ** 15, 8, 3],
      [2 ** 14, 8, 5],
      [2 ** 13, 8, 10],
    ];
    assert.ok(
      owaspMinimum.some(([N, R, P]) => n! >= N! && r! >= R! && p! >= P!),
      `scrypt N=${n} r=${r} p=${p}`,
    );
    assert.deepEqual({ N: n, r, p }, SCRYPT_PARAMS);
    assert.equal(needsRehash(stored), false);
    assert.equal(needsRehash('scrypt$16384$8$1$c2FsdA$a2V5'), true);

    const server = await startServer();
    try {
      const demo = await server.storage.members.getByEmail('member@example.com');
      // The demo member's hash as an earlier version made it (N=2^14, r=8, p=1).
      const salt = randomBytes(16);
      const weak = [
        'scrypt',
        16384,
        8,
        1,
        salt.toString('base64url'),
        scryptSync('harbor-demo', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url'),
      ].join('$');
      await server.storage.members.setPasswordHash(demo!.id, weak, new Date().toISOString());
      assert.equal((await server.call('POST', '/oauth2/token', { body: login('harbor-demo') })).status, 200);
      const upgraded = (await server.storage.members.getByEmail('member@example.com'))!.passwordHash;
      assert.equal(needsRehash(upgraded), false);
      assert.equal(
        (await server.call('POST', '/oauth2/token', { body: login('harbor-demo') })).status,
        200,
        'the upgraded hash still signs in',
      );
    } finally {
      await server.close();
    }
  });

  it('registration over HTTP answers 400 with the password rule broken', async () => {
    const server = await startServer({ seed: false });
    try {
      const r = await server.call('POST', '/members/v1/members/register', { body: { email: 'x@example.com', password: 'xxxxxxxxxxxx' } });
      assert.equal(r.status, 400);
      assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['password'] });
    } finally {
      await server.close();
    }
  });
});

describe('one customer, one session', () => {
  it('a visitor token holds at most three unpaid bookings in one session; others and the owner are not limited', async () => {
    const { server } = await startBookingServer();
    try {
      const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
      const eventId = await eventIdAt(server, vinyasa, '2026-12-02T18:00:00');
      const token = await visitorToken(server);
      const book = (t: string) =>
        server.call('POST', '/bookings/v2/bookings', {
          token: t,
          body: classBooking(vinyasa, eventId, { selectedPaymentOption: 'OFFLINE' }),
        });
      for (let i = 0; i < 3; i++) assert.equal((await book(token)).status, 200);
      const third = await book(token);
      assert.equal(third.status, 428, JSON.stringify(third.body));
      assert.deepEqual(errorShape(third.body), { kind: 'application', code: 'BOOKING_POLICY_VIOLATION' });
      assert.match(third.body.message, /unpaid/);
      // Another session of the same class is another matter.
      const other = await eventIdAt(server, vinyasa, '2026-12-04T18:00:00');
      assert.equal(
        (
          await server.call('POST', '/bookings/v2/bookings', {
            token,
            body: classBooking(vinyasa, other, { selectedPaymentOption: 'OFFLINE' }),
          })
        ).status,
        200,
      );
      assert.equal((await book(await visitorToken(server))).status, 200, 'another visitor may book');
      for (let i = 0; i < 3; i++) assert.equal((await book(OWNER_KEY)).status, 200, 'the owner books by phone without limit');
    } finally {
      await server.close();
    }
  });
});

describe('hidden services', () => {
  it("a hidden service's options and variants are readable by the owner only, by id and by query", async () => {
    const server = await startServer();
    try {
      const { body } = await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name: 'Family Climb' } } } });
      const climb = body.services[0];
      const variants = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`)).body.serviceVariants;
      const hidden = await server.call('PATCH', `/bookings/v2/services/${climb.id}`, {
        token: OWNER_KEY,
        body: { service: { hidden: true, revision: climb.revision } },
      });
      assert.equal(hidden.status, 200, JSON.stringify(hidden.body));

      const visitor = await visitorToken(server);
      for (const token of [undefined, visitor]) {
        assert.equal((await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/${variants.id}`, { token })).status, 404);
        assert.equal((await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`, { token })).status, 404);
        const listed = await server.call('POST', '/bookings/v1/serviceOptionsAndVariants/query', { token, body: {} });
        assert.equal(listed.status, 200);
        assert.ok(!listed.body.serviceOptionsAndVariantsList.some((v: { serviceId: string }) => v.serviceId === climb.id));
      }
      assert.equal((await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/${variants.id}`, { token: OWNER_KEY })).status, 200);
      const ownerList = await server.call('POST', '/bookings/v1/serviceOptionsAndVariants/query', { token: OWNER_KEY, body: {} });
      assert.ok(ownerList.body.serviceOptionsAndVariantsList.some((v: { serviceId: string }) => v.serviceId === climb.id));
    } finally {
      await server.close();
    }
  });
});
