/**
 * Money at the domain's door: a request's amount parsed into minor units (src/money), or a ValidationError that
 * names the field and says what to send.
 */
import type { Money } from '../../src/model/common.js';
import type { FieldViolation } from '../../src/model/errors.js';
import { parseMoney } from '../../src/money/index.js';
import { ValidationError } from './errors.js';

export { fromMinor, minorDigits } from '../../src/money/index.js';

export interface MinorAmount {
  minor: number;
  currency: string;
}

/** Parse a decimal string in a currency into minor units; throws a ValidationError naming `field`. */
export function toMinor(money: Money, field: string): MinorAmount {
  const parsed = parseMoney(money);
  if (parsed.ok) return { minor: parsed.minor, currency: parsed.currency };
  switch (parsed.problem) {
    case 'currency':
      throw ValidationError.field(`${field}.currency`, 'must be a three-letter ISO 4217 code such as USD');
    case 'format':
      throw ValidationError.field(`${field}.value`, 'must be a non-negative decimal string such as "25.00"');
    case 'precision':
      throw ValidationError.field(`${field}.value`, `has more than ${parsed.digits} decimal places for ${money.currency}`);
  }
}

/** What is wrong with an amount, as a field violation; null when it is a valid amount of its currency. */
export function moneyViolation(amount: Money, field: string): FieldViolation | null {
  try {
    toMinor(amount, field);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldViolations[0] ?? null;
    throw error;
  }
}
