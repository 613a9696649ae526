/**
 * The outbox's `email` channels (contract section 13). A channel is `email:<kind>:<role>`, one per message and
 * recipient, so a retry resends only the email that failed. The subscriber names them when an event is
 * dispatched (plan.ts decides, recipients.ts finds the addresses); the handler renders and sends one: the
 * customer's with a fresh manage link and, where the message has one, the booking's calendar file as it was
 * after the change (the same `UID`, the `SEQUENCE` of that moment).
 */
import { basename } from 'node:path';
import type { Booking } from '../../../src/model/booking.js';
import type { ClaimedDelivery, OutboxEvent } from '../../storage/outbox-types.js';
import type { Storage } from '../../storage/types.js';
import type { AnonymousAccess } from '../../domain/bookings/anonymous-access.js';
import { DeliveryFailure, type DeliveryOutcome } from '../../domain/outbox/channels.js';
import { calendarAttachment } from '../calendar/index.js';
import { loadCalendarContext } from '../calendar/context.js';
import { EMAIL_KINDS, type EmailAttachment, type EmailKind } from '../email/types.js';
import { renderEmail } from '../email/render.js';
import { manageUrl } from '../email/manage-url.js';
import type { Mailer } from '../email/mailer.js';
import { bookingOf, isBookingEvent, loadChange } from './facts.js';
import { plannedEmails } from './plan.js';
import { recipientFor, RECIPIENT_ROLES, type RecipientRole } from './recipients.js';
import { REMINDER_FQDN, reminderStillDue } from './reminder-event.js';

export const EMAIL_CHANNEL = 'email';

export interface MailChannelOptions {
  storage: Storage;
  mailer: Mailer;
  anonymousBookings: AnonymousAccess;
  /** The server's public address, for the manage links (`<publicUrl>/manage?token=…`); read at each send. */
  publicUrl: () => string;
}

/** Messages that carry the calendar file, and with which method. */
const CALENDAR_METHOD: Partial<Record<EmailKind, 'REQUEST' | 'CANCEL'>> = {
  'booking-confirmed': 'REQUEST',
  'booking-rescheduled': 'REQUEST',
  'waitlist-promoted': 'REQUEST',
  'booking-reminder': 'REQUEST',
  'booking-canceled': 'CANCEL',
};

export function parseEmailChannel(channel: string): { kind: EmailKind; role: RecipientRole } | null {
  const [prefix, kind, role, ...rest] = channel.split(':');
  if (prefix !== EMAIL_CHANNEL || rest.length > 0) return null;
  if (!EMAIL_KINDS.includes(kind as EmailKind) || !RECIPIENT_ROLES.includes(role as RecipientRole)) return null;
  return { kind: kind as EmailKind, role: role as RecipientRole };
}

export function mailSubscriber(storage: Storage): (event: OutboxEvent) => Promise<string[]> {
  return async (event) => {
    const business = await storage.business.get();
    if (!business) return [];
    const booking = bookingOf(event);
    const wanted: { kind: EmailKind; roles: RecipientRole[] }[] = [];
    if (event.entityFqdn === REMINDER_FQDN) wanted.push({ kind: 'booking-reminder', roles: ['customer'] });
    else if (isBookingEvent(event)) {
      const change = await loadChange(storage, event);
      for (const planned of change ? plannedEmails(change) : []) {
        wanted.push({ kind: planned.kind, roles: planned.role === 'customer' ? ['customer'] : ['owner', 'staff'] });
      }
    }
    const channels: string[] = [];
    for (const { kind, roles } of wanted) {
      for (const role of roles) if (await recipientFor(storage, role, booking, business)) channels.push(`${EMAIL_CHANNEL}:${kind}:${role}`);
    }
    return channels;
  };
}

export function mailHandler(options: MailChannelOptions): (claimed: ClaimedDelivery) => Promise<DeliveryOutcome> {
  const { storage, mailer, publicUrl } = options;
  return async ({ delivery, event }) => {
    const target = parseEmailChannel(delivery.channel);
    if (!target) throw new DeliveryFailure(`not an email channel: ${delivery.channel}`, { permanent: true });
    const booking = bookingOf(event);
    if (target.kind === 'booking-reminder' && !(await reminderStillDue(storage, booking))) {
      return { answer: 'not sent: the booking was canceled or moved since the reminder was scheduled' };
    }
    const business = await storage.business.get();
    if (!business) throw new DeliveryFailure('the business is not set up', { permanent: true });
    const recipient = await recipientFor(storage, target.role, booking, business);
    if (!recipient) return { answer: 'not sent: the recipient has no email address now' };

    const change = isBookingEvent(event) ? await loadChange(storage, event) : null;
    const manage =
      target.role === 'customer'
        ? manageUrl(publicUrl().replace(/\/+$/, ''), await options.anonymousBookings.issueToken({ kind: 'owner' }, booking.id))
        : undefined;
    const calendar = await loadCalendarContext(storage, booking, manage ? { manageUrl: manage } : {});
    if (change) calendar.reschedules = change.reschedules;
    const method = target.role === 'customer' ? CALENDAR_METHOD[target.kind] : undefined;
    const attachments: EmailAttachment[] = method ? [calendarAttachment(booking, calendar, method)] : [];
    const previous = target.kind === 'booking-rescheduled' ? previousStart(change?.before ?? null) : undefined;

    const email = renderEmail(target.kind, {
      booking,
      service: { name: calendar.serviceName },
      business,
      recipient,
      ...(manage ? { manageUrl: manage } : {}),
      ...(previous ? { previousStartDate: previous } : {}),
      ...(target.role === 'customer' && change?.message ? { note: change.message } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
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

function previousStart(before: Booking | null): string | undefined {
  return before?.startDate ?? undefined;
}
