/**
 * A service as rows: the `services` columns (prices in integer minor units), its policy and category joined in,
 * and the staff and pricing-plan link tables. The catalogue store reads and writes through these.
 */
import type { Service, Category } from '../../../src/model/service.js';
import type { BookingPolicy } from '../../../src/model/policy.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import { bool, fromJson, int, toJson, type Db } from './database.js';
import { prepared } from './statements.js';
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
  hidden: number;
  rate_type: Service['payment']['rateType'];
  currency: string;
  price_minor: number | null;
  deposit_minor: number | null;
  full_upfront_allowed: number;
  custom_price_description: string | null;
  pay_online: number;
  pay_in_person: number;
  pay_deposit: number;
  pay_pricing_plan: number;
  online_enabled: number;
  require_manual_approval: number;
  allow_multiple_requests: number;
  schedule_id: string;
  session_durations_json: string;
  time_between_sessions: number;
  policy_id: string;
  policy_json: string;
  policy_name: string;
  policy_is_default: number;
  policy_revision: number;
  media_json: string | null;
  locations_json: string;
  slug: string | null;
  revision: number;
  created_date: string;
  updated_date: string;
}

export const SERVICE_SELECT = `
  SELECT s.*, c.name AS category_name, c.sort_order AS category_sort,
         p.policy_json, p.name AS policy_name, p.is_default AS policy_is_default, p.revision AS policy_revision
  FROM services s
  LEFT JOIN categories c ON c.id = s.category_id
  JOIN booking_policies p ON p.id = s.policy_id`;

export function rowToService(db: Db, row: ServiceRow): Service {
  const staffMemberIds = (
    prepared(db, 'SELECT staff_id FROM service_staff WHERE service_id = ? ORDER BY position').all(row.id) as {
      staff_id: string;
    }[]
  ).map((r) => r.staff_id);
  const pricingPlanIds = (
    prepared(db, 'SELECT plan_id FROM service_pricing_plans WHERE service_id = ? ORDER BY plan_id').all(row.id) as {
      plan_id: string;
    }[]
  ).map((r) => r.plan_id);
  const money = (minor: number | null) => (minor === null ? undefined : fromMinor(minor, row.currency));
  const payment: Service['payment'] = {
    rateType: row.rate_type,
    options: {
      online: bool(row.pay_online),
      inPerson: bool(row.pay_in_person),
      deposit: bool(row.pay_deposit),
      pricingPlan: bool(row.pay_pricing_plan),
    },
    pricingPlanIds,
  };
  const price = money(row.price_minor);
  const deposit = money(row.deposit_minor);
  if (row.rate_type === 'FIXED' && price) {
    payment.fixed = { price, ...(deposit ? { deposit } : {}), fullUpfrontPaymentAllowed: bool(row.full_upfront_allowed) };
  } else if (row.rate_type === 'VARIED' && price) {
    payment.varied = {
      defaultPrice: price,
      ...(deposit ? { deposit } : {}),
      fullUpfrontPaymentAllowed: bool(row.full_upfront_allowed),
    };
    const range = prepared(
      db,
      `SELECT MIN(v.price_minor) AS lo, MAX(v.price_minor) AS hi FROM service_variants v
         JOIN service_options_variants o ON o.id = v.options_variants_id WHERE o.service_id = ?`,
    ).get(row.id) as { lo: number | null; hi: number | null };
    if (range.lo !== null && range.hi !== null) {
      payment.varied.minPrice = fromMinor(range.lo, row.currency);
      payment.varied.maxPrice = fromMinor(range.hi, row.currency);
    }
  } else if (row.rate_type === 'CUSTOM') {
    payment.custom = { description: row.custom_price_description ?? '' };
  }
  const policy: BookingPolicy = {
    ...fromJson<Omit<BookingPolicy, 'id'>>(row.policy_json, {} as Omit<BookingPolicy, 'id'>),
    id: row.policy_id,
    name: row.policy_name,
    default: bool(row.policy_is_default),
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
    ...(row.media_json ? { media: fromJson(row.media_json, { items: [] }) } : {}),
    hidden: bool(row.hidden),
    ...(category ? { category } : {}),
    defaultCapacity: row.default_capacity,
    payment,
    onlineBooking: {
      enabled: bool(row.online_enabled),
      requireManualApproval: bool(row.require_manual_approval),
      allowMultipleRequests: bool(row.allow_multiple_requests),
    },
    schedule: {
      id: row.schedule_id,
      availabilityConstraints: {
        sessionDurations: fromJson<number[]>(row.session_durations_json, []),
        timeBetweenSessions: row.time_between_sessions,
      },
    },
    staffMemberIds,
    locations: fromJson(row.locations_json, []),
    bookingPolicy: policy,
    ...(row.slug ? { mainSlug: { name: row.slug } } : {}),
    createdDate: row.created_date,
    updatedDate: row.updated_date,
    revision: String(row.revision),
  };
}

