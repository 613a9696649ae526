/**
 * Rate limits on the public doors (docs/security.md), over real HTTP: each door answers 429 with Retry-After in
 * the contract's shape once over its limit, per address and per token; behind a trusted proxy the client's own
 * address counts, and without one a forged X-Forwarded-For changes nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, startServer, OWNER_KEY, type TestServer } from './helpers.js';
import { DEFAULT_RATE_LIMITS } from '../../server/http/rate-limits.js';

const anonymous = { clientId: 'limits', grantType: 'anonymous' };
const from = (address: string) => ({ 'x-forwarded-for': address });

function assertLimited(r: { status: number; body: unknown; headers: Headers }, what: string): void {
  assert.equal(r.status, 429, `${what}: ${JSON.stringify(r.body)}`);
  assert.equal(errorShape(r.body).kind, 'application');
  const retryAfter = Number(r.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 3600, `Retry-After ${r.headers.get('retry-after')}`);
}

async function mint(server: TestServer, headers: Record<string, string> = {}) {
  return server.call('POST', '/oauth2/token', { body: anonymous, headers });
}

describe('rate limits on the public doors', () => {
  it('token minting: the default limit holds per address, with Retry-After', async () => {
    const server = await startServer({ seed: false, server: { rateLimits: {} } }); // {}: the defaults
    try {
      const max = DEFAULT_RATE_LIMITS.tokenMint.max;
      const answers = await Promise.all(Array.from({ length: max + 5 }, () => mint(server)));
      assert.equal(answers.filter((r) => r.status === 200).length, max);
      assertLimited(answers.find((r) => r.status !== 200) ?? answers[0]!, 'token minting');
    } finally {
      await server.close();
    }
  });

  it('without a trusted proxy a forged X-Forwarded-For does not buy a new allowance', async () => {
    const server = await startServer({ seed: false, server: { rateLimits: { tokenMint: { max: 3, windowSeconds: 60 } } } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await mint(server, from(`203.0.113.${i}`))).status, 200);
      assertLimited(await mint(server, from('198.51.100.7')), 'forged address');
    } finally {
      await server.close();
    }
  });

  it('behind a trusted proxy each client address has its own allowance, so one attacker cannot lock everyone out', async () => {
    const server = await startServer({
      seed: false,
      server: { trustProxy: ['127.0.0.1'], rateLimits: { tokenMint: { max: 3, windowSeconds: 60 } } },
    });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await mint(server, from('203.0.113.9'))).status, 200);
      assertLimited(await mint(server, from('203.0.113.9')), 'the flooding address');
      assert.equal((await mint(server, from('198.51.100.7'))).status, 200, 'another customer still gets a token');
    } finally {
      await server.close();
    }
  });

  it('login and registration are limited per address before any password is hashed', async () => {
    const server = await startServer({
      server: { rateLimits: { login: { max: 2, windowSeconds: 60 }, registration: { max: 2, windowSeconds: 3600 } } },
    });
    try {
      const login = { grantType: 'password', email: 'member@example.com', password: 'harbor-demo' };
      assert.equal((await server.call('POST', '/oauth2/token', { body: login })).status, 200);
      assert.equal((await server.call('POST', '/oauth2/token', { body: login })).status, 200);
      assertLimited(await server.call('POST', '/oauth2/token', { body: login }), 'login');
      // The sign-in limit is its own: anonymous tokens still come.
      assert.equal((await mint(server)).status, 200);

      const register = (i: number) =>
        server.call('POST', '/members/v1/members/register', {
          body: { email: `new${i}@example.com`, password: 'a long enough passphrase' },
        });
      assert.equal((await register(1)).status, 202);
      assert.equal((await register(2)).status, 202);
      assertLimited(await register(3), 'registration');
    } finally {
      await server.close();
    }
  });

  it('booking creation and anonymous-booking links are limited per token and per address', async () => {
    const server = await startServer({
      server: {
        rateLimits: {
          bookingCreate: { perToken: { max: 2, windowSeconds: 60 }, perAddress: { max: 4, windowSeconds: 60 } },
          anonymousBookingToken: { perToken: { max: 2, windowSeconds: 60 }, perAddress: { max: 100, windowSeconds: 60 } },
        },
      },
    });
    try {
      const tokenA = (await mint(server)).body.access_token as string;
      const tokenB = (await mint(server)).body.access_token as string;
      // Bodies that fail validation still count: the limit is on the door, not on success.
      const create = (token: string) => server.call('POST', '/bookings/v2/bookings', { token, body: { booking: {} } });
      assert.equal((await create(tokenA)).status, 400);
      assert.equal((await create(tokenA)).status, 400);
      assertLimited(await create(tokenA), 'booking creation, per token');
      assert.equal((await create(tokenB)).status, 400, 'another token from the same address still may');
      assertLimited(await create(tokenB), 'booking creation, per address');

      const link = (token: string) => server.call('GET', '/v1/anonymous-bookings/00000000-0000-4000-8000-000000000000/token', { token });
      assert.equal((await link(tokenA)).status, 404);
      assert.equal((await link(tokenA)).status, 404);
      assertLimited(await link(tokenA), 'booking links, per token');
    } finally {
      await server.close();
    }
  });

  it('owner-key guesses: after the limit even the right key is refused from that address, but not from others, and tokens still work', async () => {
    const server = await startServer({ server: { trustProxy: true, rateLimits: { badCredentials: { max: 5, windowSeconds: 600 } } } });
    try {
      const guess = (key: string, address: string) =>
        server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token: key, headers: from(address), body: {} });
      const visitor = (await mint(server, from('203.0.113.66'))).body.access_token as string;
      for (let i = 0; i < 4; i++) assert.equal((await guess(`guess-${i}-padding-to-look-like-a-key`, '203.0.113.66')).status, 401);
      assertLimited(await guess('guess-5-padding-to-look-like-a-key', '203.0.113.66'), 'the fifth wrong key');
      assertLimited(await guess(OWNER_KEY, '203.0.113.66'), 'the right key from the guessing address');
      assert.equal((await guess(visitor, '203.0.113.66')).status, 200, 'a visitor token from that address still works');
      assert.equal((await guess(OWNER_KEY, '198.51.100.1')).status, 200, 'the owner from elsewhere is not locked out');
    } finally {
      await server.close();
    }
  });
});
