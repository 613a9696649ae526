/** Services, categories and options-and-variants in SQLite. Prices are stored as integer minor units. */
import type { Service, ServiceOptionsAndVariants, Category, ServiceVariant, ServiceOption } from '../../../src/model/service.js';
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { CatalogueStore } from '../types.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import { bool, fromJson, int, toJson, type SqliteExecutor, type Db } from './database.js';

interface ServiceRow {
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

const SERVICE_SELECT = `
  SELECT s.*, c.name AS category_name, c.sort_order AS category_sort,
         p.policy_json, p.name AS policy_name, p.is_default AS policy_is_default, p.revision AS policy_revision
  FROM services s
  LEFT JOIN categories c ON c.id = s.category_id
  JOIN booking_policies p ON p.id = s.policy_id`;

function rowToService(db: Db, row: ServiceRow): Service {
  const staffMemberIds = (
    db.prepare('SELECT staff_id FROM service_staff WHERE service_id = ? ORDER BY position').all(row.id) as {
      staff_id: string;
    }[]
  ).map((r) => r.staff_id);
  const pricingPlanIds = (
    db.prepare('SELECT plan_id FROM service_pricing_plans WHERE service_id = ? ORDER BY plan_id').all(row.id) as {
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
    const range = db
      .prepare(
        `SELECT MIN(v.price_minor) AS lo, MAX(v.price_minor) AS hi FROM service_variants v
         JOIN service_options_variants o ON o.id = v.options_variants_id WHERE o.service_id = ?`,
      )
      .get(row.id) as { lo: number | null; hi: number | null };
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

const SERVICE_COLUMNS = [
  'id',
  'type',
  'name',
  'description',
  'tag_line',
  'category_id',
  'default_capacity',
  'hidden',
  'rate_type',
  'currency',
  'price_minor',
  'deposit_minor',
  'full_upfront_allowed',
  'custom_price_description',
  'pay_online',
  'pay_in_person',
  'pay_deposit',
  'pay_pricing_plan',
  'online_enabled',
  'require_manual_approval',
  'allow_multiple_requests',
  'schedule_id',
  'session_durations_json',
  'time_between_sessions',
  'policy_id',
  'media_json',
  'locations_json',
  'slug',
  'revision',
  'created_date',
  'updated_date',
] as const;

function writeServiceLinks(db: Db, s: Service): void {
  db.prepare('DELETE FROM service_staff WHERE service_id = ?').run(s.id);
  const addStaff = db.prepare('INSERT INTO service_staff (service_id, staff_id, position) VALUES (?, ?, ?)');
  s.staffMemberIds.forEach((staffId, i) => addStaff.run(s.id, staffId, i));
  db.prepare('DELETE FROM service_pricing_plans WHERE service_id = ?').run(s.id);
  const addPlan = db.prepare('INSERT INTO service_pricing_plans (service_id, plan_id) VALUES (?, ?)');
  for (const planId of s.payment.pricingPlanIds) addPlan.run(s.id, planId);
}

interface VariantsRow {
  id: string;
  service_id: string;
  options_json: string;
  revision: number;
  created_date: string;
  updated_date: string;
}

function rowToVariants(db: Db, row: VariantsRow): ServiceOptionsAndVariants {
  const variants = (
    db.prepare('SELECT * FROM service_variants WHERE options_variants_id = ? ORDER BY position').all(row.id) as {
      id: string;
      choices_json: string;
      price_minor: number;
      currency: string;
    }[]
  ).map((v): ServiceVariant => ({
    id: v.id,
    choices: fromJson(v.choices_json, []),
    price: fromMinor(v.price_minor, v.currency),
  }));
  const prices = variants.map((v) => v.price);
  const minor = (p: { value: string; currency: string }) => minorUnits(p);
  const sorted = [...prices].sort((a, b) => minor(a) - minor(b));
  return {
    id: row.id,
    serviceId: row.service_id,
    options: { values: fromJson<ServiceOption[]>(row.options_json, []) },
    variants: { values: variants },
    ...(sorted.length > 0 ? { minPrice: sorted[0], maxPrice: sorted[sorted.length - 1] } : {}),
    revision: String(row.revision),
  };
}

function writeVariantRows(db: Db, v: ServiceOptionsAndVariants): void {
  db.prepare('DELETE FROM service_variants WHERE options_variants_id = ?').run(v.id);
  const add = db.prepare(
    'INSERT INTO service_variants (id, options_variants_id, position, choices_json, price_minor, currency) VALUES (?, ?, ?, ?, ?, ?)',
  );
  v.variants.values.forEach((variant, i) => {
    add.run(variant.id ?? crypto.randomUUID(), v.id, i, toJson(variant.choices), minorUnits(variant.price), variant.price.currency);
  });
}

export class SqliteCatalogueStore implements CatalogueStore {
  constructor(private readonly x: SqliteExecutor) {}

  listCategories(): Promise<Category[]> {
    return this.x.exec((db) =>
      (db.prepare('SELECT * FROM categories ORDER BY sort_order, name').all() as { id: string; name: string; sort_order: number }[]).map(
        (r) => ({ id: r.id, name: r.name, sortOrder: r.sort_order }),
      ),
    );
  }

  saveCategory(c: Category): Promise<void> {
    return this.x.exec((db) => {
      db.prepare(
        'INSERT INTO categories (id, name, sort_order) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order',
      ).run(c.id, c.name, c.sortOrder ?? 0);
    });
  }

  listServices(): Promise<Service[]> {
    return this.x.exec((db) =>
      (db.prepare(`${SERVICE_SELECT} ORDER BY s.created_date, s.id`).all() as ServiceRow[]).map((r) => rowToService(db, r)),
    );
  }

  getService(id: string): Promise<Service | null> {
    return this.x.exec((db) => {
      const row = db.prepare(`${SERVICE_SELECT} WHERE s.id = ?`).get(id) as ServiceRow | undefined;
      return row ? rowToService(db, row) : null;
    });
  }

  insertService(service: Service): Promise<void> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const params = serviceParams(service);
        db.prepare(`INSERT INTO services (${SERVICE_COLUMNS.join(', ')}) VALUES (${SERVICE_COLUMNS.map((c) => `@${c}`).join(', ')})`).run(
          pick(params, SERVICE_COLUMNS),
        );
        writeServiceLinks(db, service);
      })(),
    );
  }

