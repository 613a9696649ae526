/**
 * My bookings and a manage link's booking (contract section 15): the rows load (a member's from the server, a
 * visitor's from this device by their tokens, or the one the link reaches), then the customer may cancel where
 * `allowedActions` allow; a refused or failed cancel shows its error above the rows, which stay.
 */
import { assertEvent } from 'xstate';
import { outputOf, showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';
import { canReschedule } from '../managed.js';

function managedStates(load: 'loadLinkedBooking' | 'loadMyBookings') {
  return flowSetup.createStateConfig({
    initial: 'loading',
    on: { BOOK_ANOTHER: { target: '#flow.service', actions: 'leaveManaged' } },
    states: {
      loading: {
        entry: 'clearError',
        invoke: {
          src: load,
          input: ({ context }) => ({ token: context.bookingToken ?? '' }),
          onDone: { target: 'shown', actions: { type: 'showManaged', params: outputOf } },
          onError: { target: 'failed', actions: showError },
        },
      },
      failed: { on: { RETRY: 'loading' } },
      shown: {
        on: {
          RESCHEDULE_MANAGED: {
            guard: ({ context, event }) => canReschedule(context, event.bookingId),
            target: '#flow.reschedule',
            actions: { type: 'startReschedule', params: ({ event }) => event.bookingId },
          },
          CANCEL_MANAGED: {
            guard: ({ context, event }) =>
              !!context.managed?.some((row) => row.booking.id === event.bookingId && row.allowedActions.cancel),
            target: 'canceling',
            actions: { type: 'markCanceling', params: ({ event }) => event.bookingId },
          },
        },
      },
      canceling: {
        entry: 'clearError',
        invoke: {
          src: 'cancelManaged',
          input: ({ context, event }) => {
            assertEvent(event, 'CANCEL_MANAGED');
            const row = context.managed?.find((r) => r.booking.id === event.bookingId);
            if (!row) throw new Error(`no managed booking ${event.bookingId}`); // the guard let only a shown row in
            return row;
          },
          onDone: { target: 'shown', actions: { type: 'takeManagedCancel', params: outputOf } },
          onError: { target: 'shown', actions: [showError, { type: 'markCanceling', params: () => '' }] },
        },
      },
    },
  });
}

export const manage = managedStates('loadLinkedBooking');
export const myBookings = managedStates('loadMyBookings');
