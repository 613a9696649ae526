/**
 * The service form's "Price and payment" section: the rate (fixed, varied by option, free, described), the price
 * and deposit, and how customers pay (online, in person, pricing plans, and which plans). Each field's message
 * sits beside it; the server's deposit rule ("cannot be more than the price") lands under the deposit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PriceKind } from '../services/payment-draft.js';
import { FIELD_LABELS as L, PRICE_KIND_NAMES, SERVICE_TEXT as T } from '../services/service-texts.js';
import { checkbox, described, errorOf, select, textField, type FieldsProps } from './service-fields.js';

function plansField(p: FieldsProps): TemplateResult {
  const toggle = (planId: string, on: boolean) => {
    const rest = p.draft.planIds.filter((x) => x !== planId);
    p.change('planIds', on ? [...rest, planId] : rest);
  };
  return html`<fieldset class="field" aria-describedby=${described(p, 'planIds')}>
    <legend>${L.planIds}</legend>
    ${p.plans.length === 0 ? html`<span class="hint">${T.noPlans}</span>` : nothing}
    ${p.plans.map(
      (plan) =>
        html`<label class="check"
          ><input
            type="checkbox"
            name="planIds"
            value=${plan.id}
            .checked=${p.draft.planIds.includes(plan.id)}
            @change=${(e: Event) => toggle(plan.id, (e.target as HTMLInputElement).checked)}
          />
          ${plan.name}</label
        >`,
    )}
    ${errorOf(p, 'planIds')}
  </fieldset>`;
}

export function paymentFields(p: FieldsProps): TemplateResult {
  const kind = p.draft.priceKind;
  const kinds = (Object.keys(PRICE_KIND_NAMES) as PriceKind[]).map((k): [PriceKind, string] => [k, PRICE_KIND_NAMES[k]]);
  const priced = kind === 'FIXED' || kind === 'VARIED';
  return html`<section aria-labelledby="payment-title">
    <h2 id="payment-title">${T.paymentTitle}</h2>
    ${select(p, 'priceKind', kinds)}
    ${priced ? textField(p, 'price', { inputmode: 'decimal', ...(kind === 'VARIED' ? { hint: T.variedHint } : {}) }) : nothing}
    ${kind === 'CUSTOM' ? textField(p, 'customPrice') : nothing} ${priced ? textField(p, 'deposit', { inputmode: 'decimal' }) : nothing}
    ${priced && p.draft.deposit.trim() ? checkbox(p, 'fullUpfront') : nothing}
    <fieldset class="field">
      <legend>${T.howToPay}</legend>
      ${checkbox(p, 'payOnline')} ${checkbox(p, 'payInPerson')} ${checkbox(p, 'acceptPlans')}
    </fieldset>
    ${p.draft.acceptPlans ? plansField(p) : nothing}
  </section>`;
}
