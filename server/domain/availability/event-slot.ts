/**
 * One class session's time slot by its event id (Wix `GET /service-availability/v2/time-slots/event/{eventId}`):
 * the same slot that listing the class's sessions gives, with its capacity and policy flags now, in `timeZone`
 * (default: the business's). An id that names no session of a visible class is 404 `EVENT_NOT_FOUND`.
 */
import { Temporal } from 'temporal-polyfill';
import type { TimeSlot } from '../../../src/model/availability.js';
import type { Storage } from '../../storage/types.js';
import { DomainError, notFound } from '../errors.js';
import { decodeEventId } from './event-id.js';
import type { AvailabilityService } from './service.js';

export async function eventTimeSlot(
  availability: AvailabilityService,
  storage: Storage,
  eventId: string,
  timeZone: string | undefined,
): Promise<{ timeSlot: TimeSlot; timeZone: string }> {
  const missing = () => notFound('Event', eventId, 'EVENT_NOT_FOUND');
  const ref = decodeEventId(eventId);
  const rule = ref ? await storage.schedules.getRule(ref.ruleId) : null;
  if (!ref || !rule) throw missing();
  const service = await storage.catalogue.getService(rule.serviceId);
  if (!service || service.hidden || service.type !== 'CLASS') throw missing();
  // A day either side of the session's local start (where it was moved to, if it was) covers any zone the caller reads it in.
  const move = (await storage.schedules.listMoves([rule.id])).find((m) => m.localStart === ref.localStart);
  const day = Temporal.PlainDateTime.from(move?.movedStart ?? ref.localStart).toPlainDate();
  const local = (d: Temporal.PlainDate) => `${d.toString()}T00:00:00`;
  try {
    const answer = await availability.eventSlots({
      serviceIds: [rule.serviceId],
      fromLocalDate: local(day.subtract({ days: 1 })),
      toLocalDate: local(day.add({ days: 2 })),
      timeZone,
      includeNonBookable: true,
      cursorPaging: { limit: 1000 },
    });
    const slot = answer.timeSlots.find((s) => s.eventInfo?.eventId === eventId);
    if (!slot) throw missing();
    return { timeSlot: slot, timeZone: answer.timeZone };
  } catch (error) {
    // The class was hidden, deleted or is no longer a class: the session is not there for this caller.
    if (error instanceof DomainError && error.code === 'SERVICE_NOT_FOUND') throw missing();
    throw error;
  }
}
