/** Pricing plans and members' plan orders in SQLite; prices in integer minor units. */
import type { PricingPlan, MemberPlanOrder } from '../../../src/model/members.js';
import type { PlanStore } from '../types.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import type { Db, SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

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
      prepared(db, 'SELECT service_id FROM service_pricing_plans WHERE plan_id = ? ORDER BY service_id').all(r.id) as {
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
      (prepared(db, 'SELECT * FROM pricing_plans ORDER BY price_minor, name').all() as PlanRow[]).map((r) => this.toPlan(db, r)),
    );
  }
  get(id: string): Promise<PricingPlan | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM pricing_plans WHERE id = ?').get(id) as PlanRow | undefined;
      return r ? this.toPlan(db, r) : null;
    });
  }
  insert(p: PricingPlan): Promise<void> {
    return this.x.writeSetup((db) => {
      const price = { minor: minorUnits(p.pricing.price), currency: p.pricing.price.currency };
      prepared(
        db,
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
      const link = prepared(db, 'INSERT OR IGNORE INTO service_pricing_plans (service_id, plan_id) VALUES (?, ?)');
      for (const serviceId of p.eligibleServiceIds) link.run(serviceId, p.id);
    });
  }
  listMemberOrders(memberId: string): Promise<MemberPlanOrder[]> {
    return this.x.exec((db) =>
      (
        prepared(
          db,
          `SELECT o.*, p.name AS plan_name FROM member_plan_orders o JOIN pricing_plans p ON p.id = o.plan_id
             WHERE o.member_id = ? ORDER BY o.start_date`,
        ).all(memberId) as {
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
      prepared(
        db,
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
