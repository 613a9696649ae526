/** The smaller aggregates in SQLite: business, policies, staff, schedules, contacts, plans, members. */
import type { Business, StaffMember, SessionRule, WorkingHours, Weekday } from '../../../src/model/business.js';
import { WEEKDAYS } from '../../../src/model/business.js';
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { PricingPlan, MemberPlanOrder } from '../../../src/model/members.js';
import type { ContactDetails } from '../../../src/model/booking.js';
import type {
  BusinessStore,
  PolicyStore,
  StaffStore,
  ScheduleStore,
  ContactStore,
  PlanStore,
  MemberStore,
  MemberRecord,
} from '../types.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import { bool, fromJson, int, toJson, type SqliteExecutor, type Db } from './database.js';

export class SqliteBusinessStore implements BusinessStore {
  constructor(private readonly x: SqliteExecutor) {}
  get(): Promise<Business | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM business LIMIT 1').get() as
        { id: string; name: string; time_zone: string; currency: string; locale: string; email: string | null } | undefined;
      return r
        ? { id: r.id, name: r.name, timeZone: r.time_zone, currency: r.currency, locale: r.locale, ...(r.email ? { email: r.email } : {}) }
        : null;
    });
  }
  save(b: Business): Promise<void> {
    return this.x.exec((db) => {
      db.prepare(
        `INSERT INTO business (id, name, time_zone, currency, locale, email) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
           currency = excluded.currency, locale = excluded.locale, email = excluded.email`,
      ).run(b.id, b.name, b.timeZone, b.currency, b.locale, b.email ?? null);
    });
  }
}

interface PolicyRow {
  id: string;
  name: string;
  is_default: number;
  policy_json: string;
  revision: number;
  created_date: string;
  updated_date: string;
}

function rowToPolicy(r: PolicyRow): BookingPolicy {
  return {
    ...fromJson<Omit<BookingPolicy, 'id'>>(r.policy_json, {} as Omit<BookingPolicy, 'id'>),
    id: r.id,
    name: r.name,
    default: bool(r.is_default),
    revision: String(r.revision),
    createdDate: r.created_date,
    updatedDate: r.updated_date,
  };
}

function policyBody(p: BookingPolicy): string {
  const { id: _id, name: _name, default: _default, revision: _revision, createdDate: _c, updatedDate: _u, ...rules } = p;
  return toJson(rules);
}

export class SqlitePolicyStore implements PolicyStore {
  constructor(private readonly x: SqliteExecutor) {}
  list(): Promise<BookingPolicy[]> {
    return this.x.exec((db) =>
      (db.prepare('SELECT * FROM booking_policies ORDER BY created_date, id').all() as PolicyRow[]).map(rowToPolicy),
    );
  }
  get(id: string): Promise<BookingPolicy | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM booking_policies WHERE id = ?').get(id) as PolicyRow | undefined;
      return r ? rowToPolicy(r) : null;
    });
  }
  getDefault(): Promise<BookingPolicy | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM booking_policies WHERE is_default = 1 LIMIT 1').get() as PolicyRow | undefined;
      return r ? rowToPolicy(r) : null;
    });
  }
  insert(p: BookingPolicy): Promise<void> {
    return this.x.exec((db) => {
      const now = new Date().toISOString();
      db.prepare(
        'INSERT INTO booking_policies (id, name, is_default, policy_json, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(p.id, p.name ?? 'Policy', int(p.default), policyBody(p), Number(p.revision ?? '1'), p.createdDate ?? now, p.updatedDate ?? now);
    });
  }
  update(p: BookingPolicy, expectedRevision: string): Promise<boolean> {
    return this.x.exec(
      (db) =>
        db
          .prepare('UPDATE booking_policies SET name = ?, policy_json = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?')
          .run(p.name ?? 'Policy', policyBody(p), Number(p.revision), new Date().toISOString(), p.id, Number(expectedRevision)).changes > 0,
    );
  }
  delete(id: string): Promise<boolean> {
    return this.x.exec((db) => db.prepare('DELETE FROM booking_policies WHERE id = ? AND is_default = 0').run(id).changes > 0);
  }
}

const dayNumber = (d: Weekday): number => WEEKDAYS.indexOf(d) + 1;
const dayName = (n: number): Weekday => WEEKDAYS[n - 1] ?? 'MON';
const toMinute = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

interface StaffRow {
  id: string;
  name: string;
  email: string | null;
  schedule_id: string;
  revision: number;
  created_date: string;
  updated_date: string;
}

