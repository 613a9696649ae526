/**
 * Times and money for an email, with Intl in the business's language. A booking's `startDate`/`endDate` are UTC
 * instants; when a booking lacks them, its slot's local `startDate` in the slot's zone gives the instant. The
 * zone shown is the recipient's when known (a customer's own zone, then the slot's), else the business's.
 */
import { Temporal } from 'temporal-polyfill';
import type { Booking } from '../../../src/model/booking.js';
import type { Money } from '../../../src/model/common.js';
import { safeLocale } from '../../../src/i18n/format.js';
import type { EmailContext } from './types.js';

/** The zone the recipient reads times in. */
export function zoneFor(context: EmailContext): string {
  const { recipient, booking, business } = context;
  const own =
    recipient.role === 'customer'
      ? (recipient.timeZone ?? booking.contactDetails.timeZone ?? booking.bookedEntity.slot?.timezone)
      : recipient.timeZone;
  return validZone(own) ?? validZone(business.timeZone) ?? 'UTC';
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** The booking's start and end as instants (milliseconds), from the UTC fields or the slot's local times. */
export function bookingInstants(booking: Booking, fallbackZone: string): { start?: number; end?: number } {
  const slot = booking.bookedEntity.slot;
  const zone = validZone(slot?.timezone) ?? fallbackZone;
  const instant = (utc: string | undefined, local: string | undefined): number | undefined => {
    if (utc) return Date.parse(utc);
    if (!local) return undefined;
    try {
      return Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
    } catch {
      return undefined;
    }
  };
  const start = instant(booking.startDate, slot?.startDate);
  const end = instant(booking.endDate, slot?.endDate);
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/** "Tuesday, December 1, 2026, 1:00 – 2:00 PM" in `zone`, in `locale`. */
export function formatWhen(start: number, end: number | undefined, locale: string, zone: string): string {
  const f = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone: zone });
  return end !== undefined && end > start ? f.formatRange(start, end) : f.format(start);
}

/** "America/New York (EST)": the zone's name and its short name at that instant. */
export function formatZone(zone: string, at: number, locale: string): string {
  const parts = new Intl.DateTimeFormat(safeLocale(locale), { timeZone: zone, timeZoneName: 'short' }).formatToParts(at);
  const short = parts.find((p) => p.type === 'timeZoneName')?.value;
  const name = zone.replace(/_/g, ' ');
  return short && short !== zone ? `${name} (${short})` : name;
}

export function formatMoney(money: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency: money.currency }).format(Number(money.value));
  } catch {
    return `${money.value} ${money.currency}`;
  }
}
