/** What a valid set of options and variants is. Pure: it takes the document and throws a ValidationError. */
import type { ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { ValidationError } from '../errors.js';
import { moneyViolation } from '../money.js';

/** Variants must choose from their one option, in one currency, without duplicates. */
export function validateVariants(v: ServiceOptionsAndVariants): void {
  const violations: { field: string; description: string }[] = [];
  const option = v.options.values[0];
  const currencies = new Set(v.variants.values.map((x) => x.price.currency));
  if (currencies.size > 1)
    violations.push({ field: 'serviceOptionsAndVariants.variants', description: 'must all be priced in one currency' });
  const seen = new Set<string>();
  v.variants.values.forEach((variant, i) => {
    const problem = moneyViolation(variant.price, `serviceOptionsAndVariants.variants.values[${i}].price`);
    if (problem) violations.push(problem);
    const choice = variant.choices[0];
    const at = `serviceOptionsAndVariants.variants.values[${i}].choices[0]`;
    if (!option || !choice) return;
    if (choice.optionId !== option.id) violations.push({ field: `${at}.optionId`, description: `must be the option's id (${option.id})` });
    if (option.type === 'CUSTOM') {
      if (!choice.custom) violations.push({ field: `${at}.custom`, description: 'is required for a CUSTOM option' });
      else if (option.customData && !option.customData.choices.includes(choice.custom)) {
        violations.push({
          field: `${at}.custom`,
          description: `must be one of the option's choices: ${option.customData.choices.join(', ')}`,
        });
      }
    }
    if (option.type === 'DURATION' && !choice.duration)
      violations.push({ field: `${at}.duration`, description: 'is required for a DURATION option' });
    if (option.type === 'STAFF_MEMBER' && !choice.staffMemberId)
      violations.push({ field: `${at}.staffMemberId`, description: 'is required for a STAFF_MEMBER option' });
    const key = JSON.stringify(choice.custom ?? choice.duration?.minutes ?? choice.staffMemberId);
    if (seen.has(key)) violations.push({ field: at, description: 'repeats another variant' });
    seen.add(key);
  });
  if (violations.length > 0) throw new ValidationError(violations);
}
