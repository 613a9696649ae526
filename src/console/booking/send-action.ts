/**
 * One console action on one booking, sent with the revision on screen (contract section 5): the booking view
 * and the notifications view both act through this, so each action is one call in one place.
 */
import type { BookingClient } from '../../api/client.js';
import type { Booking, BookedSlot } from '../../model/booking.js';
import type { EcomOrder } from '../../model/checkout.js';
import type { DetailAction } from './booking-actions.js';

export interface ActionInput {
  /** Mark as paid and Refund act on the booking's order. */
  order?: EcomOrder | undefined;
  /** Reschedule: the new slot, and whether the owner books it even though it is full. */
  reschedule?: { slot: BookedSlot; overbook: boolean } | undefined;
}

export async function sendAction(client: BookingClient, b: Booking, action: DetailAction, input: ActionInput = {}): Promise<void> {
  const calls = client.bookings;
  const revision = b.revision;
  const { order, reschedule } = input;
  if (action === 'confirm') await calls.confirmBooking(b.id, revision);
  else if (action === 'decline') await calls.declineBooking(b.id, revision);
  else if (action === 'cancel') await calls.cancelBooking(b.id, { revision });
  else if (action === 'reschedule' && reschedule) {
    const flowControlSettings = reschedule.overbook ? { skipAvailabilityValidation: true } : {};
    await calls.rescheduleBooking(b.id, reschedule.slot, { revision, flowControlSettings });
  } else if (action === 'markPaid' && order) await client.orders.markAsPaid(order.id);
  else if (action === 'refund' && order) await client.bookingDetails.refundOrder(order.id, b.id);
}
