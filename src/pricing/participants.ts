/** How many people a booking is for: `totalParticipants`, or the sum over its `participantsChoices`. */
import type { Booking } from '../model/booking.js';

export function participantsOf(booking: Pick<Booking, 'totalParticipants' | 'participantsChoices'>): number {
  if (booking.participantsChoices) {
    return booking.participantsChoices.serviceChoices.reduce((sum, c) => sum + c.numberOfParticipants, 0);
  }
  return booking.totalParticipants ?? 1;
}
