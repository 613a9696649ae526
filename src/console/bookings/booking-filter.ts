/**
 * The bookings list's filter as pure rules: read from and written to the address (`#bookings?status=…&q=…`, so a
 * reload or a shared link keeps it), turned into the server's query (filter plus `search`), and checked against a
 * booking that arrives on the live stream, so the list keeps only what matches.
 */
import type { Query } from '../../model/common.js';
import { BOOKING_STATUSES, type Booking, type BookingStatus } from '../../model/booking.js';
import { addDays, browserZone, startOfDay } from '../shared/studio-time.js';

export interface BookingFilter {
  /** Undefined: every status. */
  status: BookingStatus | undefined;
  serviceId: string | undefined;
  staffId: string | undefined;
  /** The studio's calendar days, `YYYY-MM-DD`, both included. */
  from: string | undefined;
  to: string | undefined;
  /** A piece of the customer's name or email. */
  search: string;
}

/** What the list shows with nothing in the address: the requests waiting for an answer. */
export const DEFAULT_STATUS: BookingStatus = 'PENDING';
/** The address's word for "every status" (no `status` means the default, PENDING). */
const ALL = 'all';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const day = (value: string | undefined) => (value && DAY.test(value) ? value : undefined);
const text = (value: string | undefined) => (value ? value.slice(0, 100) : undefined);

/** The filter in an address's settings; anything malformed is left out rather than refused. */
export function filterFromQuery(query: Readonly<Record<string, string>>): BookingFilter {
  const status = query['status'];
  return {
    status: status === ALL ? undefined : (BOOKING_STATUSES.find((s) => s === status) ?? DEFAULT_STATUS),
    serviceId: text(query['service']),
    staffId: text(query['staff']),
    from: day(query['from']),
    to: day(query['to']),
    search: text(query['q']) ?? '',
  };
}

/** The address's settings for a filter: only what differs from the default, so `#bookings` stays `#bookings`. */
export function filterToQuery(f: BookingFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.status !== DEFAULT_STATUS) q['status'] = f.status ?? ALL;
  if (f.serviceId) q['service'] = f.serviceId;
  if (f.staffId) q['staff'] = f.staffId;
  if (f.from) q['from'] = f.from;
  if (f.to) q['to'] = f.to;
  if (f.search.trim()) q['q'] = f.search;
  return q;
}

export function sameFilter(a: BookingFilter, b: BookingFilter): boolean {
  return JSON.stringify(filterToQuery(a)) === JSON.stringify(filterToQuery(b));
}

/** The instant a studio day starts (`YYYY-MM-DD`, DST-safe), as ISO; the browser's zone while the studio's is unknown. */
export function dayStart(date: string, timeZone: string | undefined): string {
  return new Date(startOfDay(date, timeZone ?? browserZone())).toISOString();
}

/** The server's query for a filter: its fields in the query language, the search beside them, earliest first. */
export function serverQuery(f: BookingFilter, timeZone: string | undefined, limit: number, offset: number): Query {
  const filter: Record<string, unknown> = {};
  if (f.status) filter['status'] = f.status;
  if (f.serviceId) filter['bookedEntity.slot.serviceId'] = f.serviceId;
  if (f.staffId) filter['bookedEntity.slot.resource.id'] = f.staffId;
  const start: Record<string, string> = {};
  if (f.from) start['$gte'] = dayStart(f.from, timeZone);
  if (f.to) start['$lt'] = dayStart(addDays(f.to, 1), timeZone);
  if (f.from || f.to) filter['startDate'] = start;
  return {
    filter,
    ...(f.search.trim() ? { search: { expression: f.search.trim() } } : {}),
    sort: [{ fieldName: 'startDate', order: 'ASC' }],
    paging: { limit, offset },
  };
}

/** Whether a booking belongs in the list, apart from its status (a row answered here keeps its place). */
export function matchesBesidesStatus(b: Booking, f: BookingFilter, timeZone: string | undefined): boolean {
  const slot = b.bookedEntity.slot;
  if (f.serviceId && (slot?.serviceId ?? b.bookedEntity.schedule?.serviceId) !== f.serviceId) return false;
  if (f.staffId && slot?.resource?.id !== f.staffId) return false;
  const start = b.startDate ? new Date(b.startDate).toISOString() : undefined;
  if (f.from && (!start || start < dayStart(f.from, timeZone))) return false;
  if (f.to && (!start || start >= dayStart(addDays(f.to, 1), timeZone))) return false;
  const needle = f.search.trim().toLowerCase();
  if (!needle) return true;
  const c = b.contactDetails;
  return [c.firstName, c.lastName, [c.firstName, c.lastName].filter(Boolean).join(' '), c.email].some(
    (t) => t !== undefined && t.toLowerCase().includes(needle),
  );
}
