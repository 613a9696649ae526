/**
 * What a webhook delivery will not do (contract section 13): wait on a slow receiver past its deadline, read an
 * endless answer, or connect to a loopback address that a host name resolves to when the endpoint may not reach
 * private targets. The server allows private targets for development (the receiver is on 127.0.0.1) with a short
 * timeout; the deadline in production is 10 s.
 */
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  appendEvent,
  createEndpoint,
  deliveriesOf,
  reply,
  startReceiver,
  startWebhookServer,
  OWNER_KEY,
  type WebhookServer,
} from './webhooks-fixtures.js';

const TIMEOUT_MS = 300;

describe('webhook delivery guards', () => {
  let w: WebhookServer;
  before(async () => {
    w = await startWebhookServer({ allowPrivate: true, timeoutMs: TIMEOUT_MS, maxResponseBytes: 64 * 1024 });
  });
  after(() => w.server.close());
  afterEach(async () => {
    const { body } = await w.server.call('GET', '/webhooks/v1/endpoints', { token: OWNER_KEY });
    for (const e of body.endpoints) await w.server.call('DELETE', `/webhooks/v1/endpoints/${e.id}`, { token: OWNER_KEY });
  });

  it('a receiver slower than the deadline fails the attempt, which is retried', async () => {
    const receiver = await startReceiver((_n, _req, res) => void setTimeout(() => reply(res, 200), 3_000).unref());
    try {
      const { id } = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      await appendEvent(w.server);
      const started = Date.now();
      await w.round();
      const took = Date.now() - started;
      assert.ok(took >= TIMEOUT_MS && took < 2_500, `the round ended at the deadline (${took} ms)`);
      const [d] = await deliveriesOf(w.server, id);
      assert.equal(d?.status, 'PENDING');
      assert.equal(d?.lastError, `no answer within ${TIMEOUT_MS} ms`);
      assert.equal(d?.attemptLog[0]?.ok, false);
    } finally {
      await receiver.close();
    }
  });

  it('an answer with a huge body is read up to the cap, and the rest is not waited for', async () => {
    let finished = false;
    const receiver = await startReceiver(async (_n, _req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      // 64 MiB, more than socket buffers hold: it can only all be sent if the server reads it all.
      for (let i = 0; i < 1024 && !res.destroyed; i++) {
        if (!res.write(chunk)) await new Promise((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
      }
      if (!res.destroyed) res.end(() => (finished = true));
    });
    try {
      const { id } = await createEndpoint(w.server, { url: receiver.url, allowPrivate: true });
      await appendEvent(w.server);
      await w.round();
      const [d] = await deliveriesOf(w.server, id);
      assert.equal(d?.status, 'DONE');
      assert.match(d?.lastAnswer ?? '', /^200 OK: x{200}$/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(finished, false, 'the receiver could not send the whole body');
    } finally {
      await receiver.close();
    }
  });

  it('a host name that resolves to 127.0.0.1 is refused at delivery when the endpoint may not reach private targets', async () => {
    const receiver = await startReceiver();
    try {
      // Stored as it is (registration refuses the name `localhost`), as a name whose DNS answer changed would be.
      const id = randomUUID();
      await w.server.storage.webhooks.create(
        {
          id,
          url: `https://localhost:${receiver.port}/hook`,
          events: ['wix.bookings.v2.booking_created'],
          allowPrivate: false,
          secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
          createdDate: new Date().toISOString(),
        },
        20,
      );
      await appendEvent(w.server);
      await w.round();
      const [d] = await deliveriesOf(w.server, id);
      assert.equal(d?.status, 'FAILED', 'for good: retrying would not change the answer');
      assert.match(d?.lastError ?? '', /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/);
      assert.equal(d?.attempts, 1);
      assert.equal(receiver.received.length, 0);
      assert.equal(receiver.connections(), 0);
    } finally {
      await receiver.close();
    }
  });
});
