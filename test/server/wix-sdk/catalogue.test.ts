/** Wix's SDK, catalogue side: services, options and variants, pricing, booking policies, staff (docs/wix-sdk.md). */
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
import type { TestServer } from '../helpers.js';

describe("Wix's SDK: the catalogue", () => {
  let server: TestServer;
  let anyone: SdkClient;
  let owner: ReturnType<typeof ownerClient>;
  before(async () => {
    ({ server } = await startBookingServer());
    anyone = sdkClient(server, noAuth());
    owner = ownerClient(server);
  });
  after(() => server.close());

  const serviceId = async (name: string): Promise<string> => {
    const { items } = await anyone.services.queryServices().eq('name', name).find();
    const id = items[0]?._id;
    assert.ok(id, `the demo has ${name}`);
    return id;
  };

  it('services.queryServices pages by offset: items, totalCount, hasNext/next', async () => {
    const first = await anyone.services.queryServices().ascending('name').limit(2).find();
    assert.deepEqual(
      first.items.map((s) => s.name),
      ['Community Yoga', 'Family Climb'],
    );
    assert.equal(first.totalCount, 5);
    assert.equal(first.hasNext(), true);
    const second = await first.next();
    assert.deepEqual(
      second.items.map((s) => s.name),
      ['Personal Training', 'Strength Foundations'],
    );
    const third = await second.next();
    assert.equal(third.items.length, 1);
    assert.equal(third.hasNext(), false);
  });

  it('services.getService answers the service with the SDK names (_id, _createdDate)', async () => {
    const id = await serviceId('Personal Training');
    const service = await anyone.services.getService(id);
    assert.equal(service._id, id);
    assert.equal(service.type, 'APPOINTMENT');
    assert.equal(service.payment?.rateType, 'VARIED');
    assert.ok(service._createdDate instanceof Date, 'timestamps become Date objects, as from Wix');
  });

  it('services.countServices counts with a filter', async () => {
    assert.equal((await anyone.services.countServices()).count, 5);
    assert.equal((await anyone.services.countServices({ filter: { type: 'CLASS' } })).count, 3);
  });

  it('serviceOptionsAndVariants: by service id, and the query pages by cursor (hasNext/next)', async () => {
    const climb = await serviceId('Family Climb');
    const { serviceVariants } = await anyone.serviceOptionsAndVariants.getServiceOptionsAndVariantsByServiceId(climb);
    assert.equal(serviceVariants?.serviceId, climb);
    assert.deepEqual(
      serviceVariants?.variants?.values?.map((v) => [v.choices?.[0]?.custom, v.price?.value]),
      [
        ['Adult', '18.00'],
        ['Child', '10.00'],
      ],
    );
    const first = await anyone.serviceOptionsAndVariants.queryServiceOptionsAndVariants().limit(1).find();
    assert.equal(first.items.length, 1);
    assert.equal(first.hasNext(), true);
    const seen = [first.items[0]?._id];
    let page = first;
    while (page.hasNext()) {
      page = await page.next();
      seen.push(page.items[0]?._id);
    }
    assert.equal(new Set(seen).size, seen.length, 'every page is a new item');
    assert.ok(seen.length >= 2);
  });

  it('pricing.previewPrice and calculatePrice (the path alias the SDK sends)', async () => {
    const climb = await serviceId('Family Climb');
    const { serviceVariants } = await anyone.serviceOptionsAndVariants.getServiceOptionsAndVariantsByServiceId(climb);
    const optionId = serviceVariants?.options?.values?.[0]?._id ?? '';
    const preview = await anyone.pricing.previewPrice([
      {
        serviceId: climb,
        serviceChoices: [
          { numberOfParticipants: 2, choices: [{ optionId, custom: 'Adult' }] },
          { numberOfParticipants: 1, choices: [{ optionId, custom: 'Child' }] },
        ],
      },
    ]);
    // The contract's priceInfo keeps bookings Money (docs/wix-sdk.md says where Wix's types differ).
    assert.deepEqual(preview.priceInfo?.calculatedPrice, { value: '46.00', currency: 'USD' });
    const training = await serviceId('Personal Training');
    const calculated = await anyone.pricing.calculatePrice({
      booking: {
        bookedEntity: { slot: { serviceId: training, startDate: '2026-12-02T10:00:00', endDate: '2026-12-02T11:00:00' } },
        totalParticipants: 1,
      },
    });
    assert.deepEqual(calculated.priceInfo?.calculatedPrice, { value: '80.00', currency: 'USD' });
  });

  it('bookingPolicies: get and query (cursor) for anyone; create, update, setDefault and delete for the owner', async () => {
    const first = await anyone.bookingPolicies.queryBookingPolicies().limit(2).find();
    assert.equal(first.items.length, 2);
    assert.equal(first.hasNext(), true);
    const rest = await first.next();
    assert.equal(rest.items.length, 1);
    assert.equal(rest.hasNext(), false);
    const standard = [...first.items, ...rest.items].find((p) => p.name === 'Standard');
    assert.ok(standard?._id);
    const got = await anyone.bookingPolicies.getBookingPolicy(standard._id);
    assert.equal(got.cancellationPolicy?.latestCancellationInMinutes, 720);

    const created = await owner.bookingPolicies.createBookingPolicy({ name: 'Strict', limitLateBookingPolicy: { enabled: true } });
    assert.equal(created.name, 'Strict');
    assert.equal(created.limitLateBookingPolicy?.latestBookingInMinutes, 1440, "Wix's default fills what is not sent");
    assert.equal(created.revision, '1');
    const updated = await owner.bookingPolicies.updateBookingPolicy(created._id ?? '', { revision: '1', name: 'Stricter' });
    assert.equal(updated.name, 'Stricter');
    assert.equal(updated.revision, '2');
    const counted = await anyone.bookingPolicies.countBookingPolicies({ filter: { name: 'Stricter' } });
    assert.equal(counted.count, 1);
    const stale = await failureOf(() => owner.bookingPolicies.updateBookingPolicy(created._id ?? '', { revision: '1', name: 'x' }));
    assert.deepEqual(stale, { code: 'REVISION_MISMATCH', status: 409 });
    const made = await owner.bookingPolicies.setDefaultBookingPolicy(created._id ?? '');
    assert.equal(made.currentDefaultBookingPolicy?._id, created._id);
    assert.ok(made.previousDefaultBookingPolicy?._id);
    const refused = await failureOf(() => owner.bookingPolicies.deleteBookingPolicy(created._id ?? ''));
    assert.deepEqual(refused, { code: 'DEFAULT_POLICY_CANNOT_BE_DELETED', status: 428 });
    await owner.bookingPolicies.setDefaultBookingPolicy(made.previousDefaultBookingPolicy?._id ?? '');
    await owner.bookingPolicies.deleteBookingPolicy(created._id ?? '');
    assert.deepEqual(await failureOf(() => anyone.bookingPolicies.getBookingPolicy(created._id ?? '')), {
      code: 'BOOKING_POLICY_NOT_FOUND',
      status: 404,
    });
    const visitor = sdkClient(server, bareToken(await visitorAccessToken(server)));
    assert.deepEqual(await failureOf(() => visitor.bookingPolicies.createBookingPolicy({ name: 'Mine' })), {
      code: 'PERMISSION_DENIED',
      status: 403,
    });
  });

  it('staffMembers.queryStaffMembers pages by cursor for the owner; nobody else sees staff', async () => {
    const first = await owner.staffMembers.queryStaffMembers().limit(1).find();
    assert.equal(first.items.length, 1);
    assert.ok(first.items[0]?.name);
    assert.equal(first.hasNext(), true);
    const second = await first.next();
    assert.notEqual(second.items[0]?._id, first.items[0]?._id);
    assert.deepEqual(await failureOf(() => anyone.staffMembers.queryStaffMembers().find()), { code: 'UNAUTHENTICATED', status: 401 });
  });
});
