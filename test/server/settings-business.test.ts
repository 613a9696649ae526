/**
 * The business's details on Wix Site Properties (extension): business hours, currency, email, phone and address,
 * changed by the owner only, read by anyone; a currency change keeps prices' numbers in the new currency, and is
 * refused while an upcoming booking has money unpaid or when the new currency has other decimal places.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { appointmentBooking, NOW, OWNER_KEY, serviceNamed, staffToken, visitorToken } from './bookings-fixtures.js';

const PATH = '/site-properties/v4/properties';
const HOURS = [
  { openDay: 'TUESDAY', openTime: '09:00', closeDay: 'TUESDAY', closeTime: '17:00' },
  { openDay: 'MONDAY', openTime: '13:00', closeDay: 'MONDAY', closeTime: '24:00' },
  { openDay: 'MONDAY', openTime: '08:00', closeDay: 'MONDAY', closeTime: '12:00' },
];

describe('business details (site properties)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()), server: { clock: () => NOW } });
  });
  after(async () => server.close());

  const patch = (properties: unknown, token: string | null = OWNER_KEY) =>
    server.call('PATCH', PATH, { ...(token ? { token } : {}), body: { properties } });
  const violation = (body: { details: { validationError: { fieldViolations: { field: string }[] } } }) =>
    body.details.validationError.fieldViolations[0]?.field;

  it('stores business hours, email, phone and address, and anyone reads them', async () => {
    const saved = await patch({
      businessSchedule: { periods: HOURS },
      email: 'hello@harbor.example',
      phone: ' +1 555 0100 ',
      address: { street: '1 Harbor Way', city: 'Portland', country: ' ' },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const read = await server.call('GET', PATH);
    const p = read.body.properties;
    assert.deepEqual(
      p.businessSchedule.periods.map((x: { openDay: string; openTime: string }) => `${x.openDay} ${x.openTime}`),
      ['MONDAY 08:00', 'MONDAY 13:00', 'TUESDAY 09:00'],
      'sorted by day, then opening time',
    );
    assert.equal(p.email, 'hello@harbor.example');
    assert.equal(p.phone, '+1 555 0100');
    assert.deepEqual(p.address, { street: '1 Harbor Way', city: 'Portland' });
    assert.equal(p.siteDisplayName, saved.body.properties.siteDisplayName);
  });

  it('refuses business hours that close before they open, on another day, or overlap, naming the period', async () => {
    const cases: [unknown, string][] = [
      [[{ openDay: 'MONDAY', openTime: '10:00', closeDay: 'MONDAY', closeTime: '09:00' }], 'periods[0].closeTime'],
      [[{ openDay: 'MONDAY', openTime: '22:00', closeDay: 'TUESDAY', closeTime: '02:00' }], 'periods[0].closeDay'],
      [[{ openDay: 'MONDAY', openTime: '9am', closeDay: 'MONDAY', closeTime: '17:00' }], 'periods[0].openTime'],
      [[HOURS[2], { openDay: 'MONDAY', openTime: '11:00', closeDay: 'MONDAY', closeTime: '14:00' }], 'periods[1].openTime'],
    ];
    for (const [periods, field] of cases) {
      const refused = await patch({ businessSchedule: { periods } });
      assert.equal(refused.status, 400, JSON.stringify(periods));
      assert.equal(violation(refused.body), `properties.businessSchedule.${field}`);
    }
    assert.equal((await patch({ businessSchedule: { periods: [{ openDay: 'FUNDAY' }] } })).status, 400);
    assert.equal(violation((await patch({ email: 'not an email' })).body), 'properties.email');
  });

  it('lets only the owner change them', async () => {
    assert.equal((await patch({ phone: '1' }, null)).status, 401);
    assert.equal((await patch({ phone: '1' }, await staffToken(server))).status, 403);
    assert.equal((await patch({ phone: '1' }, await visitorToken(server))).status, 403);
  });

  it('changes the currency of every price, refused while an upcoming booking has money unpaid', async () => {
    assert.equal(violation((await patch({ paymentCurrency: 'XYZ' })).body), 'properties.paymentCurrency');
    const digits = await patch({ paymentCurrency: 'JPY' });
    assert.equal(digits.status, 400);
    assert.match(digits.body.details.validationError.fieldViolations[0].description, /decimal places/);

    const training = await serviceNamed(server, 'Personal Training');
    const made = await server.call('POST', '/bookings/v2/bookings', {
      token: await visitorToken(server),
      body: appointmentBooking(training, '2026-12-03T10:00:00', '2026-12-03T11:00:00'),
    });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const blocked = await patch({ paymentCurrency: 'EUR' });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.details.applicationError.code, 'CURRENCY_CHANGE_BLOCKED');
    assert.equal((await server.call('GET', PATH)).body.properties.paymentCurrency, 'USD', 'nothing changed');

    const { id, revision } = made.body.booking;
    assert.equal((await server.call('POST', `/bookings/v2/bookings/${id}/cancel`, { token: OWNER_KEY, body: { revision } })).status, 200);
    const before = (await server.call('GET', `/bookings/v2/services/${training.id}`)).body.service.payment.varied.defaultPrice;
    const changed = await patch({ paymentCurrency: 'EUR' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.properties.paymentCurrency, 'EUR');
    const after = (await server.call('GET', `/bookings/v2/services/${training.id}`)).body.service.payment.varied.defaultPrice;
    assert.deepEqual(after, { ...before, currency: 'EUR' }, 'the same number, now in euros');
    const plans = (await server.call('GET', '/pricing-plans/v2/plans')).body.plans;
    assert.ok(plans.length > 0);
    assert.equal(JSON.stringify(plans).includes('"USD"'), false, 'plans follow');
    const variants = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${training.id}`)).body;
    assert.equal(JSON.stringify(variants).includes('"USD"'), false, 'variants follow');
    assert.match(JSON.stringify(variants), /"EUR"/);
  });
});
