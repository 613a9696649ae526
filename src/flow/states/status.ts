/** The status step: the booking as the server has it, live from its stream, until it settles or is canceled. */
import { outputOf, showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';

const bookingRef = ({ context }: { context: { booking?: { id: string } | undefined } }) => ({ bookingId: context.booking?.id ?? '' });

export const status = flowSetup.createStateConfig({
  initial: 'loading',
  // The .ics link, once per visit to the status step; without it the view still offers Google and Outlook.
  invoke: {
    src: 'calendarFile',
    input: ({ context }) => ({ booking: context.booking }),
    onDone: { actions: { type: 'showCalendarFile', params: outputOf } },
    onError: {},
  },
  on: {
    OTHER_TIMES: { target: 'slot', actions: 'otherTimes' },
    BOOK_ANOTHER: { target: 'service', actions: 'startOver' },
  },
  states: {
    loading: {
      invoke: {
        src: 'fetchBooking',
        input: bookingRef,
        onDone: { target: 'live', actions: { type: 'applyBooking', params: outputOf } },
        onError: 'live',
      },
    },
    live: {
      always: { guard: 'bookingFinal', target: 'settled' },
      invoke: { src: 'watchBooking', input: bookingRef },
      on: {
        BOOKING_UPDATED: { actions: { type: 'applyBooking', params: ({ event }) => event.booking } },
        CANCEL_BOOKING: 'canceling',
      },
    },
    canceling: {
      invoke: {
        src: 'cancelBooking',
        input: ({ context }) => ({ bookingId: context.booking?.id ?? '', revision: context.booking?.revision ?? '' }),
        onDone: { target: 'live', actions: ['clearError', { type: 'applyBooking', params: outputOf }] },
        onError: { target: 'live', actions: showError },
      },
    },
    settled: {},
  },
});
