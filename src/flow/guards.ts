/** The flow's conditions, each a plain predicate over the context (and the value that brings the decision). */
import type { ContactDetails } from '../model/booking.js';
import type { ServiceOptionsAndVariants } from '../model/service.js';
import { isFinalStatus } from '../lifecycle/decide.js';
import { maxParticipants } from './booking-request.js';
import { openDays } from './calendar.js';
import { detailsValid } from './details.js';
import type { PlacementOutput } from './place-booking.machine.js';
import { totalParticipants } from './price.js';
import type { Catalogue, FlowContext, FlowError, SlotsResult } from './types.js';

type Args = { context: FlowContext };

/** The `service-id` the host asked for is one we can book. */
export const presetOffered = ({ context }: Args, { services }: Catalogue): boolean =>
  !!context.presetServiceId && services.some((s) => s.id === context.presetServiceId);

export const noVariantStep = ({ context }: Args, variants: ServiceOptionsAndVariants | null): boolean =>
  variants === null && maxParticipants(context) <= 1;

export const countsValid = ({ context }: Args): boolean => {
  const n = totalParticipants(context.counts);
  return n >= 1 && n <= maxParticipants(context);
};

export const variantShown = ({ context }: Args): boolean => context.variantShown;

/** The widget was opened with a password-reset link's token: it starts at "set a new password". */
export const resetLinkOpened = ({ context }: Args): boolean => !!context.resetToken;

/** The widget was opened with a manage link's token (`booking-token`): it starts at that booking. */
export const manageLinkOpened = ({ context }: Args): boolean => !!context.bookingToken;

/** The widget starts at the customer's bookings (`view="my-bookings"`). */
export const myBookingsView = ({ context }: Args): boolean => context.startView === 'my-bookings';

/** The reschedule call failed because the time was taken meanwhile (or is no longer open): offer other times. */
export const timeTaken = (_: unknown, error: FlowError): boolean =>
  error.code === 'SLOT_NOT_AVAILABLE' || error.code === 'SESSION_CAPACITY_EXCEEDED';

/** A widget started at a `service-id` has no service step to go back to. */
export const canLeaveServiceStep = ({ context }: Args): boolean => !context.presetServiceId;

/** Nothing open this month (e.g. late in the month): look at the next one before asking the customer. */
export const nothingOpenThisMonth = ({ context }: Args, { slots, course }: SlotsResult): boolean =>
  context.autoAdvance > 0 && !course && openDays(slots, context.staffId).size === 0;

export const hasSlot = ({ context }: Args): boolean =>
  context.service?.type === 'COURSE' ? !!context.course?.bookable && (context.course?.openSpots ?? 0) > 0 : !!context.slot;

export const detailsOk = ({ context }: Args, details: ContactDetails): boolean =>
  detailsValid(details) && (context.memberLogin !== 'required' || !!context.member);

export const bookingFinal = ({ context }: Args): boolean => !!context.booking && isFinalStatus(context.booking.status);

export const orderPlaced = (_: unknown, output: PlacementOutput): boolean => output.result === 'placed';
export const paymentDue = (_: unknown, output: PlacementOutput): boolean => output.result === 'payment-due';
export const slotTaken = (_: unknown, output: PlacementOutput): boolean => output.result === 'slot-taken';

/** Every guard by the name the machines use (a plain object: a module namespace would ship its getters). */
export const flowGuards = {
  presetOffered,
  noVariantStep,
  countsValid,
  variantShown,
  canLeaveServiceStep,
  resetLinkOpened,
  manageLinkOpened,
  myBookingsView,
  timeTaken,
  nothingOpenThisMonth,
  hasSlot,
  detailsOk,
  bookingFinal,
  orderPlaced,
  paymentDue,
  slotTaken,
};