function rowToStaff(db: Db, r: StaffRow): StaffMember {
  const hours = (
    db
      .prepare('SELECT weekday, start_minute, end_minute FROM working_hours WHERE staff_id = ? ORDER BY weekday, start_minute')
      .all(r.id) as {
      weekday: number;
      start_minute: number;
      end_minute: number;
    }[]
  ).map((h): WorkingHours => ({ day: dayName(h.weekday), startTime: toHhmm(h.start_minute), endTime: toHhmm(h.end_minute) }));
  return {
    id: r.id,
    name: r.name,
    ...(r.email ? { email: r.email } : {}),
    scheduleId: r.schedule_id,
    workingHours: hours,
    createdDate: r.created_date,
    updatedDate: r.updated_date,
    revision: String(r.revision),
  };
}

function writeHours(db: Db, staffId: string, hours: WorkingHours[]): void {
  db.prepare('DELETE FROM working_hours WHERE staff_id = ?').run(staffId);
  const add = db.prepare('INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)');
  for (const h of hours) add.run(staffId, dayNumber(h.day), toMinute(h.startTime), toMinute(h.endTime));
}

export class SqliteStaffStore implements StaffStore {
  constructor(private readonly x: SqliteExecutor) {}
  list(): Promise<StaffMember[]> {
    return this.x.exec((db) => (db.prepare('SELECT * FROM staff_members ORDER BY name').all() as StaffRow[]).map((r) => rowToStaff(db, r)));
  }
  get(id: string): Promise<StaffMember | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM staff_members WHERE id = ?').get(id) as StaffRow | undefined;
      return r ? rowToStaff(db, r) : null;
    });
  }
  insert(s: StaffMember): Promise<void> {
    return this.x.exec((db) =>
      db.transaction(() => {
        db.prepare(
          'INSERT INTO staff_members (id, name, email, schedule_id, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(s.id, s.name, s.email ?? null, s.scheduleId, Number(s.revision), s.createdDate, s.updatedDate);
        writeHours(db, s.id, s.workingHours);
      })(),
    );
  }
  update(s: StaffMember, expectedRevision: string): Promise<boolean> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const changed =
          db
            .prepare('UPDATE staff_members SET name = ?, email = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?')
            .run(s.name, s.email ?? null, Number(s.revision), s.updatedDate, s.id, Number(expectedRevision)).changes > 0;
        if (changed) writeHours(db, s.id, s.workingHours);
        return changed;
      })(),
    );
  }
  setWorkingHours(staffId: string, hours: WorkingHours[]): Promise<void> {
    return this.x.exec((db) => db.transaction(() => writeHours(db, staffId, hours))());
  }
  delete(id: string): Promise<boolean> {
    return this.x.exec((db) => db.prepare('DELETE FROM staff_members WHERE id = ?').run(id).changes > 0);
  }
}

interface RuleRow {
  id: string;
  schedule_id: string;
  service_id: string;
  title: string | null;
  start_local: string;
  duration_minutes: number;
  recurrence_days: string | null;
  until_local: string | null;
  occurrence_count: number | null;
  staff_id: string | null;
  capacity: number | null;
  revision: number;
}

function rowToRule(r: RuleRow): SessionRule {
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    serviceId: r.service_id,
    ...(r.title ? { title: r.title } : {}),
    start: r.start_local,
    durationInMinutes: r.duration_minutes,
    ...(r.recurrence_days
      ? {
          recurrence: {
            frequency: 'WEEKLY' as const,
            days: r.recurrence_days.split(',') as Weekday[],
            ...(r.until_local ? { until: r.until_local } : {}),
            ...(r.occurrence_count !== null ? { count: r.occurrence_count } : {}),
          },
        }
      : {}),
    ...(r.staff_id ? { staffMemberId: r.staff_id } : {}),
    ...(r.capacity !== null ? { capacity: r.capacity } : {}),
    revision: String(r.revision),
  };
}

function ruleParams(r: SessionRule): unknown[] {
  return [
    r.scheduleId,
    r.serviceId,
    r.title ?? null,
    r.start,
    r.durationInMinutes,
    r.recurrence ? r.recurrence.days.join(',') : null,
    r.recurrence?.until ?? null,
    r.recurrence?.count ?? null,
    r.staffMemberId ?? null,
    r.capacity ?? null,
    Number(r.revision),
  ];
}

