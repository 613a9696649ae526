/**
 * Money as both sides count it: integer minor units inside, the contract's `{ value: "25.00", currency }`
 * outside. A currency's minor digits come from Intl.NumberFormat (ISO 4217 as the runtime knows it): 0 for JPY,
 * 2 for USD, 3 for KWD. No float ever touches an amount; parsing is exact string work.
 */
import type { Money } from '../model/common.js';

const digitsCache = new Map<string, number>();

/** The minor-unit digits of an ISO 4217 currency (2 for a well-formed code the runtime does not know). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export const isCurrencyCode = (currency: string): boolean => /^[A-Z]{3}$/.test(currency);

export type ParsedMoney =
  { ok: true; minor: number; currency: string } | { ok: false; problem: 'currency' | 'format' | 'precision'; digits: number };

/** Parses a decimal string into minor units, or says what is wrong with it. */
export function parseMoney(money: Money): ParsedMoney {
  if (!isCurrencyCode(money.currency)) return { ok: false, problem: 'currency', digits: 2 };
  const digits = minorDigits(money.currency);
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(money.value);
  if (!match) return { ok: false, problem: 'format', digits };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return { ok: false, problem: 'precision', digits };
  const minor = Number(whole) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return { ok: true, minor, currency: money.currency };
}

/** Minor units of an amount already known to be valid (stored or checked); throws RangeError otherwise. */
export function minorUnits(money: Money): number {
  const parsed = parseMoney(money);
  if (!parsed.ok) throw new RangeError(`not a valid amount: ${JSON.stringify(money)} (${parsed.problem})`);
  return parsed.minor;
}

export function fromMinor(minor: number, currency: string): Money {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return { value: `${sign}${abs}`, currency };
  const s = String(abs).padStart(digits + 1, '0');
  return { value: `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`, currency };
}
