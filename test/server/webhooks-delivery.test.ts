/**
 * Webhook deliveries end to end (contract section 13), to a real receiver on 127.0.0.1, on a server with private
 * targets allowed for development (WEBHOOKS_ALLOW_PRIVATE): a booking's event is POSTed as Wix's envelope, signed
 * so that the `standardwebhooks` library verifies it; a receiver that fails twice gets it on the third attempt
 * with the same webhook-id, and the delivery log shows fail, fail, ok; a resend delivers again; a deleted
 * endpoint gets nothing more. Runs on SQLite and, with BOOKINGS_TEST_STORAGE=postgres, on PostgreSQL.
 */
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';
import {
  appendEvent,
  createEndpoint,
  deliveriesOf,
  reply,
  startReceiver,
  startWebhookServer,
  OWNER_KEY,
  type Received,
  type WebhookServer,
} from './webhooks-fixtures.js';

const verify = (secret: string, r: Received): unknown =>
  new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as Record<string, unknown>;

describe('webhook deliveries', () => {
  let w: WebhookServer;
  before(async () => {
    w = await startWebhookServer({ allowPrivate: true });
  });
  after(() => w.server.close());
  // Each test's endpoints go with it, so a later test's events reach only its own.
  afterEach(async () => {
    const { body } = await w.server.call('GET', '/webhooks/v1/endpoints', { token: OWNER_KEY });
    for (const e of body.endpoints) await w.server.call('DELETE', `/webhooks/v1/endpoints/${e.id}`, { token: OWNER_KEY });
  });

  /** Rounds until nothing is due (each retry is made due by moving the clock a minute). */
  const deliverAll = async (rounds: number) => {
    for (let i = 0; i < rounds; i++) {
      await w.round();
      w.advance(60_000);
    }
  };

  it('a receiver that fails twice gets the booking on the third attempt, same webhook-id, signed; the log shows each attempt', async () => {
    const receiver = await startReceiver((n, _req, res) => (n <= 2 ? reply(res, 503, 'busy, try later') : reply(res, 200, 'thanks')));
    try {
      const { id, secret } = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      const yoga = await serviceNamed(w.server, 'Community Yoga');
      const created = await w.server.call('POST', '/bookings/v2/bookings', {
        token: await visitorToken(w.server),
        body: classBooking(yoga, await eventIdAt(w.server, yoga, '2026-12-05T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const booking = created.body.booking;

      await w.round();
      assert.equal(receiver.received.length, 1);
      let [d] = await deliveriesOf(w.server, id);
      assert.equal(d?.status, 'PENDING');
      assert.equal(d?.attempts, 1);
      assert.match(d?.lastError ?? '', /503/);
      await w.round(); // not due yet: backoff
      assert.equal(receiver.received.length, 1);
      await deliverAll(3);
      assert.equal(receiver.received.length, 3);

      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      assert.deepEqual(new Set(ids).size, 1, 'the same webhook-id on every attempt');
      for (const r of receiver.received) {
        const body = verify(secret, r) as Record<string, unknown>;
        assert.equal(body['id'], ids[0]);
        assert.equal(r.headers['content-type'], 'application/json');
      }
      const envelope = JSON.parse(receiver.received[2]?.body ?? '{}');
      assert.deepEqual(
        { ...envelope, createdEvent: undefined },
        {
          id: ids[0],
          eventType: 'wix.bookings.v2.booking_created',
          entityFqdn: 'wix.bookings.v2.booking',
          slug: 'created',
          entityId: booking.id,
          eventTime: envelope.eventTime,
          entityEventSequence: '1',
          createdEvent: undefined,
        },
      );
      assert.equal(envelope.createdEvent.entity.id, booking.id);
      assert.equal(envelope.createdEvent.entity.revision, booking.revision);
      assert.throws(() =>
        new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(
          receiver.received[0]?.body ?? '',
          receiver.received[0]?.headers as Record<string, string>,
        ),
      );

      [d] = await deliveriesOf(w.server, id);
      assert.equal(d?.status, 'DONE');
      assert.equal(d?.attempts, 3);
      assert.equal(d?.eventType, 'wix.bookings.v2.booking_created');
      assert.equal(d?.eventId, ids[0]);
      assert.equal(d?.lastAnswer, '200 OK: thanks');
      assert.deepEqual(
        d?.attemptLog.map((a) => [a.attempt, a.ok, a.answer]),
        [
          [1, false, '503 Service Unavailable: busy, try later'],
          [2, false, '503 Service Unavailable: busy, try later'],
          [3, true, '200 OK: thanks'],
        ],
      );
      assert.ok(d?.attemptLog.every((a) => a.startedDate <= a.finishedDate));
      assert.match(d?.attemptLog[0]?.error ?? '', /answered 503/);
    } finally {
      await receiver.close();
    }
  });

  it('each event goes to the endpoints that asked for its type, in the envelope its kind uses', async () => {
    const receiver = await startReceiver();
    try {
      const a = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true, events: ['wix.bookings.v2.booking_confirmed'] });
      const b = await createEndpoint(w.server, {
        url: receiver.url,
        allowPrivate: true,
        events: ['wix.ecom.v1.order_payment_status_updated', 'wix.bookings.v2.booking_updated'],
      });
      await appendEvent(w.server, 'wix.bookings.v2.booking_created'); // nobody asked
      await appendEvent(w.server, 'wix.bookings.v2.booking_confirmed');
      await appendEvent(w.server, 'wix.ecom.v1.order_payment_status_updated');
      await appendEvent(w.server, 'wix.bookings.v2.booking_updated');
      await deliverAll(2);
      const bodies = receiver.received.map((r) => JSON.parse(r.body));
      assert.deepEqual(bodies.map((e) => [e.eventType, e.slug, Object.keys(e).find((k) => k.endsWith('Event'))]).sort(), [
        ['wix.bookings.v2.booking_confirmed', 'booking_confirmed', 'actionEvent'],
        ['wix.bookings.v2.booking_updated', 'updated', 'updatedEvent'],
        ['wix.ecom.v1.order_payment_status_updated', 'payment_status_updated', 'actionEvent'],
      ]);
      const confirmed = bodies.find((e) => e.slug === 'booking_confirmed');
      assert.equal(confirmed.actionEvent.body.booking.id, confirmed.entityId);
      assert.equal((await deliveriesOf(w.server, a.id)).length, 1);
      assert.equal((await deliveriesOf(w.server, b.id)).length, 2);
    } finally {
      await receiver.close();
    }
  });

  it('resend delivers a delivered event again, with the same webhook-id, as attempt 2', async () => {
    const receiver = await startReceiver();
    try {
      const { id, secret } = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      const eventId = await appendEvent(w.server);
      await deliverAll(1);
      const [done] = await deliveriesOf(w.server, id);
      assert.equal(done?.status, 'DONE');
      const resent = await w.server.call('POST', `/webhooks/v1/endpoints/${id}/deliveries/${done?.id}/resend`, { token: OWNER_KEY });
      assert.equal(resent.status, 200, JSON.stringify(resent.body));
      assert.equal(resent.body.delivery.id, done?.id);
      assert.equal(resent.body.delivery.status, 'PENDING');
      await w.round();
      assert.equal(receiver.received.length, 2);
      assert.deepEqual(
        receiver.received.map((r) => r.headers['webhook-id']),
        [eventId, eventId],
      );
      verify(secret, receiver.received[1] as Received);
      const [again] = await deliveriesOf(w.server, id);
      assert.deepEqual(
        again?.attemptLog.map((a) => [a.attempt, a.ok]),
        [
          [1, true],
          [2, true],
        ],
      );
      const other = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      const wrong = await w.server.call('POST', `/webhooks/v1/endpoints/${other.id}/deliveries/${done?.id}/resend`, { token: OWNER_KEY });
      assert.equal(wrong.status, 404, 'a delivery of another endpoint');
      const visitor = await w.server.call('POST', `/webhooks/v1/endpoints/${id}/deliveries/${done?.id}/resend`);
      assert.equal(visitor.status, 401);
    } finally {
      await receiver.close();
    }
  });

  it('deleting an endpoint stops its deliveries: the pending one fails for good, new events make none', async () => {
    const receiver = await startReceiver((_n, _req, res) => reply(res, 500));
    try {
      const { id } = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      const eventId = await appendEvent(w.server);
      await deliverAll(1);
      assert.equal(receiver.received.length, 1);
      const removed = await w.server.call('DELETE', `/webhooks/v1/endpoints/${id}`, { token: OWNER_KEY });
      assert.equal(removed.status, 200);
      await appendEvent(w.server);
      await deliverAll(3);
      assert.equal(receiver.received.length, 1, 'nothing after the delete');
      const [d] = await w.server.storage.outbox.listDeliveries({ eventId, channel: `webhook:${id}` });
      assert.equal(d?.status, 'FAILED');
      assert.match(d?.lastError ?? '', /deleted/);
      assert.equal((await w.server.call('GET', `/webhooks/v1/endpoints/${id}/deliveries`, { token: OWNER_KEY })).status, 404);
    } finally {
      await receiver.close();
    }
  });

  it('a redirect is not followed: it counts as a failed attempt', async () => {
    const target = await startReceiver();
    const receiver = await startReceiver((_n, _req, res) => {
      res.writeHead(307, { location: target.url });
      res.end();
    });
    try {
      const { id } = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      await appendEvent(w.server);
      await deliverAll(1);
      const [d] = await deliveriesOf(w.server, id);
      assert.equal(d?.status, 'PENDING');
      assert.equal(d?.lastAnswer, '307 Temporary Redirect');
      assert.equal(target.received.length, 0);
    } finally {
      await Promise.all([receiver.close(), target.close()]);
    }
  });
});
