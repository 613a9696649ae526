/**
 * The pure parts of webhooks: which addresses are public (a table over every special-purpose block), which host
 * names are local, the Standard Webhooks signature checked by the `standardwebhooks` library, Wix's slugs and
 * envelope kinds; and the guarded client on its own: it refuses when any resolved address is private, and
 * connects to the address it checked, not to a second DNS answer; the setting that allows private targets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { addressKind, localHostName } from '../../server/domain/webhooks/addresses.js';
import { newSecret, signedHeaders } from '../../server/domain/webhooks/signing.js';
import { slugOf, webhookEnvelope } from '../../server/domain/webhooks/envelope.js';
import { postWebhook, type Resolver } from '../../server/domain/webhooks/delivery.js';
import { DeliveryFailure } from '../../server/domain/outbox/channels.js';
import type { OutboxEvent } from '../../server/storage/outbox-types.js';
import { startReceiver } from './webhooks-fixtures.js';
import { ConfigError, parseConfig } from '../../server/config.js';

describe('addressKind', () => {
  const table: [string, string][] = [
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['100.63.255.255', 'public'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.255', 'shared (CGNAT)'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.168.0.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::127.0.0.1', 'reserved'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    ['2001:0:4136:e378::1', 'tunnel'],
    ['2001:db8::1', 'documentation'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['100::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['example.com', 'not an IP address'],
    ['1.2.3', 'not an IP address'],
  ];
  for (const [ip, kind] of table) it(`${ip} is ${kind}`, () => assert.equal(addressKind(ip), kind));
});

describe('localHostName', () => {
  it('names this machine and local networks, whatever DNS says', () => {
    for (const name of ['localhost', 'LOCALHOST.', 'a.localhost', 'printer.local', 'db.internal', 'nas.home.arpa', 'box.lan', 'intranet'])
      assert.equal(localHostName(name), true, name);
    for (const name of ['hooks.example.com', 'localhost.example.com', 'local.example.org']) assert.equal(localHostName(name), false, name);
  });
});

describe('signing', () => {
  it('makes a signature the standardwebhooks library verifies, and one byte changed fails it', () => {
    const secret = newSecret();
    assert.match(secret, /^whsec_/);
    assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
    const body = JSON.stringify({ id: 'evt_1', héllo: 'wörld' });
    const headers = signedHeaders(secret, 'evt_1', Date.now() / 1000, body);
    assert.equal(headers['webhook-id'], 'evt_1');
    assert.match(headers['webhook-timestamp'], /^\d+$/);
    assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]{43}=$/);
    assert.deepEqual(new Webhook(secret).verify(body, { ...headers }), { id: 'evt_1', héllo: 'wörld' });
    assert.throws(() => new Webhook(secret).verify(body.replace('1', '2'), { ...headers }));
    assert.throws(() => new Webhook(newSecret()).verify(body, { ...headers }));
    // The library's own signature is the same string.
    assert.equal(
      new Webhook(secret).sign('evt_1', new Date(Number(headers['webhook-timestamp']) * 1000), body),
      headers['webhook-signature'],
    );
  });
});

describe('envelope', () => {
  const event = (eventType: OutboxEvent['eventType'], entityFqdn: string): OutboxEvent => ({
    id: 'e1',
    eventType,
    entityFqdn,
    entityId: 'x1',
    payload: { id: 'x1' },
    eventTime: '2026-12-01T15:00:00.000Z',
    createdAt: 0,
    entityEventSequence: 7,
    dispatchedAt: null,
  });
  it('uses Wix’s slugs: created, updated, and the action’s name for the rest', () => {
    const b = 'wix.bookings.v2.booking';
    assert.equal(slugOf(event('wix.bookings.v2.booking_created', b)), 'created');
    assert.equal(slugOf(event('wix.bookings.v2.booking_updated', b)), 'updated');
    assert.equal(slugOf(event('wix.bookings.v2.booking_confirmed', b)), 'booking_confirmed');
    assert.equal(slugOf(event('wix.bookings.v2.booking_declined', b)), 'booking_declined');
    assert.equal(slugOf(event('wix.bookings.v2.booking_canceled', b)), 'booking_canceled');
    assert.equal(slugOf(event('wix.bookings.v2.booking_rescheduled', b)), 'booking_rescheduled');
    assert.equal(slugOf(event('wix.ecom.v1.order_created', 'wix.ecom.v1.order')), 'created');
    assert.equal(slugOf(event('wix.ecom.v1.order_payment_status_updated', 'wix.ecom.v1.order')), 'payment_status_updated');
  });
  it('carries the entity as createdEvent.entity, updatedEvent.currentEntity or actionEvent.body.<entity>', () => {
    const b = 'wix.bookings.v2.booking';
    assert.deepEqual(webhookEnvelope(event('wix.bookings.v2.booking_created', b)), {
      id: 'e1',
      eventType: 'wix.bookings.v2.booking_created',
      entityFqdn: b,
      slug: 'created',
      entityId: 'x1',
      eventTime: '2026-12-01T15:00:00.000Z',
      entityEventSequence: '7',
      createdEvent: { entity: { id: 'x1' } },
    });
    assert.deepEqual(webhookEnvelope(event('wix.bookings.v2.booking_updated', b)).updatedEvent, { currentEntity: { id: 'x1' } });
    assert.deepEqual(webhookEnvelope(event('wix.bookings.v2.booking_canceled', b)).actionEvent, { body: { booking: { id: 'x1' } } });
    assert.deepEqual(webhookEnvelope(event('wix.ecom.v1.order_payment_status_updated', 'wix.ecom.v1.order')).actionEvent, {
      body: { order: { id: 'x1' } },
    });
  });
});

describe('postWebhook', () => {
  const options = { timeoutMs: 2_000, maxResponseBytes: 1024 };

  it('refuses when any resolved address is not public, without connecting', async () => {
    const receiver = await startReceiver();
    try {
      const resolve: Resolver = async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ];
      await assert.rejects(
        postWebhook(`http://hooks.example.test:${receiver.port}/`, '{}', {}, { ...options, privateAllowed: false, resolve }),
        (e: unknown) => e instanceof DeliveryFailure && e.permanent && /127\.0\.0\.1, a loopback address/.test(e.message),
      );
      assert.equal(receiver.connections(), 0);
    } finally {
      await receiver.close();
    }
  });

  it('connects to the address it resolved and checked, and sends the name as Host', async () => {
    const receiver = await startReceiver();
    try {
      let lookups = 0;
      const resolve: Resolver = async () => (lookups++, [{ address: '127.0.0.1', family: 4 }]);
      const answer = await postWebhook(
        `http://hooks.example.test:${receiver.port}/x?y=1`,
        '{"a":1}',
        { 'webhook-id': 'm1' },
        {
          ...options,
          privateAllowed: true,
          resolve,
        },
      );
      assert.deepEqual(answer, { status: 200, answer: '200 OK: ok' });
      assert.equal(lookups, 1, 'one resolution: the connection uses its answer');
      assert.equal(receiver.received[0]?.headers.host, `hooks.example.test:${receiver.port}`);
      assert.equal(receiver.received[0]?.body, '{"a":1}');
    } finally {
      await receiver.close();
    }
  });

  it('fails an attempt whose name does not resolve', async () => {
    const resolve: Resolver = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    await assert.rejects(
      postWebhook('https://nowhere.example.test/', '{}', {}, { ...options, privateAllowed: false, resolve }),
      (e: unknown) => e instanceof DeliveryFailure && !e.permanent && /ENOTFOUND/.test(e.message),
    );
  });
});

describe('the private-targets setting', () => {
  it('is off by default, on with WEBHOOKS_ALLOW_PRIVATE=1 or --webhooks-allow-private, and refuses other values', () => {
    assert.equal(parseConfig([], {}).webhooksAllowPrivate, false);
    assert.equal(parseConfig([], { WEBHOOKS_ALLOW_PRIVATE: '0' }).webhooksAllowPrivate, false);
    assert.equal(parseConfig([], { WEBHOOKS_ALLOW_PRIVATE: '1' }).webhooksAllowPrivate, true);
    assert.equal(parseConfig(['--webhooks-allow-private'], {}).webhooksAllowPrivate, true);
    assert.throws(() => parseConfig([], { WEBHOOKS_ALLOW_PRIVATE: 'maybe' }), ConfigError);
  });
});
