/**
 * A confirm counts the room beside its own booking (`countParticipants` with `excludeBookingId`). It reads the
 * per-session counts and takes the booking's own share off; this must equal a GROUP BY over `bookings` that leaves
 * the booking out, for every booking, in any status, inside the window or not.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import type { BookingStatus } from '../../src/model/booking.js';
import { demoService, insertBooking, MONDAY_NOW } from './availability-fixtures.js';

const STATUSES: BookingStatus[] = ['CREATED', 'CONFIRMED', 'CANCELED', 'PENDING', 'DECLINED', 'WAITING_LIST'];
const HOUR_MS = 3_600_000;

it('counts without one booking equal a GROUP BY over bookings without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'occupancy-exclude-'));
  const storage = createSqliteStorage(join(dir, 'db.sqlite'));
  try {
    await seedDemo(storage, MONDAY_NOW);
    const yoga = await demoService(storage, 'Vinyasa Flow');
    const base = MONDAY_NOW.epochMilliseconds;
    const at = (hours: number) => new Date(base + hours * HOUR_MS).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const start = i % 3; // three sessions: ev-0 at +0h, ev-1 at +1h, ev-2 at +2h
      ids.push(
        await insertBooking(storage, {
          serviceId: yoga.id,
          scheduleId: yoga.schedule.id,
          startUtc: at(start),
          endUtc: at(start + 1),
          status: STATUSES[i % STATUSES.length] as BookingStatus,
          participants: 1 + (i % 4),
          eventId: `ev-${start}`,
          resourceId: null,
        }),
      );
    }
    const statuses: BookingStatus[] = ['PENDING', 'CONFIRMED'];
    // A window that holds the first two sessions only, so a booking of ev-2 is outside it.
    const window = { fromUtc: at(0), toUtc: at(2) };
    const expected = (excluded: string) =>
      storage.executor.exec(
        (db) =>
          db
            .prepare(
              `SELECT event_id AS key, service_id AS serviceId, status, SUM(participants) AS participants FROM bookings
               WHERE event_id IN ('ev-0', 'ev-1', 'ev-2') AND status IN ('PENDING', 'CONFIRMED') AND start_utc < ? AND end_utc > ?
                 AND id <> ? GROUP BY 1, 2, 3 ORDER BY 1, 3`,
            )
            .all(window.toUtc, window.fromUtc, excluded) as { key: string; serviceId: string; status: string; participants: number }[],
      );
    for (const id of ids) {
      const counted = await storage.occupancy.countParticipants({
        by: 'event',
        statuses,
        ...window,
        eventIds: ['ev-0', 'ev-1', 'ev-2'],
        excludeBookingId: id,
      });
      const sorted = [...counted].sort((a, b) => a.key.localeCompare(b.key) || a.status.localeCompare(b.status));
      assert.deepEqual(sorted, await expected(id), `without booking ${id}`);
    }
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
