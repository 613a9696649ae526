/**
 * Migration 8 keeps occupancy as counts (resource_busy, event_spots) with triggers on `bookings`. After any mix of
 * inserts, updates and deletes the counts must equal what a GROUP BY over `bookings` says, and the readers built
 * on them must answer as the row-by-row readers do.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import type { BookingStatus } from '../../src/model/booking.js';
import { demoService, insertBooking, MONDAY_NOW } from './availability-fixtures.js';

const STATUSES: BookingStatus[] = ['CREATED', 'CONFIRMED', 'CANCELED', 'PENDING', 'DECLINED', 'WAITING_LIST'];
const HOUR_MS = 3_600_000;

/** Deterministic pseudo-random numbers. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('occupancy counts kept by triggers', () => {
  let dir: string;
  let storage: SqliteStorage;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'availability-counts-'));
    storage = createSqliteStorage(join(dir, 'counts.sqlite'));
    await seedDemo(storage, MONDAY_NOW);
  });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const query = <T>(sql: string, ...params: unknown[]) => storage.executor.exec((db) => db.prepare(sql).all(...params) as T[]);

  async function assertCountsMatch(): Promise<void> {
    const busy = await query(
      `SELECT resource_id, start_ms, end_ms, status, service_id, bookings FROM resource_busy ORDER BY 1, 2, 3, 4, 5`,
    );
    const expectedBusy = await query(
      `SELECT resource_id, CAST(ROUND(unixepoch(start_utc, 'subsec') * 1000) AS INTEGER) AS start_ms,
         CAST(ROUND(unixepoch(end_utc, 'subsec') * 1000) AS INTEGER) AS end_ms, status, service_id, COUNT(*) AS bookings
       FROM bookings WHERE resource_id IS NOT NULL AND status IN ('PENDING', 'CONFIRMED') GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
    assert.deepEqual(busy, expectedBusy);
    const spots = await query(
      `SELECT event_id, status, service_id, start_utc, end_utc, participants FROM event_spots ORDER BY 1, 2, 3, 4, 5`,
    );
    const expectedSpots = await query(
      `SELECT event_id, status, service_id, start_utc, end_utc, SUM(participants) AS participants FROM bookings
       WHERE event_id IS NOT NULL AND status IN ('PENDING', 'CONFIRMED', 'WAITING_LIST') GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
    assert.deepEqual(spots, expectedSpots);
  }

  it('equal a GROUP BY over bookings after random inserts, updates and deletes', async () => {
    const training = await demoService(storage, 'Personal Training');
    const yoga = await demoService(storage, 'Vinyasa Flow');
    const rnd = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    const base = MONDAY_NOW.epochMilliseconds;
    const at = (hours: number) => new Date(base + hours * HOUR_MS).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const appointment = rnd() < 0.5;
      const start = Math.floor(rnd() * 6);
      ids.push(
        await insertBooking(storage, {
          serviceId: appointment ? training.id : yoga.id,
          scheduleId: appointment ? training.schedule.id : yoga.schedule.id,
          startUtc: at(start),
          endUtc: at(start + 1 + Math.floor(rnd() * 2)),
          status: pick(STATUSES),
          participants: 1 + Math.floor(rnd() * 3),
          eventId: appointment ? null : pick(['ev-a', 'ev-b']),
          resourceId: appointment ? pick(training.staffMemberIds) : null,
        }),
      );
    }
    await assertCountsMatch();
    const updates = [
      'status = ?',
      'start_utc = ?',
      'participants = ?',
      'resource_id = ?',
      'event_id = ?',
      'booking_json = ?', // an update that touches no counted column
    ];
    for (let i = 0; i < 300; i++) {
      const id = pick(ids);
      const set = pick(updates);
      const value =
        set === 'status = ?'
          ? pick(STATUSES)
          : set === 'start_utc = ?'
            ? at(Math.floor(rnd() * 3))
            : set === 'participants = ?'
              ? 1 + Math.floor(rnd() * 3)
              : set === 'resource_id = ?'
                ? pick([...training.staffMemberIds, null])
                : set === 'event_id = ?'
                  ? pick(['ev-a', 'ev-c', null])
                  : '{}';
      await storage.executor.exec((db) => db.prepare(`UPDATE bookings SET ${set} WHERE id = ?`).run(value, id));
    }
    await assertCountsMatch();
    for (const id of ids.slice(0, 150)) await storage.executor.exec((db) => db.prepare('DELETE FROM bookings WHERE id = ?').run(id));
    await assertCountsMatch();
  });

  it('busy times answer as the row-by-row read does', async () => {
    const training = await demoService(storage, 'Personal Training');
    const base = MONDAY_NOW.epochMilliseconds;
    const window = { fromMs: base - 10 * HOUR_MS, toMs: base + 10 * HOUR_MS, startsFromMs: base - 20 * HOUR_MS };
    for (const pendingFree of [[], [training.id]]) {
      const kept = await storage.occupancy.busyTimes({
        statuses: ['PENDING', 'CONFIRMED'],
        ...window,
        resourceIds: [...training.staffMemberIds],
        pendingFreeServiceIds: pendingFree,
      });
      const rows = await storage.occupancy.listBusy({
        statuses: ['PENDING', 'CONFIRMED'],
        fromUtc: new Date(window.fromMs).toISOString(),
        toUtc: new Date(window.toMs).toISOString(),
        startsFromUtc: new Date(window.startsFromMs).toISOString(),
        resourceIds: [...training.staffMemberIds],
      });
      for (const id of training.staffMemberIds) {
        const expected = new Map<number, { startMs: number; endMs: number }>();
        for (const r of rows) {
          if (r.resourceId !== id || (r.status === 'PENDING' && pendingFree.includes(r.serviceId))) continue;
          const startMs = Date.parse(r.startUtc);
          const endMs = Date.parse(r.endUtc);
          // One interval per start, to its latest end (the same union of busy time).
          expected.set(startMs, { startMs, endMs: Math.max(endMs, expected.get(startMs)?.endMs ?? endMs) });
        }
        const sorted = [...expected.values()].sort((a, b) => a.startMs - b.startMs);
        assert.ok(sorted.length > 0);
        assert.deepEqual(kept.get(id), sorted);
      }
    }
  });
});
