/** Creating bookings, their validation, capacity, waitlists, policies and access, over real HTTP. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import {
  OWNER_KEY,
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  type DemoService,
} from './bookings-fixtures.js';

describe('bookings: create, access and policies', () => {
  let server: TestServer;
  let yoga: DemoService;
  let vinyasa: DemoService;
  let climb: DemoService;
  let alice: string;
  let bob: string;
  let saturdays = 0;
  /** A Community Yoga session nobody else in this file uses (capacity 3). */
  const freshYogaSession = () => {
    const day = new Date(Date.UTC(2026, 11, 5 + 7 * saturdays++));
    return eventIdAt(server, yoga, `${day.toISOString().slice(0, 10)}T10:00:00`);
  };
  const create = (token: string, body: unknown, headers?: Record<string, string>) =>
    server.call('POST', '/bookings/v2/bookings', { token, body, ...(headers ? { headers } : {}) });
  const yogaBooking = (eventId: string, extra: Record<string, unknown> = {}) =>
    classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE', ...extra });

  before(async () => {
    ({ server } = await startBookingServer());
    yoga = await serviceNamed(server, 'Community Yoga');
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    climb = await serviceNamed(server, 'Family Climb');
    alice = await visitorToken(server);
    bob = await visitorToken(server);
  });
  after(() => server.close());

  it('creates a CREATED booking owned by the visitor, who becomes a contact', async () => {
    const eventId = await freshYogaSession();
    const { status, body } = await create(alice, yogaBooking(eventId));
    assert.equal(status, 200);
    const b = body.booking;
    assert.match(b.id, /^[0-9a-f-]{36}$/);
    assert.equal(b.status, 'CREATED');
    assert.equal(b.paymentStatus, 'UNDEFINED');
    assert.equal(b.revision, '1');
    assert.equal(b.bookedEntity.slot.eventId, eventId);
    assert.equal(b.bookedEntity.slot.startDate, '2026-12-05T10:00:00');
    assert.equal(b.bookedEntity.title, 'Community Yoga');
    assert.deepEqual(b.bookedEntity.tags, ['GROUP']);
    assert.equal(b.startDate, '2026-12-05T15:00:00.000Z');
    const contact = await server.storage.contacts.get(b.contactDetails.contactId);
    assert.equal(contact?.email, b.contactDetails.email);
    assert.equal(b.createdBy.contactId, b.contactDetails.contactId);
    assert.match(b.createdBy.anonymousVisitorId, /^[0-9a-f-]{36}$/);
    assert.equal('doubleBooked' in b, false);
  });

  it('answers bad input with field violations naming each field', async () => {
    const eventId = await freshYogaSession();
    const cases: [Record<string, unknown>, string][] = [
      [{ contactDetails: { firstName: 'No Mail' } }, 'booking.contactDetails.email'],
      [{ contactDetails: { email: 'not-an-email' } }, 'booking.contactDetails.email'],
      [
        {
          totalParticipants: 1,
          participantsChoices: { serviceChoices: [{ numberOfParticipants: 1, choices: [{ optionId: 'x', custom: 'y' }] }] },
        },
        'booking.totalParticipants',
      ],
      [{ totalParticipants: 2 }, 'booking.totalParticipants'],
      [{ selectedPaymentOption: 'ONLINE' }, 'booking.selectedPaymentOption'],
    ];
    for (const [extra, field] of cases) {
      const { status, body } = await create(alice, yogaBooking(eventId, extra));
      assert.equal(status, 400, JSON.stringify(extra));
      const shape = errorShape(body);
      assert.equal(shape.kind, 'validation');
      assert.ok(shape.kind === 'validation' && shape.fields.includes(field), `${JSON.stringify(extra)} → ${JSON.stringify(body)}`);
    }
    const unknown = await create(alice, {
      booking: {
        ...(yogaBooking(eventId).booking as object),
        bookedEntity: { slot: { serviceId: '00000000-0000-4000-8000-000000000000', eventId } },
      },
    });
    assert.equal(unknown.status, 400);
  });

  it('checks variant choices and the participants policy of Family Climb', async () => {
    const eventId = await eventIdAt(server, climb, '2026-12-06T09:00:00');
    const { body: sov } = await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`);
    const optionId = sov.serviceVariants.options.values[0].id;
    const choices = (adults: number, children: number, other?: string) => ({
      participantsChoices: {
        serviceChoices: [
          { numberOfParticipants: adults, choices: [{ optionId, custom: other ?? 'Adult' }] },
          { numberOfParticipants: children, choices: [{ optionId, custom: 'Child' }] },
        ],
      },
      totalParticipants: undefined,
      selectedPaymentOption: 'ONLINE',
    });
    const ok = await create(alice, classBooking(climb, eventId, choices(2, 2)));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.booking.participantsChoices.serviceChoices.length, 2);

    const tooMany = await create(alice, classBooking(climb, eventId, choices(4, 3)));
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.message, /at most 6/);
    const teen = await create(alice, classBooking(climb, eventId, choices(1, 1, 'Teen')));
    assert.equal(teen.status, 400);
    assert.match(teen.body.message, /do not match a variant/);
    const total = await create(alice, classBooking(climb, eventId, { selectedPaymentOption: 'ONLINE' }));
    assert.equal(total.status, 400);
    assert.ok(errorShape(total.body).kind === 'validation');
    const wrongService = await create(alice, classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }));
    assert.equal(wrongService.status, 428);
    assert.equal(wrongService.body.details.applicationError.code, 'SESSION_NOT_FOUND');
  });

  it('honours flowControlSettings for the owner only', async () => {
    const eventId = await freshYogaSession();
    const refused = await create(alice, { ...yogaBooking(eventId), flowControlSettings: { skipBusinessConfirmation: true } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.details.applicationError.code, 'PERMISSION_DENIED');
    const owner = await create(OWNER_KEY, { ...yogaBooking(eventId), flowControlSettings: { skipBusinessConfirmation: true } });
    assert.equal(owner.status, 200);
    assert.equal(owner.body.booking.status, 'CONFIRMED');
    assert.deepEqual(owner.body.booking.createdBy, { contactId: owner.body.booking.contactDetails.contactId });
  });

  it('refuses a full class with 428 SLOT_NOT_AVAILABLE, unless the owner skips availability (then it is double booked)', async () => {
    const eventId = await freshYogaSession();
    for (let i = 0; i < 3; i++) {
      const r = await create(OWNER_KEY, { ...yogaBooking(eventId), flowControlSettings: { skipBusinessConfirmation: true } });
      assert.equal(r.body.booking.status, 'CONFIRMED');
    }
    const full = await create(alice, yogaBooking(eventId));
    assert.equal(full.status, 428);
    assert.equal(full.body.details.applicationError.code, 'SLOT_NOT_AVAILABLE');
    const byPhone = await create(OWNER_KEY, {
      ...yogaBooking(eventId),
      flowControlSettings: { skipBusinessConfirmation: true, skipAvailabilityValidation: true },
    });
    assert.equal(byPhone.status, 200);
    assert.equal(byPhone.body.booking.status, 'CONFIRMED');
    assert.equal(byPhone.body.booking.doubleBooked, true);
    const notes = await server.call('GET', `/bookings/v2/notifications?bookingId=${byPhone.body.booking.id}`, { token: OWNER_KEY });
    assert.equal(notes.status, 200);
    assert.equal(notes.body.notifications.length, 1);
    assert.equal(notes.body.notifications[0].type, 'DOUBLE_BOOKING');
    assert.equal((await server.call('GET', '/bookings/v2/notifications', { token: alice })).status, 403);
  });

  it('waitlists on a full class with waitlist room, promotes the first waiter when a spot opens, and refuses once the waitlist is full', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-07T18:00:00');
    const confirmed: { id: string; revision: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await create(OWNER_KEY, { ...classBooking(vinyasa, eventId), flowControlSettings: { skipBusinessConfirmation: true } });
      confirmed.push(r.body.booking);
    }
    const waiting: { id: string; status: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await create(alice, classBooking(vinyasa, eventId, { selectedPaymentOption: 'ONLINE' }));
      assert.equal(r.status, 200);
      waiting.push(r.body.booking);
    }
    assert.deepEqual(
      waiting.map((w) => w.status),
      Array(5).fill('WAITING_LIST'),
    );
    const sixth = await create(bob, classBooking(vinyasa, eventId, { selectedPaymentOption: 'ONLINE' }));
    assert.equal(sixth.status, 428);
    assert.equal(sixth.body.details.applicationError.code, 'SLOT_NOT_AVAILABLE');

    const first = confirmed[0] as { id: string; revision: string };
    const cancel = await server.call('POST', `/bookings/v2/bookings/${first.id}/cancel`, {
      token: OWNER_KEY,
      body: { revision: first.revision },
    });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.booking.status, 'CANCELED');
    const promoted = await server.call('GET', `/bookings/v2/bookings/${waiting[0]?.id}`, { token: alice });
    assert.equal(promoted.body.booking.status, 'CONFIRMED');
    assert.equal(promoted.body.booking.revision, '2');
    const next = await server.call('GET', `/bookings/v2/bookings/${waiting[1]?.id}`, { token: alice });
    assert.equal(next.body.booking.status, 'WAITING_LIST');
    const history = await server.call('GET', `/bookings/v2/bookings/${waiting[0]?.id}/history`, { token: OWNER_KEY });
    assert.deepEqual(
      history.body.history.map((h: { action: string; actor: { kind: string } }) => [h.action, h.actor.kind]),
      [
        ['CREATE_WAITLISTED', 'visitor'],
        ['SPOT_OPENED', 'system'],
      ],
    );
  });
});
