/**
 * The console's English texts. Kept apart from src/i18n/en.ts on purpose: that table is one object literal the
 * widget bundles whole, so every console string added there would ship to every customer's page.
 */
import { BookingApiError } from '../api/errors.js';

export const TEXT = {
  appName: 'Bookings console',
  loginTitle: 'Log in to the console',
  loginIntro: 'Use your business account: an owner or a staff member of the studio.',
  email: 'Email',
  password: 'Password',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  logOut: 'Log out',
  navLabel: 'Console',
  soon: 'soon',
  bookingsTitle: 'Bookings',
  statusFilter: 'Status',
  allStatuses: 'All',
  loading: 'Loading bookings…',
  empty: 'No bookings with this status.',
  confirm: 'Confirm',
  decline: 'Decline',
  working: 'Saving…',
  liveOn: 'Live: new bookings appear here as they come in.',
  liveOff: 'Live updates paused; reconnecting…',
  retry: 'Try again',
  outboxTitle: 'Outbox',
  outboxCaption: 'Emails sent or being sent, newest first',
  outboxLoading: 'Loading emails…',
  outboxEmpty:
    'No emails yet. An email appears here as soon as a booking is made, confirmed, declined, canceled or rescheduled, and before each reminder; sent emails stay for 7 days.',
  outboxKind: 'Email',
  outboxTo: 'To',
  outboxSubject: 'Subject',
  outboxStatus: 'Status',
  outboxSent: 'Sent',
  outboxMessage: 'Message',
  outboxDownload: 'Download .eml',
  outboxNoSubject: '(not sent yet)',
} as const;

/** A failed call in words a business user can act on; the server's own message otherwise (it is written for people). */
export function errorText(error: unknown): string {
  if (!(error instanceof BookingApiError)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'That email and password do not match a business account.';
    case 'NETWORK_ERROR':
      return 'We could not reach the server. Check your connection and try again.';
    case 'REVISION_MISMATCH':
    case 'BOOKING_REVISION_MISMATCH':
      return 'Someone changed this booking meanwhile; the list now shows it as it is.';
    default:
      if (error.status === 429) {
        const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
        return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
      }
      return error.message;
  }
}
