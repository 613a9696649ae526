/** Creating bookings, their validation, capacity, waitlists, policies and access, over real HTTP. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import {
  NOW,
  OWNER_KEY,
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  type DemoService,
} from './bookings-fixtures.js';
import { TokenService } from '../../server/domain/identity/tokens.js';

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

  it('lets only the owner or the visitor who booked see a booking; anyone else gets 404 or 401', async () => {
    const eventId = await freshYogaSession();
    const { body } = await create(alice, yogaBooking(eventId));
    const id = body.booking.id;
    const member = await server.storage.members.getByEmail('member@example.com');
    const memberToken = (await new TokenService(server.storage, () => NOW).issue({ kind: 'member', id: member?.id ?? '' })).access_token;

    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: alice })).status, 200);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).status, 200);
    assert.equal((await server.call('GET', `/_api/bookings-service/v2/bookings/${id}`, { token: alice })).status, 200);
    for (const token of [bob, memberToken]) {
      const get = await server.call('GET', `/bookings/v2/bookings/${id}`, { token });
      assert.equal(get.status, 404);
      assert.equal(get.body.details.applicationError.code, 'BOOKING_NOT_FOUND');
      const cancel = await server.call('POST', `/bookings/v2/bookings/${id}/cancel`, { token, body: { revision: '1' } });
      assert.equal(cancel.status, 404);
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${id}/token`, { token })).status, 404);
    }
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`)).status, 401);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: 'made-up-token' })).status, 401);
    assert.equal((await server.call('POST', `/bookings/v2/bookings/${id}/cancel`, { body: { revision: '1' } })).status, 401);
    assert.equal((await create('', yogaBooking(eventId))).status, 401);

    const confirm = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, { token: alice, body: { revision: '1' } });
    assert.equal(confirm.status, 403);
    const cod = await server.call('POST', `/bookings/v2/confirmation/${id}:confirmOrDecline`, { token: alice, body: {} });
    assert.equal(cod.status, 403);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}/history`, { token: alice })).status, 403);
    const after = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: alice });
    assert.equal(after.body.booking.revision, '1');
    assert.equal(after.body.booking.status, 'CREATED');
  });

  it('queries extended bookings: a visitor sees its own with allowedActions, the owner sees all, filters on Wix fields', async () => {
    const eventId = await freshYogaSession();
    const mine = (await create(bob, yogaBooking(eventId))).body.booking;
    const query = (token: string, q: unknown) =>
      server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token, body: { query: q } });
    const bobs = await query(bob, {});
    assert.equal(bobs.status, 200);
    assert.ok(
      bobs.body.extendedBookings.every(
        (e: { booking: { createdBy: { anonymousVisitorId: string } } }) =>
          e.booking.createdBy.anonymousVisitorId === mine.createdBy.anonymousVisitorId,
      ),
    );
    const entry = bobs.body.extendedBookings.find((e: { booking: { id: string } }) => e.booking.id === mine.id);
    assert.deepEqual(entry.allowedActions, { cancel: true, reschedule: false }); // CREATED: the lifecycle has no reschedule
    const all = await query(OWNER_KEY, { filter: { 'bookedEntity.slot.eventId': eventId } });
    assert.equal(all.body.pagingMetadata.total, 1);
    const filtered = await query(OWNER_KEY, {
      filter: { status: { $in: ['CREATED'] }, startDate: { $gte: '2026-12-01T00:00:00Z' }, 'bookedEntity.slot.serviceId': yoga.id },
    });
    assert.ok(filtered.body.extendedBookings.length >= 1);
    assert.ok(filtered.body.extendedBookings.every((e: { booking: { status: string } }) => e.booking.status === 'CREATED'));
    const bad = await query(OWNER_KEY, { filter: { nope: 1 } });
    assert.equal(bad.status, 400);
    assert.equal((await server.call('POST', '/bookings-reader/v2/extended-bookings/query', { body: {} })).status, 401);
  });

  it('gives the creator an anonymous token that reads and cancels that booking alone', async () => {
    const eventId = await freshYogaSession();
    const booking = (await create(alice, yogaBooking(eventId))).body.booking;
    const { status, body } = await server.call('GET', `/v1/anonymous-bookings/${booking.id}/token`, { token: alice });
    assert.equal(status, 200);
    const token = body.token as string;
    const view = await server.call('GET', `/v1/anonymous-bookings/${token}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.booking.id, booking.id);
    assert.deepEqual(view.body.allowedAnonymousActions, { cancel: true, reschedule: false });
    assert.equal((await server.call('GET', `/v1/anonymous-bookings/${token.slice(0, -2)}xx`)).status, 404);
    assert.equal((await server.call('GET', `/v1/anonymous-bookings/${booking.id}`)).status, 404);
    const stale = await server.call('POST', `/v1/anonymous-bookings/${token}/cancel`, { body: { revision: '7' } });
    assert.equal(stale.status, 409);
    const cancel = await server.call('POST', `/v1/anonymous-bookings/${token}/cancel`, { body: { revision: '1' } });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.booking.status, 'CANCELED');
    const history = await server.call('GET', `/bookings/v2/bookings/${booking.id}/history`, { token: OWNER_KEY });
    assert.equal(history.body.history[1].actor.kind, 'anonymous');
  });

  it('serves confirm-or-decline at the Wix path with a literal or encoded colon, and nothing else there', async () => {
    const eventId = await freshYogaSession();
    const a = (await create(alice, yogaBooking(eventId))).body.booking;
    const b = (await create(alice, yogaBooking(eventId))).body.booking;
    const literal = await server.call('POST', `/bookings/v2/confirmation/${a.id}:confirmOrDecline`, { token: OWNER_KEY, body: {} });
    assert.equal(literal.status, 200);
    assert.equal(literal.body.booking.status, 'CONFIRMED');
    const encoded = await server.call('POST', `/bookings/v2/confirmation/${b.id}%3AconfirmOrDecline`, { token: OWNER_KEY, body: {} });
    assert.equal(encoded.status, 200);
    assert.equal(encoded.body.booking.status, 'CONFIRMED');
    const prefixed = await server.call('POST', `/_api/bookings-service/v2/confirmation/${b.id}:confirmOrDecline`, {
      token: OWNER_KEY,
      body: {},
    });
    assert.equal(prefixed.status, 409); // reached the route: a CONFIRMED booking cannot be confirmed-or-declined again
    for (const path of [
      `/bookings/v2/confirmation/${a.id}`,
      `/bookings/v2/confirmation/${a.id}:confirm`,
      `/bookings/v2/confirmation/${a.id}:confirmOrDeclineX`,
    ]) {
      assert.equal((await server.call('POST', path, { token: OWNER_KEY, body: {} })).status, 404, path);
    }
    const unknown = await server.call('POST', '/bookings/v2/confirmation/0b9f2d86-0000-4000-8000-000000000000:confirmOrDecline', {
      token: OWNER_KEY,
      body: {},
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.details.applicationError.code, 'BOOKING_NOT_FOUND');
  });
});

// The clock only moves forward here (tokens expire and are purged as time passes), so these share a server.
describe('bookings: policies as time passes', () => {
  let server: TestServer;
  let clock: { now: Date };
  let yoga: DemoService;
  const create = (token: string, body: unknown) => server.call('POST', '/bookings/v2/bookings', { token, body });
  const yogaBooking = (eventId: string) => classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });
  before(async () => {
    ({ server, clock } = await startBookingServer());
    yoga = await serviceNamed(server, 'Community Yoga');
  });
  after(() => server.close());

  it('lets a customer cancel only until the policy latest cancellation time; the owner may still cancel', async () => {
    const eventId = await eventIdAt(server, yoga, '2026-12-05T10:00:00');
    const tokens = (await server.call('POST', '/oauth2/token', { body: { grantType: 'anonymous' } })).body;
    const booking = (await create(tokens.access_token, yogaBooking(eventId))).body.booking;
    clock.now = new Date(Date.parse(booking.startDate) - 6 * 3_600_000); // the policy ends customer cancels 12 hours before
    // Days later the access token has expired: the visitor renews it with its refresh token.
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${booking.id}`, { token: tokens.access_token })).status, 401);
    const renewed = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'refresh_token', refresh_token: tokens.refresh_token },
    });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    const alice = renewed.body.access_token as string;
    const late = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, { token: alice, body: { revision: '1' } });
    assert.equal(late.status, 428);
    assert.equal(late.body.details.applicationError.code, 'BOOKING_POLICY_VIOLATION');
    assert.match(late.body.message, /720 minutes/);
    const list = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', {
      token: alice,
      body: { query: { filter: { id: booking.id } } },
    });
    assert.deepEqual(list.body.extendedBookings[0].allowedActions, { cancel: false, reschedule: false });
    const ignore = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, {
      token: alice,
      body: { revision: '1', flowControlSettings: { ignoreCancellationPolicy: true } },
    });
    assert.equal(ignore.status, 403);
    const owner = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, { token: OWNER_KEY, body: { revision: '1' } });
    assert.equal(owner.status, 200);
    assert.equal(owner.body.booking.status, 'CANCELED');
  });

  it('refuses a slot the booking policy closes with 428 BOOKING_POLICY_VIOLATION', async () => {
    const eventId = await eventIdAt(server, yoga, '2026-12-12T10:00:00');
    clock.now = new Date('2026-12-12T14:30:00Z'); // 30 minutes before; the policy closes bookings 60 minutes before
    const { status, body } = await create(await visitorToken(server), yogaBooking(eventId));
    assert.equal(status, 428);
    assert.equal(body.details.applicationError.code, 'BOOKING_POLICY_VIOLATION');
    assert.equal(body.details.applicationError.data.tooLateToBook, true);
  });
});
