/**
 * The reminder's outbox event: internal (never sent to a webhook), carrying the booking as it was when the
 * reminder was scheduled. Its own entity name, so it takes no number from the booking's `entityEventSequence`,
 * which webhook receivers see.
 */
import { randomUUID } from 'node:crypto';
import type { Booking } from '../../../src/model/booking.js';
import type { NewOutboxEvent } from '../../storage/outbox-types.js';
import type { Storage } from '../../storage/types.js';

export const REMINDER_FQDN = 'bookings.internal.reminder';

export function reminderEvent(booking: Booking, at: Date): NewOutboxEvent {
  return {
    id: randomUUID(),
    eventType: 'bookings.booking_reminder_due',
    entityFqdn: REMINDER_FQDN,
    entityId: booking.id,
    payload: booking as unknown as Record<string, unknown>,
    eventTime: at.toISOString(),
    createdAt: Date.now(),
  };
}

/** Still worth a reminder at delivery: confirmed, at the start it was scheduled for. */
export async function reminderStillDue(storage: Storage, scheduled: Booking): Promise<boolean> {
  const current = (await storage.bookings.get(scheduled.id))?.booking;
  return current?.status === 'CONFIRMED' && current.startDate === scheduled.startDate;
}
