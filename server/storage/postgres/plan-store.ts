/** Pricing plans and members' plan orders in PostgreSQL; prices in bigint minor units. */
import type { PricingPlan, MemberPlanOrder } from '../../../src/model/members.js';
import type { PlanStore } from '../types.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import type { PostgresExecutor } from './executor.js';
import { iso, num } from './rows.js';

interface PlanRow {
  id: string;
  name: string;
  description: string | null;
  price_minor: string;
  currency: string;
  credits: number | null;
  duration_days: number;
  eligible: string[];
}

interface OrderRow {
  id: string;
  plan_id: string;
  plan_name: string;
  member_id: string;
  credits_total: number | null;
  credits_remaining: number | null;
  start_date: Date;
  expiration_date: Date;
}

/** A plan with the services it pays for (bytewise order, as SQLite's); add `WHERE` / `ORDER BY` after it. */
const PLAN_SELECT = `
  SELECT p.*, ARRAY(SELECT sp.service_id FROM service_pricing_plans sp WHERE sp.plan_id = p.id ORDER BY sp.service_id COLLATE "C") AS eligible
  FROM pricing_plans p`;

function rowToPlan(r: PlanRow): PricingPlan {
  return {
    id: r.id,
    name: r.name,
    ...(r.description ? { description: r.description } : {}),
    pricing: { price: fromMinor(num(r.price_minor), r.currency), singlePaymentForDuration: { count: r.duration_days, unit: 'DAY' } },
    ...(r.credits !== null ? { credits: r.credits } : {}),
    durationInDays: r.duration_days,
    eligibleServiceIds: r.eligible,
  };
}

function rowToOrder(r: OrderRow): MemberPlanOrder {
  const expirationDate = iso(r.expiration_date);
  return {
    id: r.id,
    planId: r.plan_id,
    planName: r.plan_name,
    memberId: r.member_id,
    status: expirationDate > new Date().toISOString() ? 'ACTIVE' : 'ENDED',
    ...(r.credits_total !== null ? { credits: { total: r.credits_total, remaining: r.credits_remaining ?? 0 } } : {}),
    startDate: iso(r.start_date),
    expirationDate,
  };
}

export class PostgresPlanStore implements PlanStore {
  constructor(private readonly x: PostgresExecutor) {}

  async list(): Promise<PricingPlan[]> {
    return (await this.x.query<PlanRow>(`${PLAN_SELECT} ORDER BY p.price_minor, p.name COLLATE "C"`)).map(rowToPlan);
  }

  async get(id: string): Promise<PricingPlan | null> {
    const r = await this.x.one<PlanRow>(`${PLAN_SELECT} WHERE p.id = $1`, [id]);
    return r ? rowToPlan(r) : null;
  }

  insert(p: PricingPlan): Promise<void> {
    return this.x.writeSetup(async () => {
      await this.x.query(
        `INSERT INTO pricing_plans (id, name, description, price_minor, currency, credits, duration_days, created_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          p.id,
          p.name,
          p.description ?? null,
          minorUnits(p.pricing.price),
          p.pricing.price.currency,
          p.credits ?? null,
          p.durationInDays,
          new Date().toISOString(),
        ],
      );
      for (const serviceId of p.eligibleServiceIds) {
        await this.x.query('INSERT INTO service_pricing_plans (service_id, plan_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          serviceId,
          p.id,
        ]);
      }
    });
  }

  async listMemberOrders(memberId: string): Promise<MemberPlanOrder[]> {
    const rows = await this.x.query<OrderRow>(
      `SELECT o.*, p.name AS plan_name FROM member_plan_orders o JOIN pricing_plans p ON p.id = o.plan_id
       WHERE o.member_id = $1 ORDER BY o.start_date`,
      [memberId],
    );
    return rows.map(rowToOrder);
  }

  async insertMemberOrder(o: MemberPlanOrder): Promise<void> {
    await this.x.query(
      `INSERT INTO member_plan_orders (id, plan_id, member_id, credits_total, credits_remaining, start_date, expiration_date, created_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        o.id,
        o.planId,
        o.memberId,
        o.credits?.total ?? null,
        o.credits?.remaining ?? null,
        o.startDate,
        o.expirationDate,
        new Date().toISOString(),
      ],
    );
  }
}
