/**
 * "Set a new password" (contract section 15): the widget opened with a password-reset link's token (the
 * `reset-token` attribute) asks for the new password, sends it once, then offers to go on to booking.
 */
import { assertEvent } from 'xstate';
import { showError } from '../event-data.js';
import { flowSetup } from '../flow-setup.js';

export const resetPassword = flowSetup.createStateConfig({
  initial: 'editing',
  // The link was used or expired, or the password is set: on to booking, without the token.
  on: { START_BOOKING: { target: 'boot', actions: 'forgetResetToken' } },
  states: {
    editing: { on: { SET_NEW_PASSWORD: 'saving' } },
    saving: {
      entry: 'clearError',
      invoke: {
        src: 'resetPassword',
        input: ({ context, event }) => {
          assertEvent(event, 'SET_NEW_PASSWORD');
          return { token: context.resetToken ?? '', password: event.password };
        },
        onDone: { target: 'done', actions: 'passwordSet' },
        onError: { target: 'editing', actions: showError },
      },
    },
    done: {},
  },
});
