/**
 * Price and deposit maths (contract section 7) live in src/pricing, shared with the widget. This adapter keeps the
 * server's names and turns a pricing problem into a ValidationError that names the field at fault.
 */
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { priceBooking, type PriceBreakdown, type PriceLineInput, type PriceProblem } from '../../../src/pricing/index.js';
import { toMinor } from '../money.js';
import { ValidationError } from '../errors.js';

export { toPriceInfo, type PriceBreakdown, type PriceLineInput, type PricedLine } from '../../../src/pricing/index.js';

function refusal(p: PriceProblem, field: string): ValidationError {
  const at = (line: number) => `${field}[${line}].choices`;
  switch (p.problem) {
    case 'not-one-choice':
      return ValidationError.field(at(p.line), "must hold exactly one choice of the service's option");
    case 'unknown-variant':
      return ValidationError.field(at(p.line), `is not one of the service's variants (${p.known})`);
    case 'no-variants':
      return ValidationError.field(at(p.line), 'are not accepted: the service has no variants');
    case 'needs-choice':
      return ValidationError.field(at(p.line), 'are required: the service is priced by variant');
    case 'bad-amount':
      toMinor(p.amount, p.what); // throws the ValidationError that says what is wrong with the amount
      return ValidationError.field(p.what, 'is not a valid amount');
  }
}

export function priceFor(
  service: Service,
  variants: ServiceOptionsAndVariants | null,
  lines: PriceLineInput[],
  field = 'booking',
): PriceBreakdown {
  const result = priceBooking(service, variants, lines);
  if (!result.ok) throw refusal(result, field);
  return result;
}
