/**
 * Sessions and what hangs on them: live streams are capped per token and per address and end when their login
 * logs out; anonymous booking links expire, are bounded per booking and die with the visitor's session; and no
 * token ever reaches the request log.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Temporal } from 'temporal-polyfill';
import { errorShape, startServer, type TestServer } from './helpers.js';
import { NOW, visitorToken, serviceNamed, eventIdAt, classBooking, startBookingServer } from './bookings-fixtures.js';
import { ANONYMOUS_TOKEN_DAYS, MAX_ANONYMOUS_TOKENS } from '../../server/domain/bookings/anonymous-access.js';
import type { RateLimitSettings } from '../../server/http/rate-limits.js';

/** A booking of the visitor `token`, and an anonymous link token for it. */
async function bookingWithLink(server: TestServer, token: string, localStart = '2026-12-02T18:00:00') {
  const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  const created = await server.call('POST', '/bookings/v2/bookings', {
    token,
    body: classBooking(vinyasa, await eventIdAt(server, vinyasa, localStart)),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.booking.id as string;
  const link = await server.call('GET', `/v1/anonymous-bookings/${id}/token`, { token });
  assert.equal(link.status, 200, JSON.stringify(link.body));
  return { id, link: link.body.token as string };
}

/** Opens an SSE stream; `ended` resolves when the server ends it. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const ended = (async () => {
    const reader = response.body?.getReader();
    if (!reader) return;
    for (;;) if ((await reader.read()).done) return;
  })().catch(() => undefined);
  return { response, ended, close: () => controller.abort() };
}

/** A demo server at NOW with these door limits (the test helper turns them off otherwise). */
const withLimits = (rateLimits: Partial<RateLimitSettings>) =>
  startServer({ now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()), server: { clock: () => NOW, rateLimits } });

describe('live streams', () => {
  it('are capped per token and per address (429), and a logout ends its open streams at once', async () => {
    const server = await withLimits({}); // the default caps
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    try {
      const token = await visitorToken(server);
      const { id, link } = await bookingWithLink(server, token);
      const url = `${server.url}/bookings/v2/bookings/${id}/events?access_token=${token}`;
      for (let i = 0; i < 5; i++) {
        const s = await openStream(url);
        assert.equal(s.response.status, 200);
        streams.push(s);
      }
      const sixth = await fetch(url);
      assert.equal(sixth.status, 429);
      assert.ok(Number(sixth.headers.get('retry-after')) > 0);
      assert.deepEqual(errorShape(await sixth.json()), { kind: 'application', code: 'TOO_MANY_STREAMS' });

      const byLink = await openStream(`${server.url}/v1/anonymous-bookings/${link}/events`);
      assert.equal(byLink.response.status, 200, 'a link token has its own share');
      streams.push(byLink);

      assert.equal((await server.call('POST', '/oauth2/revoke', { body: { token } })).status, 200);
      await Promise.all(streams.map((s) => s.ended)); // every one of them ends: the test would hang otherwise
      assert.equal((await fetch(url)).status, 401, 'and the token opens no new one');
      assert.equal((await fetch(`${server.url}/v1/anonymous-bookings/${link}/events`)).status, 404, 'nor the link it asked for');
    } finally {
      for (const s of streams) s.close();
      await server.close();
    }
  });

  it('are capped per address across tokens', async () => {
    const server = await withLimits({ streams: { perToken: 5, perAddress: 2 } });
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const token = await visitorToken(server);
        const { id } = await bookingWithLink(server, token);
        const s = await openStream(`${server.url}/bookings/v2/bookings/${id}/events?access_token=${token}`);
        assert.equal(s.response.status, 200);
        streams.push(s);
      }
      const token = await visitorToken(server);
      const { id } = await bookingWithLink(server, token);
      assert.equal((await fetch(`${server.url}/bookings/v2/bookings/${id}/events?access_token=${token}`)).status, 429);
    } finally {
      for (const s of streams) s.close();
      await server.close();
    }
  });
});

describe('anonymous booking links', () => {
  it(`expire ${ANONYMOUS_TOKEN_DAYS} days after the booking ends`, async () => {
    const { server, clock } = await startBookingServer();
    try {
      const { link } = await bookingWithLink(server, await visitorToken(server));
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${link}`)).status, 200);
      clock.now = new Date(Date.parse('2026-12-02T23:00:00Z') + (ANONYMOUS_TOKEN_DAYS - 1) * 86_400_000);
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${link}`)).status, 200, 'still good a day before');
      clock.now = new Date(Date.parse('2026-12-03T01:00:00Z') + ANONYMOUS_TOKEN_DAYS * 86_400_000);
      const expired = await server.call('GET', `/v1/anonymous-bookings/${link}`);
      assert.equal(expired.status, 404);
      assert.deepEqual(errorShape(expired.body), { kind: 'application', code: 'INVALID_TOKEN' });
    } finally {
      await server.close();
    }
  });

  it(`are bounded per booking: only the newest ${MAX_ANONYMOUS_TOKENS} work`, async () => {
    const { server } = await startBookingServer();
    try {
      const token = await visitorToken(server);
      const { id, link: first } = await bookingWithLink(server, token);
      const links = [first];
      for (let i = 1; i <= MAX_ANONYMOUS_TOKENS; i++)
        links.push((await server.call('GET', `/v1/anonymous-bookings/${id}/token`, { token })).body.token);
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${first}`)).status, 404, 'the oldest was dropped');
      for (const link of links.slice(1)) assert.equal((await server.call('GET', `/v1/anonymous-bookings/${link}`)).status, 200);
    } finally {
      await server.close();
    }
  });

  it("stop working when the visitor's session is revoked, and survive a token refresh", async () => {
    const { server } = await startBookingServer();
    try {
      const session = (await server.call('POST', '/oauth2/token', { body: { clientId: 'test', grantType: 'anonymous' } })).body;
      const { link } = await bookingWithLink(server, session.access_token);
      const refreshed = await server.call('POST', '/oauth2/token', {
        body: { grantType: 'refresh_token', refresh_token: session.refresh_token },
      });
      assert.equal(refreshed.status, 200);
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${link}`)).status, 200, 'a refresh is not a logout');
      assert.equal((await server.call('POST', '/oauth2/revoke', { body: { token: refreshed.body.access_token } })).status, 200);
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${link}`)).status, 404);
      assert.equal((await server.call('POST', `/v1/anonymous-bookings/${link}/cancel`, { body: { revision: '1' } })).status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('the request log', () => {
  it('never holds a token: not the header, not ?access_token=, not an anonymous link in the path', async () => {
    let log = '';
    const stream = new Writable({ write: (chunk, _enc, done) => ((log += chunk.toString()), done()) });
    const server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, logger: { stream } },
    });
    try {
      const token = await visitorToken(server);
      const { id, link } = await bookingWithLink(server, token);
      const s = await openStream(`${server.url}/bookings/v2/bookings/${id}/events?access_token=${token}`);
      s.close();
      await server.call('GET', `/v1/anonymous-bookings/${link}`);
      await server.call('POST', `/v1/anonymous-bookings/${link}/cancel`, { body: { revision: '1' } });
      await server.call('GET', `/_api/bookings-service/v1/anonymous-bookings/${link}`);
      assert.match(log, /anonymous-bookings\/\[redacted\]/, 'the requests were logged');
      assert.match(log, /access_token=\[redacted\]/);
      assert.ok(!log.includes(token), 'no access token in the log');
      assert.ok(!log.includes(link), 'no link token in the log');
    } finally {
      await server.close();
    }
  });
});
