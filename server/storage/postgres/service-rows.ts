/**
 * A service as rows in PostgreSQL: the `services` columns (prices in bigint minor units), its policy and category
 * joined in, and the staff and pricing-plan link tables. One statement reads a service whole (the links as arrays,
 * the variants' price range through a lateral join), where SQLite's twin (sqlite/service-rows.ts) asks per service.
 */
import type { Service, Category } from '../../../src/model/service.js';
import type { BookingPolicy } from '../../../src/model/policy.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import type { Param, PostgresExecutor } from './executor.js';
import { iso, json, num } from './rows.js';
import { SERVICE_COLUMNS } from '../service-columns.js';

export interface ServiceRow {
  id: string;
  type: Service['type'];
  name: string;
  description: string | null;
  tag_line: string | null;
  category_id: string | null;
  category_name: string | null;
  category_sort: number | null;
  default_capacity: number;
  hidden: boolean;
  rate_type: Service['payment']['rateType'];
  currency: string;
  price_minor: string | null;
  deposit_minor: string | null;
  full_upfront_allowed: boolean;
  custom_price_description: string | null;
  pay_online: boolean;
  pay_in_person: boolean;
  pay_deposit: boolean;
  pay_pricing_plan: boolean;
  online_enabled: boolean;
  require_manual_approval: boolean;
  allow_multiple_requests: boolean;
  schedule_id: string;
  session_durations_json: number[] | null;
  time_between_sessions: number;
  policy_id: string;
  policy_json: Omit<BookingPolicy, 'id'> | null;
  policy_name: string;
  policy_is_default: boolean;
  media_json: Service['media'] | null;
  locations_json: Service['locations'] | null;
  slug: string | null;
  revision: number;
  created_date: Date;
  updated_date: Date;
  staff_ids: string[];
  plan_ids: string[];
  variant_lo: string | null;
  variant_hi: string | null;
}

/** Every service column with its links; add `WHERE` / `ORDER BY` after it. Text order is bytewise ("C"), as SQLite's. */
export const SERVICE_SELECT = `
  SELECT s.*, c.name AS category_name, c.sort_order AS category_sort,
         p.policy_json, p.name AS policy_name, p.is_default AS policy_is_default,
         ARRAY(SELECT ss.staff_id FROM service_staff ss WHERE ss.service_id = s.id ORDER BY ss.position) AS staff_ids,
         ARRAY(SELECT sp.plan_id FROM service_pricing_plans sp WHERE sp.service_id = s.id ORDER BY sp.plan_id COLLATE "C") AS plan_ids,
         r.variant_lo, r.variant_hi
  FROM services s
  LEFT JOIN categories c ON c.id = s.category_id
  JOIN booking_policies p ON p.id = s.policy_id
  LEFT JOIN LATERAL (
    SELECT MIN(v.price_minor) AS variant_lo, MAX(v.price_minor) AS variant_hi FROM service_variants v
      JOIN service_options_variants o ON o.id = v.options_variants_id WHERE o.service_id = s.id
  ) r ON true`;

export function rowToService(row: ServiceRow): Service {
  const money = (minor: string | null) => (minor === null ? undefined : fromMinor(num(minor), row.currency));
  const payment: Service['payment'] = {
    rateType: row.rate_type,
    options: { online: row.pay_online, inPerson: row.pay_in_person, deposit: row.pay_deposit, pricingPlan: row.pay_pricing_plan },
    pricingPlanIds: row.plan_ids,
  };
  const price = money(row.price_minor);
  const deposit = money(row.deposit_minor);
  if (row.rate_type === 'FIXED' && price) {
    payment.fixed = { price, ...(deposit ? { deposit } : {}), fullUpfrontPaymentAllowed: row.full_upfront_allowed };
  } else if (row.rate_type === 'VARIED' && price) {
    payment.varied = { defaultPrice: price, ...(deposit ? { deposit } : {}), fullUpfrontPaymentAllowed: row.full_upfront_allowed };
    if (row.variant_lo !== null && row.variant_hi !== null) {
      payment.varied.minPrice = fromMinor(num(row.variant_lo), row.currency);
      payment.varied.maxPrice = fromMinor(num(row.variant_hi), row.currency);
    }
  } else if (row.rate_type === 'CUSTOM') {
    payment.custom = { description: row.custom_price_description ?? '' };
  }
  const policy: BookingPolicy = {
    ...(row.policy_json ?? ({} as Omit<BookingPolicy, 'id'>)),
    id: row.policy_id,
    name: row.policy_name,
    default: row.policy_is_default,
  };
  const category: Category | undefined = row.category_id
    ? { id: row.category_id, name: row.category_name ?? '', sortOrder: row.category_sort ?? 0 }
    : undefined;
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.tag_line !== null ? { tagLine: row.tag_line } : {}),
    ...(row.media_json ? { media: row.media_json } : {}),
    hidden: row.hidden,
    ...(category ? { category } : {}),
    defaultCapacity: row.default_capacity,
    payment,
    onlineBooking: {
      enabled: row.online_enabled,
      requireManualApproval: row.require_manual_approval,
      allowMultipleRequests: row.allow_multiple_requests,
    },
    schedule: {
      id: row.schedule_id,
      availabilityConstraints: { sessionDurations: row.session_durations_json ?? [], timeBetweenSessions: row.time_between_sessions },
    },
    staffMemberIds: row.staff_ids,
    locations: row.locations_json ?? [],
    bookingPolicy: policy,
    ...(row.slug ? { mainSlug: { name: row.slug } } : {}),
    createdDate: iso(row.created_date),
    updatedDate: iso(row.updated_date),
    revision: String(row.revision),
  };
}

