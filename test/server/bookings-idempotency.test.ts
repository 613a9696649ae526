/** `Idempotency-Key` on create (contract section 1): retries give the first answer and create nothing new. */
import { describe, it, before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import {
  OWNER_KEY,
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  type DemoService,
} from './bookings-fixtures.js';

describe('idempotent booking creation', () => {
  let server: TestServer;
  let yoga: DemoService;
  let eventId: string;
  let visitor: string;
  const create = (body: unknown, key: string, token = visitor) =>
    server.call('POST', '/bookings/v2/bookings', { token, body, headers: { 'idempotency-key': key } });
  const count = async () => (await server.storage.bookings.list()).length;

  before(async () => {
    ({ server } = await startBookingServer());
    yoga = await serviceNamed(server, 'Community Yoga');
    eventId = await eventIdAt(server, yoga, '2026-12-12T10:00:00');
  });
  // A visitor of its own for each case: one customer may hold only a few unpaid bookings in one session.
  beforeEach(async () => {
    visitor = await visitorToken(server);
  });
  after(() => server.close());

  it('a sequential retry with the same key and body returns the first booking and creates nothing', async () => {
    const body = classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });
    const before = await count();
    const first = await create(body, 'retry-1');
    const second = await create(body, 'retry-1');
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count(), before + 1);
  });

  it('the same key with a different body is 409 IDEMPOTENCY_KEY_REUSED', async () => {
    await create(classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }), 'retry-2');
    const before = await count();
    const other = await create(classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }), 'retry-2');
    assert.equal(other.status, 409);
    assert.equal(other.body.details.applicationError.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await count(), before);
  });

  it('keys are per caller: another visitor may use the same key for its own booking', async () => {
    const body = classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });
    const mine = await create(body, 'shared-key');
    const theirs = await create(body, 'shared-key', await visitorToken(server));
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.body.booking.id, mine.body.booking.id);
  });

  it('20 parallel retries of one create yield one booking and 20 identical answers', async () => {
    const body = classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(body, 'parallel-1')));
    assert.ok(answers.every((a) => a.status === 200));
    const ids = new Set(answers.map((a) => a.body.booking.id));
    assert.equal(ids.size, 1);
    assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 19);
    assert.equal(await count(), before + 1);
    const history = await server.call('GET', `/bookings/v2/bookings/${[...ids][0]}/history`, { token: OWNER_KEY });
    assert.equal(history.body.history.length, 1);
  });

  it('a failed create is not remembered: the retry runs again', async () => {
    const bad = classBooking(yoga, eventId, { selectedPaymentOption: 'ONLINE' });
    assert.equal((await create(bad, 'after-error')).status, 400);
    assert.equal((await create(classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }), 'after-error')).status, 200);
    assert.equal((await create({}, 'x'.repeat(300))).status, 400);
  });
});
