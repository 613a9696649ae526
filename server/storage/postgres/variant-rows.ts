/**
 * Options and variants as rows in PostgreSQL: the options document, and one row per variant with its price in
 * minor units. One statement reads a document whole (its variants aggregated in position order).
 */
import type { ServiceOptionsAndVariants, ServiceVariant, ServiceOption, ServiceChoice } from '../../../src/model/service.js';
import { fromMinor, minorUnits } from '../../../src/money/index.js';
import type { PostgresExecutor } from './executor.js';
import { json } from './rows.js';

export interface VariantsRow {
  id: string;
  service_id: string;
  options_json: ServiceOption[] | null;
  revision: number;
  variant_rows: { id: string; choices: ServiceChoice[] | null; minor: number; currency: string }[];
}

/** Every options-and-variants column with its variants; add `WHERE` / `ORDER BY` after it. */
export const VARIANTS_SELECT = `
  SELECT o.id, o.service_id, o.options_json, o.revision,
         COALESCE((SELECT json_agg(json_build_object('id', v.id, 'choices', v.choices_json, 'minor', v.price_minor, 'currency', v.currency)
                                   ORDER BY v.position)
                   FROM service_variants v WHERE v.options_variants_id = o.id), '[]'::json) AS variant_rows
  FROM service_options_variants o`;

export function rowToVariants(row: VariantsRow): ServiceOptionsAndVariants {
  const variants = row.variant_rows.map((v): ServiceVariant => ({
    id: v.id,
    choices: v.choices ?? [],
    price: fromMinor(Number(v.minor), v.currency),
  }));
  const prices = variants.map((v) => v.price);
  const minor = (p: { value: string; currency: string }) => minorUnits(p);
  const sorted = [...prices].sort((a, b) => minor(a) - minor(b));
  return {
    id: row.id,
    serviceId: row.service_id,
    options: { values: row.options_json ?? [] },
    variants: { values: variants },
    ...(sorted.length > 0 ? { minPrice: sorted[0], maxPrice: sorted[sorted.length - 1] } : {}),
    revision: String(row.revision),
  };
}

export async function writeVariantRows(x: PostgresExecutor, v: ServiceOptionsAndVariants): Promise<void> {
  await x.query('DELETE FROM service_variants WHERE options_variants_id = $1', [v.id]);
  // One statement per variant, in order, as SQLite's twin: a duplicate id fails the same way on both.
  for (const [i, variant] of v.variants.values.entries()) {
    await x.query(
      'INSERT INTO service_variants (id, options_variants_id, position, choices_json, price_minor, currency) VALUES ($1, $2, $3, $4, $5, $6)',
      [variant.id ?? crypto.randomUUID(), v.id, i, json(variant.choices), minorUnits(variant.price), variant.price.currency],
    );
  }
}
