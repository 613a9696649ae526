/**
 * A booking event's change, read back from the booking's history: the history line with the event's revision says
 * which call made it and who, and the line before it holds the booking as it was. An event and its history line
 * are written by the same `BookingChanges` call in one transaction, so the line is always there.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { OutboxEvent } from '../../storage/outbox-types.js';
import type { Storage } from '../../storage/types.js';
import { BOOKING_FQDN } from '../../domain/outbox/events.js';
import { RESCHEDULE_ACTION } from '../calendar/context.js';
import type { BookingChangeFacts } from './plan.js';

export interface LoadedChange extends BookingChangeFacts {
  /** Reschedules up to and including this change: the calendar file's `SEQUENCE` at that moment. */
  reschedules: number;
  /** The business's message to the customer with this change, for the email. */
  message?: string;
}

export function isBookingEvent(event: OutboxEvent): boolean {
  return event.entityFqdn === BOOKING_FQDN;
}

export function bookingOf(event: OutboxEvent): Booking {
  return event.payload as unknown as Booking;
}

/** The change behind a booking event; null when its history line is gone (the booking was erased). */
export async function loadChange(storage: Storage, event: OutboxEvent): Promise<LoadedChange | null> {
  const after = bookingOf(event);
  const history = await storage.bookings.history(after.id);
  const index = history.findIndex((entry) => String(entry.revision) === String(after.revision));
  if (index < 0) return null;
  const line = history[index];
  if (!line) return null;
  return {
    before: index > 0 ? (history[index - 1]?.booking ?? null) : null,
    after,
    action: line.action,
    actorKind: line.actor.kind,
    ...(line.notification?.notifyParticipants === false ? { notifyParticipants: false } : {}),
    ...(line.notification?.message ? { message: line.notification.message } : {}),
    reschedules: history.slice(0, index + 1).filter((entry) => entry.action === RESCHEDULE_ACTION).length,
  };
}
