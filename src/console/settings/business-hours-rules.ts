/**
 * Business hours between the API's shape (Wix Site Properties' `businessSchedule.periods`, days as MONDAY…) and
 * the hours editor's rows (days as MON…, src/console/staff/working-hours-rules.ts), and the server's refusals
 * of `properties.businessSchedule.periods[i].<field>` beside row i.
 */
import { WEEKDAYS, type Weekday, type WorkingHours } from '../../model/business.js';
import { WIX_DAYS, type BusinessHoursPeriod } from '../../model/business-settings.js';
import type { FieldViolation } from '../../model/errors.js';
import type { HoursErrors, HoursField, HoursRow } from '../staff/working-hours-rules.js';

const weekdayOf = (day: BusinessHoursPeriod['openDay']): Weekday => WEEKDAYS[WIX_DAYS.indexOf(day)] ?? 'MON';
const wixDayOf = (day: Weekday) => WIX_DAYS[WEEKDAYS.indexOf(day)] ?? 'MONDAY';

/** The periods as working hours: what a new staff member starts with, and what the editor shows. */
export const workingHoursOf = (periods: readonly BusinessHoursPeriod[]): WorkingHours[] =>
  periods.map((p) => ({ day: weekdayOf(p.openDay), startTime: p.openTime, endTime: p.closeTime }));

/** The editor's rows as periods, in the rows' order (the server's indexes follow it). */
export const periodsOf = (rows: readonly HoursRow[]): BusinessHoursPeriod[] =>
  rows.map((r) => ({ openDay: wixDayOf(r.day), openTime: r.startTime, closeDay: wixDayOf(r.day), closeTime: r.endTime }));

/** The server's refusals of a period beside its row; the rest by the property's name (`paymentCurrency`, `email`…). */
export function detailsErrors(rows: readonly HoursRow[], violations: readonly FieldViolation[]) {
  const hours: HoursErrors = new Map();
  const fields: Record<string, string> = {};
  for (const v of violations) {
    const m = /businessSchedule\.periods\[(\d+)\]\.?(\w+)?/.exec(v.field);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row) {
      const field: HoursField = m?.[2] === 'openTime' ? 'startTime' : 'endTime';
      hours.set(row.key, { ...hours.get(row.key), [field]: v.description });
    } else fields[v.field.replace(/^properties\./, '').replace(/^address\./, '')] = v.description;
  }
  return { hours, fields };
}
