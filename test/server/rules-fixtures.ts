/** One table row as a booking the server would check out: the participants the widget would send. */
import type { Booking } from '../../src/model/booking.js';
import { participantsOf } from '../../src/flow/price.js';
import { aRuleBooking, type PriceRow } from '../rules-tables/index.js';

export function bookingOf(row: PriceRow): Booking {
  return {
    ...aRuleBooking('CREATED', { totalParticipants: undefined }),
    ...participantsOf(row.variants, row.counts),
    selectedPaymentOption: row.payment,
    depositSelected: row.depositSelected,
  };
}