export class SqliteScheduleStore implements ScheduleStore {
  constructor(private readonly x: SqliteExecutor) {}
  listRules(filter: { serviceId?: string; serviceIds?: string[]; staffMemberId?: string } = {}): Promise<SessionRule[]> {
    return this.x.exec((db) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.serviceId) {
        where.push('service_id = ?');
        params.push(filter.serviceId);
      }
      if (filter.serviceIds) {
        where.push(`service_id IN (${filter.serviceIds.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...filter.serviceIds);
      }
      if (filter.staffMemberId) {
        where.push('staff_id = ?');
        params.push(filter.staffMemberId);
      }
      const sql = `SELECT * FROM session_rules ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_local, id`;
      return (db.prepare(sql).all(...params) as RuleRow[]).map(rowToRule);
    });
  }
  getRule(id: string): Promise<SessionRule | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM session_rules WHERE id = ?').get(id) as RuleRow | undefined;
      return r ? rowToRule(r) : null;
    });
  }
  insertRule(r: SessionRule): Promise<void> {
    return this.x.exec((db) => {
      const now = new Date().toISOString();
      db.prepare(
        `INSERT INTO session_rules (id, schedule_id, service_id, title, start_local, duration_minutes, recurrence_days,
           until_local, occurrence_count, staff_id, capacity, revision, created_date, updated_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(r.id, ...ruleParams(r), now, now);
    });
  }
  updateRule(r: SessionRule, expectedRevision: string): Promise<boolean> {
    return this.x.exec(
      (db) =>
        db
          .prepare(
            `UPDATE session_rules SET schedule_id = ?, service_id = ?, title = ?, start_local = ?, duration_minutes = ?,
               recurrence_days = ?, until_local = ?, occurrence_count = ?, staff_id = ?, capacity = ?, revision = ?,
               updated_date = ? WHERE id = ? AND revision = ?`,
          )
          .run(...ruleParams(r), new Date().toISOString(), r.id, Number(expectedRevision)).changes > 0,
    );
  }
  deleteRule(id: string): Promise<boolean> {
    return this.x.exec((db) => db.prepare('DELETE FROM session_rules WHERE id = ?').run(id).changes > 0);
  }
  listCancelledOccurrences(ruleIds: string[]): Promise<{ ruleId: string; localStart: string }[]> {
    return this.x.exec((db) => {
      if (ruleIds.length === 0) return [];
      return (
        db
          .prepare(
            `SELECT rule_id, local_start FROM session_exceptions WHERE status = 'CANCELLED' AND rule_id IN (${ruleIds.map(() => '?').join(', ')})`,
          )
          .all(...ruleIds) as { rule_id: string; local_start: string }[]
      ).map((r) => ({ ruleId: r.rule_id, localStart: r.local_start }));
    });
  }
  setOccurrenceCancelled(ruleId: string, localStart: string, cancelled: boolean): Promise<void> {
    return this.x.exec((db) => {
      if (cancelled) {
        db.prepare(`INSERT OR IGNORE INTO session_exceptions (rule_id, local_start, status) VALUES (?, ?, 'CANCELLED')`).run(
          ruleId,
          localStart,
        );
      } else {
        db.prepare('DELETE FROM session_exceptions WHERE rule_id = ? AND local_start = ?').run(ruleId, localStart);
      }
    });
  }
}

export class SqliteContactStore implements ContactStore {
  constructor(private readonly x: SqliteExecutor) {}
  upsertByEmail(d: ContactDetails): Promise<string> {
    return this.x.exec((db) => {
      const now = new Date().toISOString();
      const existing = d.email
        ? (db.prepare('SELECT id FROM contacts WHERE email = ?').get(d.email) as { id: string } | undefined)
        : undefined;
      if (existing) {
        db.prepare(
          `UPDATE contacts SET first_name = COALESCE(first_name, ?), last_name = COALESCE(last_name, ?),
             phone = COALESCE(phone, ?), updated_date = ? WHERE id = ?`,
        ).run(d.firstName ?? null, d.lastName ?? null, d.phone ?? null, now, existing.id);
        return existing.id;
      }
      const id = crypto.randomUUID();
      db.prepare(
        'INSERT INTO contacts (id, email, first_name, last_name, phone, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(id, d.email ?? null, d.firstName ?? null, d.lastName ?? null, d.phone ?? null, now, now);
      return id;
    });
  }
  get(id: string): Promise<(ContactDetails & { contactId: string }) | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as
        { id: string; email: string | null; first_name: string | null; last_name: string | null; phone: string | null } | undefined;
      if (!r) return null;
      return {
        contactId: r.id,
        ...(r.first_name ? { firstName: r.first_name } : {}),
        ...(r.last_name ? { lastName: r.last_name } : {}),
        ...(r.email ? { email: r.email } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
      };
    });
  }
}

interface PlanRow {
  id: string;
  name: string;
  description: string | null;
  price_minor: number;
  currency: string;
  credits: number | null;
  duration_days: number;
}

