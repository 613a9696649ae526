/** The shapes the email slice takes and gives: which message, what it is about, and the rendered result. */
import type { Booking } from '../../../src/model/booking.js';
import type { Business } from '../../../src/model/business.js';
import type { Money } from '../../../src/model/common.js';

/** Messages to the customer (contract section 13). */
export const CUSTOMER_EMAIL_KINDS = [
  'booking-received',
  'booking-confirmed',
  'booking-declined',
  'booking-canceled',
  'booking-rescheduled',
  'waitlist-promoted',
  'booking-reminder',
] as const;

/** Messages to the business: its owners, and the staff member concerned. */
export const BUSINESS_EMAIL_KINDS = [
  'business-new-booking',
  'business-approval-needed',
  'business-double-booking',
  'business-cancellation',
] as const;

export type CustomerEmailKind = (typeof CUSTOMER_EMAIL_KINDS)[number];
export type BusinessEmailKind = (typeof BUSINESS_EMAIL_KINDS)[number];
export type EmailKind = CustomerEmailKind | BusinessEmailKind;
export const EMAIL_KINDS: readonly EmailKind[] = [...CUSTOMER_EMAIL_KINDS, ...BUSINESS_EMAIL_KINDS];

export function isCustomerKind(kind: EmailKind): kind is CustomerEmailKind {
  return (CUSTOMER_EMAIL_KINDS as readonly string[]).includes(kind);
}

/** A file sent along (the calendar slice gives `.ics` files: `text/calendar; method=REQUEST`). */
export interface EmailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface EmailRecipient {
  email: string;
  name?: string;
  role: 'customer' | 'owner' | 'staff';
  /** The recipient's zone, when known: wins over the booking's and the business's. */
  timeZone?: string;
}

export interface EmailContext {
  booking: Booking;
  /** The service booked; its name is the title of the message (else the booking's `bookedEntity.title`). */
  service?: { name: string };
  business: Business;
  recipient: EmailRecipient;
  /** Required for customer emails: `manageUrl(baseUrl, token)`. */
  manageUrl?: string;
  /** For the business's emails: where the owner acts on it (the console). */
  consoleUrl?: string;
  /** For `booking-rescheduled`: the start before the move (RFC 3339 UTC). */
  previousStartDate?: string;
  /** The price to show, when there is one. */
  price?: Money;
  /** A message from the business to the customer (e.g. the reason of a decline). */
  note?: string;
  attachments?: EmailAttachment[];
}

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}
