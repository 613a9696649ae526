/** Options and variants as rows: the options document, and one row per variant with its price in minor units. */
import type { ServiceOptionsAndVariants, ServiceVariant, ServiceOption } from '../../../src/model/service.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import { fromJson, toJson, type Db } from './database.js';
import { prepared } from './statements.js';

export interface VariantsRow {
  id: string;
  service_id: string;
  options_json: string;
  revision: number;
  created_date: string;
  updated_date: string;
}

export function rowToVariants(db: Db, row: VariantsRow): ServiceOptionsAndVariants {
  const variants = (
    prepared(db, 'SELECT * FROM service_variants WHERE options_variants_id = ? ORDER BY position').all(row.id) as {
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

export function writeVariantRows(db: Db, v: ServiceOptionsAndVariants): void {
  prepared(db, 'DELETE FROM service_variants WHERE options_variants_id = ?').run(v.id);
  const add = prepared(
    db,
    'INSERT INTO service_variants (id, options_variants_id, position, choices_json, price_minor, currency) VALUES (?, ?, ?, ?, ?, ?)',
  );
  v.variants.values.forEach((variant, i) => {
    add.run(variant.id ?? crypto.randomUUID(), v.id, i, toJson(variant.choices), minorUnits(variant.price), variant.price.currency);
  });
}
