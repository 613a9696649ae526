/**
 * Appointment slots (pure): each staff member's working hours, in the business's zone, cut into slots of the
 * chosen duration plus the time between sessions, minus what that staff member is busy with.
 *
 * Slots follow the wall clock from the start of each working interval: a slot whose local start does not exist
 * (DST gap) is skipped; an ambiguous start means the earlier instant (one slot, never two); every slot lasts the
 * duration in real time and ends inside the working interval; slots of one person never overlap.
 */
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type WorkingHours } from '../../../src/model/business.js';
import { dayClock, minuteOfDay, MINUTE_MS } from './time.js';

export interface Interval {
  startMs: number;
  endMs: number;
}

export interface StaffHours {
  id: string;
  name: string;
  workingHours: readonly WorkingHours[];
}

export interface SlotGrid {
  zone: string;
  fromMs: number;
  toMs: number;
  durationMinutes: number;
  /** Minutes kept free between two sessions of one person. */
  gapMinutes: number;
}

/** Candidate slots of one staff member starting in [fromMs, toMs), ignoring bookings. Sorted by start. */
export function workingSlots(staff: StaffHours, grid: SlotGrid, clocks = new Map<string, ReturnType<typeof dayClock>>()): Interval[] {
  const durationMs = grid.durationMinutes * MINUTE_MS;
  const gapMs = grid.gapMinutes * MINUTE_MS;
  const stepMinutes = grid.durationMinutes + grid.gapMinutes;
  const toZ = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(grid.zone).toPlainDate();
  const last = toZ(grid.toMs).add({ days: 1 });
  const seen = new Set<number>();
  const out: Interval[] = [];
  for (let date = toZ(grid.fromMs).subtract({ days: 1 }); Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    const day = WEEKDAYS[date.dayOfWeek - 1];
    const key = date.toString();
    const clock = clocks.get(key) ?? dayClock(date, grid.zone);
    clocks.set(key, clock);
    for (const hours of staff.workingHours) {
      if (hours.day !== day) continue;
      const open = minuteOfDay(hours.startTime);
      const close = minuteOfDay(hours.endTime);
      if (open === null || close === null || open >= close) continue;
      // A boundary in a gap moves forward, as the clocks do.
      const edge = (minute: number): number => clock(minute)?.epochMilliseconds ?? edge(minute + 1);
      const windowStart = edge(open);
      const windowEnd = edge(close);
      let freeFrom = windowStart;
      for (let minute = open; minute + grid.durationMinutes <= close; minute += stepMinutes) {
        const start = clock(minute);
        if (!start) continue; // the wall time does not exist today
        const startMs = start.epochMilliseconds;
        const endMs = startMs + durationMs;
        // After a DST jump the wall-clock grid can overlap the previous slot or run past closing: skip those.
        if (startMs < freeFrom || endMs > windowEnd) continue;
        freeFrom = endMs + gapMs;
        if (startMs < grid.fromMs || startMs >= grid.toMs || seen.has(startMs)) continue;
        seen.add(startMs);
        out.push({ startMs, endMs });
      }
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** Whether [slot] collides with any busy interval, keeping `gapMinutes` free on both sides. */
export function collides(slot: Interval, busy: readonly Interval[], gapMinutes: number): boolean {
  const gapMs = gapMinutes * MINUTE_MS;
  return busy.some((b) => slot.startMs < b.endMs + gapMs && b.startMs < slot.endMs + gapMs);
}

export interface StaffSlot extends Interval {
  staff: { id: string; name: string }[];
}

/**
 * Free slots for a set of staff members: one entry per distinct [start, end) that at least one of them has free,
 * listing who (in the order given). `busy` maps a staff id to what blocks them.
 */
export function freeAppointmentSlots(
  staff: readonly StaffHours[],
  busy: ReadonlyMap<string, readonly Interval[]>,
  grid: SlotGrid,
): StaffSlot[] {
  const byTime = new Map<string, StaffSlot>();
  const clocks = new Map<string, ReturnType<typeof dayClock>>();
  for (const person of staff) {
    const blocked = busy.get(person.id) ?? [];
    for (const slot of workingSlots(person, grid, clocks)) {
      if (collides(slot, blocked, grid.gapMinutes)) continue;
      const key = `${slot.startMs}|${slot.endMs}`;
      const entry = byTime.get(key) ?? { ...slot, staff: [] };
      entry.staff.push({ id: person.id, name: person.name });
      byTime.set(key, entry);
    }
  }
  return [...byTime.values()].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
