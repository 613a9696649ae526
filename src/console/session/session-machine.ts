/**
 * Who is signed in to the console, as one XState machine: restoring a stored session (a reload, a new tab),
 * signed out (maybe with the last error), signing in, signed in (active, or refreshing its access token), signing
 * out. The calls are invoked actors named in `setup` (session-calls.ts), so a test can swap them; the elements
 * only send LOGIN, LOGOUT and REFRESH and render the state.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { BusinessUser } from '../../model/business-user.js';
import { errorText } from '../texts.js';
import * as calls from './session-calls.js';
import { SessionEnded, type AccessToken, type SignedIn } from './session-calls.js';
import { SESSION_TEXT } from './session-texts.js';
import { listenToOtherTabs, type SessionMessage } from './session-store.js';

export interface SessionContext {
  apiBase: string;
  token: string | undefined;
  /** When the access token ends (the browser's clock): it is refreshed a minute before. */
  expiresAt: number;
  user: BusinessUser | undefined;
  /** Why the last sign-in failed or the session ended, in words; shown next to the form. */
  error: string | undefined;
}

export type SessionEvent =
  | { type: 'LOGIN'; email: string; password: string }
  | { type: 'LOGOUT' }
  /** The server refused the token (a 401): refresh it, or end the session. */
  | { type: 'REFRESH' }
  /** A view's call was refused even after a refresh. */
  | { type: 'EXPIRED' }
  | { type: 'OTHER_TAB'; message: SessionMessage };

const REFRESH_EARLY_MS = 60_000;

const ended = (error: unknown) => (error instanceof SessionEnded ? SESSION_TEXT.sessionEnded : errorText(error));

export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent, input: {} as { apiBase: string } },
  actors: {
    restore: fromPromise(({ input }: { input: { apiBase: string } }) => calls.restore(input.apiBase)),
    signIn: fromPromise(({ input }: { input: { apiBase: string; email: string; password: string } }): Promise<SignedIn> =>
      calls.signIn(input),
    ),
    refresh: fromPromise(({ input }: { input: { apiBase: string } }): Promise<AccessToken> => calls.refresh(input.apiBase)),
    signOut: fromPromise(({ input }: { input: { apiBase: string; token: string | undefined } }) => calls.signOut(input)),
    otherTabs: fromCallback<SessionEvent>(({ sendBack }) => listenToOtherTabs((message) => sendBack({ type: 'OTHER_TAB', message }))),
  },
  actions: {
    forget: assign({ token: undefined, user: undefined, expiresAt: 0 }),
  },
  delays: {
    // setTimeout's limit is about 24 days; an access token lives hours.
    refreshDue: ({ context }) => Math.min(2 ** 31 - 1, Math.max(0, context.expiresAt - Date.now() - REFRESH_EARLY_MS)),
  },
}).createMachine({
  id: 'console-session',
  initial: 'restoring',
  context: ({ input }) => ({ apiBase: input.apiBase, token: undefined, expiresAt: 0, user: undefined, error: undefined }),
  // The other tabs are heard in every state; only signed out and signed in act on them.
  invoke: { src: 'otherTabs' },
  states: {
    restoring: {
      invoke: {
        src: 'restore',
        input: ({ context }) => ({ apiBase: context.apiBase }),
        onDone: [
          {
            guard: ({ event }) => event.output !== undefined,
            target: 'signedIn',
            actions: assign(({ event }) => ({ ...(event.output as SignedIn), error: undefined })),
          },
          { target: 'signedOut' },
        ],
        onError: { target: 'signedOut', actions: assign({ error: ({ event }) => ended(event.error) }) },
      },
    },
    signedOut: {
      on: {
        LOGIN: 'signingIn',
        // Logged in in another tab: this one follows rather than asking for the password again.
        OTHER_TAB: { guard: ({ event }) => event.message.type === 'login', target: 'restoring', actions: assign({ error: undefined }) },
      },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ context, event }) => ({
          apiBase: context.apiBase,
          email: event.type === 'LOGIN' ? event.email : '',
          password: event.type === 'LOGIN' ? event.password : '',
        }),
        onDone: { target: 'signedIn', actions: assign(({ event }) => ({ ...event.output, error: undefined })) },
        onError: { target: 'signedOut', actions: assign({ error: ({ event }) => errorText(event.error) }) },
      },
    },
    signedIn: {
      initial: 'active',
      on: {
        LOGOUT: 'signingOut',
        EXPIRED: { target: 'signedOut', actions: ['forget', assign({ error: SESSION_TEXT.sessionEnded })] },
        OTHER_TAB: [
          {
            // Another tab refreshed, which ended the token this one held: take the new one.
            guard: ({ event }) => event.message.type === 'tokens',
            target: '.active',
            reenter: true,
            actions: assign(({ event }) =>
              event.message.type === 'tokens' ? { token: event.message.token, expiresAt: event.message.expiresAt } : {},
            ),
          },
          // A new login in another tab (perhaps another account): resume the stored one, as a reload would.
          { guard: ({ event }) => event.message.type === 'login', target: 'restoring', actions: 'forget' },
          { target: 'signedOut', actions: 'forget' },
        ],
      },
      states: {
        active: {
          after: { refreshDue: 'refreshing' },
          on: { REFRESH: 'refreshing' },
        },
        refreshing: {
          invoke: {
            src: 'refresh',
            input: ({ context }) => ({ apiBase: context.apiBase }),
            onDone: { target: 'active', actions: assign(({ event }) => ({ ...event.output })) },
            onError: [
              {
                guard: ({ event }) => event.error instanceof SessionEnded,
                target: '#console-session.signedOut',
                actions: ['forget', assign({ error: SESSION_TEXT.sessionEnded })],
              },
              // Unreachable for now: stay signed in and try again in half a minute (not at once, in a loop).
              { target: 'active', actions: assign({ expiresAt: () => Date.now() + REFRESH_EARLY_MS + 30_000 }) },
            ],
          },
        },
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
