/**
 * The outbox's `email:account-exists` channel: when someone registers with an address that is already a member's
 * (server/domain/members/registration-event.ts), that address is told it has an account, instead of the
 * registration answer saying so to whoever asked. And `email:password-reset`: a member who asked for it gets the
 * password-reset link (server/domain/members/password-reset.ts), `<publicUrl>/reset-password.html?reset=<token>`. Its own channel prefix, longer than `email`, so the outbox
 * picks this handler for it (the longest registered prefix wins) and the booking emails' handler keeps the rest.
 * The handler answers what the booking emails' handler answers, `{to, subject, messageId, file?}` as JSON, so
 * the owner's email list reads both alike.
 */
import { basename } from 'node:path';
import type { ClaimedDelivery, OutboxEvent } from '../../storage/outbox-types.js';
import type { Storage } from '../../storage/types.js';
import { DeliveryFailure, type DeliveryOutcome } from '../../domain/outbox/channels.js';
import { knownEmailPayload, REGISTRATION_FOR_KNOWN_EMAIL } from '../../domain/members/registration-event.js';
import { PASSWORD_RESET_REQUESTED, passwordResetPayload } from '../../domain/members/password-reset.js';
import { ACCOUNT_EMAIL_KINDS, renderAccountEmail, type AccountEmailKind } from '../email/account-email.js';
import type { Mailer } from '../email/mailer.js';

/** The prefix to register: `email:account-exists`, its channel `email:account-exists:member`. */
export const ACCOUNT_EXISTS_CHANNEL = 'email:account-exists';
/** The prefix to register for the reset links: `email:password-reset`, its channel `email:password-reset:member`. */
export const PASSWORD_RESET_CHANNEL = 'email:password-reset';

/** The page of the widget that sets a new password (demo/reset-password.html) with the link's token. */
export function resetPasswordUrl(base: string, token: string): string {
  const url = new URL('reset-password.html', `${base.replace(/\/+$/, '')}/`);
  url.searchParams.set('reset', token);
  return url.toString();
}
const MEMBER_ROLE = 'member';

export interface AccountChannelOptions {
  storage: Storage;
  mailer: Mailer;
  /** The server's public address: the sign-in button points there; read at each send. */
  publicUrl: () => string;
}

/** `email:<account kind>:member` → its kind and role; null for any other channel (a booking email's too). */
export function parseAccountChannel(channel: string): { kind: AccountEmailKind; role: typeof MEMBER_ROLE } | null {
  const [prefix, kind, role, ...rest] = channel.split(':');
  if (prefix !== 'email' || role !== MEMBER_ROLE || rest.length > 0) return null;
  if (!(ACCOUNT_EMAIL_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { kind: kind as AccountEmailKind, role: MEMBER_ROLE };
}

export function accountSubscriber(storage: Storage): (event: OutboxEvent) => Promise<string[]> {
  return async (event) => {
    const channel =
      event.eventType === REGISTRATION_FOR_KNOWN_EMAIL && knownEmailPayload(event.payload)
        ? ACCOUNT_EXISTS_CHANNEL
        : event.eventType === PASSWORD_RESET_REQUESTED && passwordResetPayload(event.payload)
          ? PASSWORD_RESET_CHANNEL
          : null;
    // As the booking emails: no business set up, no email (the handler could not sign it with a name).
    if (!channel || !(await storage.business.get())) return [];
    return [`${channel}:${MEMBER_ROLE}`];
  };
}

export function accountHandler(options: AccountChannelOptions): (claimed: ClaimedDelivery) => Promise<DeliveryOutcome> {
  const { storage, mailer, publicUrl } = options;
  return async ({ delivery, event }) => {
    const target = parseAccountChannel(delivery.channel);
    if (!target) throw new DeliveryFailure(`not an account email channel: ${delivery.channel}`, { permanent: true });
    const reset = target.kind === 'password-reset' ? passwordResetPayload(event.payload) : null;
    const payload = target.kind === 'password-reset' ? reset : knownEmailPayload(event.payload);
    if (!payload) throw new DeliveryFailure('the event names no address', { permanent: true });
    const business = await storage.business.get();
    if (!business) throw new DeliveryFailure('the business is not set up', { permanent: true });
    const base = publicUrl().replace(/\/+$/, '');
    // A reset email without its link would be useless: not sent (the owner's email list shows why).
    if (reset && !base) throw new DeliveryFailure('no public URL for the password-reset link', { permanent: true });
    const email = renderAccountEmail(target.kind, {
      business,
      recipient: { email: payload.email, ...(payload.firstName ? { name: payload.firstName } : {}) },
      ...(base ? { signInUrl: `${base}/` } : {}),
      ...(reset && base ? { resetUrl: resetPasswordUrl(base, reset.token) } : {}),
    });
    const sent = await mailer.send(email);
    return {
      answer: JSON.stringify({
        to: email.to,
        subject: email.subject,
        messageId: sent.messageId,
        ...(sent.file ? { file: basename(sent.file) } : {}),
      }),
    };
  };
}
