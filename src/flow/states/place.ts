/**
 * Review, placing and checkout: the price is previewed, CONFIRM hands the attempt to the placing child machine
 * (./place-booking.machine.ts), and a card is asked for only when its outcome says something is due now.
 */
import { assertEvent } from 'xstate';
import { createBookingRequest, previewLines } from '../booking-request.js';
import { flowErrorOf, outputOf, showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';

export const review = flowSetup.createStateConfig({
  initial: 'pricing',
  entry: 'estimate',
  on: {
    BACK: 'details',
    SET_PAYMENT: { actions: { type: 'setPayment', params: ({ event }) => event } },
    CONFIRM: { target: 'placing', actions: 'clearError' },
  },
  states: {
    pricing: {
      invoke: {
        src: 'previewPrice',
        input: ({ context }) => ({ lines: previewLines(context) }),
        onDone: { target: 'ready', actions: { type: 'rememberPrice', params: outputOf } },
        // The estimate stays: the server checks the price again when the booking is made.
        onError: 'ready',
      },
    },
    ready: {},
  },
});

const takePlacement = { type: 'takePlacement', params: outputOf } as const;

export const placing = flowSetup.createStateConfig({
  initial: 'running',
  states: {
    running: {
      invoke: {
        id: 'placement',
        src: 'placeBooking',
        input: ({ context }) => ({
          request: createBookingRequest(context),
          keys: context.keys,
          paysOnline: context.payment === 'ONLINE',
        }),
        // Every step of the child is saved with the flow, and the booking is announced as soon as it exists.
        onSnapshot: { actions: { type: 'announceBooking', params: ({ event }) => event.snapshot.context.booking } },
        onDone: [
          { guard: { type: 'orderPlaced', params: outputOf }, target: '#flow.status', actions: takePlacement },
          { guard: { type: 'paymentDue', params: outputOf }, target: '#flow.checkout', actions: takePlacement },
          { guard: { type: 'slotTaken', params: outputOf }, target: '#flow.slot', actions: takePlacement },
          { target: 'failed', actions: takePlacement },
        ],
        onError: { target: 'failed', actions: showError },
      },
    },
    // Retrying reuses the attempt's Idempotency-Keys: whatever was already created is answered again, not doubled.
    failed: {
      on: {
        RETRY: { target: 'running', actions: 'clearError' },
        BACK: { target: '#flow.review', actions: 'clearError' },
      },
    },
  },
});

export const checkout = flowSetup.createStateConfig({
  initial: 'entering',
  states: {
    entering: { on: { PAY: { target: 'paying', actions: 'newCardKey' } } },
    paying: {
      invoke: {
        src: 'createOrder',
        input: ({ context, event }) => {
          assertEvent(event, 'PAY');
          return { checkoutId: context.checkout?.id ?? '', key: context.keys.order, cardToken: event.cardToken };
        },
        onDone: { target: '#flow.status', actions: { type: 'completeOrder', params: outputOf } },
        onError: {
          target: 'entering',
          actions: [{ type: 'declineCard', params: flowErrorOf }, showError],
        },
      },
    },
  },
});
