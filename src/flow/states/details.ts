/** The details step: contact details (validated before moving on); a member's sign-in, sign-up, reset and sign-out. */
import { assertEvent } from 'xstate';
import { outputOf, showError } from '../event-data.js';
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
        REGISTER: 'registering',
        FORGOT_PASSWORD: 'requestingReset',
        CLEAR_ACCOUNT_NOTICE: { actions: ['clearAccountNotice', 'clearError'] },
      },
    },
    // Signs the new member in at once; a known email's owner was emailed instead (the server does not say which).
    registering: {
      entry: 'clearError',
      invoke: {
        src: 'register',
        input: ({ event }) => {
          assertEvent(event, 'REGISTER');
          return event.details;
        },
        onDone: { target: 'editing', actions: { type: 'signIn', params: outputOf } },
        onError: { target: 'editing', actions: showError },
      },
    },
    requestingReset: {
      entry: 'clearError',
      invoke: {
        src: 'requestPasswordReset',
        input: ({ event }) => {
          assertEvent(event, 'FORGOT_PASSWORD');
          return { email: event.email };
        },
        onDone: { target: 'editing', actions: 'resetRequested' },
        onError: { target: 'editing', actions: showError },
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
        onError: { target: 'editing', actions: showError },
      },
    },
    // Signed out either way: a failed revoke only leaves a token that expires by itself.
    loggingOut: {
      invoke: { src: 'logout', onDone: { target: 'editing', actions: 'signOut' }, onError: { target: 'editing', actions: 'signOut' } },
    },
  },
});
