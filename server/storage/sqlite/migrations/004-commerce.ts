/** Migration 4: checkouts, orders, payments and plan credit uses. Money in integer minor units. */
import type { Migration } from './migration.js';

export const commerceMigration: Migration = {
  version: 4,
  name: 'checkouts, orders, payments and plan credits',
  sql: `
CREATE TABLE checkouts (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  checkout_json TEXT NOT NULL,
  order_id TEXT,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  checkout_id TEXT NOT NULL UNIQUE REFERENCES checkouts(id),
  scope TEXT NOT NULL,
  status TEXT NOT NULL,
  payment_status TEXT NOT NULL,
  currency TEXT NOT NULL,
  total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
  paid_minor INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
  order_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE order_bookings (
  booking_id TEXT PRIMARY KEY REFERENCES bookings(id),
  order_id TEXT NOT NULL REFERENCES orders(id),
  payment_option TEXT NOT NULL,
  price_minor INTEGER NOT NULL,
  pay_now_minor INTEGER NOT NULL
);
CREATE INDEX order_bookings_order ON order_bookings(order_id);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  order_id TEXT REFERENCES orders(id),
  plan_order_id TEXT REFERENCES member_plan_orders(id),
  kind TEXT NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
  provider TEXT NOT NULL,
  provider_ref TEXT,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  currency TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('SUCCEEDED', 'PENDING', 'FAILED')),
  reason TEXT,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);
CREATE INDEX payments_order ON payments(order_id);
CREATE INDEX payments_provider_ref ON payments(provider, provider_ref);

CREATE TABLE plan_credit_uses (
  booking_id TEXT PRIMARY KEY REFERENCES bookings(id),
  plan_order_id TEXT NOT NULL REFERENCES member_plan_orders(id),
  credits INTEGER NOT NULL CHECK (credits > 0),
  used_date TEXT NOT NULL,
  returned_date TEXT
);
`,
};
