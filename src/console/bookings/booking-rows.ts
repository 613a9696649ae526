/**
 * Pure rules of the bookings list: which actions a row offers (asked of the lifecycle machine, the same one the
 * server asks before it changes a status), how a live event merges into the list, and how a row reads.
 */
import { snapshotFor } from '../../lifecycle/decide.js';
import type { Booking, BookingStatus } from '../../model/booking.js';

export type RowAction = 'confirm' | 'decline';

/** Confirm and Decline as the lifecycle allows them for this booking's status (a CONFIRMED one may not be declined). */
export function actionsFor(booking: Pick<Booking, 'status' | 'doubleBooked'>): RowAction[] {
  const snapshot = snapshotFor(booking.status, booking.doubleBooked === true);
  const actions: RowAction[] = [];
  if (snapshot.can({ type: 'CONFIRM' })) actions.push('confirm');
  if (snapshot.can({ type: 'DECLINE' })) actions.push('decline');
  return actions;
}

/**
 * `incoming` over what the list holds, keeping the higher revision: a re-read that started before an event may
 * answer after it, and must not undo it (docs/bookings.md, the live stream).
 */
export function upsertIfNewer(list: ReadonlyMap<string, Booking>, incoming: Booking): Map<string, Booking> {
  const known = list.get(incoming.id);
  if (known && Number(known.revision) > Number(incoming.revision)) return new Map(list);
  return new Map(list).set(incoming.id, incoming);
}

/** A read's answer as the new list, keeping what is on screen and newer: an event may have overtaken the read. */
export function mergeRead(answer: Iterable<Booking>, onScreen: ReadonlyMap<string, Booking>): Map<string, Booking> {
  let list = new Map<string, Booking>();
  for (const b of answer) list = upsertIfNewer(list, b);
  for (const b of onScreen.values()) if (list.has(b.id)) list = upsertIfNewer(list, b);
  return list;
}

/**
 * The rows to show: the bookings in `status` (all when undefined), plus those already on screen that changed
 * status since, so a booking confirmed here stays in view as CONFIRMED instead of vanishing under the pointer.
 * Earliest start first: what needs an answer soonest is on top.
 */
export function visibleRows(
  list: ReadonlyMap<string, Booking>,
  status: BookingStatus | undefined,
  onScreen: ReadonlySet<string>,
): Booking[] {
  return [...list.values()]
    .filter((b) => status === undefined || b.status === status || onScreen.has(b.id))
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.id.localeCompare(b.id));
}

export function customerName(booking: Booking): string {
  const c = booking.contactDetails;
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return name || c.email || 'Customer';
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The start in the business's zone, with the zone's short name: staff in another zone must not misread it. */
export function formatStart(booking: Pick<Booking, 'startDate'>, timeZone: string | undefined, locale = 'en-US'): string {
  if (!booking.startDate) return '';
  const key = `${locale}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone, timeZoneName: 'short' });
    } catch {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZoneName: 'short' }); // an unknown zone: the browser's own
    }
    formats.set(key, f);
  }
  return f.format(new Date(booking.startDate));
}
