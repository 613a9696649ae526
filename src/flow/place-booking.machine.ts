/**
 * Placing a booking, as a child of the flow: the visitor's session, the booking, its checkout, and the order
 * when nothing is due now (or when the customer pays in person or with a plan). Every create call carries the
 * attempt's Idempotency-Key, so running this again after a failure, or resuming it from a snapshot saved
 * mid-way, answers what already exists instead of creating it twice.
 */
import { assign, setup } from 'xstate';
import { BookingApiError } from '../api/errors.js';
import type { Booking, CreateBookingRequest } from '../model/booking.js';
import type { Checkout } from '../model/checkout.js';
import { errorOf, outputOf } from './event-data.js';
import { notProvided } from './not-provided.js';
import { checkoutDue, isZero } from './price.js';
import { toFlowError } from './retry.js';
import type { AttemptKeys, CreateBookingCall, CreateCheckoutCall, FlowError, OrderRequest } from './types.js';

export interface PlacementInput {
  request: CreateBookingRequest['booking'];
  keys: AttemptKeys;
  /** The customer chose to pay online: a checkout with something due now waits for their card. */
  paysOnline: boolean;
}

export type PlacementOutput =
  | { result: 'placed'; booking: Booking; checkout: Checkout; orderId: string }
  | { result: 'payment-due'; booking: Booking; checkout: Checkout }
  | { result: 'slot-taken'; error: FlowError }
  | { result: 'failed'; error: FlowError };

interface PlacementContext extends PlacementInput {
  booking: Booking | undefined;
  checkout: Checkout | undefined;
  orderId: string | undefined;
  error: FlowError | undefined;
  slotTaken: boolean;
}

const SLOT_TAKEN = new Set(['SLOT_NOT_AVAILABLE', 'SESSION_CAPACITY_EXCEEDED']);

/** What the parent gets, read from where the attempt stopped. */
function outcomeOf({ booking, checkout, orderId, error, slotTaken }: PlacementContext): PlacementOutput {
  if (error) return slotTaken ? { result: 'slot-taken', error } : { result: 'failed', error };
  if (booking && checkout) return orderId ? { result: 'placed', booking, checkout, orderId } : { result: 'payment-due', booking, checkout };
  return { result: 'failed', error: { code: 'UNKNOWN', message: 'The booking was not placed.' } };
}

export const placeBookingMachine = setup({
  types: {
    context: {} as PlacementContext,
    input: {} as PlacementInput,
    output: {} as PlacementOutput,
  },
  actors: {
    startSession: notProvided<void>('startSession'),
    createBooking: notProvided<Booking, CreateBookingCall>('createBooking'),
    createCheckout: notProvided<Checkout, CreateCheckoutCall>('createCheckout'),
    createOrder: notProvided<{ orderId: string }, OrderRequest>('createOrder'),
  },
  guards: {
    slotTaken: (_, error: unknown) => error instanceof BookingApiError && SLOT_TAKEN.has(error.code),
    paysNow: ({ context }, checkout: Checkout) => context.paysOnline && !isZero(checkoutDue(checkout).now),
  },
  actions: {
    rememberBooking: assign((_, booking: Booking) => ({ booking })),
    rememberCheckout: assign((_, checkout: Checkout) => ({ checkout })),
    rememberOrder: assign((_, { orderId }: { orderId: string }) => ({ orderId })),
    fail: assign((_, error: unknown) => ({ error: toFlowError(error) })),
    loseRace: assign((_, error: unknown) => ({ error: toFlowError(error), slotTaken: true })),
  },
}).createMachine({
  id: 'placeBooking',
  initial: 'session',
  context: ({ input }) => ({ ...input, booking: undefined, checkout: undefined, orderId: undefined, error: undefined, slotTaken: false }),
  output: ({ context }) => outcomeOf(context),
  states: {
    session: {
      invoke: {
        src: 'startSession',
        onDone: 'booking',
        onError: { target: 'failed', actions: { type: 'fail', params: errorOf } },
      },
    },
    booking: {
      invoke: {
        src: 'createBooking',
        input: ({ context }) => ({ request: context.request, key: context.keys.booking }),
        onDone: { target: 'checkout', actions: { type: 'rememberBooking', params: outputOf } },
        onError: [
          { guard: { type: 'slotTaken', params: errorOf }, target: 'slotTaken', actions: { type: 'loseRace', params: errorOf } },
          { target: 'failed', actions: { type: 'fail', params: errorOf } },
        ],
      },
    },
    checkout: {
      invoke: {
        src: 'createCheckout',
        input: ({ context }) => ({ bookingId: context.booking?.id ?? '', key: context.keys.checkout }),
        onDone: [
          { guard: { type: 'paysNow', params: outputOf }, target: 'paymentDue', actions: { type: 'rememberCheckout', params: outputOf } },
          { target: 'order', actions: { type: 'rememberCheckout', params: outputOf } },
        ],
        onError: { target: 'failed', actions: { type: 'fail', params: errorOf } },
      },
    },
    order: {
      invoke: {
        src: 'createOrder',
        input: ({ context }) => ({ checkoutId: context.checkout?.id ?? '', key: context.keys.order }),
        onDone: { target: 'placed', actions: { type: 'rememberOrder', params: outputOf } },
        onError: { target: 'failed', actions: { type: 'fail', params: errorOf } },
      },
    },
    placed: { type: 'final' },
    paymentDue: { type: 'final' },
    slotTaken: { type: 'final' },
    failed: { type: 'final' },
  },
});
