import { BookingApiError } from '../../api/errors.js';

/** A 401 means the session is gone: tell the shell (it signs the console out), whatever the view was doing. */
export function signalUnauthorized(el: EventTarget, e: unknown): void {
  if (e instanceof BookingApiError && e.status === 401) {
    el.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
  }
}