function serviceParams(s: Service): Record<string, unknown> {
  const fixedOrVaried = s.payment.fixed ?? undefined;
  const varied = s.payment.varied ?? undefined;
  const priceMoney = fixedOrVaried?.price ?? varied?.defaultPrice;
  const depositMoney = fixedOrVaried?.deposit ?? varied?.deposit;
  const currency = priceMoney?.currency ?? depositMoney?.currency ?? 'USD';
  return {
    id: s.id,
    type: s.type,
    name: s.name,
    description: s.description ?? null,
    tag_line: s.tagLine ?? null,
    category_id: s.category?.id ?? null,
    default_capacity: s.defaultCapacity,
    hidden: int(s.hidden),
    rate_type: s.payment.rateType,
    currency,
    price_minor: priceMoney ? minorUnits(priceMoney) : null,
    deposit_minor: depositMoney ? minorUnits(depositMoney) : null,
    full_upfront_allowed: int((fixedOrVaried ?? varied)?.fullUpfrontPaymentAllowed ?? true),
    custom_price_description: s.payment.custom?.description ?? null,
    pay_online: int(s.payment.options.online),
    pay_in_person: int(s.payment.options.inPerson),
    pay_deposit: int(s.payment.options.deposit),
    pay_pricing_plan: int(s.payment.options.pricingPlan),
    online_enabled: int(s.onlineBooking.enabled),
    require_manual_approval: int(s.onlineBooking.requireManualApproval),
    allow_multiple_requests: int(s.onlineBooking.allowMultipleRequests),
    schedule_id: s.schedule.id,
    session_durations_json: toJson(s.schedule.availabilityConstraints.sessionDurations),
    time_between_sessions: s.schedule.availabilityConstraints.timeBetweenSessions,
    policy_id: s.bookingPolicy.id,
    media_json: s.media ? toJson(s.media) : null,
    locations_json: toJson(s.locations),
    slug: s.mainSlug?.name ?? null,
    revision: Number(s.revision),
    created_date: s.createdDate,
    updated_date: s.updatedDate,
  };
}

/** The statements that write a service's columns: by name, so their order never matters. */
export const INSERT_SERVICE = `INSERT INTO services (${SERVICE_COLUMNS.join(', ')}) VALUES (${SERVICE_COLUMNS.map((c) => `@${c}`).join(', ')})`;
export const UPDATE_SERVICE = `UPDATE services SET ${SERVICE_COLUMNS.filter((c) => c !== 'id' && c !== 'created_date')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id AND revision = @expected`;

/** The named parameters of INSERT_SERVICE and UPDATE_SERVICE, every column present (null when unset). */
export function serviceColumns(s: Service): Record<string, unknown> {
  const params = serviceParams(s);
  return Object.fromEntries(SERVICE_COLUMNS.map((k) => [k, params[k] ?? null]));
}

export function writeServiceLinks(db: Db, s: Service): void {
  prepared(db, 'DELETE FROM service_staff WHERE service_id = ?').run(s.id);
  const addStaff = prepared(db, 'INSERT INTO service_staff (service_id, staff_id, position) VALUES (?, ?, ?)');
  s.staffMemberIds.forEach((staffId, i) => addStaff.run(s.id, staffId, i));
  prepared(db, 'DELETE FROM service_pricing_plans WHERE service_id = ?').run(s.id);
  const addPlan = prepared(db, 'INSERT INTO service_pricing_plans (service_id, plan_id) VALUES (?, ?)');
  for (const planId of s.payment.pricingPlanIds) addPlan.run(s.id, planId);
}