/** The parameters of INSERT_SERVICE, one per SERVICE_COLUMNS entry ($1 is the id). */
export function serviceValues(s: Service): Param[] {
  const fixed = s.payment.fixed ?? undefined;
  const varied = s.payment.varied ?? undefined;
  const priceMoney = fixed?.price ?? varied?.defaultPrice;
  const depositMoney = fixed?.deposit ?? varied?.deposit;
  return [
    s.id,
    s.type,
    s.name,
    s.description ?? null,
    s.tagLine ?? null,
    s.category?.id ?? null,
    s.defaultCapacity,
    Boolean(s.hidden),
    s.payment.rateType,
    priceMoney?.currency ?? depositMoney?.currency ?? 'USD',
    priceMoney ? minorUnits(priceMoney) : null,
    depositMoney ? minorUnits(depositMoney) : null,
    Boolean((fixed ?? varied)?.fullUpfrontPaymentAllowed ?? true),
    s.payment.custom?.description ?? null,
    Boolean(s.payment.options.online),
    Boolean(s.payment.options.inPerson),
    Boolean(s.payment.options.deposit),
    Boolean(s.payment.options.pricingPlan),
    Boolean(s.onlineBooking.enabled),
    Boolean(s.onlineBooking.requireManualApproval),
    Boolean(s.onlineBooking.allowMultipleRequests),
    s.schedule.id,
    json(s.schedule.availabilityConstraints.sessionDurations),
    s.schedule.availabilityConstraints.timeBetweenSessions,
    s.bookingPolicy.id,
    s.media ? json(s.media) : null,
    json(s.locations),
    s.mainSlug?.name ?? null,
    Number(s.revision),
    s.createdDate,
    s.updatedDate,
  ];
}

const UPDATED = SERVICE_COLUMNS.filter((c) => c !== 'created_date');

export const INSERT_SERVICE = `INSERT INTO services (${SERVICE_COLUMNS.join(', ')}) VALUES (${SERVICE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
/** Every column but created_date ($1 is the id), then the expected revision. */
export const UPDATE_SERVICE = `UPDATE services SET ${UPDATED.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ')} WHERE id = $1 AND revision = $${UPDATED.length + 1}`;

/** The parameters of UPDATE_SERVICE. */
export function serviceUpdateValues(s: Service, expected: string): Param[] {
  const values = serviceValues(s);
  return [...UPDATED.map((c) => values[SERVICE_COLUMNS.indexOf(c)] ?? null), expectedRevision(expected)];
}

/**
 * An expected revision as SQLite compares it (`revision = Number(text)`): a text that is no integer matches no row
 * there (NaN binds as NULL, 1.5 equals no integer), so here it is NULL too rather than an `integer` input error.
 */
export function expectedRevision(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && Math.abs(n) <= 2_147_483_647 ? n : null;
}

export async function writeServiceLinks(x: PostgresExecutor, s: Service): Promise<void> {
  await x.query('DELETE FROM service_staff WHERE service_id = $1', [s.id]);
  if (s.staffMemberIds.length > 0) {
    await x.query(
      `INSERT INTO service_staff (service_id, staff_id, position)
       SELECT $1, staff.id, staff.n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS staff(id, n)`,
      [s.id, s.staffMemberIds],
    );
  }
  await x.query('DELETE FROM service_pricing_plans WHERE service_id = $1', [s.id]);
  if (s.payment.pricingPlanIds.length > 0) {
    await x.query('INSERT INTO service_pricing_plans (service_id, plan_id) SELECT $1, unnest($2::text[])', [
      s.id,
      s.payment.pricingPlanIds,
    ]);
  }
}
