/**
 * What blocks time and spots, read from storage: bookings (PENDING and CONFIRMED block; PENDING not when the
 * booking's service allows multiple requests) and the class and course sessions a staff member teaches.
 */
import type { BookingStatus } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import type { BookingOccupancy, Storage } from '../../storage/types.js';
import { expandRules, occurrenceKey } from './sessions.js';
import type { Interval } from './appointments.js';
import { DAY_MS, utcText } from './time.js';

export const BLOCKING: readonly BookingStatus[] = ['PENDING', 'CONFIRMED'];

/** Whether `booking` takes its spot, given whether its service allows multiple requests. */
export function blocks(booking: Pick<BookingOccupancy, 'status'>, allowMultipleRequests: boolean): boolean {
  return booking.status === 'CONFIRMED' || (booking.status === 'PENDING' && !allowMultipleRequests);
}

/** Services by id, for the PENDING rule of bookings of other services. */
export async function serviceFlags(storage: Storage, known: readonly Service[] = []): Promise<Map<string, boolean>> {
  const map = new Map<string, boolean>();
  for (const s of await storage.catalogue.listServices()) map.set(s.id, s.onlineBooking.allowMultipleRequests);
  for (const s of known) map.set(s.id, s.onlineBooking.allowMultipleRequests);
  return map;
}

/**
 * Busy intervals per staff member overlapping [fromMs, toMs): their blocking bookings of any service and the
 * sessions they teach (not cancelled). The booking read starts a day early: no appointment is longer than a day.
 */
export async function staffBusy(
  storage: Storage,
  staffIds: readonly string[],
  fromMs: number,
  toMs: number,
  options: { excludeBookingId?: string; services?: readonly Service[] } = {},
): Promise<Map<string, Interval[]>> {
  const busy = new Map<string, Interval[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return busy;
  const flags = await serviceFlags(storage, options.services);
  const bookings = await storage.occupancy.listOccupying({
    statuses: BLOCKING,
    fromUtc: utcText(fromMs - DAY_MS),
    toUtc: utcText(toMs + DAY_MS),
    startsFromUtc: utcText(fromMs - 2 * DAY_MS),
    resourceIds: [...staffIds],
  });
  for (const b of bookings) {
    if (b.id === options.excludeBookingId || !b.resourceId || !blocks(b, flags.get(b.serviceId) ?? false)) continue;
    busy.get(b.resourceId)?.push({ startMs: Date.parse(b.startUtc), endMs: Date.parse(b.endUtc) });
  }
  const business = await storage.business.get();
  if (!business) return busy;
  const staffSet = new Set(staffIds);
  const rules = (await storage.schedules.listRules()).filter((r) => r.staffMemberId !== undefined && staffSet.has(r.staffMemberId));
  if (rules.length === 0) return busy;
  const cancelled = new Set(
    (await storage.schedules.listCancelledOccurrences(rules.map((r) => r.id))).map((c) => occurrenceKey(c.ruleId, c.localStart)),
  );
  const staffOf = new Map(rules.map((r) => [r.id, r.staffMemberId as string]));
  for (const o of expandRules(rules, business.timeZone, fromMs - DAY_MS, toMs + DAY_MS)) {
    if (cancelled.has(occurrenceKey(o.ruleId, o.localStart))) continue;
    busy.get(staffOf.get(o.ruleId) ?? '')?.push({ startMs: o.startMs, endMs: o.endMs });
  }
  for (const list of busy.values()) list.sort((a, b) => a.startMs - b.startMs);
  return busy;
}

export interface SpotCount {
  /** Participants of blocking bookings. */
  taken: number;
  /** Participants on the waiting list. */
  waiting: number;
}

/** Spots taken per key (event id or schedule id) by the bookings given. */
export function countSpots(
  bookings: readonly BookingOccupancy[],
  keyOf: (b: BookingOccupancy) => string | null,
  flags: ReadonlyMap<string, boolean>,
  excludeBookingId?: string,
): Map<string, SpotCount> {
  const out = new Map<string, SpotCount>();
  for (const b of bookings) {
    const key = keyOf(b);
    if (key === null || b.id === excludeBookingId) continue;
    const entry = out.get(key) ?? { taken: 0, waiting: 0 };
    if (b.status === 'WAITING_LIST') entry.waiting += b.participants;
    else if (blocks(b, flags.get(b.serviceId) ?? false)) entry.taken += b.participants;
    out.set(key, entry);
  }
  return out;
}

export const SPOT_STATUSES: readonly BookingStatus[] = ['PENDING', 'CONFIRMED', 'WAITING_LIST'];
