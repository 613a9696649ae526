/** The flow machine's context, events and input: plain JSON only, so a snapshot can be persisted. */
import type { PolicyRefusal } from '../policy/index.js';
import type { AllowedActions, Booking, ContactDetails, CreateBookingRequest, PriceInfo, SelectedPaymentOption } from '../model/booking.js';
import type { Checkout } from '../model/checkout.js';
import type { CourseAvailability, TimeSlot } from '../model/availability.js';
import type { Service, ServiceOptionsAndVariants } from '../model/service.js';
import type { Member } from '../model/members.js';
import type { WidgetClient } from '../api/client.js';

export type Step =
  | 'service'
  | 'variant'
  | 'slot'
  | 'details'
  | 'review'
  | 'checkout'
  | 'status'
  | 'reset-password'
  | 'my-bookings'
  | 'manage'
  | 'reschedule';
export type MemberLoginMode = 'optional' | 'required' | 'off';

export interface Business {
  name: string;
  timeZone: string;
  currency: string;
}

export interface FlowError {
  code: string;
  message: string;
  /** The server's words about single fields (a 400's field violations), by field name. */
  fields?: Record<string, string> | undefined;
}

/** What a member's account forms tell after their call: the reset email is on its way; the new password is set. */
export type AccountNotice = 'reset-sent' | 'password-set';

