/**
 * The session's calls to the server, each one step of the session machine (its invoked actors): sign in, restore
 * a stored session, refresh the access token, sign out. Each keeps the stored refresh token and the other tabs in
 * step (session-store.ts), so the machine itself only moves between states.
 */
import { createClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { TokenResponse } from '../../model/members.js';
import type { BusinessUser } from '../../model/business-user.js';
import { forgetRefreshToken, storeRefreshToken, storedRefreshToken, tellOtherTabs, withRefreshLock } from './session-store.js';

export interface AccessToken {
  token: string;
  /** When the server stops taking it (the browser's clock, from `expires_in`). */
  expiresAt: number;
}

export interface SignedIn extends AccessToken {
  user: BusinessUser;
}

/** The refresh token was refused (spent, revoked, expired): the stored session is over. */
export class SessionEnded extends Error {
  override readonly name = 'SessionEnded';
}

function accessOf(tokens: TokenResponse): AccessToken {
  return { token: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
}

async function withUser(apiBase: string, access: AccessToken): Promise<SignedIn> {
  // The console needs the account's role before it shows anything; read each time, as the server does.
  const user = await createClient({ apiBase, token: access.token }).business.getMe();
  return { ...access, user };
}

export async function signIn(input: { apiBase: string; email: string; password: string }): Promise<SignedIn> {
  const tokens = await createClient({ apiBase: input.apiBase }).business.login(input.email, input.password);
  storeRefreshToken(input.apiBase, tokens.refresh_token);
  // The stored login is now this one, perhaps another account's: the other tabs resume it.
  tellOtherTabs({ type: 'login' });
  return withUser(input.apiBase, accessOf(tokens));
}

/**
 * Trades the stored refresh token for a new pair, under the lock, stores the new refresh token and hands the
 * access token to the other tabs (the refresh ended the session they were using).
 */
export function refresh(apiBase: string): Promise<AccessToken> {
  return withRefreshLock(apiBase, async () => {
    const stored = storedRefreshToken(apiBase);
    if (!stored) throw new SessionEnded('no stored session');
    let tokens: TokenResponse;
    try {
      tokens = await createClient({ apiBase }).auth.refresh(stored);
    } catch (error) {
      // Refused (400 INVALID_GRANT): over for every tab. Unreachable: keep it, a later try may work.
      if (error instanceof BookingApiError && error.status >= 400 && error.status < 500) {
        forgetRefreshToken(apiBase);
        throw new SessionEnded(error.message);
      }
      throw error;
    }
    storeRefreshToken(apiBase, tokens.refresh_token);
    const access = accessOf(tokens);
    tellOtherTabs({ type: 'tokens', ...access });
    return access;
  });
}

/** A page opened (or reloaded) with a stored session: resume it; undefined when there is none. */
export async function restore(apiBase: string): Promise<SignedIn | undefined> {
  if (!storedRefreshToken(apiBase)) return undefined;
  return withUser(apiBase, await refresh(apiBase));
}

/** Revoking ends the login's open live streams at once (docs/business-accounts.md), in every tab. */
export async function signOut(input: { apiBase: string; token: string | undefined }): Promise<void> {
  forgetRefreshToken(input.apiBase);
  tellOtherTabs({ type: 'logout' });
  if (input.token) await createClient({ apiBase: input.apiBase, token: input.token }).auth.revoke(input.token);
}
