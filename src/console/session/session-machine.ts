/**
 * Who is signed in to the console, as one XState machine: signed out (maybe with the last error), signing in,
 * signed in (the token and the account), signing out. The calls are invoked actors named in `setup`, so a test
 * can swap them; the elements only send LOGIN and LOGOUT and render the state.
 */
import { assign, fromPromise, setup } from 'xstate';
import { createClient } from '../../api/client.js';
import type { BusinessUser } from '../../model/business-user.js';
import { errorText } from '../texts.js';

export interface SessionContext {
  apiBase: string;
  token: string | undefined;
  user: BusinessUser | undefined;
  /** Why the last sign-in failed, in words; shown next to the form. */
  error: string | undefined;
}

export type SessionEvent = { type: 'LOGIN'; email: string; password: string } | { type: 'LOGOUT' } | { type: 'EXPIRED' };

interface SignedIn {
  token: string;
  user: BusinessUser;
}

export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent, input: {} as { apiBase: string } },
  actors: {
    // Sign in, then read the account with the new token: the console needs its role before it shows anything.
    signIn: fromPromise(async ({ input }: { input: { apiBase: string; email: string; password: string } }): Promise<SignedIn> => {
      const tokens = await createClient({ apiBase: input.apiBase }).business.login(input.email, input.password);
      const user = await createClient({ apiBase: input.apiBase, token: tokens.access_token }).business.getMe();
      return { token: tokens.access_token, user };
    }),
    // Revoking ends the login's open live streams at once (docs/business-accounts.md), not only this tab's view.
    signOut: fromPromise(async ({ input }: { input: { apiBase: string; token: string | undefined } }) => {
      if (input.token) await createClient({ apiBase: input.apiBase, token: input.token }).auth.revoke(input.token);
    }),
  },
  actions: {
    forget: assign({ token: undefined, user: undefined }),
  },
}).createMachine({
  id: 'console-session',
  initial: 'signedOut',
  context: ({ input }) => ({ apiBase: input.apiBase, token: undefined, user: undefined, error: undefined }),
  states: {
    signedOut: {
      on: { LOGIN: 'signingIn' },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ context, event }) => ({
          apiBase: context.apiBase,
          email: event.type === 'LOGIN' ? event.email : '',
          password: event.type === 'LOGIN' ? event.password : '',
        }),
        onDone: {
          target: 'signedIn',
          actions: assign({ token: ({ event }) => event.output.token, user: ({ event }) => event.output.user, error: undefined }),
        },
        onError: { target: 'signedOut', actions: assign({ error: ({ event }) => errorText(event.error) }) },
      },
    },
    signedIn: {
      on: {
        LOGOUT: 'signingOut',
        EXPIRED: { target: 'signedOut', actions: ['forget', assign({ error: 'Your session ended. Log in again.' })] },
      },
    },
    signingOut: {
      invoke: {
        src: 'signOut',
        input: ({ context }) => ({ apiBase: context.apiBase, token: context.token }),
        // Signed out here either way: a failed revoke (offline) must not keep the console open.
        onDone: { target: 'signedOut', actions: 'forget' },
        onError: { target: 'signedOut', actions: 'forget' },
      },
    },
  },
});
