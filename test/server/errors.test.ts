/** Every bad request gets its 4xx and the contract's error body; nothing answers 500 (contract section 1). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, errorShape, OWNER_KEY, type TestServer } from './helpers.js';

describe('errors', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const QUERY = '/bookings/v2/services/query';

  it('unknown route → 404 ROUTE_NOT_FOUND', async () => {
    const r = await server.call('GET', '/bookings/v2/nothing-here');
    assert.equal(r.status, 404);
    assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'ROUTE_NOT_FOUND' });
  });

  it('unknown id → 404 with the id in data', async () => {
    const r = await server.call('GET', '/bookings/v2/services/nope');
    assert.equal(r.status, 404);
    assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'SERVICE_NOT_FOUND' });
    assert.equal(r.body.details.applicationError.data.id, 'nope');
    const v = await server.call('GET', '/bookings/v1/serviceOptionsAndVariants/service_id/nope');
    assert.equal(v.status, 404);
  });

  it('bad JSON → 400 naming the body', async () => {
    const r = await server.call('POST', QUERY, { raw: '{"query": {', headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 400);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['body'] });
    assert.match(r.body.message, /not valid JSON/);
  });

  it('wrong content type → 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const r = await server.call('POST', QUERY, { raw: 'query=1', headers: { 'content-type': type } });
      assert.equal(r.status, 415, type);
      assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });

  it('body over 64 KiB → 413; just under is fine', async () => {
    const big = JSON.stringify({ query: { filter: { name: 'x'.repeat(64 * 1024) } } });
    const r = await server.call('POST', QUERY, { raw: big, headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 413);
    assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'PAYLOAD_TOO_LARGE' });
    const fits = JSON.stringify({ query: { filter: { name: 'x'.repeat(60 * 1024) } } });
    const ok = await server.call('POST', QUERY, { raw: fits, headers: { 'content-type': 'application/json' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.services.length, 0);
  });

  it('a filter on an unknown field → 400 naming it and listing the good ones', async () => {
    const r = await server.call('POST', QUERY, { body: { query: { filter: { colour: 'red' } } } });
    assert.equal(r.status, 400);
    assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['query.filter.colour'] });
    assert.match(r.body.message, /use one of: id, type, name/);
  });

  it('an unknown operator, a bad sort field and bad paging → 400', async () => {
    const op = await server.call('POST', QUERY, { body: { query: { filter: { name: { $like: 'V%' } } } } });
    assert.deepEqual(errorShape(op.body), { kind: 'validation', fields: ['query.filter.name.$like'] });
    const sort = await server.call('POST', QUERY, { body: { query: { sort: [{ fieldName: 'price' }] } } });
    assert.deepEqual(errorShape(sort.body), { kind: 'validation', fields: ['query.sort[0].fieldName'] });
    const paging = await server.call('POST', QUERY, { body: { query: { paging: { limit: 1000 } } } });
    assert.equal(paging.status, 400);
    assert.deepEqual(errorShape(paging.body), { kind: 'validation', fields: ['query.paging.limit'] });
    const inNotArray = await server.call('POST', QUERY, { body: { query: { filter: { type: { $in: 'CLASS' } } } } });
    assert.deepEqual(errorShape(inNotArray.body), { kind: 'validation', fields: ['query.filter.type.$in'] });
  });

  it('a body of the wrong type → 400', async () => {
    for (const raw of ['[]', '"text"', '42', '{"query": 5}', '{"query": {"filter": []}}']) {
      const r = await server.call('POST', QUERY, { raw, headers: { 'content-type': 'application/json' } });
      assert.equal(r.status, 400, raw);
      assert.equal(errorShape(r.body).kind, 'validation');
    }
  });

  it('__proto__ in a body → 400, and nothing is polluted', async () => {
    const r = await server.call('POST', QUERY, {
      raw: '{"__proto__": {"polluted": true}}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /__proto__/);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('a malformed Authorization header → 401, not 500', async () => {
    const r = await server.call('POST', '/bookings/v2/services', { body: {}, headers: { authorization: 'Basic abc' } });
    assert.equal(r.status, 401);
    assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'UNAUTHENTICATED' });
  });

  it('an empty body, or none at all, counts as {}', async () => {
    const r = await server.call('POST', QUERY, { raw: '', headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.services.length, 5);
    const none = await server.call('POST', QUERY);
    assert.equal(none.status, 200);
    assert.equal(none.body.services.length, 5);
  });

  it('a barrage of odd requests never yields a 5xx', async () => {
    const odd: [string, string, string | undefined, string | undefined][] = [
      ['POST', QUERY, '{"query":{"filter":{"$and":"x"}}}', 'application/json'],
      ['POST', QUERY, '{"query":{"filter":{"$or":[{"nope":1}]}}}', 'application/json'],
      ['POST', QUERY, '{"query":{"sort":[{"fieldName":"name","order":"SIDEWAYS"}]}}', 'application/json'],
      ['POST', QUERY, '\u0000\u0001', 'application/json'],
      ['PATCH', '/bookings/v2/services/x', '{"service":{"revision":"abc"}}', 'application/json'],
      ['GET', '/bookings/v2/services/%E0%A4%A', undefined, undefined],
      ['DELETE', '/bookings/v2/services/x', undefined, undefined],
      ['POST', '/bookings/v1/serviceOptionsAndVariants', '{"serviceOptionsAndVariants":{}}', 'application/json'],
    ];
    for (const [method, path, raw, type] of odd) {
      const r = await server.call(method, path, {
        ...(raw !== undefined ? { raw } : {}),
        headers: type ? { 'content-type': type } : {},
        token: OWNER_KEY,
      });
      assert.ok(r.status >= 400 && r.status < 500, `${method} ${path} ${raw} → ${r.status}`);
      errorShape(r.body);
    }
  });
});

describe('CORS', () => {
  it('answers a preflight from any origin when allowed origins are *', async () => {
    const server = await startServer();
    try {
      const r = await fetch(`${server.url}/bookings/v2/services/query`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://yoga.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization,idempotency-key',
        },
      });
      assert.ok(r.status === 204 || r.status === 200);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
      const get = await fetch(`${server.url}/bookings/v2/services/query`, {
        method: 'POST',
        headers: { origin: 'https://yoga.example', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(get.headers.get('access-control-allow-origin'), '*');
      // Read to the end: closing the server drops idle connections only, and one whose compressed answer is still
      // streaming stays open for the keep-alive timeout (72 s).
      await get.arrayBuffer();
    } finally {
      await server.close();
    }
  });

  it('allows only the configured origins when a list is set', async () => {
    const server = await startServer({ server: { allowedOrigins: ['https://harbor.example'] } });
    try {
      const allowed = await fetch(`${server.url}/bookings/v2/services/query`, {
        method: 'POST',
        headers: { origin: 'https://harbor.example', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://harbor.example');
      await allowed.arrayBuffer(); // read to the end, as above
      const other = await fetch(`${server.url}/bookings/v2/services/query`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      await other.arrayBuffer();
    } finally {
      await server.close();
    }
  });
});
