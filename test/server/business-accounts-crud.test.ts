/** The OWNER's CRUD over business accounts, and who may do what (contract section 12). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_KEY, errorShape, type TestServer } from './helpers.js';
import { startBookingServer, serviceNamed, appointmentBooking, visitorToken } from './bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';

const signIn = async (server: TestServer, email: string, password: string): Promise<string> => {
  const r = await server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password, scope: 'business' } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.access_token as string;
};

describe("business accounts: the OWNER's CRUD", () => {
  let server: TestServer;
  let owner: string;
  let staff: string;
  let alexId: string;
  before(async () => {
    ({ server } = await startBookingServer());
    owner = await signIn(server, DEMO_OWNER.email, DEMO_OWNER.password);
    staff = await signIn(server, DEMO_STAFF.email, DEMO_STAFF.password);
    alexId = (await server.storage.staff.list()).find((s) => s.name === 'Alex Rivera')?.id ?? '';
  });
  after(() => server.close());

  it('creates, reads, lists, changes and deletes accounts, never answering a password or its hash', async () => {
    const sam = (await server.storage.staff.list()).find((s) => s.name === 'Sam Patel');
    const created = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: ' Sam@Example.com ', role: 'STAFF', staffMemberId: sam?.id, password: 'sam-at-the-desk' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const user = created.body.user;
    assert.deepEqual(Object.keys(user).sort(), ['createdDate', 'email', 'id', 'role', 'staffMemberId', 'updatedDate']);
    assert.equal(user.email, 'sam@example.com');
    assert.equal((await server.call('GET', `/business/v1/users/${user.id}`, { token: OWNER_KEY })).body.user.email, 'sam@example.com');
    const list = await server.call('GET', '/business/v1/users', { token: owner });
    assert.deepEqual(list.body.users.map((u: { email: string }) => u.email).sort(), [
      DEMO_STAFF.email,
      DEMO_OWNER.email,
      'sam@example.com',
    ]);
    assert.ok(!JSON.stringify(list.body).includes('scrypt'));
    assert.equal(
      (
        await server.call('POST', '/oauth2/token', {
          body: { grantType: 'password', email: 'sam@example.com', password: 'sam-at-the-desk', scope: 'business' },
        })
      ).status,
      200,
    );

    const promoted = await server.call('PATCH', `/business/v1/users/${user.id}`, { token: owner, body: { role: 'OWNER' } });
    assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
    assert.equal(promoted.body.user.role, 'OWNER');
    assert.equal(promoted.body.user.staffMemberId, undefined, 'an OWNER has no staff link');
    const taken = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: 'SAM@example.com', role: 'OWNER', password: 'another-good-one' },
    });
    assert.equal(taken.status, 409);
    assert.deepEqual(errorShape(taken.body), { kind: 'application', code: 'ALREADY_EXISTS' });

    assert.equal((await server.call('DELETE', `/business/v1/users/${user.id}`, { token: owner })).status, 200);
    const gone = await server.call('GET', `/business/v1/users/${user.id}`, { token: owner });
    assert.equal(gone.status, 404);
    assert.deepEqual(errorShape(gone.body), { kind: 'application', code: 'BUSINESS_USER_NOT_FOUND' });
  });

  it('refuses bad input with a message per field', async () => {
    const bad = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: 'not-an-email', role: 'MANAGER', password: 'short' },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorShape(bad.body), { kind: 'validation', fields: ['email', 'role', 'password'] });
    const noStaff = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: 'desk@example.com', role: 'STAFF', password: 'desk-password-1' },
    });
    assert.deepEqual(errorShape(noStaff.body), { kind: 'validation', fields: ['staffMemberId'] });
    const unknownStaff = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: 'desk@example.com', role: 'STAFF', staffMemberId: 'nobody', password: 'desk-password-1' },
    });
    assert.deepEqual(errorShape(unknownStaff.body), { kind: 'validation', fields: ['staffMemberId'] });
    const ownerWithStaff = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: 'desk@example.com', role: 'OWNER', staffMemberId: alexId, password: 'desk-password-1' },
    });
    assert.deepEqual(errorShape(ownerWithStaff.body), { kind: 'validation', fields: ['staffMemberId'] });
    const missing = await server.call('POST', '/business/v1/users', { token: owner, body: { email: 'desk@example.com' } });
    assert.equal(missing.status, 400);
  });

  it('never deletes or demotes the last OWNER', async () => {
    const me = (await server.call('GET', '/business/v1/me', { token: owner })).body.user;
    const demote = await server.call('PATCH', `/business/v1/users/${me.id}`, {
      token: owner,
      body: { role: 'STAFF', staffMemberId: alexId },
    });
    assert.equal(demote.status, 409);
    assert.deepEqual(errorShape(demote.body), { kind: 'application', code: 'LAST_OWNER' });
    const remove = await server.call('DELETE', `/business/v1/users/${me.id}`, { token: OWNER_KEY });
    assert.equal(remove.status, 409);
    assert.equal((await server.call('GET', '/business/v1/me', { token: owner })).body.user.role, 'OWNER', 'nothing changed');
  });

  it("a deleted account's token stops working", async () => {
    const made = await server.call('POST', '/business/v1/users', {
      token: owner,
      body: { email: 'temp@example.com', role: 'STAFF', staffMemberId: alexId, password: 'temporary-pass' },
    });
    const token = await signIn(server, 'temp@example.com', 'temporary-pass');
    assert.equal((await server.call('GET', '/business/v1/me', { token })).status, 200);
    await server.call('DELETE', `/business/v1/users/${made.body.user.id}`, { token: owner });
    assert.equal((await server.call('GET', '/business/v1/me', { token })).status, 401);
  });

  it('STAFF may not touch accounts, the catalogue, money, webhooks, email lists or notifications: 403', async () => {
    const training = await serviceNamed(server, 'Personal Training');
    const calls: [string, string, unknown?][] = [
      ['GET', '/business/v1/users'],
      ['POST', '/business/v1/users', { email: 'x@example.com', role: 'OWNER', password: 'a-good-password' }],
      ['PATCH', `/bookings/v2/services/${training.id}`, { service: { name: 'Renamed' } }],
      ['POST', '/bookings/v2/services', { service: { name: 'New' } }],
      ['POST', '/ecom/v1/orders/some-order/decline'],
      ['POST', '/webhooks/v1/endpoints', { url: 'https://example.com/hook', events: ['booking.created'] }],
      ['GET', '/webhooks/v1/endpoints'],
      ['GET', '/notifications/v1/emails'],
      ['GET', '/bookings/v2/notifications'],
      ['POST', '/bookings/v2/bookings', appointmentBooking(training, '2026-12-02T10:00:00', '2026-12-02T11:00:00')],
    ];
    for (const [method, path, body] of calls) {
      const r = await server.call(method, path, { token: staff, ...(body ? { body } : {}) });
      assert.equal(r.status, 403, `${method} ${path}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'PERMISSION_DENIED' }, `${method} ${path}`);
    }
    const visitor = await visitorToken(server);
    assert.equal((await server.call('GET', '/business/v1/users', { token: visitor })).status, 403);
  });

  it('an OWNER account does what the owner key does: catalogue writes, confirm, history named after it', async () => {
    const training = await serviceNamed(server, 'Personal Training');
    const service = (await server.call('GET', `/bookings/v2/services/${training.id}`, { token: owner })).body.service;
    const renamed = await server.call('PATCH', `/bookings/v2/services/${training.id}`, {
      token: owner,
      body: { service: { revision: service.revision, tagLine: 'Now with an OWNER account' } },
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const visitor = await visitorToken(server);
    const made = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: appointmentBooking(training, '2026-12-03T10:00:00', '2026-12-03T11:00:00'),
    });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const id = made.body.booking.id;
    const cod = await server.call('POST', `/bookings/v2/confirmation/${id}:confirmOrDecline`, { token: owner, body: {} });
    assert.equal(cod.body.booking.status, 'PENDING', JSON.stringify(cod.body));
    const confirmed = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, {
      token: owner,
      body: { revision: cod.body.booking.revision },
    });
    assert.equal(confirmed.body.booking.status, 'CONFIRMED');
    const history = await server.call('GET', `/bookings/v2/bookings/${id}/history`, { token: owner });
    const me = (await server.call('GET', '/business/v1/me', { token: owner })).body.user;
    assert.deepEqual(history.body.history.at(-1).actor, { kind: 'owner', id: me.id });
    const all = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token: owner, body: {} });
    assert.ok(all.body.extendedBookings.some((e: { booking: { id: string } }) => e.booking.id === id));
  });
});