/** Sign-up in the widget: the member's name, email and password. */
export interface RegisterDetails {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

/**
 * A booking the customer manages (my bookings, a manage link): as the server has it now, what the customer may do,
 * the anonymous token it is reached by (a visitor's booking, a link), and why Cancel is not offered, if it is not.
 */
export interface ManagedBooking {
  booking: Booking;
  allowedActions: AllowedActions;
  token?: string | undefined;
  cancelRefusal?: PolicyRefusal | undefined;
  /** Why Reschedule is not offered (the policy's code; the widget words it in the customer's language). */
  rescheduleRefusal?: PolicyRefusal | undefined;
  /** The booking's `.ics` link (by an anonymous token), for an upcoming CONFIRMED or PENDING booking with a time. */
  calendarUrl?: string | undefined;
}

/** Keys for the create-type calls of one attempt: a retry reuses them, so nothing is created twice. */
export interface AttemptKeys {
  booking: string;
  checkout: string;
  order: string;
}

/** What the slot step asks for: a month of times in a zone (or the course's schedule). */
export interface SlotsQuery {
  service: Service;
  fromLocalDate: string;
  toLocalDate: string;
  timeZone: string;
  durationInMinutes?: number | undefined;
}

export interface SlotsResult {
  slots: TimeSlot[];
  course: CourseAvailability | undefined;
}

/** What the service step starts from: the bookable services and the business they belong to. */
export interface Catalogue {
  services: Service[];
  business: Business | undefined;
}

/** The lines the server prices before the booking is made. */
export type PriceLines = Parameters<WidgetClient['pricing']['previewPrice']>[0];

/** The attempt's create calls, each with its Idempotency-Key. */
export interface CreateBookingCall {
  request: CreateBookingRequest['booking'];
  key: string;
}

export interface CreateCheckoutCall {
  bookingId: string;
  key: string;
}

/** An order for a checkout; `cardToken` when the customer pays now with a card. */
export interface OrderRequest {
  checkoutId: string;
  key: string;
  cardToken?: string | undefined;
}

export interface FlowContext {
  /** Bumped when the shape changes; a persisted snapshot of another version is discarded. */
  version: number;
  presetServiceId: string | undefined;
  categoryId: string | undefined;
  memberLogin: MemberLoginMode;
  customerTimeZone: string;
  services: Service[];
  business: Business | undefined;
  service: Service | undefined;
  /** null: the service has no variants. */
  variants: ServiceOptionsAndVariants | null | undefined;
  /** The variant step was shown (so Back from the slot step returns to it). */
  variantShown: boolean;
  /** Participants per variant id (the empty key when the service has no variants). */
  counts: Record<string, number>;
  /** The zone slots are listed and booked in: the customer's or the business's. */
  timeZone: string;
  /** `YYYY-MM` shown by the calendar. */
  month: string;
  /** `YYYY-MM-DD` today in the customer's zone, when the flow started (no times before it are asked for). */
  today: string;
  slots: TimeSlot[];
  /** Months the slot step may still skip forward by itself when the shown one has no open time. */
  autoAdvance: number;
  course: CourseAvailability | undefined;
  /** `YYYY-MM-DD` whose times are listed. */
  day: string | undefined;
  /** Appointments: the staff member chosen, or undefined for anyone. */
  staffId: string | undefined;
  slot: TimeSlot | undefined;
  details: ContactDetails;
  remember: boolean;
  member: Member | undefined;
  payment: SelectedPaymentOption;
  depositSelected: boolean;
  priceInfo: PriceInfo | undefined;
  keys: AttemptKeys;
  booking: Booking | undefined;
  checkout: Checkout | undefined;
  orderId: string | undefined;
  /** Set when a slot was taken by someone else (428 on create, or DECLINED after the order). */
  raceLost: boolean;
  paymentError: string | undefined;
  error: FlowError | undefined;
  /** The password-reset link's token the widget was opened with (`reset-token`), until the password is set. */
  resetToken?: string | undefined;
  accountNotice?: AccountNotice | undefined;
  /** A manage link's anonymous token (`booking-token`): the widget starts at that booking. */
  bookingToken?: string | undefined;
  /** Start at the customer's bookings (`view="my-bookings"`). */
  startView?: 'my-bookings' | undefined;
  /** The bookings the my-bookings and manage steps show, upcoming first. */
  managed?: ManagedBooking[] | undefined;
  /** The booking being canceled there. */
  cancelingId?: string | undefined;
  /** The booking whose time is being changed (the reschedule step). */
  reschedulingId?: string | undefined;
  /** The booking's `.ics` link (by its anonymous token), once the status step has it. */
  calendarFile?: CalendarFile | undefined;
}

export interface CalendarFile {
  bookingId: string;
  url: string;
}

export interface FlowInput {
  serviceId?: string | undefined;
  categoryId?: string | undefined;
  memberLogin?: MemberLoginMode | undefined;
  /** The zone to show times in by default (the `time-zone` attribute, else the browser's). */
  timeZone?: string | undefined;
  prefill?: ContactDetails | undefined;
  /** The prefill came from a remembered visitor (keep remembering unless unticked). */
  remembered?: boolean | undefined;
  /** "Today" in the customer's zone, `YYYY-MM-DD`; tests fix it. */
  today?: string | undefined;
  /** Open the "set a new password" step with this password-reset token (the `reset-token` attribute). */
  resetToken?: string | undefined;
  /** Open the booking this manage link's anonymous token reaches (the `booking-token` attribute). */
  bookingToken?: string | undefined;
  /** Start at the customer's bookings (the `view` attribute). */
  view?: 'my-bookings' | undefined;
}

export type FlowEvent =
  | { type: 'SELECT_SERVICE'; serviceId: string }
  | { type: 'SET_CATEGORY'; categoryId: string | undefined }
  | { type: 'CATALOGUE_UPDATED'; catalogue: Catalogue }
  | { type: 'SET_COUNT'; key: string; count: number }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'MONTH'; month: string }
  | { type: 'SELECT_DAY'; day: string }
  | { type: 'SELECT_STAFF'; staffId: string | undefined }
  | { type: 'SELECT_SLOT'; slot: TimeSlot }
  | { type: 'SET_TIME_ZONE'; timeZone: string }
  | { type: 'SET_CUSTOMER_TIME_ZONE'; timeZone: string }
  | { type: 'SUBMIT_DETAILS'; details: ContactDetails; remember: boolean }
  | { type: 'PREFILL'; details: ContactDetails }
  | { type: 'SET_MEMBER_LOGIN'; mode: MemberLoginMode }
  | { type: 'LOGIN'; email: string; password: string }
  | { type: 'LOGOUT' }
  | { type: 'REGISTER'; details: RegisterDetails }
  | { type: 'FORGOT_PASSWORD'; email: string }
  | { type: 'SET_NEW_PASSWORD'; password: string }
  | { type: 'CLEAR_ACCOUNT_NOTICE' }
  | { type: 'START_BOOKING' }
  | { type: 'SET_PAYMENT'; payment: SelectedPaymentOption; depositSelected: boolean }
  | { type: 'CONFIRM' }
  | { type: 'PAY'; cardToken: string }
  | { type: 'BOOKING_UPDATED'; booking: Booking }
  | { type: 'CANCEL_BOOKING' }
  | { type: 'OTHER_TIMES' }
  | { type: 'BOOK_ANOTHER' }
  | { type: 'MY_BOOKINGS' }
  | { type: 'CANCEL_MANAGED'; bookingId: string }
  | { type: 'RESCHEDULE_MANAGED'; bookingId: string };

/** What the machine emits for the host page (the element turns each into a DOM event). */
export type FlowEmitted =
  | { type: 'booking-created'; booking: Booking }
  | { type: 'booking-status-change'; booking: Booking; previousStatus: Booking['status'] | null }
  | { type: 'booking-checkout-complete'; orderId: string; booking: Booking | undefined }
  | { type: 'member-login'; member: Member }
  | { type: 'member-logout' }
  | { type: 'booking-error'; code: string; message: string };
