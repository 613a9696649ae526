/**
 * The customer's API session: an anonymous visitor token (or a member's), kept in IndexedDB per API server so
 * a reload is the same visitor and still owns its bookings. Refreshed when it expires.
 */
import type { WidgetClient } from '../api/client.js';
import type { TokenResponse } from '../model/members.js';
import type { Session, WidgetStore } from '../store/index.js';

export interface SessionHolder {
  /** The current access token, if any (the client's `token` option reads this). */
  token(): string | undefined;
  /** Whether the session is a member's (after `ensure()`): their bookings are on the server, not only here. */
  isMember(): boolean;
  /** Makes sure a usable token exists: the stored one, a refreshed one, or a new anonymous one. */
  ensure(): Promise<void>;
  /** Replaces the session with a member's tokens. */
  useMember(tokens: TokenResponse, memberId: string): Promise<void>;
  /** Drops the session (logout); the next `ensure()` starts a new visitor. */
  clear(): Promise<void>;
}

export function createSession(options: {
  apiBase: string;
  clientId: string;
  store: WidgetStore;
  client: () => WidgetClient;
}): SessionHolder {
  let current: Session | undefined;
  let loading: Promise<void> | undefined;

  const toSession = (t: TokenResponse, kind: Session['kind'], memberId?: string): Session => ({
    apiBase: options.apiBase,
    kind,
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    // A minute early, so a request never leaves with a token about to expire.
    expiresAt: new Date(Date.now() + Math.max(0, t.expires_in - 60) * 1000).toISOString(),
    ...(memberId ? { memberId } : {}),
  });
  const fresh = (s: Session | undefined): boolean => !!s && s.expiresAt > new Date().toISOString();

  async function load(): Promise<void> {
    const stored = current ?? (await options.store.loadSession(options.apiBase));
    current = stored;
    if (fresh(stored)) return;
    const auth = options.client().auth;
    if (stored) {
      try {
        current = toSession(await auth.refresh(stored.refreshToken), stored.kind, stored.memberId);
        await options.store.saveSession(current);
        return;
      } catch {
        // A refused refresh token: start again as a new visitor below.
      }
    }
    current = toSession(await auth.anonymousToken(options.clientId), 'visitor');
    await options.store.saveSession(current);
  }

  return {
    token: () => current?.accessToken,
    isMember: () => current?.kind === 'member',
    ensure() {
      if (fresh(current)) return Promise.resolve();
      return (loading ??= load().finally(() => (loading = undefined)));
    },
    async useMember(tokens, memberId) {
      current = toSession(tokens, 'member', memberId);
      await options.store.saveSession(current);
    },
    async clear() {
      current = undefined;
      await options.store.clearSession(options.apiBase);
    },
  };
}
