/**
 * The reschedule step (contract section 15): the time step again for the booking's own service (and staff member,
 * and an appointment's length), then the reschedule call with the booking's revision. A time taken meanwhile
 * brings the times back with the lost-race message; Back, or success, returns to the list (or the link's booking).
 */
import { monthRange } from '../calendar.js';
import { flowErrorOf, outputOf, showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';
import { rescheduleDuration, rescheduleSlot } from '../managed.js';

export const reschedule = flowSetup.createStateConfig({
  initial: 'loading',
  on: {
    // Back where the customer came from: the link's booking, else my bookings.
    BACK: [
      { guard: 'manageLinkOpened', target: '#flow.manage.shown', actions: 'endReschedule' },
      { target: '#flow.myBookings.shown', actions: 'endReschedule' },
    ],
    MONTH: { target: '.loading', actions: { type: 'showMonth', params: ({ event }) => event.month } },
    SET_TIME_ZONE: { target: '.loading', actions: { type: 'setTimeZone', params: ({ event }) => event.timeZone } },
  },
  states: {
    loading: {
      invoke: {
        src: 'loadSlots',
        input: ({ context }) => ({
          service: context.service!, // entered only for a booking whose service the catalogue has (the guard)
          timeZone: context.timeZone,
          durationInMinutes: rescheduleDuration(context),
          ...monthRange(context.month, context.today),
        }),
        onDone: [
          { guard: { type: 'nothingOpenThisMonth', params: outputOf }, target: 'loading', reenter: true, actions: 'skipToNextMonth' },
          { target: 'ready', actions: { type: 'showSlots', params: outputOf } },
        ],
        onError: { target: 'error', actions: showError },
      },
    },
    error: { on: { RETRY: { target: 'loading', actions: 'clearError' } } },
    ready: {
      on: {
        SELECT_DAY: { actions: { type: 'selectDay', params: ({ event }) => event.day } },
        SELECT_STAFF: { actions: { type: 'selectStaff', params: ({ event }) => event.staffId } },
        SELECT_SLOT: { actions: { type: 'selectSlot', params: ({ event }) => event.slot } },
        NEXT: { guard: 'hasSlot', target: 'saving' },
      },
    },
    saving: {
      entry: 'clearError',
      invoke: {
        src: 'rescheduleManaged',
        input: ({ context }) => {
          const row = context.managed?.find((r) => r.booking.id === context.reschedulingId);
          if (!row) throw new Error('no booking to reschedule'); // entered only from a shown row
          return { row, slot: rescheduleSlot(context) };
        },
        onDone: [
          { guard: 'manageLinkOpened', target: '#flow.manage.shown', actions: { type: 'takeReschedule', params: outputOf } },
          { target: '#flow.myBookings.shown', actions: { type: 'takeReschedule', params: outputOf } },
        ],
        onError: [
          { guard: { type: 'timeTaken', params: flowErrorOf }, target: 'loading', actions: [showError, 'rescheduleRaceLost'] },
          { target: 'ready', actions: showError },
        ],
      },
    },
  },
});
