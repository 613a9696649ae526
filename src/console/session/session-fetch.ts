/**
 * The console client's fetch: a call the server refuses with 401 (the access token ended) asks the session
 * machine for a new token once and is sent again with it; if the session cannot be refreshed the 401 stands and
 * the machine has already gone back to the login form ("Your session ended"). Wrapping fetch keeps this out of the
 * shared Transport, so the widget's bundle does not carry it.
 */
import { waitFor, type Actor } from 'xstate';
import type { sessionMachine } from './session-machine.js';

type Session = Actor<typeof sessionMachine>;

function bearerOf(init: RequestInit | undefined): string | undefined {
  const headers = new Headers(init?.headers);
  const value = headers.get('authorization');
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length) : undefined;
}

/** A token newer than `stale`: the one another call or tab already got, or a refresh's; undefined when signed out. */
async function freshToken(session: Session, stale: string): Promise<string | undefined> {
  const now = session.getSnapshot();
  if (!now.matches('signedIn')) return undefined;
  if (now.matches({ signedIn: 'active' }) && now.context.token === stale) session.send({ type: 'REFRESH' });
  const after = await waitFor(session, (s) => !s.matches('signedIn') || (s.matches({ signedIn: 'active' }) && s.context.token !== stale), {
    timeout: 30_000,
  }).catch(() => undefined);
  return after?.matches('signedIn') ? after.context.token : undefined;
}

export function refreshingFetch(session: Session, base: typeof fetch = (input, init) => globalThis.fetch(input, init)): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const stale = response.status === 401 ? bearerOf(init) : undefined;
    if (stale === undefined) return response;
    const token = await freshToken(session, stale);
    if (token === undefined) return response;
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return base(input, { ...init, headers });
  };
}
