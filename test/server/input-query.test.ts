/**
 * The query compiler refuses what is not a declared field (inherited names such as `toString` included) and
 * filters too deep or too large to compile safely: 400 with a field violation, never a 500 or a silent 200.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import { OWNER_KEY, startBookingServer, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';

const QUERY_ROUTES = [
  '/bookings/v2/services/query',
  '/_api/bookings-service/v2/services/query',
  '/bookings/v1/serviceOptionsAndVariants/query',
  '/bookings-reader/v2/extended-bookings/query',
];
/** The documented limits (docs/security.md, "Input"). */
const MAX_FILTER_DEPTH = 10;
const MAX_FILTER_SIZE = 500;
const INHERITED = ['hasOwnProperty', 'valueOf', 'toString', 'constructor', 'isPrototypeOf', '__defineGetter__'];

/** `{"$not": {"$not": … {"id": "x"} … }}` written as text, so no JSON.stringify recursion on our side. */
const nested = (op: '$not' | '$and' | '$or', depth: number): string => {
  const open = op === '$not' ? `{"${op}":` : `{"${op}":[`;
  const close = op === '$not' ? '}' : ']}';
  return `{"query":{"filter":${open.repeat(depth)}{"id":"x"}${close.repeat(depth)}}}`;
};

describe('input: the query compiler', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await startBookingServer());
    // One booking, so the extended-bookings query has something to run its filter over.
    const yoga = await serviceNamed(server, 'Community Yoga');
    const visitor = await visitorToken(server);
    const booked = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: classBooking(yoga, await eventIdAt(server, yoga, '2026-12-05T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
    });
    assert.equal(booked.status, 200, JSON.stringify(booked.body));
  });
  after(() => server.close());

  const post = (path: string, raw: string) =>
    server.call('POST', path, { token: OWNER_KEY, raw, headers: { 'content-type': 'application/json' } });

  it('refuses inherited object properties as filter fields, on every query route', async () => {
    for (const path of QUERY_ROUTES) {
      for (const name of INHERITED) {
        for (const value of ['"x"', '{"$eq":"x"}']) {
          const r = await post(path, `{"query":{"filter":{"${name}":${value}}}}`);
          assert.equal(r.status, 400, `${path} filter ${name}: ${JSON.stringify(r.body)}`);
          assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: [`query.filter.${name}`] });
          assert.match(r.body.message, /is not a field you can filter on; use one of: /);
        }
      }
    }
  });

  it('refuses inherited object properties as sort fields, on every query route', async () => {
    for (const path of QUERY_ROUTES) {
      for (const name of [...INHERITED, '__proto__']) {
        const r = await post(path, JSON.stringify({ query: { sort: [{ fieldName: name }] } }));
        assert.equal(r.status, 400, `${path} sort ${name}: ${JSON.stringify(r.body)}`);
        assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['query.sort[0].fieldName'] });
      }
    }
  });

  it('refuses $not, $and and $or nested thousands deep with a 400 that says to flatten', async () => {
    for (const path of QUERY_ROUTES) {
      for (const op of ['$not', '$and', '$or'] as const) {
        const r = await post(path, nested(op, 3000));
        assert.equal(r.status, 400, `${path} ${op}: ${JSON.stringify(r.body).slice(0, 300)}`);
        const shape = errorShape(r.body);
        assert.equal(shape.kind, 'validation');
        assert.match(r.body.details.validationError.fieldViolations[0].description, /levels deep; flatten it/);
      }
    }
  });

  it(`still answers filters up to ${MAX_FILTER_DEPTH} levels deep`, async () => {
    for (const op of ['$not', '$and', '$or'] as const) {
      const ok = await post('/bookings/v2/services/query', nested(op, MAX_FILTER_DEPTH));
      assert.equal(ok.status, 200, `${op}: ${JSON.stringify(ok.body).slice(0, 300)}`);
      const tooDeep = await post('/bookings/v2/services/query', nested(op, MAX_FILTER_DEPTH + 1));
      assert.equal(tooDeep.status, 400, op);
    }
  });

  it(`refuses a filter with more than ${MAX_FILTER_SIZE} conditions and list items`, async () => {
    const ids = Array.from({ length: MAX_FILTER_SIZE + 1 }, (_, i) => `id-${i}`);
    const cases = [{ query: { filter: { id: { $in: ids } } } }, { query: { filter: { $or: ids.map((id) => ({ id })) } } }];
    for (const path of QUERY_ROUTES) {
      for (const body of cases) {
        const r = await post(path, JSON.stringify(body));
        assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body).slice(0, 300)}`);
        assert.deepEqual(errorShape(r.body), { kind: 'validation', fields: ['query.filter'] });
        assert.match(r.body.message, /split the query or filter on fewer values/);
      }
    }
    const fits = await post(QUERY_ROUTES[0]!, JSON.stringify({ query: { filter: { id: { $in: ids.slice(0, 100) } } } }));
    assert.equal(fits.status, 200);
  });
});
