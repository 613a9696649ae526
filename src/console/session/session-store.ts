/**
 * What outlives a page: the refresh token in localStorage (docs/security.md, "The console's session"), and a
 * BroadcastChannel that tells the other tabs of the console about a new access token or a logout. The access token
 * itself is never stored: a tab gets one by refreshing, or from the tab that did.
 *
 * The server rotates a refresh token on use, so tabs take turns: a refresh runs under a Web Lock and reads the
 * token from storage inside it, so a tab that waited uses the one the previous tab stored, not a spent one.
 */

/** Said between tabs of one console: the new access token after a refresh, a new login (maybe another account), or a logout. */
export type SessionMessage = { type: 'tokens'; token: string; expiresAt: number } | { type: 'login' } | { type: 'logout' };

const key = (apiBase: string) => `booking-console:refresh:${apiBase}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (a strict privacy setting): the session lasts as long as the page
  }
}

export function storedRefreshToken(apiBase: string): string | undefined {
  return storage()?.getItem(key(apiBase)) ?? undefined;
}

export function storeRefreshToken(apiBase: string, refreshToken: string): void {
  try {
    storage()?.setItem(key(apiBase), refreshToken);
  } catch {
    // Full or refused: this tab stays signed in; a reload asks for the password again.
  }
}

export function forgetRefreshToken(apiBase: string): void {
  storage()?.removeItem(key(apiBase));
}

/** Runs `task` while no other tab of this console refreshes (browsers without Web Locks: at once). */
export function withRefreshLock<T>(apiBase: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // LockManager.request is typed as resolving to the callback's promise; it resolves to what that promise does.
  return locks ? (locks.request(`booking-console:refresh:${apiBase}`, task) as unknown as Promise<T>) : task();
}

let channel: BroadcastChannel | undefined;

/** One channel per page: a BroadcastChannel does not hear its own messages, so a tab never answers itself. */
function sessionChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel('booking-console:session');
  return channel;
}

export function tellOtherTabs(message: SessionMessage): void {
  sessionChannel()?.postMessage(message);
}

/** Listens for the other tabs' messages; returns the function that stops listening. */
export function listenToOtherTabs(listener: (message: SessionMessage) => void): () => void {
  const ch = sessionChannel();
  if (!ch) return () => undefined;
  const onMessage = (e: MessageEvent<SessionMessage>) => listener(e.data);
  ch.addEventListener('message', onMessage);
  return () => ch.removeEventListener('message', onMessage);
}
