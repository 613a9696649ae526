/**
 * Intl formatting in the widget's `locale`. Slot times are local date-times without an offset, already in the
 * zone the customer chose (the server computes them there), so they are formatted as wall-clock values in UTC.
 */
import type { Money } from '../model/common.js';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(safeLocale(locale), options)));
  return f;
}

/** A locale Intl accepts, falling back to English for a malformed attribute value. */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `2026-12-01T18:00:00` (or `2026-12-01`) as a Date whose UTC fields are those wall-clock values. */
export function wallClock(local: string): Date {
  const [d = '', t = '00:00:00'] = local.split('T');
  const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
  const [h = 0, min = 0] = t.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, day, h, min));
}

export function formatLocalDate(local: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return dtf(locale, options).format(wallClock(local));
}

export function formatLocalTime(local: string, locale: string): string {
  return dtf(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(wallClock(local));
}

export function formatMonth(month: string, locale: string): string {
  return dtf(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(wallClock(`${month}-01`));
}

/** Narrow weekday names, Monday first (ISO weeks). */
export function weekdayNames(locale: string, width: 'short' | 'long'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => dtf(locale, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** An instant (RFC 3339) in `timeZone`. */
export function formatInstant(instant: string, locale: string, timeZone: string): string {
  try {
    return dtf(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(instant));
  } catch {
    return dtf(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));
  }
}

export function formatMoney(money: Money, locale: string): string {
  const key = `n|${locale}|${money.currency}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency: money.currency })));
  return f.format(Number(money.value));
}

/** A zone's short name as the locale writes it (e.g. "EST"), for the time-zone switch. */
export function zoneName(timeZone: string, locale: string): string {
  try {
    const parts = dtf(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date());
    const name = parts.find((p) => p.type === 'timeZoneName')?.value;
    return name ? `${timeZone.replace(/_/g, ' ')}, ${name}` : timeZone;
  } catch {
    return timeZone;
  }
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(safeLocale(locale).split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
