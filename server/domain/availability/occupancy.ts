/**
 * What blocks time and spots, read from storage: bookings (PENDING and CONFIRMED block; PENDING not when the
 * booking's service allows multiple requests) and the class and course sessions a staff member teaches.
 */
import type { BookingStatus } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import type { BookingOccupancy, Storage } from '../../storage/types.js';
import { expandRules, occurrenceKey } from './sessions.js';
import { applyMoves } from './session-moves.js';
import type { Interval } from './appointments.js';
import { DAY_MS, utcText } from './time.js';
import { setupOf } from './setup-facts.js';
import { timeOffIntervals } from './time-off.js';

export const BLOCKING: readonly BookingStatus[] = ['PENDING', 'CONFIRMED'];

/** Whether `booking` takes its spot, given whether its service allows multiple requests. */
export function blocks(booking: Pick<BookingOccupancy, 'status'>, allowMultipleRequests: boolean): boolean {
  return booking.status === 'CONFIRMED' || (booking.status === 'PENDING' && !allowMultipleRequests);
}

/**
 * Whether each of `serviceIds` allows multiple requests (its PENDING bookings then do not block), from the
 * services already at hand, reading only the others (one by one: they are few, and a deleted one counts as false).
 */
export async function serviceFlags(
  storage: Storage,
  serviceIds: Iterable<string>,
  known: readonly Service[] = [],
): Promise<Map<string, boolean>> {
  const map = new Map<string, boolean>(known.map((s) => [s.id, s.onlineBooking.allowMultipleRequests]));
  for (const id of serviceIds) {
    if (map.has(id)) continue;
    map.set(id, (await storage.catalogue.getService(id))?.onlineBooking.allowMultipleRequests ?? false);
  }
  return map;
}

/**
 * Busy intervals per staff member overlapping [fromMs, toMs): their blocking bookings of any service and the
 * sessions they teach (not cancelled). The booking read starts a day early: no appointment is longer than a day.
 * Bookings come from the counts kept per distinct busy time; excluding one booking (a reschedule) needs the rows.
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
  const setup = setupOf(storage);
  if (options.excludeBookingId === undefined) {
    const times = await storage.occupancy.busyTimes({
      statuses: BLOCKING,
      fromMs: fromMs - DAY_MS,
      toMs: toMs + DAY_MS,
      startsFromMs: fromMs - 2 * DAY_MS,
      resourceIds: [...staffIds],
      pendingFreeServiceIds: await setup.pendingFree(),
    });
    for (const [id, list] of times) busy.get(id)?.push(...list);
  } else {
    await excludingOne(storage, busy, fromMs, toMs, options.excludeBookingId, options.services);
  }
  const zone = await setup.zoneOrNull();
  if (zone === null) return busy;
  const timeOff = await setup.timeOff();
  for (const [id, list] of busy) list.push(...timeOffIntervals(timeOff.get(id) ?? [], zone, fromMs - DAY_MS, toMs + DAY_MS));
  const { rules, ruleById, cancelled, moves } = await setup.taught(staffIds);
  if (rules.length === 0) return sortBusy(busy);
  const staffOf = new Map(rules.map((r) => [r.id, r.staffMemberId as string]));
  const [from, to] = [fromMs - DAY_MS, toMs + DAY_MS];
  for (const o of applyMoves(expandRules(rules, zone, from, to), moves, ruleById, zone, from, to)) {
    if (cancelled.has(occurrenceKey(o.ruleId, o.localStart))) continue;
    busy.get(staffOf.get(o.ruleId) ?? '')?.push({ startMs: o.startMs, endMs: o.endMs });
  }
  return sortBusy(busy);
}

function sortBusy(busy: Map<string, Interval[]>): Map<string, Interval[]> {
  for (const list of busy.values()) list.sort((a, b) => a.startMs - b.startMs);
  return busy;
}

/** Blocking bookings of the staff in `busy`, but one: read row by row (the counts cannot leave a booking out). */
async function excludingOne(
  storage: Storage,
  busy: Map<string, Interval[]>,
  fromMs: number,
  toMs: number,
  excludeBookingId: string,
  services: readonly Service[] = [],
): Promise<void> {
  const bookings = await storage.occupancy.listBusy({
    statuses: BLOCKING,
    fromUtc: utcText(fromMs - DAY_MS),
    toUtc: utcText(toMs + DAY_MS),
    startsFromUtc: utcText(fromMs - 2 * DAY_MS),
    resourceIds: [...busy.keys()],
    excludeBookingId,
  });
  // Only a PENDING booking's service matters (CONFIRMED always blocks).
  const flags = await serviceFlags(storage, new Set(bookings.filter((b) => b.status === 'PENDING').map((b) => b.serviceId)), services);
  for (const b of bookings) {
    if (!blocks(b, flags.get(b.serviceId) ?? false)) continue;
    busy.get(b.resourceId)?.push({ startMs: Date.parse(b.startUtc), endMs: Date.parse(b.endUtc) });
  }
}

export interface SpotCount {
  /** Participants of blocking bookings. */
  taken: number;
  /** Participants on the waiting list. */
  waiting: number;
}

/**
 * Spots taken per key (event id or schedule id), from participants summed in SQL per key, service and status:
 * the read returns a few rows per session, however many bookings it has.
 */
export async function countSpots(
  storage: Storage,
  filter: Parameters<Storage['occupancy']['countParticipants']>[0],
  known: readonly Service[] = [],
): Promise<Map<string, SpotCount>> {
  const counts = await storage.occupancy.countParticipants(filter);
  const flags = await serviceFlags(storage, new Set(counts.filter((c) => c.status === 'PENDING').map((c) => c.serviceId)), known);
  const out = new Map<string, SpotCount>();
  for (const c of counts) {
    const entry = out.get(c.key) ?? { taken: 0, waiting: 0 };
    if (c.status === 'WAITING_LIST') entry.waiting += c.participants;
    else if (blocks(c, flags.get(c.serviceId) ?? false)) entry.taken += c.participants;
    out.set(c.key, entry);
  }
  return out;
}

export const SPOT_STATUSES: readonly BookingStatus[] = ['PENDING', 'CONFIRMED', 'WAITING_LIST'];
