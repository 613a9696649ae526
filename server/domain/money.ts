/**
 * Money: integer minor units inside, the contract's `{ value: "25.00", currency }` outside. No floats ever
 * touch an amount; parsing is exact string work.
 */
import type { Money } from '../../src/model/common.js';
import { ValidationError } from './errors.js';

/** Minor-unit digits per ISO 4217 currency; 2 unless listed. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

export function minorDigits(currency: string): number {
  return Object.hasOwn(MINOR_DIGITS, currency) ? MINOR_DIGITS[currency]! : 2;
}

export interface MinorAmount {
  minor: number;
  currency: string;
}

/** Parse a decimal string in a currency into minor units; throws a ValidationError naming `field`. */
export function toMinor(money: Money, field: string): MinorAmount {
  if (!/^[A-Z]{3}$/.test(money.currency)) {
    throw ValidationError.field(`${field}.currency`, 'must be a three-letter ISO 4217 code such as USD');
  }
  const digits = minorDigits(money.currency);
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(money.value);
  if (!match) throw ValidationError.field(`${field}.value`, 'must be a non-negative decimal string such as "25.00"');
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) {
    throw ValidationError.field(`${field}.value`, `has more than ${digits} decimal places for ${money.currency}`);
  }
  const minor = Number(whole) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return { minor, currency: money.currency };
}

export function fromMinor(minor: number, currency: string): Money {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return { value: `${sign}${abs}`, currency };
  const s = String(abs).padStart(digits + 1, '0');
  return { value: `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`, currency };
}
