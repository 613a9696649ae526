/** The booking view's and the reschedule picker's texts (kept out of console/texts.ts, which other views edit). */
import { BookingApiError } from '../../api/errors.js';
import { errorText } from '../texts.js';

export const BOOKING_TEXT = {
  title: 'Booking',
  back: 'Back to bookings',
  details: 'Details',
  loading: 'Loading the booking…',
  notFound: 'This booking was not found. It may not exist, or it is not one of yours.',
  customer: 'Customer',
  email: 'Email',
  phone: 'Phone',
  service: 'Service',
  participants: 'Participants',
  when: 'When',
  staff: 'Staff',
  status: 'Status',
  payment: 'Payment',
  notCheckedOut: 'Not checked out',
  doubleBooked: 'Double booked: this booking is over the slot’s capacity. Reschedule or cancel a booking to resolve it.',
  orderTitle: 'Payment and order',
  noOrder: 'No order yet: the customer has not checked out.',
  orderLoading: 'Loading the order…',
  total: 'Total',
  paid: 'Paid',
  balance: 'Balance',
  paymentOption: 'Payment option',
  deposit: 'Deposit',
  orderStatus: 'Order payment',
  historyTitle: 'History',
  historyEmpty: 'No changes recorded.',
  actionsTitle: 'Actions',
  noActions: 'Nothing more can be done with this booking.',
  confirm: 'Confirm',
  decline: 'Decline',
  cancel: 'Cancel',
  reschedule: 'Reschedule',
  markPaid: 'Mark as paid',
  refund: 'Refund',
  working: 'Saving…',
  retry: 'Try again',
  keep: 'Keep the booking',
  cancelTitle: 'Cancel this booking?',
  cancelBody: 'The customer is told by email, the spot is freed, and what was paid online is refunded.',
  declineTitle: 'Decline this booking?',
  declineBody: 'The customer is told by email and the spot is freed.',
  changedMeanwhile: 'Someone else changed this booking meanwhile; it now shows as it is. Check it and try again.',
  liveOn: 'Live: changes made elsewhere appear here.',
  liveOff: 'Live updates paused; reconnecting…',
  done: (what: string) => `${what}: done.`,
  /** Said on arriving from New booking, once the booking is read. */
  booked: (status: string) => `Booked: ${status}`,
  // The reschedule picker
  pickerTitle: 'Reschedule to another time',
  pickerDay: 'Day',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  pickerStaff: 'Staff member',
  anyStaff: 'Any',
  slotsLoading: 'Loading times…',
  noSlots: 'No free times on this day. Try another day.',
  full: 'full',
  current: 'current time',
  overbook: 'Book even though it is full',
  overbookWarning: 'Warning: the booking moves into a slot that has no room. It will be flagged as double booked until you resolve it.',
  slotFull: 'That time has no room any more. Pick another, or tick “Book even though it is full”.',
  pickFirst: 'Pick a time first.',
  closePicker: 'Close',
} as const;

const PAYMENT_OPTION: Record<string, string> = {
  FULL_PAYMENT_ONLINE: 'Paid online in full',
  FULL_PAYMENT_OFFLINE: 'Pays in person',
  DEPOSIT_ONLINE: 'Deposit online, rest in person',
  MEMBERSHIP: 'Membership',
  MEMBERSHIP_OFFLINE: 'Membership, paid in person',
};

export const paymentOptionText = (option: string): string => PAYMENT_OPTION[option] ?? option;

/** A failed action in words, the revision conflict said for one booking (errorText says it for the list). */
export function actionErrorText(error: unknown): string {
  if (error instanceof BookingApiError && (error.code === 'REVISION_MISMATCH' || error.code === 'BOOKING_REVISION_MISMATCH'))
    return BOOKING_TEXT.changedMeanwhile;
  if (error instanceof BookingApiError && (error.code === 'SLOT_NOT_AVAILABLE' || error.code === 'SESSION_CAPACITY_EXCEEDED'))
    return BOOKING_TEXT.slotFull;
  return errorText(error);
}

export const isSlotFull = (error: unknown): boolean =>
  error instanceof BookingApiError && (error.code === 'SLOT_NOT_AVAILABLE' || error.code === 'SESSION_CAPACITY_EXCEEDED');
