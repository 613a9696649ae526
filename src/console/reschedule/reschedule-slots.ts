/**
 * The reschedule picker's rules, pure: which day to open on, what to ask availability for, and the choices a
 * day's time slots make for this booking (the same staff for an appointment, the current time marked, a full
 * slot offered only with the owner's override), each with the `slot` that `rescheduleBooking` takes.
 */
import type { Booking, BookedSlot } from '../../model/booking.js';
import type { TimeSlot } from '../../model/availability.js';
import { browserZone, localParts } from '../shared/studio-time.js';

export interface SlotChoice {
  key: string;
  /** "10:00 AM" in the studio's zone (availability answers local times in it). */
  label: string;
  full: boolean;
  current: boolean;
  slot: BookedSlot;
}

/** The booking's day (or today's) in the studio's zone, as `YYYY-MM-DD`. */
export function dayOf(iso: string | undefined, timeZone: string | undefined, now = new Date()): string {
  return localParts((iso ? new Date(iso) : now).getTime(), timeZone ?? browserZone()).day;
}

/** The booking's length, so an appointment keeps its duration when it moves. */
export function durationMinutes(booking: Booking): number | undefined {
  if (!booking.startDate || !booking.endDate) return undefined;
  return Math.round((Date.parse(booking.endDate) - Date.parse(booking.startDate)) / 60_000);
}

const clock = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** A local `YYYY-MM-DDTHH:mm:ss` as "10:00 AM" (read as UTC so the browser's own zone cannot shift it). */
export const localTime = (local: string): string => clock.format(new Date(`${local.slice(0, 19)}Z`));

export function choicesFor(booking: Booking, slots: readonly TimeSlot[], staffId: string | undefined, timeZone: string): SlotChoice[] {
  const mine = booking.bookedEntity.slot;
  const choices: SlotChoice[] = [];
  for (const s of slots) {
    if (s.eventInfo) {
      const current = s.eventInfo.eventId === mine?.eventId;
      const full = s.nonBookableReasons.noRemainingCapacity || s.remainingCapacity < 1;
      if (s.nonBookableReasons.eventCancelled) continue;
      const slot: BookedSlot = { serviceId: s.serviceId, scheduleId: s.scheduleId, eventId: s.eventInfo.eventId };
      choices.push({ key: s.eventInfo.eventId, label: localTime(s.localStartDate), full, current, slot });
      continue;
    }
    const staff = s.availableResources.flatMap((r) => r.resources);
    const person = staffId ? staff.find((r) => r.id === staffId) : staff[0];
    if (!person) continue;
    const current = mine?.startDate === s.localStartDate && mine.resource?.id === person.id;
    const slot: BookedSlot = {
      serviceId: s.serviceId,
      scheduleId: s.scheduleId,
      startDate: s.localStartDate,
      endDate: s.localEndDate,
      timezone: timeZone,
      resource: { id: person.id, name: person.name },
    };
    choices.push({ key: `${s.localStartDate}|${person.id}`, label: localTime(s.localStartDate), full: false, current, slot });
  }
  return choices;
}

/** The staff members the day's appointment slots name, the booking's own first. */
export function staffOf(booking: Booking, slots: readonly TimeSlot[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  const own = booking.bookedEntity.slot?.resource;
  if (own) seen.set(own.id, own.name ?? own.id);
  for (const s of slots) for (const r of s.availableResources.flatMap((t) => t.resources)) if (!seen.has(r.id)) seen.set(r.id, r.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}
