/**
 * Versioned schema migrations for SQLite. Each runs once, in order, inside a transaction, and is recorded in
 * `schema_migrations`. Never edit a released migration: add the next one. Money columns are integer minor units.
 */
import { commerceMigration } from './commerce-migration.js';
import { moneyMigration } from './migration-005-money.js';
import { doorsMigration } from './migration-006-doors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
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
  },
  {
    version: 2,
    name: 'bookings',
    sql: `
CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES services(id),
  schedule_id TEXT NOT NULL,
  event_id TEXT,
  resource_id TEXT,
  start_utc TEXT NOT NULL,
  end_utc TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('CREATED', 'CONFIRMED', 'CANCELED', 'PENDING', 'DECLINED', 'WAITING_LIST')),
  payment_status TEXT NOT NULL,
  participants INTEGER NOT NULL CHECK (participants >= 1),
  double_booked INTEGER NOT NULL DEFAULT 0,
  skip_availability INTEGER NOT NULL DEFAULT 0,
  visitor_id TEXT,
  member_id TEXT,
  contact_id TEXT,
  booking_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);
-- What availability asks: the blocking bookings of a service, an event or a staff member in a time range.
CREATE INDEX bookings_event ON bookings(event_id, status) WHERE event_id IS NOT NULL;
CREATE INDEX bookings_resource_time ON bookings(resource_id, start_utc, end_utc) WHERE resource_id IS NOT NULL;
CREATE INDEX bookings_service_time ON bookings(service_id, start_utc);
CREATE INDEX bookings_visitor ON bookings(visitor_id) WHERE visitor_id IS NOT NULL;
CREATE INDEX bookings_member ON bookings(member_id) WHERE member_id IS NOT NULL;
`,
  },
  {
    version: 3,
    name: 'tokens, booking history, idempotency keys, owner notifications, anonymous booking tokens',
    sql: `
-- Visitor and member tokens, stored only as sha256 hashes. One session = one access + one refresh token line.
CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('visitor', 'member')),
  subject_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  client_id TEXT,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  created_date TEXT NOT NULL
);
CREATE INDEX auth_tokens_session ON auth_tokens(session_id);
CREATE INDEX auth_tokens_expiry ON auth_tokens(expires_at);

-- Every change of a booking, with the whole booking as it became: nothing is silently overwritten.
CREATE TABLE booking_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  changed_date TEXT NOT NULL,
  booking_json TEXT NOT NULL,
  UNIQUE (booking_id, revision)
);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_date TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys(expires_at);

CREATE TABLE owner_notifications (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  booking_id TEXT REFERENCES bookings(id),
  message TEXT NOT NULL,
  data_json TEXT NOT NULL,
  created_date TEXT NOT NULL
);
CREATE INDEX owner_notifications_created ON owner_notifications(created_date);

-- Anonymous access tokens of bookings (GET /v1/anonymous-bookings/{bookingId}/token), stored hashed.
CREATE TABLE booking_access_tokens (
  token_hash TEXT PRIMARY KEY,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  created_date TEXT NOT NULL
);

-- Waitlists and sessions: the bookings of one class session in arrival order.
CREATE INDEX bookings_event_created ON bookings(event_id, created_date) WHERE event_id IS NOT NULL;
CREATE INDEX bookings_schedule ON bookings(schedule_id, status);
`,
  },
  commerceMigration,
  moneyMigration,
  doorsMigration,
];
