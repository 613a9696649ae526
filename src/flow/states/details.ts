/** The details step: contact details (validated before moving on), and a member's sign-in and sign-out. */
import { assertEvent } from 'xstate';
import { flowErrorOf, outputOf } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';

export const details = flowSetup.createStateConfig({
  initial: 'editing',
  on: { BACK: 'slot' },
  states: {
    editing: {
      on: {
        SUBMIT_DETAILS: [
          {
            guard: { type: 'detailsOk', params: ({ event }) => event.details },
            target: '#flow.review',
            actions: { type: 'acceptDetails', params: ({ event }) => event },
          },
          { actions: { type: 'keepTypedDetails', params: ({ event }) => event } },
        ],
        LOGIN: 'loggingIn',
        LOGOUT: 'loggingOut',
      },
    },
    loggingIn: {
      invoke: {
        src: 'login',
        input: ({ event }) => {
          assertEvent(event, 'LOGIN');
          return { email: event.email, password: event.password };
        },
        onDone: { target: 'editing', actions: { type: 'signIn', params: outputOf } },
        onError: { target: 'editing', actions: { type: 'showError', params: flowErrorOf } },
      },
    },
    // Signed out either way: a failed revoke only leaves a token that expires by itself.
    loggingOut: {
      invoke: { src: 'logout', onDone: { target: 'editing', actions: 'signOut' }, onError: { target: 'editing', actions: 'signOut' } },
    },
  },
});
