/**
 * Column conversions between PostgreSQL's types and the model's JSON shapes, the same everywhere: `pg` answers
 * `timestamptz` as a Date, `bigint` (money in minor units, identities) as a string, and `jsonb` parsed.
 */

/** A timestamptz as the model's RFC 3339 UTC text (`2026-12-01T18:00:00.000Z`). */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** `iso` for a nullable column. */
export const isoOrNull = (value: Date | string | null | undefined): string | null => (value == null ? null : iso(value));

/** A bigint or integer column as a number (money in minor units stays far below 2^53). */
export const num = (value: string | number): number => Number(value);

/** A value for a jsonb parameter: always text, never `undefined` (pg would turn a JS array into a SQL array). */
export const json = (value: unknown): string => JSON.stringify(value ?? null);
