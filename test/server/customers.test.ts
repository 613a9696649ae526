/**
 * The customers API (docs/business-accounts.md, "Customers"): the people in the business's bookings (one per email,
 * any case) and its members, searched by name or email, with a member's plan credits; a STAFF account sees only
 * the customers in its staff member's bookings, and only those bookings.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_KEY, errorShape, type TestServer } from './helpers.js';
import {
  startBookingServer,
  serviceNamed,
  appointmentBooking,
  visitorToken,
  eventIdAt,
  classBooking,
  type DemoService,
  staffToken,
} from './bookings-fixtures.js';
import { DEMO_MEMBER } from '../../server/seed/demo-members.js';
import type { Customer, CustomerListResponse, CustomerResponse } from '../../src/model/customer.js';

describe('customers API', () => {
  let server: TestServer;
  let staff: string;
  let visitor: string;
  let training: DemoService;
  const people = new Map<string, string>();

  const book = async (who: string, start: string, contact: Record<string, string>): Promise<string> => {
    const body = appointmentBooking(
      training,
      start,
      start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
      {
        contactDetails: contact,
      },
    ) as { booking: { bookedEntity: { slot: Record<string, unknown> } } };
    body.booking.bookedEntity.slot['resource'] = { id: people.get(who) };
    const r = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking.id as string;
  };
  const list = async (query: string, token = OWNER_KEY): Promise<CustomerListResponse> => {
    const r = await server.call('GET', `/business/v1/customers${query}`, { token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as CustomerListResponse;
  };
  const named = (customers: Customer[], lastName: string) => customers.find((c) => c.lastName === lastName);

  before(async () => {
    ({ server } = await startBookingServer());
    for (const s of await server.storage.staff.list()) people.set(s.name, s.id);
    staff = await staffToken(server);
    visitor = await visitorToken(server);
    training = await serviceNamed(server, 'Personal Training');
    await book('Alex Rivera', '2026-12-02T10:00:00', {
      firstName: 'Dana',
      lastName: 'Quill',
      email: 'dana.quill@example.com',
      phone: '+1 555 0101',
    });
    // The same person by another case of the email: one customer.
    await book('Sam Patel', '2026-12-03T10:00:00', { firstName: 'Dana', lastName: 'Quill', email: 'Dana.Quill@Example.com' });
    await book('Sam Patel', '2026-12-03T12:00:00', { firstName: 'Omar', lastName: 'Zell', email: 'omar@example.com' });
    const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    const cls = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-02T18:00:00'), {
        contactDetails: { firstName: 'Pia', lastName: 'Class', email: 'pia@example.com' },
      }),
    });
    assert.equal(cls.status, 200, JSON.stringify(cls.body));
  });
  after(() => server.close());

  it('lists the people in bookings once per email, and members, with counts and the next booking', async () => {
    const { customers, pagingMetadata } = await list('');
    const dana = named(customers, 'Quill');
    assert.ok(dana);
    assert.equal(customers.filter((c) => c.lastName === 'Quill').length, 1, 'one customer per email, any case');
    assert.equal(dana.bookingsCount, 2);
    assert.equal(dana.phone, '+1 555 0101');
    assert.equal(dana.nextBookingStart, '2026-12-02T15:00:00.000Z');
    assert.equal(dana.lastBookingStart, undefined, 'no past booking yet');
    const riley = customers.find((c) => c.email === DEMO_MEMBER.email);
    assert.ok(riley?.memberId, 'a member who never booked is a customer too');
    assert.equal(riley.bookingsCount, 0);
    assert.equal(pagingMetadata.count, customers.length);
    assert.equal(pagingMetadata.hasNext, false);
    assert.ok(!customers.some((c) => JSON.stringify(c.id).includes('@')), 'ids carry no email');
  });

  it('searches by a part of the name or the email, any case', async () => {
    assert.deepEqual(
      (await list('?search=QUI')).customers.map((c) => c.lastName),
      ['Quill'],
    );
    assert.deepEqual(
      (await list('?search=dana%20q')).customers.map((c) => c.lastName),
      ['Quill'],
    );
    assert.deepEqual(
      (await list('?search=OMAR%40')).customers.map((c) => c.lastName),
      ['Zell'],
    );
    assert.deepEqual((await list('?search=%25')).customers, [], 'a % is a character, not a wildcard');
  });

  it('pages by cursor', async () => {
    const all = (await list('')).customers.map((c) => c.id);
    const first = await list('?limit=2');
    assert.equal(first.customers.length, 2);
    assert.equal(first.pagingMetadata.hasNext, true);
    const next = first.pagingMetadata.cursors.next;
    assert.ok(next);
    const second = await list(`?cursor=${encodeURIComponent(next)}`);
    assert.deepEqual([...first.customers, ...second.customers].map((c) => c.id).slice(0, 4), all.slice(0, 4));
  });

  it('reads one customer with their bookings, and a member with plan credits', async () => {
    const dana = named((await list('?search=quill')).customers, 'Quill');
    assert.ok(dana);
    const one = await server.call('GET', `/business/v1/customers/${dana.id}`, { token: OWNER_KEY });
    assert.equal(one.status, 200, JSON.stringify(one.body));
    const body = one.body as CustomerResponse;
    assert.equal(body.customer.id, dana.id);
    assert.equal(body.bookings.length, 2);
    assert.ok(body.bookings.every((b) => b.contactDetails.contactId === dana.id));
    assert.deepEqual(body.planOrders, []);

    const riley = (await list('?search=riley')).customers[0];
    assert.ok(riley);
    const member = (await server.call('GET', `/business/v1/customers/${riley.id}`, { token: OWNER_KEY })).body as CustomerResponse;
    assert.equal(member.planOrders[0]?.planName, '10-Class Pass');
    assert.deepEqual(member.planOrders[0]?.credits, { total: 10, remaining: 7 });
  });

  it('STAFF sees the customers in its own bookings only, each with those bookings only', async () => {
    const { customers } = await list('', staff);
    assert.deepEqual(
      customers.map((c) => c.lastName),
      ['Quill'],
      "Alex's appointment only: not Sam's, Maya's class or a member",
    );
    const dana = customers[0];
    assert.ok(dana);
    assert.equal(dana.bookingsCount, 1);
    const one = (await server.call('GET', `/business/v1/customers/${dana.id}`, { token: staff })).body as CustomerResponse;
    assert.equal(one.bookings.length, 1);
    assert.equal(one.bookings[0]?.bookedEntity.slot?.resource?.id, people.get('Alex Rivera'));

    const omar = named((await list('?search=zell')).customers, 'Zell');
    assert.ok(omar);
    const hidden = await server.call('GET', `/business/v1/customers/${omar.id}`, { token: staff });
    assert.equal(hidden.status, 404);
    assert.deepEqual(errorShape(hidden.body), { kind: 'application', code: 'CUSTOMER_NOT_FOUND' });
  });

  it('answers 404 for an unknown customer, 400 for bad input, 401/403 for others', async () => {
    const unknown = await server.call('GET', '/business/v1/customers/no-such-contact', { token: OWNER_KEY });
    assert.equal(unknown.status, 404);
    assert.deepEqual(errorShape(unknown.body), { kind: 'application', code: 'CUSTOMER_NOT_FOUND' });
    for (const query of ['?limit=0', '?limit=abc', '?limit=101', `?search=${'x'.repeat(101)}`, '?cursor=made-up']) {
      const bad = await server.call('GET', `/business/v1/customers${query}`, { token: OWNER_KEY });
      assert.equal(bad.status, 400, query);
      assert.equal(errorShape(bad.body).kind, 'validation', query);
    }
    assert.equal((await server.call('GET', '/business/v1/customers')).status, 401);
    assert.equal((await server.call('GET', '/business/v1/customers', { token: visitor })).status, 403);
  });
});
