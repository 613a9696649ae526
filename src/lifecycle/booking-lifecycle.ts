/**
 * The booking status lifecycle of contract section 6, as one XState v5 machine.
 *
 * The server asks it whether a change is allowed (through `decideTransition`), and the widget runs it to mirror
 * a booking's live status: one copy of the rules. The machine's state is the booking's status; `new` is the
 * state before a booking exists. Facts the rules depend on (is there room, is it paid) travel on the event, so
 * the machine stays pure and the server gathers the facts inside the same transaction that writes the result.
 */
import { setup, assign } from 'xstate';
import type { PaymentStatus } from '../model/booking.js';

export interface LifecycleContext {
  /** True once the booking blocks a slot past its capacity (kept paid, or confirmed by the owner). */
  doubleBooked: boolean;
}

/** Facts confirm-or-decline needs; the server reads them atomically with the capacity count. */
export interface ConfirmOrDeclineFacts {
  /** The slot (or session, or course) still has room for this booking's participants. */
  hasRoom: boolean;
  paymentStatus: PaymentStatus;
  /** The booking was created with `flowControlSettings.skipAvailabilityValidation`. */
  skipAvailabilityValidation: boolean;
  /** The service's `onlineBooking.requireManualApproval`. */
  requiresManualApproval: boolean;
  /** Created with `skipBusinessConfirmation`: confirm rather than wait for approval. */
  skipBusinessConfirmation?: boolean;
}

export type LifecycleEvent =
  /** Create a booking: CREATED, or CONFIRMED at once with `skipBusinessConfirmation` (owner only). */
  | { type: 'CREATE'; skipBusinessConfirmation?: boolean; hasRoom?: boolean }
  /** Create on a full class whose waiting list has room. */
  | { type: 'CREATE_WAITLISTED' }
  /** The order was created (checkout) or the owner calls confirm-or-decline. */
  | ({ type: 'CONFIRM_OR_DECLINE' } & ConfirmOrDeclineFacts)
  | { type: 'MARK_AS_PENDING' }
  /** Owner confirm. `hasRoom: false` means the owner confirms into a full slot: a double booking. */
  | { type: 'CONFIRM'; hasRoom?: boolean }
  | { type: 'DECLINE' }
  | { type: 'CANCEL' }
  | { type: 'RESCHEDULE' }
  /** Extension: change the number of participants of an active booking (classes and courses). */
  | { type: 'UPDATE_NUMBER_OF_PARTICIPANTS' }
  /** A spot opened in a full class: the first waitlisted booking is confirmed. */
  | { type: 'SPOT_OPENED' }
  /** The order behind the booking was declined after creation (owner decline, or a late payment failure). */
  | { type: 'ORDER_DECLINED' };

export type LifecycleEventType = LifecycleEvent['type'];

export const LIFECYCLE_EVENT_TYPES: readonly LifecycleEventType[] = [
  'CREATE',
  'CREATE_WAITLISTED',
  'CONFIRM_OR_DECLINE',
  'MARK_AS_PENDING',
  'CONFIRM',
  'DECLINE',
  'CANCEL',
  'RESCHEDULE',
  'UPDATE_NUMBER_OF_PARTICIPANTS',
  'SPOT_OPENED',
  'ORDER_DECLINED',
];

const PAID_STATUSES: readonly PaymentStatus[] = ['PAID', 'PARTIALLY_PAID'];

