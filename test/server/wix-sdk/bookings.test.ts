/** Wix's SDK, bookings: create, every lifecycle call, the extended-bookings query by cursor, anonymous access, errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bareToken, failureOf, ownerClient, sdkClient, startBookingServer, visitorAccessToken, type SdkClient } from './sdk-fixtures.js';
import { serviceNamed, type DemoService } from '../bookings-fixtures.js';
import type { TestServer } from '../helpers.js';

let emails = 0;
const contact = () => ({ firstName: 'Sdk', lastName: 'Visitor', email: `sdk${(emails += 1)}@example.com` });

describe("Wix's SDK: bookings", () => {
  let server: TestServer;
  let visitor: SdkClient;
  let owner: ReturnType<typeof ownerClient>;
  let training: DemoService;
  before(async () => {
    ({ server } = await startBookingServer());
    visitor = sdkClient(server, bareToken(await visitorAccessToken(server)));
    owner = ownerClient(server);
    training = await serviceNamed(server, 'Personal Training');
  });
  after(() => server.close());

  const appointment = (client: SdkClient, start: string, end: string) =>
    client.bookings.createBooking({
      bookedEntity: {
        slot: { serviceId: training.id, scheduleId: training.scheduleId, startDate: start, endDate: end, timezone: 'America/New_York' },
      },
      contactDetails: contact(),
      totalParticipants: 1,
      selectedPaymentOption: 'ONLINE',
    });

  /** The first class session of `service` the SDK lists from 2 December. */
  const firstEvent = async (service: DemoService): Promise<string> => {
    const { timeSlots } = await visitor.eventTimeSlots.listEventTimeSlots({
      serviceIds: [service.id],
      fromLocalDate: '2026-12-02T00:00:00',
      cursorPaging: { limit: 1 },
    });
    const eventId = timeSlots?.[0]?.eventInfo?.eventId;
    assert.ok(eventId);
    return eventId;
  };

  it('createBooking as a visitor (bare token), then markBookingAsPending, confirm, reschedule and cancel as the owner', async () => {
    const { booking } = await appointment(visitor, '2026-12-02T10:00:00', '2026-12-02T11:00:00');
    assert.equal(booking?.status, 'CREATED');
    assert.equal(booking?.paymentStatus, 'UNDEFINED');
    assert.equal(booking?.revision, '1');
    const id = booking?._id ?? '';

    const pending = await owner.bookings.markBookingAsPending(id, '1');
    assert.equal(pending.booking?.status, 'PENDING');
    const confirmed = await owner.bookings.confirmBooking(id, pending.booking?.revision ?? '');
    assert.equal(confirmed.booking?.status, 'CONFIRMED');

    const moved = await owner.bookings.rescheduleBooking(
      id,
      {
        serviceId: training.id,
        scheduleId: training.scheduleId,
        startDate: '2026-12-03T14:00:00',
        endDate: '2026-12-03T15:00:00',
        timezone: 'America/New_York',
      },
      { revision: confirmed.booking?.revision ?? '' },
    );
    assert.equal(moved.booking?.status, 'CONFIRMED');
    assert.equal(moved.booking?.bookedEntity?.slot?.startDate, '2026-12-03T14:00:00');

    const canceled = await owner.bookings.cancelBooking(id, { revision: moved.booking?.revision ?? '' });
    assert.equal(canceled.booking?.status, 'CANCELED');
  });

  it('declineBooking, and confirmOrDeclineBooking by the rule (owner)', async () => {
    const declined = await appointment(visitor, '2026-12-04T10:00:00', '2026-12-04T11:00:00');
    const after = await owner.bookings.declineBooking(declined.booking?._id ?? '', '1');
    assert.equal(after.booking?.status, 'DECLINED');

    const other = await appointment(visitor, '2026-12-04T13:00:00', '2026-12-04T14:00:00');
    const decided = await owner.bookings.confirmOrDeclineBooking(other.booking?._id ?? '', { paymentStatus: 'NOT_PAID' });
    assert.equal(decided.booking?.status, 'PENDING', 'Personal Training requires manual approval');
  });

  it('updateNumberOfParticipants on a class booking (owner)', async () => {
    const climb = await serviceNamed(server, 'Family Climb');
    const { serviceVariants } = await visitor.serviceOptionsAndVariants.getServiceOptionsAndVariantsByServiceId(climb.id);
    const optionId = serviceVariants?.options?.values?.[0]?._id ?? '';
    const { booking } = await visitor.bookings.createBooking({
      bookedEntity: { slot: { serviceId: climb.id, eventId: await firstEvent(climb) } },
      contactDetails: contact(),
      participantsChoices: { serviceChoices: [{ numberOfParticipants: 1, choices: [{ optionId, custom: 'Adult' }] }] },
      selectedPaymentOption: 'OFFLINE',
    });
    const updated = await owner.bookings.updateNumberOfParticipants(booking?._id ?? '', {
      revision: '1',
      participantsChoices: {
        serviceChoices: [
          { numberOfParticipants: 1, choices: [{ optionId, custom: 'Adult' }] },
          { numberOfParticipants: 2, choices: [{ optionId, custom: 'Child' }] },
        ],
      },
    });
    assert.deepEqual(
      updated.booking?.participantsChoices?.serviceChoices?.map((c) => [c.numberOfParticipants, c.choices?.[0]?.custom]),
      [
        [1, 'Adult'],
        [2, 'Child'],
      ],
    );
    assert.equal(updated.booking?.revision, '2');
  });

  it('extendedBookings.queryExtendedBookings pages by cursor, newest first; a visitor sees only its own', async () => {
    const first = await owner.extendedBookings.queryExtendedBookings().limit(2).find();
    assert.equal(first.items.length, 2);
    assert.equal(first.hasNext(), true);
    const created = (x: (typeof first.items)[number]) => x.booking?._createdDate?.getTime() ?? 0;
    assert.ok(created(first.items[0]!) >= created(first.items[1]!), 'newest first, as Wix');
    const ids = first.items.map((x) => x.booking?._id);
    let page = first;
    while (page.hasNext()) {
      page = await page.next();
      ids.push(...page.items.map((x) => x.booking?._id));
    }
    assert.ok(ids.length >= 4);
    assert.equal(new Set(ids).size, ids.length, 'no booking twice across the pages');
    assert.equal(first.items[0]?.allowedActions?.cancel !== undefined, true);

    const stranger = sdkClient(server, bareToken(await visitorAccessToken(server)));
    const mine = await appointment(stranger, '2026-12-07T10:00:00', '2026-12-07T11:00:00');
    const seen = await stranger.extendedBookings.queryExtendedBookings().find();
    assert.deepEqual(
      seen.items.map((x) => x.booking?._id),
      [mine.booking?._id],
    );
    const { extendedBookings: canceled } = await owner.extendedBookings.queryExtendedBookings({ filter: { status: 'CANCELED' } });
    assert.ok((canceled ?? []).length >= 1 && (canceled ?? []).every((x) => x.booking?.status === 'CANCELED'));
  });

  it('anonymous access: getAnonymousActionToken, then get and cancel by the token alone', async () => {
    const { booking } = await appointment(visitor, '2026-12-08T10:00:00', '2026-12-08T11:00:00');
    const { token } = await visitor.bookings.getAnonymousActionToken(booking?._id ?? '');
    assert.ok(token);
    const nobody = sdkClient(server, { getAuthHeaders: async () => ({ headers: { Authorization: '' } }) });
    const seen = await nobody.bookings.bookingsGetBookingAnonymously(token);
    assert.equal(seen.booking?._id, booking?._id);
    assert.equal(seen.allowedAnonymousActions?.cancel, true);
    const canceled = await nobody.bookings.bookingsCancelBookingAnonymously(token, seen.booking?.revision ?? '');
    assert.equal(canceled.booking?.status, 'CANCELED');
  });

  it("errors carry the server's applicationError code: taken slot, stale revision, other's booking, bad input, bad token", async () => {
    const { booking } = await appointment(visitor, '2026-12-09T10:00:00', '2026-12-09T11:00:00');
    const confirmed = await owner.bookings.confirmBooking(booking?._id ?? '', '1');
    assert.equal(confirmed.booking?.status, 'CONFIRMED');
    const resource = confirmed.booking?.bookedEntity?.slot?.resource;
    assert.ok(resource?._id, 'confirming assigns the staff member');
    const sameStaff = () =>
      visitor.bookings.createBooking({
        bookedEntity: {
          slot: {
            serviceId: training.id,
            scheduleId: training.scheduleId,
            startDate: '2026-12-09T10:00:00',
            endDate: '2026-12-09T11:00:00',
            timezone: 'America/New_York',
            resource: { _id: resource._id },
          },
        },
        contactDetails: contact(),
        totalParticipants: 1,
        selectedPaymentOption: 'ONLINE',
      });
    assert.deepEqual(await failureOf(sameStaff), { code: 'SLOT_NOT_AVAILABLE', status: 428 });
    assert.deepEqual(await failureOf(() => owner.bookings.confirmBooking(booking?._id ?? '', '1')), {
      code: 'BOOKING_REVISION_MISMATCH',
      status: 409,
    });
    const stranger = sdkClient(server, bareToken(await visitorAccessToken(server)));
    assert.deepEqual(await failureOf(() => stranger.bookings.cancelBooking(booking?._id ?? '', { revision: '2' })), {
      code: 'BOOKING_NOT_FOUND',
      status: 404,
    });
    assert.deepEqual(await failureOf(() => visitor.bookings.confirmBooking(booking?._id ?? '', '2')), {
      code: 'PERMISSION_DENIED',
      status: 403,
    });
    const bad = await failureOf(() =>
      visitor.bookings.createBooking({ bookedEntity: { slot: { serviceId: training.id } }, totalParticipants: 1 }),
    );
    assert.equal(bad.status, 400);
    const expired = sdkClient(server, bareToken('not-a-token-this-server-gave'));
    assert.deepEqual(await failureOf(() => expired.extendedBookings.queryExtendedBookings().find()), {
      code: 'UNAUTHENTICATED',
      status: 401,
    });
  });
});
