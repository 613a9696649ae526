/**
 * A member's account from the widget (contract sections 2 and 15, extensions): sign up, ask for a password-reset
 * link, and set a new password with one. Spread into the widget's `members` (and so the full client's).
 */
import type { MemberRegistration } from '../model/members.js';
import { newIdempotencyKey, type Transport } from './transport.js';

export interface Registration {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
}

export function memberAccountCalls(t: Transport) {
  return {
    /** 202 `{ registration }` whether the email is new or a member's (that address gets an email); then sign in. */
    register: (details: Registration, opts: { idempotencyKey?: string } = {}) =>
      t.request<{ registration: MemberRegistration }>('POST', '/members/v1/members/register', {
        body: details,
        anonymous: true,
        idempotencyKey: opts.idempotencyKey ?? newIdempotencyKey(),
      }),
    /** 202 whatever the address: a member's gets an email with a link that works once, for an hour. */
    requestPasswordReset: (email: string) =>
      t.request<Record<string, never>>('POST', '/members/v1/members/password-reset', { body: { email }, anonymous: true }),
    /** Sets the new password with the link's token; 410 when the link was used or expired. Ends every session. */
    resetPassword: (token: string, password: string) =>
      t.request<Record<string, never>>('POST', '/members/v1/members/password-reset/confirm', {
        body: { token, password },
        anonymous: true,
      }),
  };
}
