/**
 * The owner names the pricing plans that cover a service with `payment.pricingPlanIds` (extension: Wix reads it
 * only); the plans' `eligibleServiceIds` follow, and an id that names no plan is refused beside its field.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, startServer, OWNER_KEY, type TestServer } from './helpers.js';

describe('a service’s pricing plans', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  async function serviceNamed(name: string) {
    const { body } = await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name } } } });
    return body.services[0];
  }

  it('sets the plans that cover a service, keeps them when a payment change leaves them out, and the plans list it', async () => {
    const yoga = await serviceNamed('Community Yoga');
    const plans = (await server.call('GET', '/pricing-plans/v2/plans')).body.plans as { id: string; eligibleServiceIds: string[] }[];
    const plan = plans[0];
    assert.ok(plan && !plan.eligibleServiceIds.includes(yoga.id));
    const payment = {
      rateType: 'FIXED',
      fixed: { price: { value: '12.00', currency: 'USD' } },
      options: { online: true, pricingPlan: true },
    };
    const set = await server.call('PATCH', `/bookings/v2/services/${yoga.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: yoga.revision, payment: { ...payment, pricingPlanIds: [plan.id] } } },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.service.payment.pricingPlanIds, [plan.id]);
    assert.equal(set.body.service.payment.options.pricingPlan, true);
    const after = (await server.call('GET', '/pricing-plans/v2/plans')).body.plans as typeof plans;
    assert.ok(after.find((p) => p.id === plan.id)?.eligibleServiceIds.includes(yoga.id));

    const kept = await server.call('PATCH', `/bookings/v2/services/${yoga.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: set.body.service.revision, payment } },
    });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.deepEqual(kept.body.service.payment.pricingPlanIds, [plan.id]);
  });

  it('refuses a plan id that names no plan, beside the field, and changes nothing', async () => {
    const yoga = await serviceNamed('Community Yoga');
    const r = await server.call('PATCH', `/bookings/v2/services/${yoga.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: yoga.revision, payment: { ...yoga.payment, pricingPlanIds: ['no-such-plan'] } } },
    });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['service.payment.pricingPlanIds[0]'] });
    assert.equal((await serviceNamed('Community Yoga')).revision, yoga.revision);
  });
});
