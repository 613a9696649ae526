/** Pure date arithmetic on `YYYY-MM` months and `YYYY-MM-DD` days (no zones: these are calendar labels). */
import type { TimeSlot } from '../model/availability.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const dayOf = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function addDays(day: string, n: number): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

export function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export const monthOf = (day: string): string => day.slice(0, 7);

/** Today's date in `timeZone`, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return dayOf(now);
  }
}

/** The weeks of a month as rows of seven days (Monday first); days of other months are null. */
export function monthGrid(month: string): (string | null)[][] {
  const first = utc(`${month}-01`);
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = `${month}-01`; monthOf(d) === month; d = addDays(d, 1)) days.push(d);
  while (days.length % 7) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** The query range for a month: its first day (or today, if later) to the first of the next month. */
export function monthRange(month: string, today: string): { fromLocalDate: string; toLocalDate: string } {
  const start = `${month}-01` < today ? today : `${month}-01`;
  return { fromLocalDate: `${start}T00:00:00`, toLocalDate: `${addMonths(month, 1)}-01T00:00:00` };
}

/** A slot a customer can take: bookable now, or full with room on the waiting list. */
export function isOpen(slot: TimeSlot): boolean {
  return slot.bookable || hasWaitlistRoom(slot);
}

export function hasWaitlistRoom(slot: TimeSlot): boolean {
  const wl = slot.eventInfo?.waitingList;
  return (
    !slot.bookable &&
    slot.nonBookableReasons.noRemainingCapacity &&
    !slot.nonBookableReasons.violatesBookingPolicy &&
    !!wl &&
    wl.remainingCapacity > 0
  );
}

export const slotDay = (slot: TimeSlot): string => slot.localStartDate.slice(0, 10);

/** Days of the listed slots that have an open slot (for the staff member, when one is chosen). */
export function openDays(slots: TimeSlot[], staffId?: string): Set<string> {
  return new Set(slots.filter((s) => isOpen(s) && offeredBy(s, staffId)).map(slotDay));
}

export function offeredBy(slot: TimeSlot, staffId: string | undefined): boolean {
  if (!staffId) return true;
  return slot.availableResources.some((r) => r.resources.some((x) => x.id === staffId));
}

/** The staff members who appear on any slot, in first-seen order. */
export function staffOf(slots: TimeSlot[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const s of slots) for (const r of s.availableResources) for (const x of r.resources) if (!seen.has(x.id)) seen.set(x.id, x.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}
