/**
 * Every transition of contract section 6 through HTTP, and every refused one answering 409 with a clear message.
 * Also revision checks (a stale revision changes nothing) and the history each change leaves.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import {
  OWNER_KEY,
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  appointmentBooking,
  type DemoService,
} from './bookings-fixtures.js';

interface B {
  id: string;
  status: string;
  revision: string;
  doubleBooked?: boolean;
  bookedEntity: { slot: { eventId?: string; startDate: string } };
}

describe('booking lifecycle over HTTP', () => {
  let server: TestServer;
  let yoga: DemoService;
  let vinyasa: DemoService;
  let training: DemoService;
  let visitor: string;
  let week = 0;
  /** A Community Yoga session (capacity 3) of its own for each scenario. */
  const session = () => eventIdAt(server, yoga, `${new Date(Date.UTC(2026, 11, 5 + 7 * week++)).toISOString().slice(0, 10)}T10:00:00`);

  const create = async (eventId: string, extra: Record<string, unknown> = {}, token = visitor): Promise<B> => {
    const r = await server.call('POST', '/bookings/v2/bookings', {
      token,
      body: { ...classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }), ...extra },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking;
  };
  const act = (b: B, action: string, body: Record<string, unknown> = {}, token = OWNER_KEY) =>
    server.call('POST', `/bookings/v2/bookings/${b.id}/${action}`, { token, body: { revision: b.revision, ...body } });
  const cod = (b: B, body: Record<string, unknown> = {}) =>
    server.call('POST', `/bookings/v2/confirmation/${b.id}:confirmOrDecline`, { token: OWNER_KEY, body });
  const expectStatus = async (call: Promise<{ status: number; body: { booking: B } }>, status: string): Promise<B> => {
    const r = await call;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.booking.status, status);
    return r.body.booking;
  };
  const expectRefused = async (
    call: Promise<{ status: number; body: { message: string; details: { applicationError: { code: string } } } }>,
    pattern: RegExp,
  ) => {
    const r = await call;
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.equal(r.body.details.applicationError.code, 'INVALID_BOOKING_STATUS');
    assert.match(r.body.message, pattern);
  };
  /** Fill a yoga session with 3 owner-confirmed bookings. */
  const fill = async (eventId: string) => {
    for (let i = 0; i < 3; i++) await create(eventId, { flowControlSettings: { skipBusinessConfirmation: true } }, OWNER_KEY);
  };

  before(async () => {
    ({ server } = await startBookingServer());
    yoga = await serviceNamed(server, 'Community Yoga');
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    training = await serviceNamed(server, 'Personal Training');
    visitor = await visitorToken(server);
  });
  after(() => server.close());

  it('CREATED → CONFIRMED (confirm), DECLINED (decline), PENDING (mark as pending), CANCELED (customer cancel)', async () => {
    const eventId = await session();
    await expectStatus(act(await create(eventId), 'confirm'), 'CONFIRMED');
    await expectStatus(act(await create(eventId), 'decline'), 'DECLINED');
    await expectStatus(act(await create(eventId), 'mark_booking_as_pending'), 'PENDING');
    await expectStatus(act(await create(eventId), 'cancel', {}, visitor), 'CANCELED');
  });

  it('confirm-or-decline: CONFIRMED when there is room, PENDING when the service needs approval, DECLINED when full and unpaid, kept double booked when full and paid', async () => {
    const eventId = await session();
    const roomy = await create(eventId);
    const confirmed = await expectStatus(cod(roomy), 'CONFIRMED');
    assert.equal(confirmed.revision, '2');

    const token = visitor;
    const appt = await server.call('POST', '/bookings/v2/bookings', {
      token,
      body: appointmentBooking(training, '2026-12-02T10:00:00', '2026-12-02T11:00:00'),
    });
    assert.equal(appt.status, 200, JSON.stringify(appt.body));
    await expectStatus(cod(appt.body.booking, { paymentStatus: 'PAID' }), 'PENDING');

    const full = await session();
    const late = await create(full);
    const paidLate = await create(full);
    await fill(full);
    await expectStatus(cod(late), 'DECLINED');
    const kept = await expectStatus(cod(paidLate, { paymentStatus: 'PAID' }), 'CONFIRMED');
    assert.equal(kept.doubleBooked, true);
    const notes = await server.call('GET', `/bookings/v2/notifications?bookingId=${kept.id}`, { token: OWNER_KEY });
    assert.equal(notes.body.notifications.length, 1);
  });

  it('PENDING → CONFIRMED (confirm), DECLINED (decline), CANCELED (cancel), and PENDING again after a reschedule', async () => {
    const eventId = await session();
    const pending = async () => expectStatus(act(await create(eventId), 'mark_booking_as_pending'), 'PENDING');
    await expectStatus(act(await pending(), 'confirm'), 'CONFIRMED');
    const p2 = await pending();
    await expectStatus(act(p2, 'decline'), 'DECLINED');
    await expectStatus(act(await pending(), 'cancel', {}, visitor), 'CANCELED');
    const p3 = await pending();
    const target = await session();
    const moved = await expectStatus(act(p3, 'reschedule', { slot: { serviceId: yoga.id, eventId: target } }, visitor), 'PENDING');
    assert.equal(moved.bookedEntity.slot.eventId, target);
    assert.equal(moved.revision, String(Number(p3.revision) + 1));
  });

  it('CONFIRMED → CANCELED, and CONFIRMED in a new slot after a reschedule; a full slot refuses the move', async () => {
    const eventId = await session();
    await expectStatus(act(await expectStatus(cod(await create(eventId)), 'CONFIRMED'), 'cancel', {}, visitor), 'CANCELED');
    const c = await expectStatus(cod(await create(eventId)), 'CONFIRMED');
    const target = await session();
    const moved = await expectStatus(act(c, 'reschedule', { slot: { serviceId: yoga.id, eventId: target } }, visitor), 'CONFIRMED');
    assert.equal(moved.bookedEntity.slot.eventId, target);
    const full = await session();
    await fill(full);
    const refused = await act(moved, 'reschedule', { slot: { serviceId: yoga.id, eventId: full } }, visitor);
    assert.equal(refused.status, 428);
    assert.equal(refused.body.details.applicationError.code, 'SLOT_NOT_AVAILABLE');
    const otherService = await act(
      moved,
      'reschedule',
      { slot: { serviceId: vinyasa.id, eventId: await eventIdAt(server, vinyasa, '2026-12-09T18:00:00') } },
      visitor,
    );
    assert.equal(otherService.status, 400);
  });

  it('WAITING_LIST → CONFIRMED (owner confirm, double booked into the full class), DECLINED, CANCELED', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-14T18:00:00');
    for (let i = 0; i < 12; i++) {
      await server.call('POST', '/bookings/v2/bookings', {
        token: OWNER_KEY,
        body: { ...classBooking(vinyasa, eventId), flowControlSettings: { skipBusinessConfirmation: true } },
      });
    }
    const wait = async (): Promise<B> => {
      const r = await server.call('POST', '/bookings/v2/bookings', {
        token: visitor,
        body: classBooking(vinyasa, eventId, { selectedPaymentOption: 'ONLINE' }),
      });
      assert.equal(r.body.booking.status, 'WAITING_LIST');
      return r.body.booking;
    };
    const confirmed = await expectStatus(act(await wait(), 'confirm'), 'CONFIRMED');
    assert.equal(confirmed.doubleBooked, true);
    await expectStatus(act(await wait(), 'decline'), 'DECLINED');
    const w = await wait();
    await expectStatus(act(w, 'cancel', {}, visitor), 'CANCELED');
    await expectRefused(
      act(await wait(), 'reschedule', { slot: { serviceId: vinyasa.id, eventId } }, visitor),
      /WAITING_LIST booking cannot be rescheduled/,
    );
    await expectRefused(cod(await wait()), /WAITING_LIST booking cannot be confirmed or declined/);
  });

  it('refuses every change of a DECLINED or CANCELED booking with 409: the status is final', async () => {
    const eventId = await session();
    const declined = await expectStatus(act(await create(eventId), 'decline'), 'DECLINED');
    const canceled = await expectStatus(act(await create(eventId), 'cancel', {}, visitor), 'CANCELED');
    for (const b of [declined, canceled]) {
      for (const action of ['confirm', 'decline', 'cancel', 'mark_booking_as_pending']) {
        await expectRefused(act(b, action), new RegExp(`${b.status} booking cannot .*${b.status} is final`));
      }
      await expectRefused(act(b, 'reschedule', { slot: { serviceId: yoga.id, eventId } }), /is final/);
      await expectRefused(act(b, 'update_number_of_participants', { totalParticipants: 1 }), /is final/);
      await expectRefused(cod(b), /is final/);
    }
  });

  it('refuses the other transitions the machine does not have, naming the status', async () => {
    const eventId = await session();
    await expectRefused(
      act(await create(eventId), 'reschedule', { slot: { serviceId: yoga.id, eventId } }, visitor),
      /CREATED booking cannot be rescheduled/,
    );
    const confirmed = await expectStatus(cod(await create(eventId)), 'CONFIRMED');
    await expectRefused(cod(confirmed), /CONFIRMED booking cannot be confirmed or declined/);
    await expectRefused(act(confirmed, 'confirm'), /CONFIRMED booking cannot be confirmed/);
    await expectRefused(act(confirmed, 'decline'), /CONFIRMED booking cannot be declined/);
    await expectRefused(act(confirmed, 'mark_booking_as_pending'), /CONFIRMED booking cannot be marked as pending/);
    const pending = await expectStatus(act(await create(eventId), 'mark_booking_as_pending'), 'PENDING');
    await expectRefused(act(pending, 'mark_booking_as_pending'), /PENDING booking cannot be marked as pending/);
    await expectRefused(cod(pending), /PENDING booking cannot be confirmed or declined/);
  });

  it('a stale revision is 409 BOOKING_REVISION_MISMATCH and changes nothing', async () => {
    const eventId = await session();
    const b = await create(eventId);
    for (const [action, token] of [
      ['confirm', OWNER_KEY],
      ['decline', OWNER_KEY],
      ['cancel', visitor],
      ['mark_booking_as_pending', OWNER_KEY],
    ] as const) {
      const r = await server.call('POST', `/bookings/v2/bookings/${b.id}/${action}`, { token, body: { revision: '0' } });
      assert.equal(r.status, 409);
      assert.equal(r.body.details.applicationError.code, 'BOOKING_REVISION_MISMATCH');
      assert.equal(r.body.details.applicationError.data.currentRevision, '1');
    }
    const missing = await server.call('POST', `/bookings/v2/bookings/${b.id}/confirm`, { token: OWNER_KEY, body: {} });
    assert.equal(missing.status, 400);
    const after = await server.call('GET', `/bookings/v2/bookings/${b.id}`, { token: OWNER_KEY });
    assert.equal(after.body.booking.revision, '1');
    assert.equal(after.body.booking.status, 'CREATED');
    const history = await server.call('GET', `/bookings/v2/bookings/${b.id}/history`, { token: OWNER_KEY });
    assert.equal(history.body.history.length, 1);
  });

  it('updates the number of participants within capacity and the policy', async () => {
    const climb = await serviceNamed(server, 'Family Climb');
    const eventId = await eventIdAt(server, climb, '2026-12-13T11:00:00');
    const { body: sov } = await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`);
    const optionId = sov.serviceVariants.options.values[0].id;
    const pc = (n: number) => ({ serviceChoices: [{ numberOfParticipants: n, choices: [{ optionId, custom: 'Adult' }] }] });
    const created = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: classBooking(climb, eventId, { totalParticipants: undefined, participantsChoices: pc(2), selectedPaymentOption: 'ONLINE' }),
    });
    const b = await expectStatus(cod(created.body.booking), 'CONFIRMED');
    const grown = await expectStatus(act(b, 'update_number_of_participants', { participantsChoices: pc(5) }), 'CONFIRMED');
    assert.equal(grown.revision, '3');
    const overPolicy = await act(grown, 'update_number_of_participants', { participantsChoices: pc(7) });
    assert.equal(overPolicy.status, 400);
    // Fill the rest of the session (capacity 10) with another group of 5, then growing is over capacity.
    const other = await server.call('POST', '/bookings/v2/bookings', {
      token: OWNER_KEY,
      body: {
        ...classBooking(climb, eventId, { totalParticipants: undefined, participantsChoices: pc(5), selectedPaymentOption: 'ONLINE' }),
        flowControlSettings: { skipBusinessConfirmation: true },
      },
    });
    assert.equal(other.body.booking.status, 'CONFIRMED');
    const over = await act(grown, 'update_number_of_participants', { participantsChoices: pc(6) });
    assert.equal(over.status, 428);
    assert.equal(over.body.details.applicationError.code, 'SESSION_CAPACITY_EXCEEDED');
    assert.equal((await act(grown, 'update_number_of_participants', { participantsChoices: pc(1) }, visitor)).status, 403);
  });

  it('keeps every change in the history: who, when, from, to and revision', async () => {
    const eventId = await session();
    const b = await create(eventId);
    const pending = await expectStatus(act(b, 'mark_booking_as_pending'), 'PENDING');
    await expectStatus(act(pending, 'cancel', {}, visitor), 'CANCELED');
    const { status, body } = await server.call('GET', `/bookings/v2/bookings/${b.id}/history`, { token: OWNER_KEY });
    assert.equal(status, 200);
    assert.deepEqual(
      body.history.map((h: { revision: string; fromStatus: string | null; toStatus: string; actor: { kind: string }; action: string }) => [
        h.revision,
        h.action,
        h.fromStatus,
        h.toStatus,
        h.actor.kind,
      ]),
      [
        ['1', 'CREATE', null, 'CREATED', 'visitor'],
        ['2', 'MARK_AS_PENDING', 'CREATED', 'PENDING', 'owner'],
        ['3', 'CANCEL', 'PENDING', 'CANCELED', 'visitor'],
      ],
    );
    assert.ok(
      body.history.every((h: { at: string; booking: { revision: string } }, i: number) => h.at && h.booking.revision === String(i + 1)),
    );
    assert.equal(
      (await server.call('GET', '/bookings/v2/bookings/00000000-0000-4000-8000-000000000000/history', { token: OWNER_KEY })).status,
      404,
    );
  });
});
