/**
 * For the webhook tests: a real HTTP receiver on 127.0.0.1 in the test process that answers as each test says,
 * a server whose outbox worker the test drives on its own clock, and small helpers to register endpoints.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';
import { NOW } from './bookings-fixtures.js';
import type { Outbox } from '../../server/domain/outbox/outbox.js';
import type { WebhookSettings } from '../../server/domain/webhooks/settings.js';
import type { OutboxEventType } from '../../server/storage/outbox-types.js';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with the n-th request (1-based): answer with a status and body, or hold it first. */
export type Answer = (n: number, request: Received, response: ServerResponse) => void | Promise<void>;

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** TCP connections accepted, requests or not. */
  connections(): number;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer = (_n, _r, res) => void res.end('ok')): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      void Promise.resolve(answer(received.length, request, res)).catch(() => res.destroy());
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A status answer, for `startReceiver((n) => …)`. */
export const reply = (res: ServerResponse, status: number, body = ''): void => {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(body);
};

export interface WebhookServer {
  server: TestServer;
  outbox: Outbox;
  /** The outbox's clock (epoch ms); `advance` moves it. */
  now(): number;
  advance(ms: number): void;
  /** One worker round (dispatch, then deliver what is due). */
  round(): Promise<number>;
}

/** A seeded server whose worker runs only when the test says (`round()`), on a clock the test moves. */
export async function startWebhookServer(webhooks: WebhookSettings): Promise<WebhookServer> {
  let t = Date.now();
  let outbox: Outbox | undefined;
  const server = await startServer({
    now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
    server: {
      clock: () => NOW,
      outbox: { enabled: false, clock: () => t, random: () => 0.5, register: (o) => (outbox = o) },
      webhooks,
    },
  });
  if (!outbox) throw new Error('the outbox was not handed over');
  const o = outbox;
  return { server, outbox: o, now: () => t, advance: (ms) => void (t += ms), round: () => o.worker.runOnce() };
}

export async function createEndpoint(
  server: TestServer,
  body: { url: string; events?: string[]; allowPrivate?: boolean },
): Promise<{ id: string; secret: string }> {
  const r = await server.call('POST', '/webhooks/v1/endpoints', {
    token: OWNER_KEY,
    body: { events: ['wix.bookings.v2.booking_created'], ...body },
  });
  if (r.status !== 200) throw new Error(`create endpoint: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.endpoint.id, secret: r.body.secret };
}

/** Appends one event to the outbox as a booking change would (what the webhook tests need without a booking). */
export async function appendEvent(server: TestServer, eventType: OutboxEventType = 'wix.bookings.v2.booking_created'): Promise<string> {
  const id = randomUUID();
  const order = eventType.startsWith('wix.ecom');
  await server.storage.outbox.append([
    {
      id,
      eventType,
      entityFqdn: order ? 'wix.ecom.v1.order' : 'wix.bookings.v2.booking',
      entityId: `entity-${id.slice(0, 8)}`,
      payload: { id: `entity-${id.slice(0, 8)}`, status: 'CONFIRMED' },
      eventTime: NOW.toISOString(),
      createdAt: Date.now(),
    },
  ]);
  return id;
}

export const deliveriesOf = async (server: TestServer, endpointId: string) => {
  const r = await server.call('GET', `/webhooks/v1/endpoints/${endpointId}/deliveries`, { token: OWNER_KEY });
  if (r.status !== 200) throw new Error(`deliveries: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.deliveries as {
    id: string;
    eventId: string;
    eventType: string;
    status: string;
    attempts: number;
    lastAnswer?: string;
    lastError?: string;
    attemptLog: { attempt: number; ok: boolean; answer?: string; error?: string; startedDate: string; finishedDate: string }[];
  }[];
};

export { OWNER_KEY };