  updateService(service: Service, expectedRevision: string): Promise<boolean> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const params = pick(serviceParams(service), SERVICE_COLUMNS);
        const sets = SERVICE_COLUMNS.filter((c) => c !== 'id' && c !== 'created_date').map((c) => `${c} = @${c}`);
        const result = db
          .prepare(`UPDATE services SET ${sets.join(', ')} WHERE id = @id AND revision = @expected`)
          .run({ ...params, expected: Number(expectedRevision) });
        if (result.changes === 0) return false;
        writeServiceLinks(db, service);
        return true;
      })(),
    );
  }

  deleteService(id: string): Promise<boolean> {
    return this.x.exec((db) => db.prepare('DELETE FROM services WHERE id = ?').run(id).changes > 0);
  }

  getVariantsByService(serviceId: string): Promise<ServiceOptionsAndVariants | null> {
    return this.x.exec((db) => {
      const row = db.prepare('SELECT * FROM service_options_variants WHERE service_id = ?').get(serviceId) as VariantsRow | undefined;
      return row ? rowToVariants(db, row) : null;
    });
  }

  getVariants(id: string): Promise<ServiceOptionsAndVariants | null> {
    return this.x.exec((db) => {
      const row = db.prepare('SELECT * FROM service_options_variants WHERE id = ?').get(id) as VariantsRow | undefined;
      return row ? rowToVariants(db, row) : null;
    });
  }

  listVariants(): Promise<ServiceOptionsAndVariants[]> {
    return this.x.exec((db) =>
      (db.prepare('SELECT * FROM service_options_variants ORDER BY created_date, id').all() as VariantsRow[]).map((r) =>
        rowToVariants(db, r),
      ),
    );
  }

  insertVariants(v: ServiceOptionsAndVariants): Promise<void> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const now = new Date().toISOString();
        db.prepare(
          'INSERT INTO service_options_variants (id, service_id, options_json, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(v.id, v.serviceId, toJson(v.options.values), Number(v.revision), now, now);
        writeVariantRows(db, v);
      })(),
    );
  }

  updateVariants(v: ServiceOptionsAndVariants, expectedRevision: string): Promise<boolean> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const result = db
          .prepare('UPDATE service_options_variants SET options_json = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?')
          .run(toJson(v.options.values), Number(v.revision), new Date().toISOString(), v.id, Number(expectedRevision));
        if (result.changes === 0) return false;
        writeVariantRows(db, v);
        return true;
      })(),
    );
  }

  deleteVariants(id: string): Promise<boolean> {
    return this.x.exec((db) => db.prepare('DELETE FROM service_options_variants WHERE id = ?').run(id).changes > 0);
  }
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));
}
