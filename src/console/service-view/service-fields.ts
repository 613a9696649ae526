/**
 * The service form's fields, in the order an owner fills them, each with its label and its error beside it
 * (`aria-invalid` and `aria-describedby` tie the message to the input for screen readers).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StaffMember } from '../../model/business.js';
import type { BookingPolicy } from '../../model/policy.js';
import { policyField } from './service-policy-field.js';
import type { PricingPlan } from '../../model/members.js';
import type { Category, ServiceLocation, ServiceType } from '../../model/service.js';
import type { DraftField, ServiceDraft } from '../services/service-draft.js';
import { FIELD_LABELS as L, SERVICE_TEXT as T, TYPE_NAMES } from '../services/service-texts.js';

export interface FieldsProps {
  draft: ServiceDraft;
  errors: Partial<Record<DraftField, string>>;
  staff: readonly StaffMember[];
  categories: readonly Category[];
  plans: readonly PricingPlan[];
  /** The business's places, for the location choice. */
  places: readonly ServiceLocation[];
  policies?: readonly BookingPolicy[];
  change: <K extends DraftField>(field: K, value: ServiceDraft[K]) => void;
}

export const id = (f: DraftField) => `f-${f}`;

export function errorOf(p: FieldsProps, f: DraftField) {
  const text = p.errors[f];
  return text ? html`<p class="error" id=${`e-${f}`}>${text}</p>` : nothing;
}

export function described(p: FieldsProps, f: DraftField, hint?: string): string | typeof nothing {
  const ids = [hint, p.errors[f] ? `e-${f}` : undefined].filter(Boolean).join(' ');
  return ids || nothing;
}

type TextFieldName =
  'name' | 'tagLine' | 'category' | 'capacity' | 'durations' | 'price' | 'deposit' | 'customPrice' | 'imageUrl' | 'locationAddress';
type BoolFieldName = { [K in DraftField]: ServiceDraft[K] extends boolean ? K : never }[DraftField];

export function textField(
  p: FieldsProps,
  f: TextFieldName,
  opts: { inputmode?: string; list?: string; hint?: string; type?: string } = {},
) {
  return html`<div class="field">
    <label for=${id(f)}>${L[f]}</label>
    ${opts.hint ? html`<span class="hint" id=${`h-${f}`}>${opts.hint}</span>` : nothing}
    <input
      id=${id(f)}
      name=${f}
      type=${opts.type ?? 'text'}
      inputmode=${opts.inputmode ?? nothing}
      list=${opts.list ?? nothing}
      autocomplete="off"
      .value=${p.draft[f]}
      aria-invalid=${p.errors[f] ? 'true' : 'false'}
      aria-describedby=${described(p, f, opts.hint ? `h-${f}` : undefined)}
      @input=${(e: Event) => p.change(f, (e.target as HTMLInputElement).value)}
    />
    ${errorOf(p, f)}
  </div>`;
}

export function checkbox(p: FieldsProps, f: BoolFieldName) {
  return html`<div class="field check">
    <label
      ><input
        type="checkbox"
        id=${id(f)}
        .checked=${p.draft[f]}
        aria-describedby=${described(p, f)}
        @change=${(e: Event) => p.change(f, (e.target as HTMLInputElement).checked)}
      />
      ${L[f]}</label
    >
    ${errorOf(p, f)}
  </div>`;
}

export function select<V extends string>(p: FieldsProps, f: 'type' | 'priceKind' | 'location', choices: readonly [V, string][]) {
  return html`<div class="field">
    <label for=${id(f)}>${L[f]}</label>
    <select
      id=${id(f)}
      aria-invalid=${p.errors[f] ? 'true' : 'false'}
      aria-describedby=${described(p, f)}
      @change=${(e: Event) => p.change(f, (e.target as HTMLSelectElement).value as ServiceDraft[typeof f])}
    >
      ${choices.map(([value, label]) => html`<option value=${value} ?selected=${p.draft[f] === value}>${label}</option>`)}
    </select>
    ${errorOf(p, f)}
  </div>`;
}

function description(p: FieldsProps) {
  return html`<div class="field">
    <label for=${id('description')}>${L.description}</label>
    <textarea
      id=${id('description')}
      rows="3"
      .value=${p.draft.description}
      aria-invalid=${p.errors.description ? 'true' : 'false'}
      aria-describedby=${described(p, 'description')}
      @input=${(e: Event) => p.change('description', (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${errorOf(p, 'description')}
  </div>`;
}

function staffField(p: FieldsProps) {
  const toggle = (staffId: string, on: boolean) => {
    const rest = p.draft.staffMemberIds.filter((s) => s !== staffId);
    p.change('staffMemberIds', on ? [...rest, staffId] : rest);
  };
  return html`<fieldset class="field" aria-describedby=${described(p, 'staffMemberIds')}>
    <legend>${L.staffMemberIds}</legend>
    ${p.staff.length === 0 ? html`<span class="hint">${T.noStaff}</span>` : nothing}
    ${p.staff.map(
      (m) =>
        html`<label class="check"
          ><input
            type="checkbox"
            .checked=${p.draft.staffMemberIds.includes(m.id)}
            @change=${(e: Event) => toggle(m.id, (e.target as HTMLInputElement).checked)}
          />
          ${m.name}</label
        >`,
    )}
    ${errorOf(p, 'staffMemberIds')}
  </fieldset>`;
}

/** Every field of the form but the payment's (service-view/payment-fields.ts), in order. */
export function serviceFields(p: FieldsProps): TemplateResult {
  const types = (Object.keys(TYPE_NAMES) as ServiceType[]).map((t) => [t, TYPE_NAMES[t]] as [ServiceType, string]);
  return html`${textField(p, 'name')} ${textField(p, 'tagLine')} ${description(p)}
    ${textField(p, 'category', { list: 'categories', hint: T.categoryHint })}
    <datalist id="categories">${p.categories.map((c) => html`<option value=${c.name}></option>`)}</datalist>
    ${select(p, 'type', types)} ${p.draft.type === 'APPOINTMENT' ? nothing : textField(p, 'capacity', { inputmode: 'numeric' })}
    ${textField(p, 'durations', { inputmode: 'numeric' })} ${checkbox(p, 'manualApproval')} ${staffField(p)} ${checkbox(p, 'onlineEnabled')}
    ${checkbox(p, 'hidden')} ${textField(p, 'imageUrl', { type: 'url', inputmode: 'url' })}
    ${p.policies ? policyField({ draft: p.draft, error: p.errors.policyId, policies: p.policies, change: (id) => p.change('policyId', id) }) : nothing}`;
}
