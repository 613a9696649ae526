/**
 * A policy's windows are minutes on the wire (Wix's `…InMinutes`); the owner thinks in minutes, hours or days. Pure:
 * minutes as an amount and a unit for the form, the form's amount back as minutes, and minutes in words.
 */
export type Unit = 'minutes' | 'hours' | 'days';

export const UNITS: readonly Unit[] = ['minutes', 'hours', 'days'];

export const MINUTES_PER: Readonly<Record<Unit, number>> = { minutes: 1, hours: 60, days: 1440 };

/** The unit a window reads best in: whole days from two days up, whole hours, else minutes (1440 → 24 hours). */
function bestUnit(minutes: number): Unit {
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return 'days';
  if (minutes > 0 && minutes % 60 === 0) return 'hours';
  return 'minutes';
}

/** Minutes as the form shows them: 43200 → 30 days, 120 → 2 hours, 90 → 90 minutes. */
export function splitMinutes(minutes: number): { amount: string; unit: Unit } {
  const unit = bestUnit(minutes);
  return { amount: String(minutes / MINUTES_PER[unit]), unit };
}

/** The form's amount in minutes; undefined when it is not a whole number, 0 or more (the form's own check). */
export function toMinutes(amount: string, unit: Unit): number | undefined {
  const text = amount.trim();
  if (!/^\d{1,7}$/.test(text)) return undefined;
  return Number(text) * MINUTES_PER[unit];
}

/** Minutes in words: "30 days", "2 hours", "1 hour", "45 minutes". */
export function durationWords(minutes: number): string {
  const unit = bestUnit(minutes);
  const amount = minutes / MINUTES_PER[unit];
  const name = amount === 1 ? unit.slice(0, -1) : unit;
  return `${amount} ${name}`;
}
