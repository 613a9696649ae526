/**
 * What two instances on one PostgreSQL share (issue 14, contract sections 1, 5 and 14): an Idempotency-Key sent
 * to both at once makes one booking and the same answer from each, and a change made on one instance reaches a
 * live stream (SSE) open on the other within a second (LISTEN/NOTIFY, server/domain/bookings/booking-relay.ts).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_KEY, visitorToken, serviceNamed, eventIdAt, classBooking, type DemoService } from '../bookings-fixtures.js';
import { startPair, type Pair } from './two-instances.js';
import { openStream } from '../sse-reader.js';

const ROUNDS = 20;

describe('two instances over one PostgreSQL share keys and live streams', () => {
  let pair: Pair;
  let yoga: DemoService;
  let eventId: string;
  let sseEventId: string;
  before(async () => {
    pair = await startPair();
    yoga = await serviceNamed(pair.a, 'Community Yoga');
    eventId = await eventIdAt(pair.a, yoga, '2026-12-12T10:00:00');
    sseEventId = await eventIdAt(pair.a, yoga, '2026-12-19T10:00:00');
  });
  after(() => pair.close());

  const countBookings = async () => (await pair.a.storage.bookings.list()).length;

  it(`the same Idempotency-Key sent to both instances at once (${ROUNDS} rounds): one booking, the same answer from both`, async () => {
    const before = await countBookings();
    for (let round = 0; round < ROUNDS; round++) {
      // A visitor of its own each round (a visitor holds at most 3 unpaid bookings of a session); its token,
      // minted on one instance, is good on the other.
      const token = await visitorToken(pair.both[round % 2] ?? pair.a);
      const body = classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });
      const key = `both-instances-${round}`;
      const send = (i: number) =>
        (pair.both[i % 2] ?? pair.a).call('POST', '/bookings/v2/bookings', { token, body, headers: { 'idempotency-key': key } });
      const answers = await Promise.all([send(0), send(1), send(round), send(round + 1)]);
      for (const r of answers) assert.equal(r.status, 200, JSON.stringify(r.body));
      for (const r of answers.slice(1)) assert.deepEqual(r.body, answers[0]?.body);
      assert.equal(answers.filter((r) => r.headers.get('idempotent-replayed') !== 'true').length, 1, 'exactly one request did the work');
    }
    assert.equal(await countBookings(), before + ROUNDS);
  });

  it('a confirm on one instance reaches a stream open on the other within a second, both ways', async () => {
    const delays: number[] = [];
    // Three rounds, alternating direction: the session has 3 spots, and each round confirms one booking.
    for (let round = 0; round < 3; round++) {
      const [writer, watcher] = round % 2 === 0 ? [pair.a, pair.b] : [pair.b, pair.a];
      const visitor = await visitorToken(writer);
      const created = await writer.call('POST', '/bookings/v2/bookings', {
        token: visitor,
        body: classBooking(yoga, sseEventId, { selectedPaymentOption: 'OFFLINE' }),
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const booking = created.body.booking as { id: string; revision: string };
      const stream = await openStream(`${watcher.url}/bookings/v2/bookings/${booking.id}/events?access_token=${visitor}`);
      try {
        assert.equal(stream.response.status, 200);
        assert.equal((await stream.next()).data.status, 'CREATED');
        const started = performance.now();
        const confirm = writer.call('POST', `/bookings/v2/bookings/${booking.id}/confirm`, {
          token: OWNER_KEY,
          body: { revision: booking.revision },
        });
        const event = await stream.next(5_000);
        const delay = performance.now() - started;
        assert.equal((await confirm).status, 200);
        assert.equal(event.event, 'booking');
        assert.equal(event.data.id, booking.id);
        assert.equal(event.data.status, 'CONFIRMED');
        assert.equal(event.data.revision, String(Number(booking.revision) + 1));
        delays.push(delay);
      } finally {
        stream.close();
      }
    }
    console.log(`cross-instance SSE delays: ${delays.map((d) => `${d.toFixed(0)} ms`).join(', ')}`);
    for (const d of delays) assert.ok(d < 1000, `the CONFIRMED event took ${d.toFixed(0)} ms to reach the other instance`);
  });
});
