/**
 * Registering webhook endpoints (contract section 13) on a server with the default settings (no private
 * targets): the owner only; https:// only; private, loopback, link-local, CGNAT and IPv4-mapped targets and
 * local host names refused; Wix's event names only, an unknown one answered with the valid ones; the secret in
 * the create answer only; a cap on endpoints; delete. Runs on SQLite and PostgreSQL.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startServer, errorShape, OWNER_KEY, type TestServer } from './helpers.js';
import { visitorToken } from './bookings-fixtures.js';
import { WEBHOOK_EVENT_TYPES } from '../../server/domain/webhooks/envelope.js';

const BASE = '/webhooks/v1/endpoints';
const LIMIT = 3;

describe('webhook endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ server: { webhooks: { maxEndpoints: LIMIT } } });
  });
  after(() => server.close());

  const create = (body: Record<string, unknown>, token: string | undefined = OWNER_KEY) =>
    server.call('POST', BASE, { token, body: { events: ['wix.bookings.v2.booking_created'], ...body } });
  const refusedField = async (body: Record<string, unknown>, field: string, pattern: RegExp) => {
    const r = await create(body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: [field] });
    assert.match(r.body.message, pattern);
  };

  it('creates an endpoint and answers its secret once; the list never shows it', async () => {
    const r = await create({
      url: 'https://hooks.example.com/bookings#frag',
      events: ['wix.bookings.v2.booking_confirmed', 'wix.ecom.v1.order_created'],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { endpoint, secret } = r.body;
    assert.deepEqual(Object.keys(endpoint).sort(), ['allowPrivate', 'createdDate', 'events', 'id', 'url']);
    assert.equal(endpoint.url, 'https://hooks.example.com/bookings');
    assert.deepEqual(endpoint.events, ['wix.bookings.v2.booking_confirmed', 'wix.ecom.v1.order_created']);
    assert.equal(endpoint.allowPrivate, false);
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.ok(Buffer.from(secret.slice(6), 'base64').length >= 24);
    assert.doesNotThrow(() => new Webhook(secret), 'the standardwebhooks library takes the secret');

    const list = await server.call('GET', BASE, { token: OWNER_KEY });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.endpoints, [endpoint]);
    const text = JSON.stringify(list.body);
    assert.ok(!text.includes(secret.slice(6)) && !text.includes('whsec_'), 'no secret in the list');
    assert.equal((await server.call('DELETE', `${BASE}/${endpoint.id}`, { token: OWNER_KEY })).status, 200);
    assert.deepEqual((await server.call('GET', BASE, { token: OWNER_KEY })).body.endpoints, []);
  });

  it('is the owner’s only: no token 401, a visitor 403', async () => {
    const visitor = await visitorToken(server);
    for (const [method, path] of [
      ['POST', BASE],
      ['GET', BASE],
      ['DELETE', `${BASE}/x`],
      ['GET', `${BASE}/x/deliveries`],
      ['POST', `${BASE}/x/deliveries/y/resend`],
    ] as const) {
      const body = method === 'POST' ? {} : undefined;
      const anonymous = await server.call(method, path, { body });
      assert.equal(anonymous.status, 401, `${method} ${path}`);
      assert.deepEqual(errorShape(anonymous.body), { kind: 'application', code: 'UNAUTHENTICATED' });
      const visiting = await server.call(method, path, { token: visitor, body });
      assert.equal(visiting.status, 403, `${method} ${path}`);
      assert.deepEqual(errorShape(visiting.body), { kind: 'application', code: 'PERMISSION_DENIED' });
    }
  });

  it('refuses http:// and every non-public target while the server does not allow private ones', async () => {
    await refusedField({ url: 'http://hooks.example.com/' }, 'url', /https:\/\//);
    for (const [url, kind] of [
      ['https://127.0.0.1/', 'loopback'],
      ['https://127.1.2.3:8443/', 'loopback'],
      ['https://2130706433/', 'loopback'], // 127.0.0.1 as one number: the URL parser makes it 127.0.0.1
      ['https://10.1.2.3/', 'private'],
      ['https://192.168.1.1/', 'private'],
      ['https://172.20.0.1/', 'private'],
      ['https://169.254.169.254/latest/meta-data', 'link-local'],
      ['https://100.64.0.1/', 'shared \\(CGNAT\\)'],
      ['https://0.0.0.0/', 'unspecified'],
      ['https://224.0.0.1/', 'multicast'],
      ['https://[::1]/', 'loopback'],
      ['https://[::]/', 'unspecified'],
      ['https://[::ffff:127.0.0.1]/', 'IPv4-mapped'],
      ['https://[::ffff:8.8.8.8]/', 'IPv4-mapped'],
      ['https://[fd00::1]/', 'unique-local'],
      ['https://[fe80::1]/', 'link-local'],
      ['https://[64:ff9b::a00:1]/', 'private'],
      ['https://localhost/', 'local host name'],
      ['https://api.localhost/', 'local host name'],
      ['https://printer.local/', 'local host name'],
      ['https://intranet/', 'local host name'],
    ]) {
      await refusedField({ url }, 'url', new RegExp(kind as string));
    }
    await refusedField({ url: 'https://user:pass@hooks.example.com/' }, 'url', /user name or password/);
    await refusedField({ url: 'ftp://hooks.example.com/' }, 'url', /https:\/\//);
    await refusedField({ url: 'not a url' }, 'url', /absolute URL/);
    await refusedField({ url: 'http://127.0.0.1:9/', allowPrivate: true }, 'allowPrivate', /WEBHOOKS_ALLOW_PRIVATE/);
  });

  it('takes Wix event names only, and names the valid ones when one is unknown', async () => {
    const r = await create({
      url: 'https://hooks.example.com/',
      events: ['wix.bookings.v2.booking_created', 'booking.created', 'outbox.internal'],
    });
    assert.equal(r.status, 400);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['events'] });
    assert.match(r.body.message, /"booking\.created", "outbox\.internal"/);
    for (const name of WEBHOOK_EVENT_TYPES) assert.ok(r.body.message.includes(name), name);
    assert.equal((await create({ url: 'https://hooks.example.com/', events: [] })).status, 400);
    assert.equal((await create({ url: 'https://hooks.example.com/', events: 'wix.bookings.v2.booking_created' })).status, 400);
  });

  it(`keeps at most ${LIMIT} endpoints`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const r = await create({ url: `https://hooks.example.com/${i}` });
      assert.equal(r.status, 200);
      ids.push(r.body.endpoint.id);
    }
    const over = await create({ url: 'https://hooks.example.com/over' });
    assert.equal(over.status, 400);
    assert.deepEqual(errorShape(over.body), { kind: 'application', code: 'BAD_REQUEST' });
    assert.match(over.body.message, /delete one/);
    for (const id of ids) assert.equal((await server.call('DELETE', `${BASE}/${id}`, { token: OWNER_KEY })).status, 200);
    assert.equal((await create({ url: 'https://hooks.example.com/again' })).status, 200);
  });

  it('answers 404 for an endpoint or delivery that does not exist', async () => {
    for (const [method, path] of [
      ['DELETE', `${BASE}/nope`],
      ['GET', `${BASE}/nope/deliveries`],
      ['POST', `${BASE}/nope/deliveries/x/resend`],
    ] as const) {
      const r = await server.call(method, path, { token: OWNER_KEY });
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'NOT_FOUND' });
    }
    const { body } = await create({ url: 'https://hooks.example.com/404' });
    const r = await server.call('POST', `${BASE}/${body.endpoint.id}/deliveries/nope/resend`, { token: OWNER_KEY });
    assert.equal(r.status, 404);
    assert.deepEqual((await server.call('GET', `${BASE}/${body.endpoint.id}/deliveries?limit=5`, { token: OWNER_KEY })).body, {
      deliveries: [],
    });
  });
});
