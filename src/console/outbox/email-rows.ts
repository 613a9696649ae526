/** Pure rules of the outbox view: how an email of the owner's list reads (its kind, status and time in words). */
import type { EmailRecipientRole, EmailRow, EmailStatus } from '../../model/email.js';

const KINDS: Record<string, string> = {
  'booking-received': 'Booking received',
  'booking-confirmed': 'Booking confirmed',
  'booking-declined': 'Booking declined',
  'booking-canceled': 'Booking canceled',
  'booking-rescheduled': 'Booking rescheduled',
  'waitlist-promoted': 'Off the waiting list',
  'booking-reminder': 'Reminder',
  'business-new-booking': 'New booking (to the business)',
  'business-approval-needed': 'Waiting for approval (to the business)',
  'business-double-booking': 'Double booking (to the business)',
  'business-cancellation': 'Cancellation (to the business)',
  'account-exists': 'Account already exists',
};

/** The kind as a label; an unknown (newer) kind reads as its words. */
export function kindLabel(kind: string): string {
  const known = KINDS[kind];
  if (known) return known;
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ROLES: Record<EmailRecipientRole, string> = { customer: 'Customer', owner: 'Owner', staff: 'Staff', member: 'Member' };

export function roleLabel(role: EmailRecipientRole): string {
  return ROLES[role] ?? role;
}

const STATUSES: Record<EmailStatus, string> = { PENDING: 'Waiting', DELIVERING: 'Sending', DONE: 'Sent', FAILED: 'Failed' };

export function statusLabel(status: EmailStatus): string {
  return STATUSES[status] ?? status;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** When it was sent (or queued, before that) in the business's zone, with the zone's short name. */
export function formatSent(email: Pick<EmailRow, 'sentDate' | 'createdDate'>, timeZone: string | undefined, locale = 'en-US'): string {
  const at = email.sentDate ?? email.createdDate;
  if (!at) return '';
  const key = `${locale}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone, timeZoneName: 'short' });
    } catch {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZoneName: 'short' });
    }
    formats.set(key, f);
  }
  return f.format(new Date(at));
}
