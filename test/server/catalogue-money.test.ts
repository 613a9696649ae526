/** Amounts the owner sends are checked by the domain against their currency's minor digits: a 400, never a 500. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, startServer, OWNER_KEY, type TestServer } from './helpers.js';

describe('catalogue amounts', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('refuses a variant price with more decimals than its currency has, naming the field', async () => {
    const { body } = await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name: 'Family Climb' } } } });
    const variants = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${body.services[0].id}`)).body
      .serviceVariants;
    for (const [price, digits] of [
      [{ value: '10.005', currency: 'USD' }, 2],
      [{ value: '1000.5', currency: 'JPY' }, 0],
    ] as const) {
      const edited = structuredClone(variants);
      edited.variants.values[0].price = price;
      edited.variants.values[1].price = { ...edited.variants.values[1].price, currency: price.currency };
      const r = await server.call('PATCH', `/bookings/v1/serviceOptionsAndVariants/${variants.id}`, {
        token: OWNER_KEY,
        body: { serviceOptionsAndVariants: edited },
      });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['serviceOptionsAndVariants.variants.values[0].price.value'] });
      assert.match(r.body.message, new RegExp(`more than ${digits} decimal places for ${price.currency}`));
    }
  });

  it('takes a Kuwaiti dinar price with three decimals', async () => {
    const { body } = await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name: 'Community Yoga' } } } });
    const yoga = body.services[0];
    const r = await server.call('PATCH', `/bookings/v2/services/${yoga.id}`, {
      token: OWNER_KEY,
      body: {
        service: {
          revision: yoga.revision,
          payment: {
            ...yoga.payment,
            rateType: 'FIXED',
            fixed: { price: { value: '5.125', currency: 'KWD' } },
            options: { ...yoga.payment.options, online: true },
          },
        },
      },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.service.payment.fixed.price, { value: '5.125', currency: 'KWD' });
  });
});
