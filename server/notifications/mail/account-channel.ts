/**
 * The outbox's `email:account-exists` channel: when someone registers with an address that is already a member's
 * (server/domain/members/registration-event.ts), that address is told it has an account, instead of the
 * registration answer saying so to whoever asked. Its own channel prefix, longer than `email`, so the outbox
 * picks this handler for it (the longest registered prefix wins) and the booking emails' handler keeps the rest.
 * The handler answers what the booking emails' handler answers, `{to, subject, messageId, file?}` as JSON, so
 * the owner's email list reads both alike.
 */
import { basename } from 'node:path';
import type { ClaimedDelivery, OutboxEvent } from '../../storage/outbox-types.js';
import type { Storage } from '../../storage/types.js';
import { DeliveryFailure, type DeliveryOutcome } from '../../domain/outbox/channels.js';
import { knownEmailPayload, REGISTRATION_FOR_KNOWN_EMAIL } from '../../domain/members/registration-event.js';
import { ACCOUNT_EMAIL_KINDS, renderAccountEmail, type AccountEmailKind } from '../email/account-email.js';
import type { Mailer } from '../email/mailer.js';

/** The prefix to register: `email:account-exists`, its channel `email:account-exists:member`. */
export const ACCOUNT_EXISTS_CHANNEL = 'email:account-exists';
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
    if (event.eventType !== REGISTRATION_FOR_KNOWN_EMAIL || !knownEmailPayload(event.payload)) return [];
    // As the booking emails: no business set up, no email (the handler could not sign it with a name).
    if (!(await storage.business.get())) return [];
    return [`${ACCOUNT_EXISTS_CHANNEL}:${MEMBER_ROLE}`];
  };
}

export function accountHandler(options: AccountChannelOptions): (claimed: ClaimedDelivery) => Promise<DeliveryOutcome> {
  const { storage, mailer, publicUrl } = options;
  return async ({ delivery, event }) => {
    const target = parseAccountChannel(delivery.channel);
    if (!target) throw new DeliveryFailure(`not an account email channel: ${delivery.channel}`, { permanent: true });
    const payload = knownEmailPayload(event.payload);
    if (!payload) throw new DeliveryFailure('the event names no address', { permanent: true });
    const business = await storage.business.get();
    if (!business) throw new DeliveryFailure('the business is not set up', { permanent: true });
    const base = publicUrl().replace(/\/+$/, '');
    const email = renderAccountEmail(target.kind, {
      business,
      recipient: { email: payload.email, ...(payload.firstName ? { name: payload.firstName } : {}) },
      ...(base ? { signInUrl: `${base}/` } : {}),
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