export class SqlitePlanStore implements PlanStore {
  constructor(private readonly x: SqliteExecutor) {}
  private toPlan(db: Db, r: PlanRow): PricingPlan {
    const eligible = (
      db.prepare('SELECT service_id FROM service_pricing_plans WHERE plan_id = ? ORDER BY service_id').all(r.id) as {
        service_id: string;
      }[]
    ).map((x) => x.service_id);
    return {
      id: r.id,
      name: r.name,
      ...(r.description ? { description: r.description } : {}),
      pricing: { price: fromMinor(r.price_minor, r.currency), singlePaymentForDuration: { count: r.duration_days, unit: 'DAY' } },
      ...(r.credits !== null ? { credits: r.credits } : {}),
      durationInDays: r.duration_days,
      eligibleServiceIds: eligible,
    };
  }
  list(): Promise<PricingPlan[]> {
    return this.x.exec((db) =>
      (db.prepare('SELECT * FROM pricing_plans ORDER BY price_minor, name').all() as PlanRow[]).map((r) => this.toPlan(db, r)),
    );
  }
  get(id: string): Promise<PricingPlan | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM pricing_plans WHERE id = ?').get(id) as PlanRow | undefined;
      return r ? this.toPlan(db, r) : null;
    });
  }
  insert(p: PricingPlan): Promise<void> {
    return this.x.exec((db) => {
      const price = { minor: minorUnits(p.pricing.price), currency: p.pricing.price.currency };
      db.prepare(
        'INSERT INTO pricing_plans (id, name, description, price_minor, currency, credits, duration_days, created_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        p.id,
        p.name,
        p.description ?? null,
        price.minor,
        price.currency,
        p.credits ?? null,
        p.durationInDays,
        new Date().toISOString(),
      );
      const link = db.prepare('INSERT OR IGNORE INTO service_pricing_plans (service_id, plan_id) VALUES (?, ?)');
      for (const serviceId of p.eligibleServiceIds) link.run(serviceId, p.id);
    });
  }
  listMemberOrders(memberId: string): Promise<MemberPlanOrder[]> {
    return this.x.exec((db) =>
      (
        db
          .prepare(
            `SELECT o.*, p.name AS plan_name FROM member_plan_orders o JOIN pricing_plans p ON p.id = o.plan_id
             WHERE o.member_id = ? ORDER BY o.start_date`,
          )
          .all(memberId) as {
          id: string;
          plan_id: string;
          plan_name: string;
          member_id: string;
          credits_total: number | null;
          credits_remaining: number | null;
          start_date: string;
          expiration_date: string;
        }[]
      ).map((r) => ({
        id: r.id,
        planId: r.plan_id,
        planName: r.plan_name,
        memberId: r.member_id,
        status: r.expiration_date > new Date().toISOString() ? 'ACTIVE' : 'ENDED',
        ...(r.credits_total !== null ? { credits: { total: r.credits_total, remaining: r.credits_remaining ?? 0 } } : {}),
        startDate: r.start_date,
        expirationDate: r.expiration_date,
      })),
    );
  }
  insertMemberOrder(o: MemberPlanOrder): Promise<void> {
    return this.x.exec((db) => {
      db.prepare(
        `INSERT INTO member_plan_orders (id, plan_id, member_id, credits_total, credits_remaining, start_date, expiration_date, created_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        o.id,
        o.planId,
        o.memberId,
        o.credits?.total ?? null,
        o.credits?.remaining ?? null,
        o.startDate,
        o.expirationDate,
        new Date().toISOString(),
      );
    });
  }
}

interface MemberRow {
  id: string;
  contact_id: string;
  email: string;
  password_hash: string;
  first_name: string | null;
  last_name: string | null;
  created_date: string;
  updated_date: string;
}

const rowToMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  contactId: r.contact_id,
  loginEmail: r.email,
  profile: { ...(r.first_name ? { firstName: r.first_name } : {}), ...(r.last_name ? { lastName: r.last_name } : {}) },
  passwordHash: r.password_hash,
  createdDate: r.created_date,
  updatedDate: r.updated_date,
});

export class SqliteMemberStore implements MemberStore {
  constructor(private readonly x: SqliteExecutor) {}
  getByEmail(email: string): Promise<MemberRecord | null> {
    return this.x.exec((db) => {
      // Emails are compared without case: Member@Example.com and member@example.com are one person.
      const r = db.prepare('SELECT * FROM members WHERE lower(email) = lower(?) ORDER BY created_date LIMIT 1').get(email) as
        MemberRow | undefined;
      return r ? rowToMember(r) : null;
    });
  }
  get(id: string): Promise<MemberRecord | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
      return r ? rowToMember(r) : null;
    });
  }
  insert(m: MemberRecord): Promise<void> {
    return this.x.exec((db) => {
      db.prepare(
        'INSERT INTO members (id, contact_id, email, password_hash, first_name, last_name, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        m.id,
        m.contactId,
        m.loginEmail,
        m.passwordHash,
        m.profile.firstName ?? null,
        m.profile.lastName ?? null,
        m.createdDate,
        m.updatedDate,
      );
    });
  }
  setPasswordHash(memberId: string, passwordHash: string, at: string): Promise<void> {
    return this.x.exec((db) => {
      db.prepare('UPDATE members SET password_hash = ?, updated_date = ? WHERE id = ?').run(passwordHash, at, memberId);
    });
  }
}
