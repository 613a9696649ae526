/**
 * What a STAFF account may do (contract section 12): the bookings of its own staff member, seen and acted on as
 * the business acts; another staff member's bookings are 404 to it, as another customer's are to a visitor.
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
import { plannedEmails } from '../../server/notifications/mail/plan.js';
import type { Booking } from '../../src/model/booking.js';

const APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';

interface Booked {
  id: string;
  revision: string;
  status: string;
}

describe('business accounts: STAFF rights', () => {
  let server: TestServer;
  let staff: string;
  let staffUserId: string;
  let visitor: string;
  let training: DemoService;
  const people = new Map<string, string>();

  /** A Personal Training appointment with `who` (Alex Rivera or Sam Patel), by a visitor. */
  const appointment = async (who: string, start: string, end: string, extra: Record<string, unknown> = {}): Promise<Booked> => {
    const body = appointmentBooking(training, start, end, extra) as { booking: { bookedEntity: { slot: Record<string, unknown> } } };
    body.booking.bookedEntity.slot['resource'] = { id: people.get(who) };
    const r = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking as Booked;
  };
  const act = (id: string, action: string, body: Record<string, unknown>, token = staff) =>
    server.call('POST', `/bookings/v2/bookings/${id}/${action}`, { token, body });

  before(async () => {
    ({ server } = await startBookingServer());
    for (const s of await server.storage.staff.list()) people.set(s.name, s.id);
    staff = await staffToken(server);
    staffUserId = (await server.call('GET', '/business/v1/me', { token: staff })).body.user.id;
    visitor = await visitorToken(server);
    training = await serviceNamed(server, 'Personal Training');
  });
  after(() => server.close());

  it('sees its own bookings only: in the extended query, the count and by id', async () => {
    const mine = await appointment('Alex Rivera', '2026-12-02T10:00:00', '2026-12-02T11:00:00');
    const sams = await appointment('Sam Patel', '2026-12-02T10:00:00', '2026-12-02T11:00:00');
    const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    const cls = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-02T18:00:00')),
    });
    assert.equal(cls.status, 200, JSON.stringify(cls.body));

    const query = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token: staff, body: {} });
    assert.equal(query.status, 200, JSON.stringify(query.body));
    const ids = query.body.extendedBookings.map((e: { booking: Booked }) => e.booking.id);
    assert.ok(ids.includes(mine.id));
    assert.ok(!ids.includes(sams.id), "Sam's appointment is not Alex's");
    assert.ok(!ids.includes(cls.body.booking.id), "Maya's class is not Alex's");
    const mineExtended = query.body.extendedBookings.find((e: { booking: Booked }) => e.booking.id === mine.id);
    assert.deepEqual(mineExtended.allowedActions, { cancel: true, reschedule: false }, 'as the owner: no policy, CREATED moves nowhere');
    const count = await server.call('POST', '/bookings-reader/v2/extended-bookings/count', { token: staff, body: {} });
    assert.equal(count.body.count, ids.length);

    assert.equal((await server.call('GET', `/bookings/v2/bookings/${mine.id}`, { token: staff })).status, 200);
    for (const id of [sams.id, cls.body.booking.id]) {
      const other = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: staff });
      assert.equal(other.status, 404);
      assert.deepEqual(errorShape(other.body), { kind: 'application', code: 'BOOKING_NOT_FOUND' });
    }
    const everything = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token: OWNER_KEY, body: {} });
    assert.ok(everything.body.extendedBookings.length > ids.length, 'the owner still sees every booking');
  });

  it('confirms, declines, cancels and reschedules its own bookings, named as itself in history', async () => {
    const first = await appointment('Alex Rivera', '2026-12-03T10:00:00', '2026-12-03T11:00:00');
    const confirmed = await act(first.id, 'confirm', { revision: first.revision, paymentStatus: 'PAID' });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.booking.status, 'CONFIRMED');
    assert.equal(confirmed.body.booking.paymentStatus, 'PAID', 'marked paid with the confirmation');

    const moved = await act(first.id, 'reschedule', {
      revision: confirmed.body.booking.revision,
      slot: {
        serviceId: training.id,
        scheduleId: training.scheduleId,
        startDate: '2026-12-03T14:00:00',
        endDate: '2026-12-03T15:00:00',
        timezone: 'America/New_York',
        resource: { id: people.get('Alex Rivera') },
      },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const canceled = await act(first.id, 'cancel', { revision: moved.body.booking.revision });
    assert.equal(canceled.body.booking.status, 'CANCELED');

    const second = await appointment('Alex Rivera', '2026-12-04T10:00:00', '2026-12-04T11:00:00');
    const declined = await act(second.id, 'decline', { revision: second.revision });
    assert.equal(declined.body.booking.status, 'DECLINED');

    const history = await server.call('GET', `/bookings/v2/bookings/${first.id}/history`, { token: staff });
    assert.equal(history.status, 200, JSON.stringify(history.body));
    const actors = history.body.history.slice(1).map((h: { actor: unknown }) => h.actor);
    assert.deepEqual(actors, [
      { kind: 'staff', id: staffUserId },
      { kind: 'staff', id: staffUserId },
      { kind: 'staff', id: staffUserId },
    ]);
  });

  it("cannot see or act on another staff member's booking (404), nor do what stays the OWNER's (403)", async () => {
    const sams = await appointment('Sam Patel', '2026-12-07T10:00:00', '2026-12-07T11:00:00');
    for (const action of ['confirm', 'decline', 'cancel', 'mark_booking_as_pending']) {
      const r = await act(sams.id, action, { revision: sams.revision });
      assert.equal(r.status, 404, `${action}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'BOOKING_NOT_FOUND' });
    }
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${sams.id}/history`, { token: staff })).status, 404);
    const cod = await server.call('POST', `/bookings/v2/confirmation/${sams.id}:confirmOrDecline`, { token: staff, body: {} });
    assert.equal(cod.status, 404);
    const participants = await act(sams.id, 'update_number_of_participants', { revision: sams.revision, totalParticipants: 1 });
    assert.equal(participants.status, 403);
    assert.equal(
      (await server.call('GET', `/bookings/v2/bookings/${sams.id}`, { token: OWNER_KEY })).body.booking.status,
      'CREATED',
      'untouched',
    );
    // The owner key still acts on it.
    assert.equal((await act(sams.id, 'confirm', { revision: sams.revision }, OWNER_KEY)).body.booking.status, 'CONFIRMED');
  });

  it("marks its own customers' orders paid; an order of another staff member's booking is 404", async () => {
    const order = async (who: string, start: string, end: string): Promise<string> => {
      const booking = await appointment(who, start, end, { depositSelected: true });
      const lineItems = [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: booking.id } }];
      const checkout = await server.call('POST', '/ecom/v1/checkouts', { token: visitor, body: { lineItems } });
      const placed = await server.call('POST', `/ecom/v1/checkouts/${checkout.body.checkout.id}/create-order`, {
        token: visitor,
        body: { payment: { provider: 'sandbox', cardToken: 'tok_visa' } },
      });
      assert.equal(placed.status, 200, JSON.stringify(placed.body));
      return placed.body.orderId as string;
    };
    const mine = await order('Alex Rivera', '2026-12-09T10:00:00', '2026-12-09T11:00:00');
    const paid = await server.call('POST', `/ecom/v1/orders/${mine}/mark-as-paid`, { token: staff, body: {} });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(paid.body.order.paymentStatus, 'PAID');
    const sams = await order('Sam Patel', '2026-12-09T10:00:00', '2026-12-09T11:00:00');
    const refused = await server.call('POST', `/ecom/v1/orders/${sams}/mark-as-paid`, { token: staff, body: {} });
    assert.equal(refused.status, 404);
    assert.deepEqual(errorShape(refused.body), { kind: 'application', code: 'ORDER_NOT_FOUND' });
    assert.equal((await server.call('POST', `/ecom/v1/orders/${sams}/decline`, { token: staff, body: {} })).status, 403);
  });

  it('a cancellation by a STAFF account, as by the owner, emails the customer and not the business', () => {
    const booking = (status: string) => ({ id: 'b1', status }) as unknown as Booking;
    const kinds = (actorKind: string) =>
      plannedEmails({ before: booking('CONFIRMED'), after: booking('CANCELED'), action: 'CANCEL', actorKind }).map((p) => p.kind);
    assert.deepEqual(kinds('staff'), ['booking-canceled']);
    assert.deepEqual(kinds('staff'), kinds('owner'));
    assert.ok(kinds('visitor').includes('business-cancellation'));
  });

  it('a visitor or member cannot use the business calls on its own booking', async () => {
    const own = await appointment('Alex Rivera', '2026-12-08T10:00:00', '2026-12-08T11:00:00');
    const r = await act(own.id, 'confirm', { revision: own.revision }, visitor);
    assert.equal(r.status, 403);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${own.id}/history`, { token: visitor })).status, 403);
  });
});
