/**
 * What the console's bookings list and session ask of the server: the extended-bookings `query.search` (a piece of
 * the customer's name or email, with filters and across cursor pages, for OWNER and STAFF alike), and a business
 * login that survives its access token's expiry through the refresh grant with its account's role intact.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import { appointmentBooking, serviceNamed, startBookingServer, visitorToken, type DemoService } from './bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';

const signIn = async (server: TestServer, account: { email: string; password: string }) => {
  const r = await server.call('POST', '/oauth2/token', { body: { grantType: 'password', scope: 'business', ...account } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { access_token: string; refresh_token: string; expires_in: number };
};

describe('the console: searching extended bookings', () => {
  let server: TestServer;
  let owner: string;
  let staff: string;
  let training: DemoService;
  let alex: string;
  let sam: string;

  before(async () => {
    ({ server } = await startBookingServer());
    owner = (await signIn(server, DEMO_OWNER)).access_token;
    staff = (await signIn(server, DEMO_STAFF)).access_token;
    training = await serviceNamed(server, 'Personal Training');
    const members = await server.storage.staff.list();
    alex = members.find((s) => s.name === 'Alex Rivera')!.id;
    sam = members.find((s) => s.name === 'Sam Patel')!.id;
    const visitor = await visitorToken(server);
    const people: [string, string, string, string][] = [
      ['Priya', 'Shah', 'priya.shah@example.com', alex],
      ['Jonas', 'Berg', 'JONAS@Studio.example', sam],
      ['Maria', 'Priyanka', 'maria@example.com', alex],
    ];
    let hour = 9;
    for (const [firstName, lastName, email, staffId] of people) {
      hour += 1;
      const at = (h: number) => `2026-12-03T${String(h).padStart(2, '0')}:00:00`;
      const body = appointmentBooking(training, at(hour), at(hour + 1)) as { booking: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a request body built by hand
      body.booking['bookedEntity'].slot.resource = { id: staffId };
      body.booking['contactDetails'] = { firstName, lastName, email };
      const created = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body });
      assert.equal(created.status, 200, JSON.stringify(created.body));
    }
  });
  after(() => server.close());

  const query = (token: string, q: Record<string, unknown>) =>
    server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token, body: { query: q } });
  const names = (body: { extendedBookings: { booking: { contactDetails: { firstName: string } } }[] }) =>
    body.extendedBookings.map((e) => e.booking.contactDetails.firstName).sort();

  it('finds a piece of a first, last or full name, or of an email, whatever the case', async () => {
    for (const [expression, expected] of [
      ['priya', ['Maria', 'Priya']],
      ['SHAH', ['Priya']],
      ['priya sh', ['Priya']],
      ['studio.EXAMPLE', ['Jonas']],
      ['  ', ['Jonas', 'Maria', 'Priya']],
      ['nobody', []],
    ] as const) {
      const r = await query(owner, { search: { expression } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(names(r.body), expected, expression);
    }
  });

  it('searches together with the filters, and the next cursor page searches the same', async () => {
    const filtered = await query(owner, { search: { expression: 'priya' }, filter: { 'bookedEntity.slot.resource.id': alex } });
    assert.deepEqual(names(filtered.body), ['Maria', 'Priya']);
    const first = await query(owner, { search: { expression: 'example' }, cursorPaging: { limit: 2 }, sort: [{ fieldName: 'startDate' }] });
    assert.equal(first.body.extendedBookings.length, 2);
    assert.equal(first.body.pagingMetadata.hasNext, true);
    const next = await query(owner, { cursorPaging: { limit: 2, cursor: first.body.pagingMetadata.cursors.next } });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal(next.body.extendedBookings.length, 1);
    assert.equal(next.body.pagingMetadata.hasNext, false);
  });

  it("lets a STAFF account search only its own staff member's bookings", async () => {
    const r = await query(staff, { search: { expression: 'example' } });
    assert.equal(r.status, 200);
    assert.deepEqual(names(r.body), ['Maria', 'Priya']);
  });

  it('refuses a search that is too long or not a string, and a search on a query without one', async () => {
    const long = await query(owner, { search: { expression: 'x'.repeat(101) } });
    assert.equal(long.status, 400);
    assert.equal(errorShape(long.body).kind, 'validation');
    const odd = await query(owner, { search: { expression: 7 } });
    assert.equal(odd.status, 400);
    const staffQuery = await server.call('POST', '/bookings/v1/staff-members/query', {
      token: owner,
      body: { query: { search: { expression: 'alex' } } },
    });
    assert.equal(staffQuery.status, 400, JSON.stringify(staffQuery.body));
    assert.deepEqual(errorShape(staffQuery.body), { kind: 'validation', fields: ['query.search'] });
  });
});

describe('the console: a business session across an expired access token', () => {
  let server: TestServer;
  let clock: { now: Date };
  before(async () => {
    ({ server, clock } = await startBookingServer());
  });
  after(() => server.close());

  it('refreshes an expired token and keeps the role: the OWNER stays OWNER, the STAFF stays STAFF and limited', async () => {
    const ownerTokens = await signIn(server, DEMO_OWNER);
    const staffTokens = await signIn(server, DEMO_STAFF);
    clock.now = new Date(clock.now.getTime() + (ownerTokens.expires_in + 60) * 1000);
    assert.equal((await server.call('GET', '/business/v1/me', { token: ownerTokens.access_token })).status, 401, 'expired');
    for (const [tokens, role, users] of [
      [ownerTokens, 'OWNER', 200],
      [staffTokens, 'STAFF', 403],
    ] as const) {
      const refreshed = await server.call('POST', '/oauth2/token', {
        body: { grantType: 'refresh_token', refresh_token: tokens.refresh_token },
      });
      assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
      const token = refreshed.body.access_token as string;
      const me = await server.call('GET', '/business/v1/me', { token });
      assert.equal(me.body.user.role, role);
      assert.equal((await server.call('GET', '/business/v1/users', { token })).status, users);
      const reused = await server.call('POST', '/oauth2/token', {
        body: { grantType: 'refresh_token', refresh_token: tokens.refresh_token },
      });
      assert.equal(reused.status, 400, 'a refresh token is used once: the console keeps the new one');
    }
  });
});
