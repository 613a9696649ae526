/**
 * The customers queries, written once for both backends: `p()` yields the next placeholder (`?` on SQLite, `$n` on
 * PostgreSQL), `emailText` reads the email column as text (citext on PostgreSQL). The list reads one page of
 * contacts (an EXISTS on `bookings_contact` per contact), then counts only that page's bookings: no query reads
 * every booking.
 */
import type { Customer } from '../../src/model/customer.js';
import type { BookingScope, CustomerListQuery } from './customer-types.js';

export interface Dialect {
  emailText: string;
}

/** What the queries bind: text and numbers only, which both drivers take. */
export type SqlValue = string | number;

export interface Statement {
  sql: string;
  params: SqlValue[];
}

const LIVE = `b.status NOT IN ('CANCELED', 'DECLINED')`;

class Params {
  readonly values: SqlValue[] = [];
  constructor(private readonly placeholder: (n: number) => string) {}
  p(value: SqlValue): string {
    this.values.push(value);
    return this.placeholder(this.values.length);
  }
}

/** The bookings (alias `b`) a STAFF account sees, as domain/bookings/staff-access.ts decides it. */
function scopeSql(scope: BookingScope | undefined, ps: Params): string {
  if (!scope) return '1 = 1';
  const parts = [`b.resource_id = ${ps.p(scope.staffMemberId)}`];
  const prefixes = scope.eventIdPrefixes.map((prefix) => `substr(b.event_id, 1, ${prefix.length}) = ${ps.p(prefix)}`);
  if (prefixes.length) parts.push(`(b.resource_id IS NULL AND (${prefixes.join(' OR ')}))`);
  if (scope.courseScheduleIds.length) {
    const ids = scope.courseScheduleIds.map((id) => ps.p(id)).join(', ');
    parts.push(`(b.resource_id IS NULL AND b.event_id IS NULL AND b.schedule_id IN (${ids}))`);
  }
  return `(${parts.join(' OR ')})`;
}

/** `%term%` for LIKE, with the wildcards in the term taken literally. */
const likeTerm = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function customerWhere(d: Dialect, ps: Params, scope: BookingScope | undefined, search: string | undefined): string {
  const booked = `EXISTS (SELECT 1 FROM bookings b WHERE b.contact_id = c.id AND ${scopeSql(scope, ps)})`;
  // STAFF sees the customers in its own bookings; the owner also members who never booked.
  const who = scope ? booked : `(${booked} OR EXISTS (SELECT 1 FROM members m WHERE m.contact_id = c.id))`;
  if (!search) return who;
  const term = likeTerm(search);
  const name = `lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))`;
  return `${who} AND (${name} LIKE ${ps.p(term)} ESCAPE '\\' OR lower(coalesce(${d.emailText}, '')) LIKE ${ps.p(term)} ESCAPE '\\')`;
}

const CONTACT_COLUMNS = (d: Dialect) =>
  `c.id, ${d.emailText} AS email, c.first_name, c.last_name, c.phone,
   (SELECT m.id FROM members m WHERE m.contact_id = c.id ORDER BY m.created_date LIMIT 1) AS member_id`;

export function listContactsSql(d: Dialect, placeholder: (n: number) => string, q: CustomerListQuery): Statement {
  const ps = new Params(placeholder);
  const where = customerWhere(d, ps, q.scope, q.search);
  const sql = `SELECT ${CONTACT_COLUMNS(d)} FROM contacts c WHERE ${where}
    ORDER BY lower(coalesce(c.first_name, '')), lower(coalesce(c.last_name, '')), c.id
    LIMIT ${ps.p(q.limit)} OFFSET ${ps.p(q.offset)}`;
  return { sql, params: ps.values };
}

export function getContactSql(d: Dialect, placeholder: (n: number) => string, id: string, scope: BookingScope | undefined): Statement {
  const ps = new Params(placeholder);
  const idParam = ps.p(id);
  const sql = `SELECT ${CONTACT_COLUMNS(d)} FROM contacts c WHERE c.id = ${idParam} AND ${customerWhere(d, ps, scope, undefined)}`;
  return { sql, params: ps.values };
}

/** Counts and the next and last starts of the given contacts' bookings, in scope. */
export function bookingStatsSql(
  placeholder: (n: number) => string,
  contactIds: string[],
  now: string,
  scope: BookingScope | undefined,
): Statement {
  const ps = new Params(placeholder);
  const nowA = ps.p(now);
  const nowB = ps.p(now);
  const ids = contactIds.map((id) => ps.p(id)).join(', ');
  const sql = `SELECT b.contact_id, COUNT(*) AS bookings_count,
      MIN(CASE WHEN b.start_utc >= ${nowA} AND ${LIVE} THEN b.start_utc END) AS next_start,
      MAX(CASE WHEN b.start_utc < ${nowB} AND ${LIVE} THEN b.start_utc END) AS last_start
    FROM bookings b WHERE b.contact_id IN (${ids}) AND ${scopeSql(scope, ps)} GROUP BY b.contact_id`;
  return { sql, params: ps.values };
}

export function bookingIdsSql(
  placeholder: (n: number) => string,
  contactId: string,
  limit: number,
  scope: BookingScope | undefined,
): Statement {
  const ps = new Params(placeholder);
  const sql = `SELECT b.id FROM bookings b WHERE b.contact_id = ${ps.p(contactId)} AND ${scopeSql(scope, ps)}
    ORDER BY b.start_utc DESC, b.id LIMIT ${ps.p(limit)}`;
  return { sql, params: ps.values };
}

export interface ContactRowData {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  member_id: string | null;
}

export interface StatsRowData {
  contact_id: string;
  bookings_count: number | string;
  next_start: string | Date | null;
  last_start: string | Date | null;
}

/** Contacts and their stats as customers; `iso` turns a backend's instant into RFC 3339 text. */
export function toCustomers(contacts: ContactRowData[], stats: StatsRowData[], iso: (v: string | Date) => string): Customer[] {
  const byContact = new Map(stats.map((s) => [s.contact_id, s]));
  return contacts.map((c) => {
    const s = byContact.get(c.id);
    return {
      id: c.id,
      ...(c.first_name ? { firstName: c.first_name } : {}),
      ...(c.last_name ? { lastName: c.last_name } : {}),
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.member_id ? { memberId: c.member_id } : {}),
      bookingsCount: s ? Number(s.bookings_count) : 0,
      ...(s?.next_start ? { nextBookingStart: iso(s.next_start) } : {}),
      ...(s?.last_start ? { lastBookingStart: iso(s.last_start) } : {}),
    };
  });
}
