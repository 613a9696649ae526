/**
 * Business hours (Wix Site Properties' `businessSchedule.periods`): each period opens and closes on the same day
 * (`closeTime` may be `24:00`, midnight at the day's end), `HH:MM` in the business's zone, and periods of one day
 * do not overlap. They are the hours a new staff member starts with in the console; availability itself comes
 * from each staff member's own working hours (docs/console.md, "Business hours and currency").
 */
import type { BusinessHoursPeriod, BusinessSchedule } from '../../../src/model/business-settings.js';
import { ValidationError } from '../errors.js';
import { minuteOfDay } from '../availability/time.js';

const FIELD = 'properties.businessSchedule.periods';

/** The periods as stored: checked, only their four fields, sorted by day then opening time. */
export function checkBusinessSchedule(schedule: BusinessSchedule): BusinessSchedule {
  const seen: { day: string; open: number; close: number; index: number }[] = [];
  for (const [i, p] of schedule.periods.entries()) {
    const open = minuteOfDay(p.openTime);
    const close = minuteOfDay(p.closeTime);
    if (open === null || open >= 1440) throw ValidationError.field(`${FIELD}[${i}].openTime`, 'must be a time such as "09:00"');
    if (close === null) throw ValidationError.field(`${FIELD}[${i}].closeTime`, 'must be a time such as "17:00" (or "24:00")');
    if (p.closeDay !== p.openDay) throw ValidationError.field(`${FIELD}[${i}].closeDay`, 'must be the same day as openDay');
    if (close <= open) throw ValidationError.field(`${FIELD}[${i}].closeTime`, 'must be after openTime');
    const clash = seen.find((s) => s.day === p.openDay && open < s.close && s.open < close);
    if (clash) throw ValidationError.field(`${FIELD}[${i}].openTime`, `overlaps period ${clash.index + 1} on ${p.openDay}`);
    seen.push({ day: p.openDay, open, close, index: i });
  }
  const order = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const periods: BusinessHoursPeriod[] = schedule.periods
    .map(({ openDay, openTime, closeDay, closeTime }) => ({ openDay, openTime, closeDay, closeTime }))
    .sort((a, b) => order.indexOf(a.openDay) - order.indexOf(b.openDay) || a.openTime.localeCompare(b.openTime));
  return { periods };
}
