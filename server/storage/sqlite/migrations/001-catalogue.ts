/** Migration 1: the business, its catalogue, staff and schedules, contacts, members and plans. */
import type { Migration } from './migration.js';

export const catalogueMigration: Migration = {
  version: 1,
  name: 'catalogue, staff, schedules, contacts, members and plans',
  sql: `
CREATE TABLE business (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  currency TEXT NOT NULL,
  locale TEXT NOT NULL,
  email TEXT
);

CREATE TABLE booking_policies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  policy_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('APPOINTMENT', 'CLASS', 'COURSE')),
  name TEXT NOT NULL,
  description TEXT,
  tag_line TEXT,
  category_id TEXT REFERENCES categories(id),
  default_capacity INTEGER NOT NULL CHECK (default_capacity >= 1),
  hidden INTEGER NOT NULL DEFAULT 0,
  rate_type TEXT NOT NULL CHECK (rate_type IN ('FIXED', 'VARIED', 'NO_FEE', 'CUSTOM')),
  currency TEXT NOT NULL,
  price_minor INTEGER,
  deposit_minor INTEGER,
  full_upfront_allowed INTEGER NOT NULL DEFAULT 1,
  custom_price_description TEXT,
  pay_online INTEGER NOT NULL,
  pay_in_person INTEGER NOT NULL,
  pay_deposit INTEGER NOT NULL,
  pay_pricing_plan INTEGER NOT NULL,
  online_enabled INTEGER NOT NULL,
  require_manual_approval INTEGER NOT NULL,
  allow_multiple_requests INTEGER NOT NULL,
  schedule_id TEXT NOT NULL UNIQUE,
  session_durations_json TEXT NOT NULL,
  time_between_sessions INTEGER NOT NULL DEFAULT 0,
  policy_id TEXT NOT NULL REFERENCES booking_policies(id),
  media_json TEXT,
  locations_json TEXT NOT NULL DEFAULT '[]',
  slug TEXT,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE staff_members (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  schedule_id TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE working_hours (
  staff_id TEXT NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (start_minute < end_minute)
);
CREATE INDEX working_hours_staff ON working_hours(staff_id);

CREATE TABLE service_staff (
  service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (service_id, staff_id)
);
CREATE INDEX service_staff_staff ON service_staff(staff_id);

CREATE TABLE service_options_variants (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL UNIQUE REFERENCES services(id) ON DELETE CASCADE,
  options_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE service_variants (
  id TEXT PRIMARY KEY,
  options_variants_id TEXT NOT NULL REFERENCES service_options_variants(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  choices_json TEXT NOT NULL,
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  currency TEXT NOT NULL
);
CREATE INDEX service_variants_parent ON service_variants(options_variants_id, position);

CREATE TABLE session_rules (
  id TEXT PRIMARY KEY,
  schedule_id TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  title TEXT,
  start_local TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  recurrence_days TEXT,
  until_local TEXT,
  occurrence_count INTEGER,
  staff_id TEXT REFERENCES staff_members(id) ON DELETE SET NULL,
  capacity INTEGER,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);
CREATE INDEX session_rules_service ON session_rules(service_id);
CREATE INDEX session_rules_staff ON session_rules(staff_id);

CREATE TABLE session_exceptions (
  rule_id TEXT NOT NULL REFERENCES session_rules(id) ON DELETE CASCADE,
  local_start TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('CANCELLED')),
  PRIMARY KEY (rule_id, local_start)
);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  email TEXT COLLATE NOCASE,
  first_name TEXT,
  last_name TEXT,
  phone TEXT,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);
CREATE UNIQUE INDEX contacts_email ON contacts(email) WHERE email IS NOT NULL;

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  first_name TEXT,
  last_name TEXT,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);

CREATE TABLE pricing_plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  currency TEXT NOT NULL,
  credits INTEGER,
  duration_days INTEGER NOT NULL CHECK (duration_days > 0),
  created_date TEXT NOT NULL
);

CREATE TABLE service_pricing_plans (
  service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  plan_id TEXT NOT NULL REFERENCES pricing_plans(id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, plan_id)
);

CREATE TABLE member_plan_orders (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES pricing_plans(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  credits_total INTEGER,
  credits_remaining INTEGER CHECK (credits_remaining IS NULL OR credits_remaining >= 0),
  start_date TEXT NOT NULL,
  expiration_date TEXT NOT NULL,
  created_date TEXT NOT NULL
);
CREATE INDEX member_plan_orders_member ON member_plan_orders(member_id);
`,
};
