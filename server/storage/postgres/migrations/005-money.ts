/**
 * Migration 5 in PostgreSQL's dialect: claims that make money calls happen once. Idempotency keys are claimed
 * before the work runs; a checkout and its bookings are claimed before a charge; a booking's refund is claimed
 * before the provider is called; a plan bought with a payment that later failed is canceled. The same step as on
 * SQLite (added columns and one table, no rebuild), its lease and cancel times as `timestamptz`.
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const moneyMigration: Migration = {
  version: 5,
  name: 'idempotency claims, order claims, refund claims, canceled plan orders',
  sql: `
-- A key is CLAIMED while its first request runs, DONE once its answer is stored. Older lines are DONE.
ALTER TABLE idempotency_keys ADD COLUMN state text NOT NULL DEFAULT 'DONE' CHECK (state IN ('CLAIMED', 'DONE'));
ALTER TABLE idempotency_keys ADD COLUMN claim_id text;
ALTER TABLE idempotency_keys ADD COLUMN claimed_until timestamptz;

-- Who is placing an order right now: subject 'checkout:<id>' or 'booking:<id>'. Only the claimant charges.
CREATE TABLE order_claims (
  subject text PRIMARY KEY,
  checkout_id text NOT NULL,
  claim_id text NOT NULL,
  claimed_until timestamptz NOT NULL
);
CREATE INDEX order_claims_claim ON order_claims(claim_id);

-- A booking's refund: CLAIMED while the provider is asked, DONE once it is booked in the order.
ALTER TABLE order_bookings ADD COLUMN refund_state text CHECK (refund_state IS NULL OR refund_state IN ('CLAIMED', 'DONE'));

-- A plan order whose payment failed after it was accepted: canceled, its credits gone.
ALTER TABLE member_plan_orders ADD COLUMN canceled_date timestamptz;
ALTER TABLE member_plan_orders ADD COLUMN cancel_reason text;
`,
};
