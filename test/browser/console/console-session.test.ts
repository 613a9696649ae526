/**
 * The console session across reloads, in the browser, with the server calls swapped out: restoring a stored
 * session (or not), refreshing on REFRESH and on a 401 through the console's fetch, the end of a session that cannot
 * be refreshed, a new token from another tab, and the stored refresh token's life (stored, rotated, forgotten).
 */
import { expect } from '@open-wc/testing';
import { createActor, fromPromise, waitFor } from 'xstate';
import { sessionMachine } from '../../../src/console/session/session-machine.js';
import { SessionEnded, type AccessToken, type SignedIn } from '../../../src/console/session/session-calls.js';
import { refreshingFetch } from '../../../src/console/session/session-fetch.js';
import { forgetRefreshToken, storeRefreshToken, storedRefreshToken } from '../../../src/console/session/session-store.js';
import type { BusinessUser } from '../../../src/model/business-user.js';

const user: BusinessUser = { id: 'u1', email: 'owner@example.com', role: 'OWNER', createdDate: '', updatedDate: '' };
const hour = () => Date.now() + 3_600_000;

function session(opts: { restored?: SignedIn; refresh?: () => Promise<AccessToken> }) {
  const machine = sessionMachine.provide({
    actors: {
      restore: fromPromise<SignedIn | undefined, { apiBase: string }>(async () => opts.restored),
      refresh: fromPromise<AccessToken, { apiBase: string }>(() => (opts.refresh ?? (async () => ({ token: 'new', expiresAt: hour() })))()),
      signOut: fromPromise<void, { apiBase: string; token: string | undefined }>(async () => {}),
    },
  });
  return createActor(machine, { input: { apiBase: 'http://test' } }).start();
}

describe('console: session across reloads', () => {
  it('restores a stored session without showing the login form, or falls back to it', async () => {
    const actor = session({ restored: { token: 'old', expiresAt: hour(), user } });
    expect(actor.getSnapshot().matches('restoring')).to.equal(true);
    const inside = await waitFor(actor, (s) => s.matches('signedIn'));
    expect(inside.context.user?.email).to.equal(user.email);
    const none = session({});
    await waitFor(none, (s) => s.matches('signedOut'));
    expect(none.getSnapshot().context.error).to.equal(undefined);
  });

  it('retries a refused call once with the refreshed token', async () => {
    const actor = session({ restored: { token: 'old', expiresAt: hour(), user } });
    await waitFor(actor, (s) => s.matches('signedIn'));
    const seen: string[] = [];
    const fake: typeof fetch = async (_input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      return new Response('{}', { status: auth === 'Bearer new' ? 200 : 401 });
    };
    const response = await refreshingFetch(actor, fake)('http://test/x', { headers: { authorization: 'Bearer old' } });
    expect(response.status).to.equal(200);
    expect(seen).to.deep.equal(['Bearer old', 'Bearer new']);
    expect(actor.getSnapshot().context.token).to.equal('new');
  });

  it('ends the session with words when the refresh token is refused, and the 401 stands', async () => {
    const actor = session({
      restored: { token: 'old', expiresAt: hour(), user },
      refresh: () => Promise.reject(new SessionEnded('spent')),
    });
    await waitFor(actor, (s) => s.matches('signedIn'));
    const fake: typeof fetch = async () => new Response('{}', { status: 401 });
    const response = await refreshingFetch(actor, fake)('http://test/x', { headers: { authorization: 'Bearer old' } });
    expect(response.status).to.equal(401);
    const out = await waitFor(actor, (s) => s.matches('signedOut'));
    expect(out.context.error).to.equal('Your session ended. Log in again.');
    expect(out.context.token).to.equal(undefined);
  });

  it("takes another tab's new token, leaves when another tab logs out, and follows another tab's login", async () => {
    const actor = session({ restored: { token: 'old', expiresAt: hour(), user } });
    await waitFor(actor, (s) => s.matches('signedIn'));
    actor.send({ type: 'OTHER_TAB', message: { type: 'tokens', token: 'theirs', expiresAt: hour() } });
    expect(actor.getSnapshot().context.token).to.equal('theirs');
    actor.send({ type: 'OTHER_TAB', message: { type: 'logout' } });
    expect(actor.getSnapshot().matches('signedOut')).to.equal(true);
    // A login in another tab (maybe another account): this tab resumes the stored login, as a reload would.
    actor.send({ type: 'OTHER_TAB', message: { type: 'login' } });
    expect(actor.getSnapshot().matches('restoring')).to.equal(true);
    await waitFor(actor, (s) => s.matches('signedIn'));
  });

  it('keeps only the refresh token, per API origin, and forgets it', () => {
    storeRefreshToken('http://a', 'r1');
    expect(storedRefreshToken('http://a')).to.equal('r1');
    expect(storedRefreshToken('http://b')).to.equal(undefined);
    forgetRefreshToken('http://a');
    expect(storedRefreshToken('http://a')).to.equal(undefined);
  });
});
