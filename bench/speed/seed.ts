/**
 * The issue's workload: the demo business (Harbor Studio) plus `count` bookings spread over the next 60 days,
 * half appointments of Personal Training across both its staff, half on the demo classes' sessions, written in
 * one transaction straight through the storage layer's executor (not through HTTP). "Community Yoga" gets room
 * for everyone, so the write benchmarks that book it never run out of places.
 */
import { Temporal } from 'temporal-polyfill';
import type { SqliteStorage } from '../../server/storage/sqlite/index.js';
import type { Storage } from '../../server/storage/types.js';
import { seedDemo, DEMO_TIME_ZONE } from '../../server/seed/demo.js';
import { expandRules } from '../../server/domain/availability/sessions.js';
import { encodeEventId } from '../../server/domain/availability/event-id.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const HORIZON_DAYS = 60;

export interface Workload {
  /** Personal Training (appointments, two staff). */
  appointmentId: string;
  /** The demo's classes. */
  classIds: string[];
  /** Community Yoga: a free class that confirms bookings on its own. */
  freeClassId: string;
  /** Event ids of Community Yoga sessions in the next 60 days (more than two days away). */
  freeEvents: string[];
  seeded: number;
  seedMs: number;
}

/** Deterministic pseudo-random numbers, so every run seeds the same spread. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** The demo business with room for everyone in Community Yoga, on any storage (SQLite or PostgreSQL); no bookings. */
export async function seedBusiness(storage: Storage, now = Temporal.Now.instant()): Promise<Workload> {
  return (await seedSessions(storage, now)).workload;
}

async function seedSessions(storage: Storage, now: Temporal.Instant) {
  const started = performance.now();
  await seedDemo(storage, now);
  const services = await storage.catalogue.listServices();
  const named = (name: string) => {
    const s = services.find((x) => x.name === name);
    if (!s) throw new Error(`the demo seed has no ${name}`);
    return s;
  };
  const training = named('Personal Training');
  const community = named('Community Yoga');
  const classes = services.filter((s) => s.type === 'CLASS');
  const rules = await storage.schedules.listRules({ serviceIds: classes.map((s) => s.id) });
  const roomy = rules.find((r) => r.serviceId === community.id);
  if (!roomy) throw new Error('Community Yoga has no session rule');
  await storage.schedules.updateRule({ ...roomy, capacity: 1_000_000, revision: String(Number(roomy.revision) + 1) }, roomy.revision);

  const fromMs = now.epochMilliseconds;
  const toMs = fromMs + HORIZON_DAYS * DAY_MS;
  const sessions = expandRules(rules, DEMO_TIME_ZONE, fromMs, toMs);
  const serviceOfRule = new Map(rules.map((r) => [r.id, classes.find((s) => s.id === r.serviceId)]));
  const freeEvents = sessions
    .filter((o) => o.ruleId === roomy.id && o.startMs > fromMs + 2 * DAY_MS)
    .map((o) => encodeEventId({ ruleId: o.ruleId, localStart: o.localStart }));
  if (freeEvents.length === 0) throw new Error('no Community Yoga session in the next 60 days');
  const workload: Workload = {
    appointmentId: training.id,
    classIds: classes.map((s) => s.id),
    freeClassId: community.id,
    freeEvents,
    seeded: 0,
    seedMs: performance.now() - started,
  };
  return { workload, training, sessions, serviceOfRule, started };
}

export async function seedWorkload(storage: SqliteStorage, count: number, now = Temporal.Now.instant()): Promise<Workload> {
  const { workload, training, sessions, serviceOfRule, started } = await seedSessions(storage, now);
  const fromMs = now.epochMilliseconds;
  const rnd = random(12);
  const stamp = new Date(fromMs).toISOString();
  const statuses = ['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'PENDING', 'CANCELED', 'DECLINED'];
  const firstDay = Math.floor(fromMs / DAY_MS) * DAY_MS;
  await storage.executor.exec((db) => {
    const insert = db.prepare(`INSERT INTO bookings (id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status,
      payment_status, participants, booking_json, revision, created_date, updated_date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'NOT_PAID', 1, '{}', 1, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const status = statuses[Math.floor(rnd() * statuses.length)] as string;
        if (i % 2 === 0) {
          // An appointment: one of the two staff, 30 or 60 minutes, between 08:00 and 19:00 New York time.
          const staffId = training.staffMemberIds[Math.floor(rnd() * training.staffMemberIds.length)] ?? null;
          const start =
            firstDay + (1 + Math.floor(rnd() * (HORIZON_DAYS - 1))) * DAY_MS + 13 * HOUR_MS + Math.floor(rnd() * 22) * (HOUR_MS / 2);
          const end = start + (rnd() < 0.5 ? 1 : 2) * (HOUR_MS / 2);
          const at = (ms: number) => new Date(ms).toISOString();
          insert.run(crypto.randomUUID(), training.id, training.schedule.id, null, staffId, at(start), at(end), status, stamp, stamp);
        } else {
          const o = sessions[Math.floor(rnd() * sessions.length)];
          const s = o && serviceOfRule.get(o.ruleId);
          if (!o || !s) throw new Error('no class session to book');
          const eventId = encodeEventId({ ruleId: o.ruleId, localStart: o.localStart });
          const [start, end] = [new Date(o.startMs).toISOString(), new Date(o.endMs).toISOString()];
          insert.run(crypto.randomUUID(), s.id, s.schedule.id, eventId, null, start, end, status, stamp, stamp);
        }
      }
    })();
  });
  return { ...workload, seeded: count, seedMs: performance.now() - started };
}

/**
 * The body of a visitor's create of the free class, booking `g`: the sessions in turn. A visitor may hold 3 unpaid
 * bookings per session, so operation `g` belongs to visitor `Math.floor(g / (3 * sessions))`.
 */
export function freeClassCreate(w: Workload, g: number): { booking: Record<string, unknown> } {
  return {
    booking: {
      bookedEntity: { slot: { serviceId: w.freeClassId, eventId: w.freeEvents[g % w.freeEvents.length] } },
      contactDetails: { firstName: 'Bench', email: `bench${g}@example.com` },
      totalParticipants: 1,
      selectedPaymentOption: 'OFFLINE',
    },
  };
}
