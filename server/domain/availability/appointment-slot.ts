/**
 * One appointment slot (Wix `POST /service-availability/v2/time-slots/get`): the slot of `serviceId` from
 * `localStartDate` to `localEndDate` in `timeZone` (default: the business's), as listing the service's slots gives
 * it now, with its free staff. A slot that is not offered (outside working hours, or no staff free) is 404
 * `SLOT_NOT_FOUND`.
 */
import { Temporal } from 'temporal-polyfill';
import type { TimeSlot } from '../../../src/model/availability.js';
import { DomainError, ValidationError } from '../errors.js';
import type { AvailabilityService } from './service.js';

export interface AppointmentSlotQuery {
  serviceId: string;
  localStartDate: string;
  localEndDate: string;
  timeZone?: string;
}

/** The slot's bounds as the slot lists write them (`YYYY-MM-DDTHH:MM:SS`), and its length. */
function bounds(start: string, end: string): { start: string; end: string; minutes: number } {
  let from: Temporal.PlainDateTime;
  let to: Temporal.PlainDateTime;
  try {
    from = Temporal.PlainDateTime.from(start);
  } catch {
    throw ValidationError.field('localStartDate', 'must be a local date-time such as 2026-12-01T10:00:00');
  }
  try {
    to = Temporal.PlainDateTime.from(end);
  } catch {
    throw ValidationError.field('localEndDate', 'must be a local date-time such as 2026-12-01T11:00:00');
  }
  const minutes = from.until(to, { largestUnit: 'minutes' }).minutes;
  if (minutes <= 0) throw ValidationError.field('localEndDate', 'must be after localStartDate');
  const text = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'second' });
  return { start: text(from), end: text(to), minutes };
}

export async function appointmentSlot(
  availability: AvailabilityService,
  query: AppointmentSlotQuery,
): Promise<{ timeSlot: TimeSlot; timeZone: string }> {
  const { start, end, minutes: durationInMinutes } = bounds(query.localStartDate, query.localEndDate);
  let answer;
  try {
    answer = await availability.appointmentSlots({
      serviceId: query.serviceId,
      fromLocalDate: start,
      toLocalDate: end,
      timeZone: query.timeZone,
      customerChoices: { durationInMinutes },
      cursorPaging: { limit: 1000 },
    });
  } catch (error) {
    if (error instanceof ValidationError && error.fieldViolations[0]?.field === 'customerChoices.durationInMinutes') {
      throw ValidationError.field('localEndDate', `makes a ${durationInMinutes}-minute slot; ${error.fieldViolations[0].description}`);
    }
    throw error;
  }
  const slot = answer.timeSlots.find((s) => s.localStartDate === start && s.localEndDate === end);
  if (!slot) {
    throw new DomainError('SLOT_NOT_FOUND', `The service offers no slot from ${query.localStartDate} to ${query.localEndDate}.`, {
      serviceId: query.serviceId,
    });
  }
  return { timeSlot: slot, timeZone: answer.timeZone };
}
