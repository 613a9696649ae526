/**
 * Migration 1 in PostgreSQL's dialect: the business, its catalogue, staff and schedules, contacts, members and
 * plans. The same tables and columns as SQLite's migration 1, with PostgreSQL types: flags SQLite keeps as 0/1 are
 * `boolean`, JSON text is `jsonb`, instants kept as ISO text are `timestamptz`, money is `bigint` minor units.
 * Local date-times without an offset (session rules' `start_local`, `until_local`, exceptions' `local_start`) stay
 * `text`: they are wall-clock times in the business's zone, read back exactly as written.
 * SQLite's `COLLATE NOCASE` emails are `citext` (a trusted extension since PostgreSQL 13: the database's owner may
 * create it), so `email = $1` and the unique indexes ignore case as they do on SQLite.
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const catalogueMigration: Migration = {
  version: 1,
  name: 'catalogue, staff, schedules, contacts, members and plans',
  sql: `
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE business (
  id text PRIMARY KEY,
  name text NOT NULL,
  time_zone text NOT NULL,
  currency text NOT NULL,
  locale text NOT NULL,
  email text
);

CREATE TABLE booking_policies (
  id text PRIMARY KEY,
  name text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  policy_json jsonb NOT NULL,
  revision integer NOT NULL,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);

CREATE TABLE categories (
  id text PRIMARY KEY,
  name text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE services (
  id text PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('APPOINTMENT', 'CLASS', 'COURSE')),
  name text NOT NULL,
  description text,
  tag_line text,
  category_id text REFERENCES categories(id),
  default_capacity integer NOT NULL CHECK (default_capacity >= 1),
  hidden boolean NOT NULL DEFAULT false,
  rate_type text NOT NULL CHECK (rate_type IN ('FIXED', 'VARIED', 'NO_FEE', 'CUSTOM')),
  currency text NOT NULL,
  price_minor bigint,
  deposit_minor bigint,
  full_upfront_allowed boolean NOT NULL DEFAULT true,
  custom_price_description text,
  pay_online boolean NOT NULL,
  pay_in_person boolean NOT NULL,
  pay_deposit boolean NOT NULL,
  pay_pricing_plan boolean NOT NULL,
  online_enabled boolean NOT NULL,
  require_manual_approval boolean NOT NULL,
  allow_multiple_requests boolean NOT NULL,
  schedule_id text NOT NULL UNIQUE,
  session_durations_json jsonb NOT NULL,
  time_between_sessions integer NOT NULL DEFAULT 0,
  policy_id text NOT NULL REFERENCES booking_policies(id),
  media_json jsonb,
  locations_json jsonb NOT NULL DEFAULT '[]',
  slug text,
  revision integer NOT NULL,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);

CREATE TABLE staff_members (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text,
  schedule_id text NOT NULL UNIQUE,
  revision integer NOT NULL,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);

CREATE TABLE working_hours (
  staff_id text NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (start_minute < end_minute)
);
CREATE INDEX working_hours_staff ON working_hours(staff_id);

CREATE TABLE service_staff (
  service_id text NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  staff_id text NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
  position integer NOT NULL,
  PRIMARY KEY (service_id, staff_id)
);
CREATE INDEX service_staff_staff ON service_staff(staff_id);

CREATE TABLE service_options_variants (
  id text PRIMARY KEY,
  service_id text NOT NULL UNIQUE REFERENCES services(id) ON DELETE CASCADE,
  options_json jsonb NOT NULL,
  revision integer NOT NULL,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);

CREATE TABLE service_variants (
  id text PRIMARY KEY,
  options_variants_id text NOT NULL REFERENCES service_options_variants(id) ON DELETE CASCADE,
  position integer NOT NULL,
  choices_json jsonb NOT NULL,
  price_minor bigint NOT NULL CHECK (price_minor >= 0),
  currency text NOT NULL
);
CREATE INDEX service_variants_parent ON service_variants(options_variants_id, position);

-- start_local and until_local are local date-times (YYYY-MM-DDTHH:mm:ss, no offset): text, as on SQLite.
-- recurrence_days is a comma-separated list of weekdays (MO,WE,...), not JSON: text.
CREATE TABLE session_rules (
  id text PRIMARY KEY,
  schedule_id text NOT NULL,
  service_id text NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  title text,
  start_local text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  recurrence_days text,
  until_local text,
  occurrence_count integer,
  staff_id text REFERENCES staff_members(id) ON DELETE SET NULL,
  capacity integer,
  revision integer NOT NULL,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);
CREATE INDEX session_rules_service ON session_rules(service_id);
CREATE INDEX session_rules_staff ON session_rules(staff_id);

-- local_start is the cancelled occurrence's local date-time, matched as text: text.
CREATE TABLE session_exceptions (
  rule_id text NOT NULL REFERENCES session_rules(id) ON DELETE CASCADE,
  local_start text NOT NULL,
  status text NOT NULL CHECK (status IN ('CANCELLED')),
  PRIMARY KEY (rule_id, local_start)
);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  email citext,
  first_name text,
  last_name text,
  phone text,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);
CREATE UNIQUE INDEX contacts_email ON contacts(email) WHERE email IS NOT NULL;

CREATE TABLE members (
  id text PRIMARY KEY,
  contact_id text NOT NULL REFERENCES contacts(id),
  email citext NOT NULL UNIQUE,
  password_hash text NOT NULL,
  first_name text,
  last_name text,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL
);

CREATE TABLE pricing_plans (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text,
  price_minor bigint NOT NULL CHECK (price_minor >= 0),
  currency text NOT NULL,
  credits integer,
  duration_days integer NOT NULL CHECK (duration_days > 0),
  created_date timestamptz NOT NULL
);

CREATE TABLE service_pricing_plans (
  service_id text NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  plan_id text NOT NULL REFERENCES pricing_plans(id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, plan_id)
);

-- start_date and expiration_date are instants (the plan service writes toISOString()): timestamptz.
CREATE TABLE member_plan_orders (
  id text PRIMARY KEY,
  plan_id text NOT NULL REFERENCES pricing_plans(id),
  member_id text NOT NULL REFERENCES members(id),
  credits_total integer,
  credits_remaining integer CHECK (credits_remaining IS NULL OR credits_remaining >= 0),
  start_date timestamptz NOT NULL,
  expiration_date timestamptz NOT NULL,
  created_date timestamptz NOT NULL
);
CREATE INDEX member_plan_orders_member ON member_plan_orders(member_id);
`,
};
