/**
 * Appointment slots (pure): each staff member's working hours, in the business's zone, cut into slots of the
 * chosen duration plus the time between sessions, minus what that staff member is busy with.
 *
 * Slots follow the wall clock from the start of each working interval: a slot whose local start does not exist
 * (DST gap) is skipped; an ambiguous start means the earlier instant (one slot, never two); every slot lasts the
 * duration in real time and ends inside the working interval; slots of one person never overlap.
 */
import { WEEKDAYS, type WorkingHours } from '../../../src/model/business.js';
import { dayClock, minuteOfDay, DAY_MS, MINUTE_MS } from './time.js';
import { zoneOffsets } from './zone-offsets.js';

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

type DayClock = ReturnType<typeof dayClock>;

/** A working interval's boundary: a wall minute in a gap moves forward, as the clocks do. */
function edge(clock: DayClock, minute: number): number {
  for (let m = minute; ; m++) {
    const at = clock(m);
    if (at !== null) return at;
  }
}

/** Candidate slots of one staff member starting in [fromMs, toMs), ignoring bookings. Sorted by start. */
export function workingSlots(staff: StaffHours, grid: SlotGrid, clocks = new Map<number, DayClock>()): Interval[] {
  const durationMs = grid.durationMinutes * MINUTE_MS;
  const gapMs = grid.gapMinutes * MINUTE_MS;
  const stepMinutes = grid.durationMinutes + grid.gapMinutes;
  const offsets = zoneOffsets(grid.zone);
  // Local dates as `Date.UTC` of their midnight, from the day before the range's first to the day after its last.
  const dayOf = (ms: number): number => Math.floor(offsets.wallOf(ms) / DAY_MS) * DAY_MS;
  const last = dayOf(grid.toMs) + DAY_MS;
  const seen = new Set<number>();
  const out: Interval[] = [];
  for (let dayMs = dayOf(grid.fromMs) - DAY_MS; dayMs <= last; dayMs += DAY_MS) {
    // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
    const day = WEEKDAYS[(new Date(dayMs).getUTCDay() + 6) % 7];
    let clock: DayClock | undefined;
    for (const hours of staff.workingHours) {
      if (hours.day !== day) continue;
      const open = minuteOfDay(hours.startTime);
      const close = minuteOfDay(hours.endTime);
      if (open === null || close === null || open >= close) continue;
      if (!clock) {
        clock = clocks.get(dayMs) ?? dayClock(dayMs, grid.zone);
        clocks.set(dayMs, clock);
      }
      const at = clock;
      const windowStart = edge(at, open);
      const windowEnd = edge(at, close);
      let freeFrom = windowStart;
      for (let minute = open; minute + grid.durationMinutes <= close; minute += stepMinutes) {
        const startMs = at(minute);
        if (startMs === null) continue; // the wall time does not exist today
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

/**
 * `collides` for slots in order of end (as `workingSlots` gives them): one pass over `busy` for all of them, not
 * one per slot. The busy intervals starting before a slot's end (plus the gap) only grow from slot to slot, so
 * keeping the latest end among them answers each slot.
 */
export function freeOf(slots: readonly Interval[], busy: readonly Interval[], gapMinutes: number): Interval[] {
  const gapMs = gapMinutes * MINUTE_MS;
  const sorted = busy.every((b, i) => i === 0 || (busy[i - 1] as Interval).startMs <= b.startMs)
    ? busy
    : [...busy].sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  let next = 0;
  let latestEnd = -Infinity;
  let lastLimit = -Infinity;
  for (const slot of slots) {
    const limit = slot.endMs + gapMs;
    if (limit < lastLimit) {
      if (!collides(slot, sorted, gapMinutes)) out.push(slot); // out of order: ask the slow way
      continue;
    }
    lastLimit = limit;
    for (let b = sorted[next]; b !== undefined && b.startMs < limit; b = sorted[++next]) latestEnd = Math.max(latestEnd, b.endMs);
    if (!(slot.startMs < latestEnd + gapMs)) out.push(slot);
  }
  return out;
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
  const clocks = new Map<number, DayClock>();
  for (const person of staff) {
    const blocked = busy.get(person.id) ?? [];
    for (const slot of freeOf(workingSlots(person, grid, clocks), blocked, grid.gapMinutes)) {
      const key = `${slot.startMs}|${slot.endMs}`;
      const entry = byTime.get(key) ?? { ...slot, staff: [] };
      entry.staff.push({ id: person.id, name: person.name });
      byTime.set(key, entry);
    }
  }
  return [...byTime.values()].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
