/**
 * Wix's SDK, the rest of what docs/wix-sdk.md marks "works": the owner's catalogue writes, one appointment slot, the
 * strictest policy, counting bookings, the deprecated query path, staff by id, and anonymous reschedule and service.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  bareToken,
  failureOf,
  noAuth,
  ownerClient,
  sdkClient,
  startBookingServer,
  visitorAccessToken,
  type SdkClient,
} from './sdk-fixtures.js';
import { serviceNamed, type DemoService } from '../bookings-fixtures.js';
import type { TestServer } from '../helpers.js';

describe("Wix's SDK: more calls", () => {
  let server: TestServer;
  let anyone: SdkClient;
  let visitor: SdkClient;
  let owner: ReturnType<typeof ownerClient>;
  let training: DemoService;
  before(async () => {
    ({ server } = await startBookingServer());
    anyone = sdkClient(server, noAuth());
    visitor = sdkClient(server, bareToken(await visitorAccessToken(server)));
    owner = ownerClient(server);
    training = await serviceNamed(server, 'Personal Training');
  });
  after(() => server.close());

  const book = (start: string, end: string) =>
    visitor.bookings.createBooking({
      bookedEntity: {
        slot: { serviceId: training.id, scheduleId: training.scheduleId, startDate: start, endDate: end, timezone: 'America/New_York' },
      },
      contactDetails: { firstName: 'More', email: `more${start.slice(8, 13)}@example.com` },
      totalParticipants: 1,
      selectedPaymentOption: 'ONLINE',
    });

  it('services.createService, updateService, deleteService and the options-and-variants writes (owner)', async () => {
    const service = await owner.services.createService({
      type: 'CLASS',
      name: 'SDK Stretch',
      defaultCapacity: 8,
      payment: { rateType: 'FIXED', fixed: { price: { value: '12.00', currency: 'USD' } }, options: { online: true, inPerson: true } },
    });
    assert.equal(service.name, 'SDK Stretch');
    assert.equal(service.revision, '1');
    const updated = await owner.services.updateService(service._id ?? '', { revision: '1', name: 'SDK Stretch Plus' });
    assert.equal(updated.name, 'SDK Stretch Plus');
    const optionId = '6a2f1c3e-0000-4000-8000-000000000001';
    const created = await owner.serviceOptionsAndVariants.createServiceOptionsAndVariants({
      serviceId: service._id ?? '',
      options: { values: [{ _id: optionId, type: 'CUSTOM', customData: { name: 'Mat', choices: ['Own', 'Rented'] } }] },
      variants: {
        values: [
          { choices: [{ optionId, custom: 'Own' }], price: { value: '12.00', currency: 'USD' } },
          { choices: [{ optionId, custom: 'Rented' }], price: { value: '14.00', currency: 'USD' } },
        ],
      },
    });
    assert.equal(created.maxPrice?.value, '14.00');
    const got = await anyone.serviceOptionsAndVariants.getServiceOptionsAndVariants(created._id ?? '');
    assert.equal(got.serviceId, service._id);
    const changed = await owner.serviceOptionsAndVariants.updateServiceOptionsAndVariants(created._id ?? '', {
      revision: created.revision ?? '',
      serviceId: service._id ?? '',
      options: created.options,
      variants: { values: [{ choices: [{ optionId, custom: 'Own' }], price: { value: '11.00', currency: 'USD' } }] },
    });
    assert.equal(changed.maxPrice?.value, '11.00');
    await owner.serviceOptionsAndVariants.deleteServiceOptionsAndVariants(created._id ?? '', { revision: changed.revision ?? '' });
    await owner.services.deleteService(service._id ?? '');
    assert.deepEqual(await failureOf(() => anyone.services.getService(service._id ?? '')), { code: 'SERVICE_NOT_FOUND', status: 404 });
  });

  it('availabilityTimeSlots.getAvailabilityTimeSlot answers one slot, or SLOT_NOT_FOUND', async () => {
    const { timeSlot, timeZone } = await anyone.availabilityTimeSlots.getAvailabilityTimeSlot(
      training.id,
      '2026-12-02T10:00:00',
      '2026-12-02T11:00:00',
      'America/New_York',
      {},
    );
    assert.equal(timeZone, 'America/New_York');
    assert.equal(timeSlot?.localStartDate, '2026-12-02T10:00:00');
    assert.equal(timeSlot?.bookable, true);
    assert.ok((timeSlot?.availableResources?.[0]?.resources?.length ?? 0) >= 1);
    const night = await failureOf(() =>
      anyone.availabilityTimeSlots.getAvailabilityTimeSlot(
        training.id,
        '2026-12-02T03:00:00',
        '2026-12-02T04:00:00',
        'America/New_York',
        {},
      ),
    );
    assert.deepEqual(night, { code: 'SLOT_NOT_FOUND', status: 404 });
  });

  it('bookingPolicies.getStrictestBookingPolicy merges policies to what all of them allow', async () => {
    const { items } = await anyone.bookingPolicies.queryBookingPolicies().find();
    const { bookingPolicy } = await anyone.bookingPolicies.getStrictestBookingPolicy(items.map((p) => p._id ?? ''));
    const participants = items.map((p) => p.participantsPolicy?.maxParticipantsPerBooking ?? 0);
    assert.equal(bookingPolicy?.participantsPolicy?.maxParticipantsPerBooking, Math.min(...participants));
    const cutoffs = items.map((p) => p.cancellationPolicy?.latestCancellationInMinutes ?? 0);
    assert.equal(bookingPolicy?.cancellationPolicy?.latestCancellationInMinutes, Math.max(...cutoffs));
    assert.equal(bookingPolicy?._id, undefined);
  });

  it('extendedBookings.countExtendedBookings and the deprecated extendedBookings.query', async () => {
    const { booking } = await book('2026-12-03T10:00:00', '2026-12-03T11:00:00');
    assert.equal((await visitor.extendedBookings.countExtendedBookings()).count, 1);
    assert.equal((await owner.extendedBookings.countExtendedBookings({ filter: { id: booking?._id } })).count, 1);
    assert.equal((await owner.extendedBookings.countExtendedBookings({ filter: { status: 'DECLINED' } })).count, 0);
    const old = await visitor.extendedBookings.query({ filter: { id: booking?._id } });
    assert.equal(old.extendedBookings?.[0]?.booking?._id, booking?._id);
  });

  it('staffMembers.getStaffMember, countStaffMembers, createStaffMember, updateStaffMember and deleteStaffMember (owner)', async () => {
    const { items } = await owner.staffMembers.queryStaffMembers().find();
    const first = items[0];
    assert.ok(first?._id);
    const one = await owner.staffMembers.getStaffMember(first._id);
    assert.equal(one.name, first.name);
    assert.equal((await owner.staffMembers.countStaffMembers()).count, items.length);

    const sam = await owner.staffMembers.createStaffMember({ name: 'Sam Lee', email: 'sam@example.com' });
    assert.equal(sam.name, 'Sam Lee');
    const renamed = await owner.staffMembers.updateStaffMember(sam._id ?? '', { revision: sam.revision ?? '', name: 'Sam K. Lee' });
    assert.equal(renamed.name, 'Sam K. Lee');
    await owner.staffMembers.deleteStaffMember(sam._id ?? '');
    assert.equal((await owner.staffMembers.countStaffMembers()).count, items.length);
  });

  it('anonymous access: bookingsRescheduleBookingAnonymously and getServiceAnonymously', async () => {
    const { booking } = await book('2026-12-04T10:00:00', '2026-12-04T11:00:00');
    const confirmed = await owner.bookings.confirmBooking(booking?._id ?? '', '1');
    const { token } = await visitor.bookings.getAnonymousActionToken(booking?._id ?? '');
    const { service } = await anyone.bookings.getServiceAnonymously(token ?? '');
    assert.equal(service?._id, training.id);
    const moved = await anyone.bookings.bookingsRescheduleBookingAnonymously(
      token ?? '',
      {
        serviceId: training.id,
        scheduleId: training.scheduleId,
        startDate: '2026-12-04T14:00:00',
        endDate: '2026-12-04T15:00:00',
        timezone: 'America/New_York',
      },
      { revision: confirmed.booking?.revision ?? '' },
    );
    assert.equal(moved.booking?.bookedEntity?.slot?.startDate, '2026-12-04T14:00:00');
    assert.equal(moved.booking?.status, 'CONFIRMED');
  });
});
