/**
 * The notifications view's rules, pure: one row per double-booked booking (its newest notification), newest
 * first, with the other bookings that share its slot; a row is resolved once its booking no longer overflows
 * (moved into room, canceled, declined: the server clears `doubleBooked` or ends it).
 */
import type { Booking } from '../../model/booking.js';
import type { OwnerNotification } from '../../model/booking-history.js';

export interface NotificationRow {
  notification: OwnerNotification;
  /** Undefined while unread, or when it is gone. */
  booking: Booking | undefined;
  /** The other bookings that block the same slot. */
  others: Booking[];
  resolved: boolean;
}

const BLOCKING: readonly Booking['status'][] = ['CONFIRMED', 'PENDING'];

/** One slot: a class session by its event, an appointment by its service, start and staff member. */
export function slotKeyOf(b: Booking): string {
  const slot = b.bookedEntity.slot;
  if (slot?.eventId) return `event:${slot.eventId}`;
  return `at:${slot?.serviceId ?? ''}|${b.startDate ?? ''}|${slot?.resource?.id ?? ''}`;
}

export function isResolved(booking: Booking | undefined): boolean {
  return booking !== undefined && (booking.doubleBooked !== true || !BLOCKING.includes(booking.status));
}

export function notificationRows(
  notes: readonly OwnerNotification[],
  bookings: ReadonlyMap<string, Booking>,
  slotMates: readonly Booking[],
): NotificationRow[] {
  const seen = new Set<string>();
  const rows: NotificationRow[] = [];
  const byCreated = [...notes].sort((a, b) => b.createdDate.localeCompare(a.createdDate));
  for (const notification of byCreated) {
    if (seen.has(notification.bookingId)) continue; // an older notice of the same booking
    seen.add(notification.bookingId);
    const booking = bookings.get(notification.bookingId);
    const key = booking ? slotKeyOf(booking) : undefined;
    const others = slotMates.filter((m) => m.id !== notification.bookingId && BLOCKING.includes(m.status) && slotKeyOf(m) === key);
    rows.push({ notification, booking, others, resolved: isResolved(booking) });
  }
  return rows;
}
