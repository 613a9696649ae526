/**
 * The owner says where a service takes place with `locations` (extension: Wix sets it through its Locations API):
 * the business's place, the customer's, or another address, which needs the address.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, startServer, OWNER_KEY, type TestServer } from './helpers.js';

describe('a service’s location', () => {
  let server: TestServer;
  let id = '';
  before(async () => {
    server = await startServer();
    const { body } = await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name: 'Community Yoga' } } } });
    id = body.services[0].id;
  });
  after(() => server.close());

  const yoga = async () => (await server.call('GET', `/bookings/v2/services/${id}`)).body.service;

  it('moves a service to another address and to the customer’s place, and keeps it when a change leaves it out', async () => {
    const before = await yoga();
    assert.equal(before.locations[0].type, 'BUSINESS');
    const park = [{ type: 'CUSTOM', custom: { address: { formattedAddress: 'Pier 6, Brooklyn Bridge Park' } } }];
    const moved = await server.call('PATCH', `/bookings/v2/services/${before.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: before.revision, locations: park } },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(moved.body.service.locations, park);
    const renamed = await server.call('PATCH', `/bookings/v2/services/${before.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: moved.body.service.revision, name: 'Park Yoga' } },
    });
    assert.deepEqual(renamed.body.service.locations, park);
    const home = await server.call('PATCH', `/bookings/v2/services/${before.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: renamed.body.service.revision, locations: [{ type: 'CUSTOMER' }] } },
    });
    assert.deepEqual(home.body.service.locations, [{ type: 'CUSTOMER' }]);
  });

  it('refuses another address without the address, beside the field', async () => {
    const service = await yoga();
    const r = await server.call('PATCH', `/bookings/v2/services/${service.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: service.revision, locations: [{ type: 'CUSTOM', custom: { address: { formattedAddress: ' ' } } }] } },
    });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['service.locations[0].custom.address.formattedAddress'] });
  });
});
