/** The demo catalogue over real HTTP (contract sections 3 and 11). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, OWNER_KEY, errorShape, type TestServer } from './helpers.js';

const DEMO_NAMES = ['Vinyasa Flow', 'Community Yoga', 'Family Climb', 'Personal Training', 'Strength Foundations'];

describe('catalogue', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const query = (q: unknown, token?: string) =>
    server.call('POST', '/bookings/v2/services/query', { body: q, ...(token ? { token } : {}) });
  const byName = async (name: string) => (await query({ query: { filter: { name } } })).body.services[0];

  it('lists the five demo services with the contract fields', async () => {
    const { status, body } = await query({});
    assert.equal(status, 200);
    assert.deepEqual(
      body.services.map((s: { name: string }) => s.name),
      DEMO_NAMES,
    );
    assert.deepEqual(body.pagingMetadata, { count: 5, offset: 0, total: 5 });
    for (const s of body.services) {
      assert.match(s.id, /^[0-9a-f-]{36}$/);
      for (const field of [
        'type',
        'name',
        'defaultCapacity',
        'payment',
        'onlineBooking',
        'schedule',
        'staffMemberIds',
        'bookingPolicy',
        'revision',
        'createdDate',
        'updatedDate',
      ]) {
        assert.ok(field in s, `${s.name} lacks ${field}`);
      }
      assert.equal(s.revision, '1');
      assert.ok(Array.isArray(s.schedule.availabilityConstraints.sessionDurations));
    }
  });

  it('describes each demo service as section 11 says', async () => {
    const vinyasa = await byName('Vinyasa Flow');
    assert.equal(vinyasa.type, 'CLASS');
    assert.equal(vinyasa.defaultCapacity, 12);
    assert.deepEqual(vinyasa.payment.fixed.price, { value: '20.00', currency: 'USD' });
    assert.deepEqual(vinyasa.payment.options, { online: true, inPerson: true, deposit: false, pricingPlan: true });
    assert.equal(vinyasa.payment.pricingPlanIds.length, 2);
    assert.deepEqual(vinyasa.bookingPolicy.waitlistPolicy, { enabled: true, capacity: 5, reservationTimeInMinutes: 10 });

    const community = await byName('Community Yoga');
    assert.equal(community.payment.rateType, 'NO_FEE');
    assert.equal(community.defaultCapacity, 3);
    assert.equal(community.onlineBooking.requireManualApproval, false);

    const climb = await byName('Family Climb');
    assert.equal(climb.defaultCapacity, 10);
    assert.equal(climb.bookingPolicy.participantsPolicy.maxParticipantsPerBooking, 6);
    assert.deepEqual(climb.schedule.availabilityConstraints.sessionDurations, [90]);

    const training = await byName('Personal Training');
    assert.equal(training.type, 'APPOINTMENT');
    assert.equal(training.onlineBooking.requireManualApproval, true);
    assert.deepEqual(training.payment.varied.deposit, { value: '20.00', currency: 'USD' });
    assert.equal(training.payment.options.deposit, true);
    assert.equal(training.staffMemberIds.length, 2);
    assert.deepEqual(training.schedule.availabilityConstraints.sessionDurations, [30, 60]);

    const course = await byName('Strength Foundations');
    assert.equal(course.type, 'COURSE');
    assert.equal(course.defaultCapacity, 8);
    assert.deepEqual(course.payment.fixed, {
      price: { value: '150.00', currency: 'USD' },
      deposit: { value: '50.00', currency: 'USD' },
      fullUpfrontPaymentAllowed: true,
    });
  });

  it('returns the Family Climb Adult/Child variants', async () => {
    const climb = await byName('Family Climb');
    const { status, body } = await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`);
    assert.equal(status, 200);
    const v = body.serviceVariants;
    assert.equal(v.serviceId, climb.id);
    assert.equal(v.options.values[0].type, 'CUSTOM');
    assert.deepEqual(v.options.values[0].customData, { name: 'Ticket', choices: ['Adult', 'Child'] });
    assert.deepEqual(
      v.variants.values.map((x: { choices: { custom: string }[]; price: unknown }) => [x.choices[0]?.custom, x.price]),
      [
        ['Adult', { value: '18.00', currency: 'USD' }],
        ['Child', { value: '10.00', currency: 'USD' }],
      ],
    );
    assert.deepEqual(v.minPrice, { value: '10.00', currency: 'USD' });
    assert.deepEqual(v.maxPrice, { value: '18.00', currency: 'USD' });
  });

  it('returns the Personal Training duration variants, 30 min $45 and 60 min $80', async () => {
    const training = await byName('Personal Training');
    const { body } = await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${training.id}`);
    assert.deepEqual(
      body.serviceVariants.variants.values.map((x: { choices: { duration: { minutes: number } }[]; price: { value: string } }) => [
        x.choices[0]?.duration.minutes,
        x.price.value,
      ]),
      [
        [30, '45.00'],
        [60, '80.00'],
      ],
    );
  });

  it('filters with operators, sorts and pages', async () => {
    const classes = await query({ query: { filter: { type: { $in: ['CLASS'] } }, sort: [{ fieldName: 'name', order: 'DESC' }] } });
    assert.deepEqual(
      classes.body.services.map((s: { name: string }) => s.name),
      ['Vinyasa Flow', 'Family Climb', 'Community Yoga'],
    );
    const page = await query({ query: { sort: [{ fieldName: 'name', order: 'ASC' }], paging: { limit: 2, offset: 2 } } });
    assert.deepEqual(
      page.body.services.map((s: { name: string }) => s.name),
      ['Personal Training', 'Strength Foundations'],
    );
    assert.deepEqual(page.body.pagingMetadata, { count: 2, offset: 2, total: 5 });
    const notFree = await query({ query: { filter: { 'payment.rateType': { $ne: 'NO_FEE' }, 'category.name': 'Yoga' } } });
    assert.deepEqual(
      notFree.body.services.map((s: { name: string }) => s.name),
      ['Vinyasa Flow'],
    );
    const capacity = await query({ query: { filter: { defaultCapacity: { $gte: 8, $lt: 12 } } } });
    assert.deepEqual(capacity.body.services.map((s: { name: string }) => s.name).sort(), ['Family Climb', 'Strength Foundations']);
  });

  it('answers the same query at the Wix /_api prefix', async () => {
    const { status, body } = await server.call('POST', '/_api/bookings/v2/services/query', { body: {} });
    assert.equal(status, 200);
    assert.equal(body.services.length, 5);
  });

  it('gets one service by id, and 404s an unknown one', async () => {
    const climb = await byName('Family Climb');
    const got = await server.call('GET', `/bookings/v2/services/${climb.id}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.service.name, 'Family Climb');
    const missing = await server.call('GET', '/bookings/v2/services/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.deepEqual(errorShape(missing.body), { kind: 'application', code: 'SERVICE_NOT_FOUND' });
  });

  it('lets only the owner create, edit and delete services, with revision checks', async () => {
    const service = {
      type: 'CLASS',
      name: 'Sunset Stretch',
      defaultCapacity: 6,
      payment: { rateType: 'FIXED', fixed: { price: { value: '12.50', currency: 'USD' } } },
    };
    const anonymous = await server.call('POST', '/bookings/v2/services', { body: { service } });
    assert.equal(anonymous.status, 401);
    const wrongKey = await server.call('POST', '/bookings/v2/services', { body: { service }, token: 'not-the-key' });
    assert.equal(wrongKey.status, 401);

    const created = await server.call('POST', '/bookings/v2/services', { body: { service }, token: OWNER_KEY });
    assert.equal(created.status, 200);
    const id = created.body.service.id as string;
    assert.equal(created.body.service.revision, '1');
    assert.deepEqual(created.body.service.payment.fixed.price, { value: '12.50', currency: 'USD' });

    const edited = await server.call('PATCH', `/bookings/v2/services/${id}`, {
      body: { service: { revision: '1', name: 'Sunset Stretch (60 min)', hidden: true } },
      token: OWNER_KEY,
    });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.service.revision, '2');
    assert.equal(edited.body.service.name, 'Sunset Stretch (60 min)');

    const stale = await server.call('PATCH', `/bookings/v2/services/${id}`, {
      body: { service: { revision: '1', name: 'Lost update' } },
      token: OWNER_KEY,
    });
    assert.equal(stale.status, 409);
    assert.deepEqual(errorShape(stale.body), { kind: 'application', code: 'REVISION_MISMATCH' });
    const after = await server.call('GET', `/bookings/v2/services/${id}`, { token: OWNER_KEY });
    assert.equal(after.body.service.name, 'Sunset Stretch (60 min)', 'a stale revision changes nothing');

    // Hidden: the public neither lists nor gets it; the owner does.
    assert.equal((await server.call('GET', `/bookings/v2/services/${id}`)).status, 404);
    assert.equal((await query({})).body.services.length, 5);
    assert.equal((await query({}, OWNER_KEY)).body.services.length, 6);

    assert.equal((await server.call('DELETE', `/bookings/v2/services/${id}`, { token: OWNER_KEY })).status, 200);
    assert.equal((await server.call('GET', `/bookings/v2/services/${id}`, { token: OWNER_KEY })).status, 404);
  });

  it('refuses an invalid service with field violations that name the fields', async () => {
    const { status, body } = await server.call('POST', '/bookings/v2/services', {
      token: OWNER_KEY,
      body: {
        service: {
          type: 'APPOINTMENT',
          name: 'No staff',
          payment: {
            rateType: 'FIXED',
            fixed: { price: { value: '10.00', currency: 'USD' }, deposit: { value: '30.00', currency: 'USD' } },
            options: { online: true, deposit: true },
          },
        },
      },
    });
    assert.equal(status, 400);
    const shape = errorShape(body);
    assert.equal(shape.kind, 'validation');
    assert.ok(shape.kind === 'validation' && shape.fields.includes('service.staffMemberIds'));
    assert.ok(shape.kind === 'validation' && shape.fields.includes('service.payment.deposit.value'));
  });

  it('validates owner-created variants against their option', async () => {
    const created = await server.call('POST', '/bookings/v2/services', {
      token: OWNER_KEY,
      body: {
        service: {
          type: 'CLASS',
          name: 'Kids Yoga',
          payment: { rateType: 'VARIED', varied: { defaultPrice: { value: '8.00', currency: 'USD' } } },
        },
      },
    });
    const serviceId = created.body.service.id as string;
    const option = { id: 'age', type: 'CUSTOM', customData: { name: 'Age', choices: ['Under 6', '6 to 12'] } };
    const bad = await server.call('POST', '/bookings/v1/serviceOptionsAndVariants', {
      token: OWNER_KEY,
      body: {
        serviceOptionsAndVariants: {
          serviceId,
          options: { values: [option] },
          variants: { values: [{ choices: [{ optionId: 'age', custom: 'Teen' }], price: { value: '8.00', currency: 'USD' } }] },
        },
      },
    });
    assert.equal(bad.status, 400);
    assert.equal(
      bad.body.details.validationError.fieldViolations[0].field,
      'serviceOptionsAndVariants.variants.values[0].choices[0].custom',
    );
    const good = await server.call('POST', '/bookings/v1/serviceOptionsAndVariants', {
      token: OWNER_KEY,
      body: {
        serviceOptionsAndVariants: {
          serviceId,
          options: { values: [option] },
          variants: {
            values: [
              { choices: [{ optionId: 'age', custom: 'Under 6' }], price: { value: '6.00', currency: 'USD' } },
              { choices: [{ optionId: 'age', custom: '6 to 12' }], price: { value: '8.00', currency: 'USD' } },
            ],
          },
        },
      },
    });
    assert.equal(good.status, 200);
    const read = await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${serviceId}`);
    assert.deepEqual(read.body.serviceVariants.minPrice, { value: '6.00', currency: 'USD' });
  });

  it('serves the business facts the widget needs', async () => {
    const { status, body } = await server.call('GET', '/site-properties/v4/properties');
    assert.equal(status, 200);
    assert.equal(body.properties.siteDisplayName, 'Harbor Studio');
    assert.equal(body.properties.timeZone, 'America/New_York');
    assert.equal(body.properties.paymentCurrency, 'USD');
  });
});
