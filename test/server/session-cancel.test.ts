/**
 * Cancelling one class session with its bookings (`POST /calendar/v3/events/{eventId}/cancel`, extension): every
 * booking that holds or waits for a place is canceled by the business in one transaction, each customer gets
 * exactly one "canceled" email (METHOD:CANCEL, the business's message), what was paid online is refunded once,
 * a second cancel cancels nothing more, a quiet cancel emails no customer, and a booking that cannot be canceled
 * leaves the session and every booking as they were. Runs on either backend (BOOKINGS_TEST_STORAGE=postgres).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BACKEND, type TestServer } from './helpers.js';
import { classBooking, eventIdAt, NOW, OWNER_KEY, serviceNamed, type DemoService } from './bookings-fixtures.js';
import { book, cart, checkout, count, getBooking, getOrder, newMember, paymentRows, planNamed, until, visa } from './money-fixtures.js';
import type { SmtpInbox } from './smtp-inbox.js';
import { startMailingServer, type MailingServer } from './mailing-server.js';
import { parseCalendar } from './calendar-parse.js';

describe('cancelling a session cancels its bookings', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let vinyasa: DemoService;

  let mailing: MailingServer;

  before(async () => {
    mailing = await startMailingServer();
    ({ server, inbox } = mailing);
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(() => mailing.close());

  const cancelEvent = (eventId: string, body?: unknown) =>
    server.call('POST', `/calendar/v3/events/${eventId}/cancel`, { token: OWNER_KEY, ...(body ? { body } : {}) });

  /** A CONFIRMED booking paid by card through checkout, and its order. */
  async function paidBooking(eventId: string) {
    const c = await cart(server, vinyasa, eventId, 'ONLINE');
    const order = await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, { token: c.token, body: { payment: visa } });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    const booking = await getBooking(server, c.bookingId);
    assert.equal(booking.status, 'CONFIRMED');
    return { booking, orderId: order.body.orderId as string };
  }

  /** A booking the owner took by phone, CONFIRMED at once, paid in person. */
  async function phoneBooking(eventId: string) {
    const body = classBooking(vinyasa, eventId, { selectedPaymentOption: 'OFFLINE' });
    return book(server, OWNER_KEY, { ...body, flowControlSettings: { skipBusinessConfirmation: true } });
  }

  async function sessionSlot(eventId: string) {
    const r = await server.call('POST', '/service-availability/v2/time-slots/event', {
      body: {
        serviceIds: [vinyasa.id],
        fromLocalDate: '2026-12-01T00:00:00',
        toLocalDate: '2026-12-20T00:00:00',
        includeNonBookable: true,
      },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return (r.body.timeSlots as { eventInfo: { eventId: string }; nonBookableReasons: { eventCancelled?: boolean } }[]).find(
      (s) => s.eventInfo.eventId === eventId,
    );
  }

  const canceledEvents = (bookingId: string) =>
    count(
      server,
      `SELECT COUNT(*) AS n FROM outbox_events WHERE entity_id = ? AND event_type = 'wix.bookings.v2.booking_canceled'`,
      bookingId,
    );

  it('cancels every booking as the business: one canceled email each with the message, a refund once, and again nothing more', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-09T18:00:00');
    const paid = await paidBooking(eventId);
    const phoned = await phoneBooking(eventId);
    const otherSession = await phoneBooking(await eventIdAt(server, vinyasa, '2026-12-11T18:00:00'));
    const message = 'Maya is ill & the studio is closed tonight.';

    const r = await cancelEvent(eventId, { participantNotification: { message } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.event, { eventId, status: 'CANCELLED' });
    assert.deepEqual([...r.body.canceledBookingIds].sort(), [paid.booking.id, phoned.id].sort());
    for (const id of [paid.booking.id, phoned.id]) assert.equal((await getBooking(server, id)).status, 'CANCELED');
    assert.equal((await getBooking(server, otherSession.id)).status, 'CONFIRMED', 'another session keeps its booking');
    assert.equal((await sessionSlot(eventId))?.nonBookableReasons.eventCancelled, true);

    // Refunded in full through the one refund path, whatever the policy says; once.
    const order = await until(
      () => getOrder(server, paid.orderId),
      (o) => o.paymentStatus === 'FULLY_REFUNDED',
      'the refund',
    );
    assert.equal(order.paymentStatus, 'FULLY_REFUNDED');
    assert.equal((await getBooking(server, paid.booking.id)).paymentStatus, 'REFUNDED');

    for (const b of [paid.booking, phoned]) {
      const email = (await getBooking(server, b.id)).contactDetails.email as string;
      const [mail] = await inbox.waitFor((m) => m.to === email && /^Booking canceled/.test(m.subject));
      assert.ok(mail);
      assert.ok(mail.mail.text?.includes(message), `the message is in the email: ${mail.mail.text}`);
      const file = mail.mail.attachments.find((a) => a.contentType === 'text/calendar');
      assert.ok(file, 'a calendar file');
      assert.equal(parseCalendar(file.content.toString('utf8')).method, 'CANCEL');
    }

    const again = await cancelEvent(eventId);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(again.body, { event: { eventId, status: 'CANCELLED' }, canceledBookingIds: [] });
    for (const b of [paid.booking, phoned]) assert.equal(await canceledEvents(b.id), 1, 'one canceled event, so one email');
    assert.deepEqual(await paymentRows(server, paid.orderId), { charges: 1, refunds: 1 });

    // Restore brings the session back, not its bookings.
    const restored = await server.call('POST', `/calendar/v3/events/${eventId}/restore`, { token: OWNER_KEY });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.notEqual((await sessionSlot(eventId))?.nonBookableReasons.eventCancelled, true);
    assert.equal((await getBooking(server, phoned.id)).status, 'CANCELED');
  });

  it('with notifyParticipants false emails no customer, and the event is still written for webhooks', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-14T07:00:00');
    const quiet = await phoneBooking(eventId);
    const r = await cancelEvent(eventId, { participantNotification: { notifyParticipants: false } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.canceledBookingIds, [quiet.id]);
    assert.equal(await canceledEvents(quiet.id), 1);
    const dispatched = () =>
      count(
        server,
        `SELECT COUNT(*) AS n FROM outbox_events WHERE entity_id = ? AND event_type = 'wix.bookings.v2.booking_canceled' AND dispatched_at IS NOT NULL`,
        quiet.id,
      );
    await until(dispatched, (n) => n === 1, 'the canceled event dispatched');
    const customerEmails = await count(
      server,
      `SELECT COUNT(*) AS n FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
       WHERE e.entity_id = ? AND e.event_type = 'wix.bookings.v2.booking_canceled' AND d.channel LIKE 'email:%:customer'`,
      quiet.id,
    );
    assert.equal(customerEmails, 0, 'no email to the customer');
  });

  it("takes the waiting list with it and gives a member's plan credit back", async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-21T18:00:00');
    const member = await newMember(server, 'session.cancel.member@example.com');
    const bought = await server.call('POST', '/pricing-plans/v2/orders', {
      token: member.token,
      body: { planId: (await planNamed(server, '10-Class Pass')).id, payment: visa },
    });
    assert.equal(bought.status, 200, JSON.stringify(bought.body));
    const withPlan = await book(server, member.token, classBooking(vinyasa, eventId, { selectedPaymentOption: 'MEMBERSHIP' }));
    const co = await checkout(server, member.token, withPlan.id);
    assert.equal((await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token: member.token, body: {} })).status, 200);
    const credits = async () =>
      (await server.call('GET', '/pricing-plans/v2/member/orders', { token: member.token })).body.orders[0].credits;
    assert.equal((await credits()).remaining, 9);
    // A waiting-list entry, written as the store keeps one (the demo class has no waiting list to join).
    const stored = await server.storage.bookings.get((await phoneBooking(eventId)).id);
    assert.ok(stored);
    const waiting = { ...stored, booking: { ...stored.booking, id: crypto.randomUUID(), status: 'WAITING_LIST' as const, revision: '1' } };
    await server.storage.bookings.insert(waiting, { action: 'CREATE', fromStatus: null, actor: { kind: 'owner' }, at: NOW.toISOString() });

    const r = await cancelEvent(eventId, { participantNotification: { notifyParticipants: false } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.canceledBookingIds.length, 3);
    assert.ok(r.body.canceledBookingIds.includes(waiting.booking.id), 'the waiting-list entry is canceled');
    assert.equal((await getBooking(server, waiting.booking.id)).status, 'CANCELED');
    assert.equal((await getBooking(server, withPlan.id)).status, 'CANCELED');
    assert.equal((await credits()).remaining, 10, 'the credit is back');
  });

  it('a booking that cannot be canceled leaves the session and every booking as they were', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-16T18:00:00');
    const first = await phoneBooking(eventId);
    const stuck = await phoneBooking(eventId);
    if (TEST_BACKEND === 'sqlite') {
      await server.sql(
        `CREATE TRIGGER refuse_cancel BEFORE UPDATE ON bookings WHEN NEW.id = '${stuck.id}' AND NEW.status = 'CANCELED'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      );
    } else {
      await server.sql(
        `CREATE FUNCTION refuse_cancel() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
      );
      await server.sql(
        `CREATE TRIGGER refuse_cancel BEFORE UPDATE ON bookings FOR EACH ROW
         WHEN (NEW.id = '${stuck.id}' AND NEW.status = 'CANCELED') EXECUTE FUNCTION refuse_cancel()`,
      );
    }
    const failed = await cancelEvent(eventId);
    assert.equal(failed.status, 500, JSON.stringify(failed.body));
    assert.equal((await getBooking(server, first.id)).status, 'CONFIRMED', 'the other booking is not canceled');
    assert.equal((await getBooking(server, stuck.id)).status, 'CONFIRMED');
    assert.notEqual((await sessionSlot(eventId))?.nonBookableReasons.eventCancelled, true, 'the session is not cancelled');
    assert.equal(await canceledEvents(first.id), 0, 'no event, so no email');

    await server.sql(TEST_BACKEND === 'sqlite' ? 'DROP TRIGGER refuse_cancel' : 'DROP TRIGGER refuse_cancel ON bookings');
    const retried = await cancelEvent(eventId);
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.deepEqual([...retried.body.canceledBookingIds].sort(), [first.id, stuck.id].sort());
  });
});