export const bookingLifecycle = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
  },
  guards: {
    skipsConfirmation: ({ event }) => event.type === 'CREATE' && event.skipBusinessConfirmation === true,
    confirmedIntoFullSlot: ({ event }) => event.type === 'CREATE' && event.skipBusinessConfirmation === true && event.hasRoom === false,
    hasRoom: ({ event }) => event.type === 'CONFIRM_OR_DECLINE' && event.hasRoom,
    /** Step (1): created by the owner past availability: never declined, flagged when it overflows. */
    ownerSkippedAvailability: ({ event }) => event.type === 'CONFIRM_OR_DECLINE' && event.skipAvailabilityValidation,
    /** Step (3): no room, but paid: kept and flagged. */
    paidIntoConflict: ({ event }) => event.type === 'CONFIRM_OR_DECLINE' && PAID_STATUSES.includes(event.paymentStatus),
    needsApproval: ({ event }) =>
      event.type === 'CONFIRM_OR_DECLINE' && event.requiresManualApproval && event.skipBusinessConfirmation !== true,
    confirmsIntoFullSlot: ({ event }) => event.type === 'CONFIRM' && event.hasRoom === false,
  },
  actions: {
    flagDoubleBooked: assign({ doubleBooked: true }),
  },
}).createMachine({
  id: 'bookingLifecycle',
  initial: 'new',
  context: { doubleBooked: false },
  states: {
    new: {
      on: {
        CREATE: [
          // The owner creating a confirmed booking into a full slot makes a double booking at once.
          { guard: 'confirmedIntoFullSlot', target: 'CONFIRMED', actions: 'flagDoubleBooked' },
          { guard: 'skipsConfirmation', target: 'CONFIRMED' },
          { target: 'CREATED' },
        ],
        CREATE_WAITLISTED: { target: 'WAITING_LIST' },
      },
    },
    CREATED: {
      on: {
        CONFIRM_OR_DECLINE: [
          { guard: 'hasRoom', target: 'decidingApproval' },
          { guard: 'ownerSkippedAvailability', target: 'decidingApproval', actions: 'flagDoubleBooked' },
          { guard: 'paidIntoConflict', target: 'decidingApproval', actions: 'flagDoubleBooked' },
          { target: 'DECLINED' },
        ],
        MARK_AS_PENDING: { target: 'PENDING' },
        CONFIRM: [{ guard: 'confirmsIntoFullSlot', target: 'CONFIRMED', actions: 'flagDoubleBooked' }, { target: 'CONFIRMED' }],
        DECLINE: { target: 'DECLINED' },
        CANCEL: { target: 'CANCELED' },
        UPDATE_NUMBER_OF_PARTICIPANTS: { target: 'CREATED' },
        ORDER_DECLINED: { target: 'DECLINED' },
      },
    },
    /** A transient step of confirm-or-decline: PENDING when the service needs approval, else CONFIRMED. */
    decidingApproval: {
      always: [{ guard: 'needsApproval', target: 'PENDING' }, { target: 'CONFIRMED' }],
    },
    PENDING: {
      on: {
        CONFIRM: [{ guard: 'confirmsIntoFullSlot', target: 'CONFIRMED', actions: 'flagDoubleBooked' }, { target: 'CONFIRMED' }],
        DECLINE: { target: 'DECLINED' },
        CANCEL: { target: 'CANCELED' },
        RESCHEDULE: { target: 'PENDING' },
        UPDATE_NUMBER_OF_PARTICIPANTS: { target: 'PENDING' },
        ORDER_DECLINED: { target: 'DECLINED' },
      },
    },
    CONFIRMED: {
      on: {
        CANCEL: { target: 'CANCELED' },
        RESCHEDULE: { target: 'CONFIRMED' },
        UPDATE_NUMBER_OF_PARTICIPANTS: { target: 'CONFIRMED' },
        ORDER_DECLINED: { target: 'DECLINED' },
      },
    },
    WAITING_LIST: {
      on: {
        CONFIRM: [{ guard: 'confirmsIntoFullSlot', target: 'CONFIRMED', actions: 'flagDoubleBooked' }, { target: 'CONFIRMED' }],
        DECLINE: { target: 'DECLINED' },
        CANCEL: { target: 'CANCELED' },
        SPOT_OPENED: { target: 'CONFIRMED' },
        UPDATE_NUMBER_OF_PARTICIPANTS: { target: 'WAITING_LIST' },
      },
    },
    DECLINED: { type: 'final' },
    CANCELED: { type: 'final' },
  },
});
