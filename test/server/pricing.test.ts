/** Price and deposit maths on the demo catalogue (contract section 7), in integer minor units. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './helpers.js';
import { priceFor, toPriceInfo } from '../../server/domain/pricing/price.js';
import type { Service, ServiceOptionsAndVariants } from '../../src/model/service.js';
import { ValidationError } from '../../server/domain/errors.js';

describe('pricing', () => {
  let server: TestServer;
  const services = new Map<string, { service: Service; variants: ServiceOptionsAndVariants | null }>();
  before(async () => {
    server = await startServer();
    for (const service of await server.storage.catalogue.listServices()) {
      services.set(service.name, { service, variants: await server.storage.catalogue.getVariantsByService(service.id) });
    }
  });
  after(() => server.close());
  const get = (name: string) => {
    const found = services.get(name);
    if (!found) throw new Error(`no demo service ${name}`);
    return found;
  };

  it('Family Climb: 2 Adults and 1 Child cost 46.00', () => {
    const { service, variants } = get('Family Climb');
    const option = variants?.options.values[0]?.id ?? '';
    const b = priceFor(service, variants, [
      { numberOfParticipants: 2, choices: [{ optionId: option, custom: 'Adult' }] },
      { numberOfParticipants: 1, choices: [{ optionId: option, custom: 'Child' }] },
    ]);
    const info = toPriceInfo(service.id, b);
    assert.deepEqual(info.calculatedPrice, { value: '46.00', currency: 'USD' });
    assert.deepEqual(
      info.bookingLineItems.map((l) => l.pricePerParticipant.value),
      ['18.00', '10.00'],
    );
    assert.equal(info.deposit, undefined);
  });

  it('Personal Training 60 minutes: 80.00 with a 20.00 deposit; 30 minutes: 45.00', () => {
    const { service, variants } = get('Personal Training');
    const option = variants?.options.values[0]?.id ?? '';
    const hour = toPriceInfo(
      service.id,
      priceFor(service, variants, [{ numberOfParticipants: 1, choices: [{ optionId: option, duration: { minutes: 60 } }] }]),
    );
    assert.deepEqual(hour.calculatedPrice, { value: '80.00', currency: 'USD' });
    assert.deepEqual(hour.deposit, { value: '20.00', currency: 'USD' });
    const half = toPriceInfo(
      service.id,
      priceFor(service, variants, [{ numberOfParticipants: 1, choices: [{ optionId: option, duration: { minutes: 30 } }] }]),
    );
    assert.deepEqual(half.calculatedPrice, { value: '45.00', currency: 'USD' });
  });

  it('Community Yoga is free: 0.00', () => {
    const { service, variants } = get('Community Yoga');
    assert.deepEqual(toPriceInfo(service.id, priceFor(service, variants, [{ numberOfParticipants: 1 }])).calculatedPrice, {
      value: '0.00',
      currency: 'USD',
    });
  });

  it('fixed price × participants, and a deposit per participant never above the price', () => {
    const { service } = get('Strength Foundations');
    const two = priceFor(service, null, [{ numberOfParticipants: 2 }]);
    assert.equal(two.totalMinor, 300_00);
    assert.equal(two.depositMinor, 100_00);
    const vinyasa = get('Vinyasa Flow');
    assert.equal(priceFor(vinyasa.service, null, [{ numberOfParticipants: 3 }]).totalMinor, 60_00);
  });

  it('adds cents exactly (no float drift): 3 × 0.10 is 0.30', () => {
    const { service } = get('Vinyasa Flow');
    const dime: Service = { ...service, payment: { ...service.payment, fixed: { price: { value: '0.10', currency: 'USD' } } } };
    assert.deepEqual(toPriceInfo(dime.id, priceFor(dime, null, [{ numberOfParticipants: 3 }])).calculatedPrice, {
      value: '0.30',
      currency: 'USD',
    });
  });

  it('refuses a choice that is not a variant, naming the field', () => {
    const { service, variants } = get('Family Climb');
    const option = variants?.options.values[0]?.id ?? '';
    assert.throws(
      () =>
        priceFor(
          service,
          variants,
          [{ numberOfParticipants: 1, choices: [{ optionId: option, custom: 'Grandparent' }] }],
          'booking.participantsChoices.serviceChoices',
        ),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.fieldViolations[0]?.field === 'booking.participantsChoices.serviceChoices[0].choices' &&
        /Adult, Child/.test(e.message),
    );
  });
});

describe('pricing endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());
  const serviceNamed = async (name: string) =>
    (await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name } } } })).body.services[0];

  it('previews Family Climb with 2 Adults and 1 Child at 46.00, per-participant prices listed', async () => {
    const climb = await serviceNamed('Family Climb');
    const v = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`)).body.serviceVariants;
    const optionId = v.options.values[0].id;
    const { status, body } = await server.call('POST', '/bookings/v2/pricing/preview', {
      body: {
        bookingLineItems: [
          {
            serviceId: climb.id,
            serviceChoices: [
              { numberOfParticipants: 2, choices: [{ optionId, custom: 'Adult' }] },
              { numberOfParticipants: 1, choices: [{ optionId, custom: 'Child' }] },
            ],
          },
        ],
      },
    });
    assert.equal(status, 200);
    assert.deepEqual(body.priceInfo.calculatedPrice, { value: '46.00', currency: 'USD' });
    assert.deepEqual(
      body.priceInfo.bookingLineItems.map((l: { pricePerParticipant: { value: string } }) => l.pricePerParticipant.value),
      ['18.00', '10.00'],
    );
  });

  it('calculates Personal Training 60 minutes at 80.00 with a 20.00 deposit', async () => {
    const training = await serviceNamed('Personal Training');
    const v = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${training.id}`)).body.serviceVariants;
    const { body } = await server.call('POST', '/bookings/v2/pricing/calculate', {
      body: {
        booking: {
          bookedEntity: { slot: { serviceId: training.id } },
          participantsChoices: {
            serviceChoices: [{ numberOfParticipants: 1, choices: [{ optionId: v.options.values[0].id, duration: { minutes: 60 } }] }],
          },
        },
      },
    });
    assert.deepEqual(body.priceInfo.calculatedPrice, { value: '80.00', currency: 'USD' });
    assert.deepEqual(body.priceInfo.deposit, { value: '20.00', currency: 'USD' });
  });

  it('calculates Community Yoga at 0.00', async () => {
    const yoga = await serviceNamed('Community Yoga');
    const { body } = await server.call('POST', '/bookings/v2/pricing/calculate', {
      body: { booking: { bookedEntity: { slot: { serviceId: yoga.id } }, totalParticipants: 1 } },
    });
    assert.deepEqual(body.priceInfo.calculatedPrice, { value: '0.00', currency: 'USD' });
  });

  it('answers bad input with field violations, and an unknown service with 404', async () => {
    const climb = await serviceNamed('Family Climb');
    const noChoice = await server.call('POST', '/bookings/v2/pricing/preview', {
      body: { bookingLineItems: [{ serviceId: climb.id, numberOfParticipants: 2 }] },
    });
    assert.equal(noChoice.status, 200, 'without choices Family Climb is priced at its default (Adult) price');
    assert.deepEqual(noChoice.body.priceInfo.calculatedPrice, { value: '36.00', currency: 'USD' });
    const both = await server.call('POST', '/bookings/v2/pricing/calculate', {
      body: { booking: { bookedEntity: { slot: { serviceId: climb.id } } } },
    });
    assert.equal(both.status, 400);
    assert.equal(both.body.details.validationError.fieldViolations[0].field, 'booking');
    const unknown = await server.call('POST', '/bookings/v2/pricing/preview', {
      body: { bookingLineItems: [{ serviceId: 'nope', numberOfParticipants: 1 }] },
    });
    assert.equal(unknown.status, 404);
    const zero = await server.call('POST', '/bookings/v2/pricing/preview', {
      body: { bookingLineItems: [{ serviceId: climb.id, numberOfParticipants: 0 }] },
    });
    assert.equal(zero.status, 400);
  });
});
