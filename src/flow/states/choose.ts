/** The first steps: the catalogue loads, the customer picks a service, then a variant and participants. */
import { outputOf, showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';

export const boot = flowSetup.createStateConfig({
  invoke: {
    src: 'loadCatalogue',
    onDone: [
      { guard: 'resetLinkOpened', target: 'resetPassword', actions: { type: 'rememberCatalogue', params: outputOf } },
      { guard: 'manageLinkOpened', target: 'manage', actions: { type: 'rememberCatalogue', params: outputOf } },
      { guard: 'myBookingsView', target: 'myBookings', actions: { type: 'rememberCatalogue', params: outputOf } },
      {
        guard: { type: 'presetOffered', params: outputOf },
        target: 'variant',
        actions: [
          { type: 'rememberCatalogue', params: outputOf },
          { type: 'chooseService', params: ({ context }) => context.presetServiceId ?? '' },
        ],
      },
      { target: 'service', actions: { type: 'rememberCatalogue', params: outputOf } },
    ],
    onError: { target: 'failed', actions: showError },
  },
});

export const failed = flowSetup.createStateConfig({
  on: { RETRY: { target: 'boot', actions: 'clearError' } },
});

export const service = flowSetup.createStateConfig({
  on: {
    SET_CATEGORY: { actions: { type: 'setCategory', params: ({ event }) => event.categoryId } },
    SELECT_SERVICE: { target: 'variant', actions: { type: 'chooseService', params: ({ event }) => event.serviceId } },
    MY_BOOKINGS: 'myBookings',
  },
});

export const variant = flowSetup.createStateConfig({
  initial: 'loading',
  on: { BACK: { guard: 'canLeaveServiceStep', target: 'service' } },
  states: {
    loading: {
      invoke: {
        src: 'loadVariants',
        input: ({ context }) => ({ serviceId: context.service?.id ?? '' }),
        onDone: [
          { guard: { type: 'noVariantStep', params: outputOf }, target: '#flow.slot', actions: 'skipVariants' },
          { target: 'choosing', actions: { type: 'showVariants', params: outputOf } },
        ],
        onError: { target: 'error', actions: showError },
      },
    },
    error: { on: { RETRY: { target: 'loading', actions: 'clearError' } } },
    choosing: {
      on: {
        SET_COUNT: { actions: { type: 'setCount', params: ({ event }) => event } },
        NEXT: { guard: 'countsValid', target: '#flow.slot' },
      },
    },
  },
});
