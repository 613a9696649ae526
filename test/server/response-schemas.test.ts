/**
 * Every route declares what it answers (a response schema for 200), and the test-time checker behind
 * `validateResponses` really refuses an answer that does not match it. The checker is on in every server test
 * (test/server/helpers.ts), so each answer the suite sees has passed it.
 *
 * Exceptions, by design: the Server-Sent Events streams (`…/events`) hijack the reply and write
 * `text/event-stream` themselves, so they declare only their JSON errors; the static sites (`/widget/`, the demo)
 * serve files; CORS preflights (OPTIONS) answer an empty 204; HEAD routes are Fastify's copies of the GET routes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { buildServer, type ServerOptions } from '../../server/app.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { declaredRoutes, schemaForStatus, strictSchema } from '../../server/http/response-validation.js';
import { answers } from '../../server/http/schemas/responses/common.js';
import { OWNER_KEY } from './helpers.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const JSON_METHODS = new Set(['GET', 'POST', 'PATCH', 'DELETE', 'PUT']);
// The live streams end in /events; the calendar's /calendar/v3/events is a JSON list of sessions.
const isStream = (url: string) => url.endsWith('/events') && !url.startsWith('/calendar/');
const isStatic = (url: string) => url.includes('*');

interface Built {
  app: FastifyInstance;
  storage: SqliteStorage;
}

async function build(options: Partial<ServerOptions> = {}): Promise<Built> {
  const storage = createSqliteStorage(':memory:');
  const app = await buildServer({ storage, ownerKey: OWNER_KEY, rateLimits: false, ...options });
  return { app, storage };
}

async function close({ app, storage }: Built): Promise<void> {
  await app.close();
  await storage.close();
}

describe('response schemas', () => {
  let built: Built;
  before(async () => {
    const staticRoots = [
      { prefix: '/widget/', root: root('dist') },
      { prefix: '/', root: root('demo') },
    ].filter((r) => existsSync(r.root));
    built = await build({ validateResponses: true, staticRoots });
    await built.app.ready();
  });
  after(() => close(built));

  it('declares a success schema on every JSON route, and the error shape on the SSE streams', () => {
    const routes = declaredRoutes(built.app).filter((r) => JSON_METHODS.has(r.method));
    assert.ok(routes.length > 50, `only ${routes.length} routes were seen: is the onRoute collector installed first?`);
    assert.ok(routes.some((r) => r.method === 'POST' && r.url === '/bookings/v2/bookings'));

    // A success schema: 200, or 202 where the call only accepts (registration answers alike for new and known emails).
    const success = (r: (typeof routes)[number]) => schemaForStatus(r.response, 200) ?? schemaForStatus(r.response, 202);
    const missing = routes.filter((r) => !isStream(r.url) && !isStatic(r.url) && !success(r));
    assert.deepEqual(
      missing.map((r) => `${r.method} ${r.url}`),
      [],
      'these routes answer JSON without a response schema',
    );

    const streams = routes.filter((r) => isStream(r.url));
    assert.equal(streams.length, 3, 'the booking stream, the anonymous booking stream and the business stream');
    for (const r of streams) {
      assert.ok(schemaForStatus(r.response, 404), `${r.method} ${r.url} declares its JSON errors`);
      assert.equal(schemaForStatus(r.response, 200), undefined, `${r.method} ${r.url} streams: no 200 serializer`);
    }
  });

  it('declares the contract error body for 4xx on every API route', () => {
    const routes = declaredRoutes(built.app).filter((r) => JSON_METHODS.has(r.method) && !isStatic(r.url) && r.url !== '/healthz');
    const without = routes.filter((r) => !schemaForStatus(r.response, 404) || !schemaForStatus(r.response, 400));
    assert.deepEqual(
      without.map((r) => `${r.method} ${r.url}`),
      [],
    );
  });
});

describe('the response checker', () => {
  const Declared = Type.Object({ declared: Type.String(), nested: Type.Optional(Type.Object({ n: Type.Integer() })) });

  /** A server with one fixture route answering `answer` under the `Declared` schema (and the error shape for 4xx). */
  async function fixture(validateResponses: boolean, answer: unknown, status = 200): Promise<Built> {
    const built = await build({ validateResponses });
    built.app.get('/test/fixture', { schema: { response: answers(Declared) } }, async (_request, reply) => reply.code(status).send(answer));
    return built;
  }

  async function call(validateResponses: boolean, answer: unknown, status = 200) {
    const built = await fixture(validateResponses, answer, status);
    try {
      const response = await built.app.inject({ method: 'GET', url: '/test/fixture' });
      return { status: response.statusCode, body: response.json() as Record<string, unknown> };
    } finally {
      await close(built);
    }
  }

  it('lets an answer that matches its schema through unchanged', async () => {
    const answer = { declared: 'x', nested: { n: 1 } };
    assert.deepEqual(await call(true, answer), { status: 200, body: answer });
  });

  it('fails an answer with a field the schema does not declare, which the serializer alone would drop', async () => {
    const answer = { declared: 'x', undeclared: 'a field a client reads' };
    // Without the checker the field silently disappears: this is what the checker exists to catch.
    assert.deepEqual(await call(false, answer), { status: 200, body: { declared: 'x' } });
    const checked = await call(true, answer);
    assert.equal(checked.status, 500);
    assert.equal((checked.body['details'] as { applicationError: { code: string } }).applicationError.code, 'INTERNAL');
  });

  it('fails an undeclared field deep inside an answer, a wrong type and a missing field', async () => {
    assert.equal((await call(true, { declared: 'x', nested: { n: 1, extra: true } })).status, 500);
    // fast-json-stringify would have coerced the number to "5".
    assert.deepEqual(await call(false, { declared: 5 }), { status: 200, body: { declared: '5' } });
    assert.equal((await call(true, { declared: 5 })).status, 500);
    assert.equal((await call(true, { nested: { n: 1 } })).status, 500);
  });

  it('checks error answers against the declared error shape too', async () => {
    const good = { message: 'No.', details: { applicationError: { code: 'NOT_FOUND', description: 'No.', data: {} } } };
    assert.deepEqual(await call(true, good, 404), { status: 404, body: good });
    assert.equal((await call(true, { error: 'Not Found', statusCode: 404 }, 404)).status, 500);
  });

  it('fails an answer the serializer would change even though it matches the schema (a union read by its first branch)', async () => {
    const built = await build({ validateResponses: true });
    const Either = Type.Union([Type.Object({ a: Type.String() }), Type.Object({ a: Type.String(), b: Type.String() })]);
    built.app.get('/test/union', { schema: { response: { 200: Either } } }, async () => ({ a: 'x', b: 'y' }));
    try {
      // The strict check accepts the second branch; fast-json-stringify writes the first and drops `b`.
      assert.equal((await built.app.inject({ method: 'GET', url: '/test/union' })).statusCode, 500);
    } finally {
      await close(built);
    }
  });

  it('makes every listed object strict but leaves open records open', () => {
    const strict = strictSchema(Type.Object({ a: Type.Object({ b: Type.String() }), r: Type.Record(Type.String(), Type.Unknown()) }));
    const s = strict as { additionalProperties: unknown; properties: Record<string, Record<string, unknown>> };
    assert.equal(s.additionalProperties, false);
    assert.equal(s.properties['a']?.['additionalProperties'], false);
    assert.equal(s.properties['r']?.['additionalProperties'], undefined);
  });
});
