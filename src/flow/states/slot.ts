/** The slot step: a month of times (or a course's schedule) in the chosen zone; a day, staff member and time. */
import { chosenDuration } from '../booking-request.js';
import { monthRange } from '../calendar.js';
import { outputOf, showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';

export const slot = flowSetup.createStateConfig({
  initial: 'loading',
  on: {
    BACK: [
      { guard: 'variantShown', target: 'variant.choosing' },
      { guard: 'canLeaveServiceStep', target: 'service' },
    ],
    MONTH: { target: '.loading', actions: { type: 'showMonth', params: ({ event }) => event.month } },
    SET_TIME_ZONE: { target: '.loading', actions: { type: 'setTimeZone', params: ({ event }) => event.timeZone } },
  },
  states: {
    loading: {
      invoke: {
        src: 'loadSlots',
        input: ({ context }) => ({
          service: context.service!, // the slot step is only entered with a service chosen
          timeZone: context.timeZone,
          durationInMinutes: chosenDuration(context),
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
        NEXT: { guard: 'hasSlot', target: '#flow.details' },
      },
    },
  },
});
