/**
 * The widget's flow, one state per step: service → variant → slot → details → review → checkout → status; and
 * resetPassword, where a widget opened with a password-reset link starts; manage (a manage link's booking) and
 * myBookings (the customer's bookings, from the service step's link or `view="my-bookings"`).
 * Actions, guards and actors are named in ./flow-setup.ts; each step's states live in ./states/. Every API
 * call is an invoked actor (bound to a client by `createFlowActors`, replaced by fakes in tests); placing the
 * booking is a child machine. The context is plain JSON, so `getPersistedSnapshot()` (which includes a running
 * child) can be saved after every step, and a reload resumes at the same step with the same choices.
 */
import { flowSetup } from './flow-setup.js';
import { initialContext } from './context.js';
import { boot, failed, service, variant } from './states/choose.js';
import { details } from './states/details.js';
import { checkout, placing, review } from './states/place.js';
import { slot } from './states/slot.js';
import { status } from './states/status.js';
import { resetPassword } from './states/account.js';
import { manage, myBookings } from './states/manage.js';
import { reschedule } from './states/reschedule.js';

export { FLOW_VERSION, initialContext } from './context.js';
export { stepOf } from './step.js';

export const flowMachine = flowSetup.createMachine({
  id: 'flow',
  initial: 'boot',
  context: ({ input }) => initialContext(input),
  on: {
    SET_CUSTOMER_TIME_ZONE: { actions: { type: 'setCustomerTimeZone', params: ({ event }) => event.timeZone } },
    PREFILL: { actions: { type: 'prefill', params: ({ event }) => event.details } },
    SET_MEMBER_LOGIN: { actions: { type: 'setMemberLogin', params: ({ event }) => event.mode } },
    // The network's catalogue differs from the cached one the list was painted from: show the server's.
    CATALOGUE_UPDATED: { actions: { type: 'rememberCatalogue', params: ({ event }) => event.catalogue } },
  },
  states: {
    boot,
    failed,
    service,
    variant,
    slot,
    details,
    review,
    placing,
    checkout,
    status,
    resetPassword,
    manage,
    myBookings,
    reschedule,
  },
});
