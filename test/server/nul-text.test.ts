/**
 * Text holding a NUL character (U+0000) is refused with a 400 naming the field, on both backends (PostgreSQL
 * cannot store it; SQLite answers the same), and nothing is written.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, OWNER_KEY, startServer, type TestServer } from './helpers.js';

describe('NUL characters in requests', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  it('refuses one in a path parameter, naming it', async () => {
    const r = await server.call('GET', '/bookings/v2/services/%00abc');
    assert.equal(r.status, 400);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['params.id'] });
  });

  it('refuses one in a query string value', async () => {
    const r = await server.call('GET', '/bookings/v2/services/abc?fields=%00');
    assert.equal(r.status, 400);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['query.fields'] });
  });

  it('refuses one deep in a body, naming the field, and creates nothing', async () => {
    const before = (await server.call('POST', '/bookings/v2/services/query', { body: {} })).body.services.length;
    const r = await server.call('POST', '/bookings/v2/services', {
      token: OWNER_KEY,
      body: { service: { name: 'Yoga\u0000Nidra', type: 'CLASS' } },
    });
    assert.equal(r.status, 400);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['service.name'] });
    assert.equal((await server.call('POST', '/bookings/v2/services/query', { body: {} })).body.services.length, before);
  });
});
