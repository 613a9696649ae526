/** The typed client (contract section 9a) against a real server: calls, error decoding, retries. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';
import { createClient, BookingApiError } from '../../src/api/index.js';

describe('the JavaScript client', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('queries services and reads variants with Wix method names', async () => {
    const client = createClient({ apiBase: server.url });
    const { services, pagingMetadata } = await client.services.queryServices({ filter: { name: 'Family Climb' } });
    assert.equal(pagingMetadata.total, 1);
    const climb = services[0];
    assert.ok(climb);
    const { serviceVariants } = await client.services.getServiceOptionsAndVariantsByServiceId(climb.id);
    assert.deepEqual(
      serviceVariants.variants.values.map((v) => v.price.value),
      ['18.00', '10.00'],
    );
    const { properties } = await client.services.getSiteProperties();
    assert.equal(properties.timeZone, 'America/New_York');
  });

  it('throws one typed error carrying the status and the contract details', async () => {
    const client = createClient({ apiBase: server.url });
    await assert.rejects(client.services.getService('missing'), (e: unknown) => {
      assert.ok(e instanceof BookingApiError);
      assert.equal(e.status, 404);
      assert.equal(e.code, 'SERVICE_NOT_FOUND');
      assert.match(e.message, /was not found/);
      return true;
    });
    await assert.rejects(client.services.queryServices({ filter: { colour: 'red' } }), (e: unknown) => {
      assert.ok(e instanceof BookingApiError);
      assert.equal(e.status, 400);
      assert.equal(e.code, 'VALIDATION_ERROR');
      assert.equal(e.validationError?.fieldViolations[0]?.field, 'query.filter.colour');
      return true;
    });
  });

  it('sends the bearer token it is given', async () => {
    const owner = createClient({ apiBase: server.url, token: OWNER_KEY });
    const hidden = await owner.services.queryServices({ filter: { hidden: true } });
    assert.equal(hidden.services.length, 0);
    const stranger = createClient({ apiBase: server.url, token: () => 'bad-token' });
    await assert.rejects(stranger.services.getService('x'), (e: unknown) => e instanceof BookingApiError && e.status === 401);
  });

  it('retries a GET after network failures with backoff, and reports NETWORK_ERROR when the server stays away', async () => {
    let failures = 2;
    const flaky: typeof fetch = async (input, init) => {
      if (failures-- > 0) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const client = createClient({ apiBase: server.url, fetch: flaky, retryDelayMs: 5 });
    const { properties } = await client.services.getSiteProperties();
    assert.equal(properties.siteDisplayName, 'Harbor Studio');
    assert.ok(failures < 0, 'both failures were used up by retries');

    const down = createClient({ apiBase: 'http://127.0.0.1:9', retries: 1, retryDelayMs: 5 });
    await assert.rejects(down.services.getSiteProperties(), (e: unknown) => e instanceof BookingApiError && e.code === 'NETWORK_ERROR');
  });

  it('never retries a POST without an Idempotency-Key (it could double an effect)', async () => {
    let calls = 0;
    const failing: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const client = createClient({ apiBase: server.url, fetch: failing, retryDelayMs: 1 });
    await assert.rejects(client.services.queryServices({}));
    assert.equal(calls, 1);
  });
});
