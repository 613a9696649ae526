/**
 * Which actions one booking offers in the console: the lifecycle's (asked of the same machine the server asks,
 * through `actionsFor` and `mayTake`) and the money's (by the booking's and its order's payment status, and the
 * account's role: a STAFF account marks paid but never refunds, contract section 12).
 */
import { mayTake } from '../../lifecycle/decide.js';
import type { Booking } from '../../model/booking.js';
import type { EcomOrder, OrderPaymentStatus } from '../../model/checkout.js';
import { actionsFor } from '../bookings/booking-rows.js';

export type DetailAction = 'confirm' | 'decline' | 'cancel' | 'reschedule' | 'markPaid' | 'refund';

const UNPAID: readonly Booking['paymentStatus'][] = ['NOT_PAID', 'PARTIALLY_PAID'];
const PAID: readonly Booking['paymentStatus'][] = ['PAID', 'PARTIALLY_PAID'];
const ENDED: readonly Booking['status'][] = ['CANCELED', 'DECLINED'];
const ORDER_UNPAID: readonly OrderPaymentStatus[] = ['NOT_PAID', 'PARTIALLY_PAID'];

export function detailActions(
  booking: Pick<Booking, 'status' | 'doubleBooked' | 'paymentStatus'>,
  order: Pick<EcomOrder, 'status' | 'paymentStatus'> | undefined,
  role: 'OWNER' | 'STAFF',
): DetailAction[] {
  const doubleBooked = booking.doubleBooked === true;
  const actions: DetailAction[] = [...actionsFor(booking)];
  // CREATED may be canceled (the customer never checked out), but rescheduling waits for PENDING or CONFIRMED.
  if (mayTake(booking.status, 'CANCEL', doubleBooked)) actions.push('cancel');
  if (mayTake(booking.status, 'RESCHEDULE', doubleBooked)) actions.push('reschedule');
  if (!order) return actions;
  // The order's own machine refuses marking while a card payment settles, or after a refund.
  const orderOpen = order.status === 'APPROVED';
  if (orderOpen && UNPAID.includes(booking.paymentStatus) && !ENDED.includes(booking.status) && ORDER_UNPAID.includes(order.paymentStatus))
    actions.push('markPaid');
  if (role === 'OWNER' && PAID.includes(booking.paymentStatus) && order.paymentStatus !== 'PENDING') actions.push('refund');
  return actions;
}
