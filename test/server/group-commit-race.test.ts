/**
 * Group commit under a race (issue 12): 500 creates for the last 3 spots of a class arrive at once. Decisions
 * that share a commit are made one after another, so exactly 3 bookings block the session, the other 497 are
 * refused with 428. Run on the domain itself, where all 500 reach the executor in one tick, the counters show
 * that the decisions did share commits.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { createServices } from '../../server/services.js';
import { withSetupReadCache } from '../../server/storage/setup-read-cache.js';
import { MAX_GROUP } from '../../server/storage/sqlite/executor.js';
import { DomainError } from '../../server/domain/errors.js';
import type { CreateBookingCommand } from '../../server/domain/bookings/commands.js';
import { NOW, OWNER_KEY, serviceNamed, eventIdAt, classBooking, visitorToken } from './bookings-fixtures.js';

const RACERS = 500;

describe('group commit', () => {
  let server: TestServer;
  before(async () => {
    // No outbox worker: its own transactions would join the counts below (the race is about the decisions).
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, outbox: { enabled: false } },
    });
  });
  after(() => server.close());

  const blocking = async (eventId: string) =>
    (await server.storage.bookings.listForEvent(eventId, ['CONFIRMED', 'PENDING'])).filter((b) => !b.booking.doubleBooked).length;

  it('500 parallel owner creates (no approval step) for 3 spots: exactly 3 CONFIRMED, 497 refused, commits shared', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-05T10:00:00');
    const outcomes = await Promise.all(
      Array.from({ length: RACERS }, () =>
        server.call('POST', '/bookings/v2/bookings', {
          token: OWNER_KEY,
          body: { ...classBooking(yoga, eventId), flowControlSettings: { skipBusinessConfirmation: true } },
        }),
      ),
    );
    const confirmed = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status === 428);
    assert.equal(confirmed.length, 3, JSON.stringify(outcomes.filter((o) => o.status !== 428).map((o) => o.body)));
    assert.ok(confirmed.every((o) => o.body.booking.status === 'CONFIRMED'));
    assert.equal(refused.length, RACERS - 3);
    assert.ok(refused.every((o) => o.body.details?.applicationError?.code === 'SLOT_NOT_AVAILABLE'));
    assert.equal(await blocking(eventId), 3);
  });

  it('the same race straight on the domain: 500 decisions share a few commits, and exactly 3 land', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-19T10:00:00');
    const { services, close } = createServices({ storage: withSetupReadCache(server.storage), clock: () => NOW, log: () => {} });
    try {
      const before = { commits: 0, ...server.storage.executor.stats };
      const outcomes = await Promise.allSettled(
        Array.from({ length: RACERS }, () =>
          services.bookings.create(
            { kind: 'owner' },
            {
              ...(classBooking(yoga, eventId) as unknown as CreateBookingCommand),
              flowControlSettings: { skipBusinessConfirmation: true },
            },
          ),
        ),
      );
      const stats = { commits: 0, ...server.storage.executor.stats };
      const landed = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(landed.length, 3);
      assert.ok(refused.every((o) => o.reason instanceof DomainError && o.reason.code === 'SLOT_NOT_AVAILABLE'));
      assert.equal(await blocking(eventId), 3);
      const transactions = stats.transactions - before.transactions;
      const commits = stats.commits - before.commits;
      assert.equal(transactions, RACERS, 'every decision ran in a transaction');
      // Serial commits would be 500; groups of up to MAX_GROUP make about RACERS / MAX_GROUP. (SQLite's group
      // commit: on PostgreSQL each decision commits on its own, under the business's write lock.)
      if (server.storage.kind === 'sqlite')
        assert.ok(commits <= RACERS / 10 && commits >= Math.ceil(RACERS / MAX_GROUP), `${commits} commits for ${transactions} decisions`);
    } finally {
      close();
    }
  });

  it('500 visitor bookings confirmed-or-declined at once for 3 spots: exactly 3 CONFIRMED, 497 DECLINED', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-12T10:00:00');
    // A visitor may hold 3 unpaid bookings per session, so 167 visitors make the 500.
    const tokens = await Promise.all(Array.from({ length: Math.ceil(RACERS / 3) }, () => visitorToken(server)));
    const created: string[] = [];
    for (let i = 0; i < RACERS; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, RACERS - i) }, (_, j) =>
          server.call('POST', '/bookings/v2/bookings', {
            token: tokens[Math.floor((i + j) / 3)],
            body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
          }),
        ),
      );
      for (const r of batch) {
        assert.equal(r.status, 200, JSON.stringify(r.body));
        created.push(r.body.booking.id as string);
      }
    }
    const decided = await Promise.all(
      created.map((id) => server.call('POST', `/bookings/v2/confirmation/${id}:confirmOrDecline`, { token: OWNER_KEY, body: {} })),
    );
    assert.ok(decided.every((r) => r.status === 200));
    const statuses = decided.map((r) => r.body.booking.status as string);
    assert.equal(statuses.filter((s) => s === 'CONFIRMED').length, 3);
    assert.equal(statuses.filter((s) => s === 'DECLINED').length, RACERS - 3);
    assert.equal(await blocking(eventId), 3);
  });
});
