/**
 * Whether the status view offers Cancel: exactly when the server would let this customer cancel now (src/policy:
 * the lifecycle allows CANCEL and the service's cancellation policy still does). Pure, so both sides' answers can
 * be compared row by row in a test.
 */
import type { Booking } from '../../model/booking.js';
import type { BookingPolicy } from '../../model/policy.js';
import type { Service } from '../../model/service.js';
import { allowedActions, cancellationClosesAt } from '../../policy/index.js';

/** The widget acts with the visitor's or member's own token: the server treats it as the booking's customer. */
export function canCancel(
  booking: Booking,
  ctx: { service?: Pick<Service, 'bookingPolicy'> | undefined },
  now = Date.now(),
  policy: BookingPolicy | undefined = ctx.service?.bookingPolicy,
): boolean {
  // Without the policy the widget cannot know; offering a button the server may refuse is worse than none.
  if (!policy) return false;
  return allowedActions(policy, booking, new Date(now), 'customer').cancel;
}

/** When the offer ends by the clock alone (ms since the epoch), so the view can re-render then. */
export function cancelOfferEndsAt(booking: Booking, policy: BookingPolicy | undefined): number | undefined {
  return policy ? cancellationClosesAt(policy, booking) : undefined;
}
