/** Which of a service's variants a booking line's choices select (contract section 3: one option per service). */
import type { ServiceChoice, ServiceOptionsAndVariants, ServiceVariant } from '../model/service.js';

/** Two choices name the same variant when they agree on the option and on its value. */
export function sameChoice(a: ServiceChoice, b: ServiceChoice): boolean {
  if (a.optionId !== b.optionId) return false;
  if (a.custom !== undefined || b.custom !== undefined) return a.custom === b.custom;
  if (a.duration !== undefined || b.duration !== undefined) return a.duration?.minutes === b.duration?.minutes;
  if (a.staffMemberId !== undefined || b.staffMemberId !== undefined) return a.staffMemberId === b.staffMemberId;
  return a.choiceId !== undefined && a.choiceId === b.choiceId;
}

export type VariantMatch =
  | { ok: true; variant: ServiceVariant }
  | { ok: false; problem: 'not-one-choice' }
  | { ok: false; problem: 'unknown-variant'; known: string };

/** The variant `choices` select; `known` lists the variants by name for a message that says what to send. */
export function matchVariant(variants: ServiceOptionsAndVariants, choices: ServiceChoice[]): VariantMatch {
  const wanted = choices[0];
  if (!wanted || choices.length !== 1) return { ok: false, problem: 'not-one-choice' };
  const variant = variants.variants.values.find((v) => v.choices[0] && sameChoice(v.choices[0], wanted));
  if (variant) return { ok: true, variant };
  const known = variants.variants.values
    .map((v) => v.choices[0]?.custom ?? (v.choices[0]?.duration ? `${v.choices[0].duration.minutes} min` : v.choices[0]?.staffMemberId))
    .join(', ');
  return { ok: false, problem: 'unknown-variant', known };
}
