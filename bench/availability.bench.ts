/**
 * A large business (50 staff, 200 classes, 100,000 bookings over a year) in a temp SQLite file, and the time of a
 * 31-day slot query for one appointment service and one class, through the HTTP stack (`app.inject`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { buildServer } from '../server/app.js';
import { createSqliteStorage, type SqliteStorage } from '../server/storage/sqlite/index.js';
import { makePolicy } from '../server/seed/policies.js';
import { expandRules } from '../server/domain/availability/sessions.js';
import { encodeEventId } from '../server/domain/availability/event-id.js';
import type { Service } from '../src/model/service.js';
import type { SessionRule, StaffMember, Weekday } from '../src/model/business.js';

const ZONE = 'America/New_York';
const STAFF = 50;
const CLASSES = 200;
const BOOKINGS = 100_000;
const RUNS = 30;
const YEAR_START = Temporal.Instant.from('2026-01-01T05:00:00Z');
const NOW = new Date('2026-06-01T12:00:00Z');

/** Deterministic pseudo-random numbers, so every run seeds the same business. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function seed(storage: SqliteStorage): Promise<{ appointment: Service; klass: Service }> {
  const rnd = random(42);
  const stamp = new Date().toISOString();
  await storage.business.save({ id: crypto.randomUUID(), name: 'Big Gym', timeZone: ZONE, currency: 'USD', locale: 'en-US' });
  const policy = makePolicy(crypto.randomUUID(), 'Standard', { default: true });
  await storage.policies.insert(policy);
  const weekdays: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
  const staff: StaffMember[] = [];
  for (let i = 0; i < STAFF; i++) {
    const s: StaffMember = {
      id: crypto.randomUUID(),
      name: `Coach ${i}`,
      timeOff: [],
      scheduleId: crypto.randomUUID(),
      createdDate: stamp,
      updatedDate: stamp,
      revision: '1',
      workingHours: weekdays.map((day) => ({ day, startTime: '08:00', endTime: '20:00' })),
    };
    await storage.staff.insert(s);
    staff.push(s);
  }
  const service = (type: Service['type'], name: string, staffIds: string[], capacity: number): Service => ({
    id: crypto.randomUUID(),
    type,
    name,
    defaultCapacity: capacity,
    hidden: false,
    payment: { rateType: 'NO_FEE', options: { online: true, inPerson: true, deposit: false, pricingPlan: false }, pricingPlanIds: [] },
    onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
    schedule: { id: crypto.randomUUID(), availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
    staffMemberIds: staffIds,
    locations: [],
    bookingPolicy: policy,
    createdDate: stamp,
    updatedDate: stamp,
    revision: '1',
  });
  const appointment = service(
    'APPOINTMENT',
    'Coaching',
    staff.slice(0, 10).map((s) => s.id),
    1,
  );
  await storage.catalogue.insertService(appointment);
  const rules: SessionRule[] = [];
  const classes: Service[] = [];
  for (let i = 0; i < CLASSES; i++) {
    const teacher = staff[10 + (i % 40)] as StaffMember;
    const klass = service('CLASS', `Class ${i}`, [teacher.id], 20);
    await storage.catalogue.insertService(klass);
    classes.push(klass);
    const hour = String(8 + (i % 12)).padStart(2, '0');
    const rule: SessionRule = {
      id: crypto.randomUUID(),
      scheduleId: klass.schedule.id,
      serviceId: klass.id,
      title: klass.name,
      start: `2026-01-0${5 + (i % 2)}T${hour}:00:00`,
      durationInMinutes: 60,
      staffMemberId: teacher.id,
      capacity: 20,
      revision: '1',
      recurrence: { frequency: 'WEEKLY', days: i % 2 === 0 ? ['MON', 'WED', 'FRI'] : ['TUE', 'THU'] },
    };
    await storage.schedules.insertRule(rule);
    rules.push(rule);
  }
  const yearEnd = YEAR_START.add({ hours: 365 * 24 }).epochMilliseconds;
  const events = expandRules(rules, ZONE, YEAR_START.epochMilliseconds, yearEnd);
  const classOf = new Map(rules.map((r, i) => [r.id, classes[i] as Service]));
  await storage.executor.exec((db) => {
    const insert =
      db.prepare(`INSERT INTO bookings (id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status, payment_status,
      participants, booking_json, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'NOT_PAID', ?, '{}', 1, ?, ?)`);
    const statuses = ['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'PENDING', 'CANCELED', 'DECLINED'];
    db.transaction(() => {
      for (let i = 0; i < BOOKINGS; i++) {
        const status = statuses[Math.floor(rnd() * statuses.length)] as string;
        if (i % 2 === 0) {
          // An appointment: a random staff member, a random hour of a random day of the year.
          const coach = staff[Math.floor(rnd() * STAFF)] as StaffMember;
          const start = YEAR_START.epochMilliseconds + Math.floor(rnd() * 365) * 86_400_000 + (3 + Math.floor(rnd() * 12)) * 3_600_000;
          insert.run(
            crypto.randomUUID(),
            appointment.id,
            appointment.schedule.id,
            null,
            coach.id,
            new Date(start).toISOString(),
            new Date(start + 3_600_000).toISOString(),
            status,
            1,
            stamp,
            stamp,
          );
        } else {
          const event = events[Math.floor(rnd() * events.length)] as (typeof events)[number];
          const klass = classOf.get(event.ruleId) as Service;
          insert.run(
            crypto.randomUUID(),
            klass.id,
            klass.schedule.id,
            encodeEventId(event),
            null,
            new Date(event.startMs).toISOString(),
            new Date(event.endMs).toISOString(),
            status,
            1,
            stamp,
            stamp,
          );
        }
      }
    })();
  });
  return { appointment, klass: classes[0] as Service };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export default async function availabilityBench(): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bookings-bench-'));
  const storage = createSqliteStorage(join(dir, 'bench.sqlite'));
  try {
    const seedStarted = performance.now();
    const { appointment, klass } = await seed(storage);
    const seedMs = performance.now() - seedStarted;
    const app = await buildServer({ storage, ownerKey: 'bench-owner-key-at-least-24-chars', clock: () => NOW });
    const range = { fromLocalDate: '2026-06-01T00:00:00', toLocalDate: '2026-07-02T00:00:00' };
    const cases = [
      {
        name: 'Appointments (10 staff, 60 min)',
        url: '/service-availability/v2/time-slots',
        body: { serviceId: appointment.id, ...range },
      },
      {
        name: 'Class sessions (one class)',
        url: '/service-availability/v2/time-slots/event',
        body: { serviceIds: [klass.id], ...range, cursorPaging: { limit: 1000 } },
      },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      let slots = 0;
      const times: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const started = performance.now();
        const reply = await app.inject({ method: 'POST', url: c.url, payload: c.body });
        const elapsed = performance.now() - started;
        if (reply.statusCode !== 200) throw new Error(`${c.url} answered ${reply.statusCode}: ${reply.body}`);
        slots = (reply.json() as { timeSlots: unknown[] }).timeSlots.length;
        if (i >= 3) times.push(elapsed); // the first runs warm up the JIT and SQLite's cache
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${c.name} | ${slots} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
    }
    const plans = await storage.executor.exec((db) => {
      const plan = (sql: string, ...params: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
      return [
        [
          'staff bookings',
          plan(
            `SELECT id FROM bookings WHERE status IN ('PENDING','CONFIRMED') AND start_utc < ? AND end_utc > ? AND start_utc >= ? AND resource_id IN (?, ?)`,
            'b',
            'a',
            'a',
            'x',
            'y',
          ),
        ],
        [
          'session bookings',
          plan(
            `SELECT id FROM bookings WHERE status IN ('PENDING','CONFIRMED','WAITING_LIST') AND start_utc < ? AND end_utc > ? AND event_id IN (?, ?)`,
            'b',
            'a',
            'x',
            'y',
          ),
        ],
      ];
    });
    await app.close();
    return {
      title: 'Availability: a 31-day slot query on a large business',
      markdown: `Seeded ${STAFF} staff, ${CLASSES} classes (weekly sessions) and ${BOOKINGS.toLocaleString('en-US')} bookings over a year into a
temp SQLite file in ${(seedMs / 1000).toFixed(1)} s (bulk insert in one transaction). Each query asks for 31 days
(${range.fromLocalDate} to ${range.toLocalDate}, America/New_York) through the whole HTTP stack (\`app.inject\`),
${RUNS} timed runs after 3 warm-up runs.

| Query | Slots returned | Median (ms) | p95 (ms) |
|---|---|---|---|
${rows.join('\n')}

Bookings are read through indexes bounded by the range, so the cost follows the slots in the range, not the
number of bookings (\`EXPLAIN QUERY PLAN\`):

${plans.map(([name, plan]) => `- ${name}: \`${plan}\``).join('\n')}
`,
    };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
