/**
 * Contract section 14: the login throttle and the door limits are shared by every instance on one PostgreSQL
 * database. Two API servers on one fresh database, called in turn: failures and requests count together, so the
 * lockout and the 429 come after the same total as on one instance, not after that many on each.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app.js';
import { createPostgresStorage, type PostgresStorage } from '../../server/storage/postgres/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { freshDatabase, type TestDatabase } from './postgres-fixtures.js';

const OWNER = 'shared-limits-owner-key-0123456789';

interface Instance {
  url: string;
  storage: PostgresStorage;
  app: FastifyInstance;
}

/** One API server on `url`'s database, with small limits on the doors under test. */
async function instance(url: string): Promise<Instance> {
  const storage = await createPostgresStorage(url, { poolSize: 4 });
  const app = await buildServer({
    storage,
    ownerKey: OWNER,
    rateLimits: {
      registration: { max: 3, windowSeconds: 3600 },
      bookingCreate: { perToken: { max: 3, windowSeconds: 60 }, perAddress: { max: 100, windowSeconds: 60 } },
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  return { url: `http://127.0.0.1:${address.port}`, storage, app };
}

async function post(on: Instance, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(on.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as unknown };
}

const code = (body: unknown) => (body as { details?: { applicationError?: { code?: string } } }).details?.applicationError?.code;

describe('two instances on one PostgreSQL database share the throttle and the limits', () => {
  let db: TestDatabase;
  let a: Instance;
  let b: Instance;
  /** A, B, A, B, …: the i-th call's instance. */
  const turn = (i: number) => (i % 2 === 0 ? a : b);

  before(async () => {
    db = await freshDatabase();
    a = await instance(db.url);
    b = await instance(db.url);
    await seedDemo(a.storage);
  });
  after(async () => {
    for (const one of [a, b]) {
      await one?.app.close();
      await one?.storage.close();
    }
    await db?.drop();
  });

  it('failed sign-ins on either instance count together: the lockout comes after 5 in all', async () => {
    const login = (on: Instance, password: string) =>
      post(on, '/oauth2/token', { grantType: 'password', email: 'member@example.com', password });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(turn(i), `guess number ${i}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    for (const on of [b, a]) {
      const locked = await login(on, 'harbor-demo');
      assert.equal(locked.status, 429, 'even the right password waits, on both instances');
      assert.equal(code(locked.body), 'TOO_MANY_LOGIN_ATTEMPTS');
      assert.ok(Number(locked.retryAfter) > 0);
    }
  });

  it('a limited door counts requests on both instances together: the 429 comes after max in all', async () => {
    const register = (on: Instance) => post(on, '/members/v1/members/register', { email: 'not an email' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await register(turn(i))).status);
    assert.deepEqual(statuses, [400, 400, 400, 429], 'per address, 3 an hour across both');
    const refused = await register(a);
    assert.equal(refused.status, 429);
    assert.equal(code(refused.body), 'TOO_MANY_REQUESTS');
    assert.ok(Number(refused.retryAfter) > 3000, `Retry-After ${refused.retryAfter}: the hour's window`);
  });

  it('per-token limits too: a visitor token minted on one instance is counted on both', async () => {
    const token = ((await post(a, '/oauth2/token', { grantType: 'anonymous', clientId: 'web' })).body as { access_token: string })
      .access_token;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(turn(i + 1), '/bookings/v2/bookings', { booking: {} }, token)).status);
    assert.deepEqual(statuses, [400, 400, 400, 429]);
  });
});
