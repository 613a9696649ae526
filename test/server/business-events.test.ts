/**
 * The business live stream (contract section 12, `GET /bookings/v2/events`): every booking change, whole, to the
 * owner within a second, whichever instance made it; refused to anyone else; capped like the customers' streams.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, TEST_BACKEND, type TestServer } from './helpers.js';
import { NOW, OWNER_KEY, startBookingServer, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';
import { startPair } from './multi-instance/two-instances.js';
import { openStream as openSse, type SseFrame, type SseReader } from './sse-reader.js';

interface Booked {
  id: string;
  status: string;
  revision: string;
  updatedDate: string;
  contactDetails: { lastName?: string };
}
type Frame = SseFrame<Booked>;
type Stream = SseReader<Booked>;

const openStream = (url: string, headers: Record<string, string> = {}) => openSse<Booked>(url, headers);

/** The next frame about `bookingId` (a stream of every booking may carry others' changes first). */
async function nextAbout(stream: Stream, bookingId: string, timeoutMs = 5_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await stream.next(Math.max(1, deadline - Date.now()));
    if (frame.data.id === bookingId) return frame;
  }
}

/** Creates a class booking as a visitor on `writer` and confirms it as the owner, timing both against `stream`. */
async function createAndConfirm(writer: TestServer, stream: Stream, eventAt: string) {
  const yoga = await serviceNamed(writer, 'Community Yoga');
  const eventId = await eventIdAt(writer, yoga, eventAt);
  const visitor = await visitorToken(writer);
  let started = performance.now();
  const created = await writer.call('POST', '/bookings/v2/bookings', {
    token: visitor,
    body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const booking = created.body.booking as { id: string; revision: string };
  const first = await nextAbout(stream, booking.id);
  const createdDelay = performance.now() - started;
  assert.equal(first.event, 'booking');
  assert.deepEqual(first.data, created.body.booking, 'the whole booking, as the API answers it');
  assert.equal(first.id, `${first.data.updatedDate}_${booking.id}`);

  started = performance.now();
  const confirm = writer.call('POST', `/bookings/v2/bookings/${booking.id}/confirm`, {
    token: OWNER_KEY,
    body: { revision: booking.revision },
  });
  const second = await nextAbout(stream, booking.id);
  const confirmedDelay = performance.now() - started;
  assert.equal((await confirm).status, 200);
  assert.equal(second.data.status, 'CONFIRMED');
  assert.equal(second.data.revision, String(Number(booking.revision) + 1));
  return { createdDelay, confirmedDelay };
}

describe('the business live stream', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await startBookingServer());
  });
  after(() => server.close());

  it("carries a visitor's new booking and the owner's confirm, each within a second", async () => {
    const stream = await openStream(`${server.url}/bookings/v2/events?access_token=${OWNER_KEY}`);
    try {
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(stream.response.headers.get('cache-control'), 'no-cache, no-transform');
      const { createdDelay, confirmedDelay } = await createAndConfirm(server, stream, '2026-12-19T10:00:00');
      assert.match(stream.seen.text, /^retry: \d+\n/, 'a reconnection hint first');
      assert.ok(createdDelay < 1000, `the new booking took ${createdDelay.toFixed(0)} ms`);
      assert.ok(confirmedDelay < 1000, `the confirm took ${confirmedDelay.toFixed(0)} ms`);
    } finally {
      stream.close();
    }
  });

  it('gives a STAFF account the changes of its own appointments only', async () => {
    const login = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'password', email: 'alex@example.com', password: 'harbor-staff', scope: 'business' },
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const training = await serviceNamed(server, 'Personal Training');
    const staff = await server.storage.staff.list();
    const idOf = (name: string) => staff.find((m) => m.name.startsWith(name))?.id;
    const book = async (resourceId: string | undefined, start: string, end: string) => {
      const slot = {
        serviceId: training.id,
        scheduleId: training.scheduleId,
        startDate: start,
        endDate: end,
        timezone: 'America/New_York',
        resource: { id: resourceId },
      };
      const r = await server.call('POST', '/bookings/v2/bookings', {
        token: OWNER_KEY,
        body: {
          booking: {
            bookedEntity: { slot },
            contactDetails: { firstName: 'Staff', email: 'staff-stream@example.com' },
            totalParticipants: 1,
          },
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.booking as { id: string };
    };
    const stream = await openStream(`${server.url}/bookings/v2/events?access_token=${login.body.access_token}`);
    try {
      assert.equal(stream.response.status, 200);
      const others = await book(idOf('Sam'), '2026-12-21T10:00:00', '2026-12-21T11:00:00');
      const mine = await book(idOf('Alex'), '2026-12-21T12:00:00', '2026-12-21T13:00:00');
      const frame = await stream.next();
      assert.equal(frame.data.id, mine.id, "the first frame is Alex's own booking, not Sam's");
      assert.ok(!stream.seen.text.includes(others.id), "Sam's booking never reaches Alex's stream");
    } finally {
      stream.close();
    }
  });

  it('takes the owner key in the Authorization header too', async () => {
    const stream = await openStream(`${server.url}/bookings/v2/events`, { authorization: `Bearer ${OWNER_KEY}` });
    try {
      assert.equal(stream.response.status, 200);
      await createAndConfirm(server, stream, '2026-12-19T10:00:00');
    } finally {
      stream.close();
    }
  });

  it('refuses no token and a bad one (401), and a visitor or member (403)', async () => {
    const code = (body: { details: { applicationError: { code: string } } }) => body.details.applicationError.code;
    const none = await server.call('GET', '/bookings/v2/events');
    assert.equal(none.status, 401);
    assert.equal(code(none.body), 'UNAUTHENTICATED');
    assert.equal((await server.call('GET', '/bookings/v2/events?access_token=not-a-real-token')).status, 401);
    const visitor = await visitorToken(server);
    const asVisitor = await server.call('GET', `/bookings/v2/events?access_token=${visitor}`);
    assert.equal(asVisitor.status, 403);
    assert.equal(code(asVisitor.body), 'PERMISSION_DENIED');
    const email = `stream-member-${Date.now()}@example.com`;
    const password = 'harbor-stream-test-4821';
    assert.equal((await server.call('POST', '/members/v1/members/register', { body: { email, password } })).status, 202);
    const login = await server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password } });
    assert.equal((await server.call('GET', '/bookings/v2/events', { token: login.body.access_token as string })).status, 403);
  });

  it('answers HEAD with the headers alone', async () => {
    const head = await fetch(`${server.url}/bookings/v2/events?access_token=${OWNER_KEY}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.match(head.headers.get('content-type') ?? '', /^text\/event-stream/);
  });
});

describe('open business streams are capped', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, rateLimits: { streams: { perToken: 1, perAddress: 50 } } },
    });
  });
  after(() => server.close());

  it('a second stream on one token is 429 TOO_MANY_STREAMS until the first closes', async () => {
    const first = await openStream(`${server.url}/bookings/v2/events?access_token=${OWNER_KEY}`);
    assert.equal(first.response.status, 200);
    const second = await server.call('GET', `/bookings/v2/events?access_token=${OWNER_KEY}`);
    assert.equal(second.status, 429);
    assert.equal(second.body.details.applicationError.code, 'TOO_MANY_STREAMS');
    assert.ok(Number(second.headers.get('retry-after')) > 0);
    first.close();
    const deadline = Date.now() + 5_000;
    let again = await openStream(`${server.url}/bookings/v2/events?access_token=${OWNER_KEY}`);
    while (again.response.status === 429 && Date.now() < deadline) {
      again.close();
      await new Promise((r) => setTimeout(r, 50)); // the server sees the close a moment later
      again = await openStream(`${server.url}/bookings/v2/events?access_token=${OWNER_KEY}`);
    }
    assert.equal(again.response.status, 200);
    again.close();
  });
});

describe('the business stream across two instances', { skip: TEST_BACKEND !== 'postgres' && 'runs in the PostgreSQL pass' }, () => {
  it('a booking made and confirmed on one instance reaches a stream open on the other within a second', async () => {
    const pair = await startPair();
    const stream = await openStream(`${pair.b.url}/bookings/v2/events?access_token=${OWNER_KEY}`);
    try {
      assert.equal(stream.response.status, 200);
      const { createdDelay, confirmedDelay } = await createAndConfirm(pair.a, stream, '2026-12-12T10:00:00');
      assert.ok(createdDelay < 1000, `the new booking took ${createdDelay.toFixed(0)} ms to reach the other instance`);
      assert.ok(confirmedDelay < 1000, `the confirm took ${confirmedDelay.toFixed(0)} ms to reach the other instance`);
    } finally {
      stream.close();
      await pair.close();
    }
  });
});
