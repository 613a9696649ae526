/**
 * The service form's fields, in the order an owner fills them, each with its label and its error beside it
 * (`aria-invalid` and `aria-describedby` tie the message to the input for screen readers).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StaffMember } from '../../model/business.js';
import type { BookingPolicy } from '../../model/policy.js';
import { policyField } from './service-policy-field.js';
import type { Category, ServiceType } from '../../model/service.js';
import type { DraftField, PriceKind, ServiceDraft } from '../services/service-draft.js';
import { FIELD_LABELS as L, PRICE_KIND_NAMES, SERVICE_TEXT as T, TYPE_NAMES } from '../services/service-texts.js';

export interface FieldsProps {
  draft: ServiceDraft;
  errors: Partial<Record<DraftField, string>>;
  staff: readonly StaffMember[];
  categories: readonly Category[];
  policies?: readonly BookingPolicy[];
  change: <K extends DraftField>(field: K, value: ServiceDraft[K]) => void;
}

const id = (f: DraftField) => `f-${f}`;

function errorOf(p: FieldsProps, f: DraftField) {
  const text = p.errors[f];
  return text ? html`<p class="error" id=${`e-${f}`}>${text}</p>` : nothing;
}

function described(p: FieldsProps, f: DraftField, hint?: string): string | typeof nothing {
  const ids = [hint, p.errors[f] ? `e-${f}` : undefined].filter(Boolean).join(' ');
  return ids || nothing;
}

type TextFieldName = 'name' | 'category' | 'capacity' | 'durations' | 'price' | 'deposit' | 'imageUrl';

function textField(p: FieldsProps, f: TextFieldName, opts: { inputmode?: string; list?: string; hint?: string; type?: string } = {}) {
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

function checkbox(p: FieldsProps, f: 'manualApproval' | 'onlineEnabled' | 'hidden') {
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

function select<V extends string>(p: FieldsProps, f: 'type' | 'priceKind', choices: readonly [V, string][]) {
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

function priceFields(p: FieldsProps): TemplateResult {
  const kind = p.draft.priceKind;
  const kinds: [PriceKind, string][] = [
    ['FIXED', PRICE_KIND_NAMES.FIXED],
    ['NO_FEE', PRICE_KIND_NAMES.NO_FEE],
  ];
  // A price set by variants stays as it is: offered only when the service already has it.
  if (kind === 'VARIED' || kind === 'CUSTOM') kinds.push([kind, PRICE_KIND_NAMES[kind]]);
  return html`${select(p, 'priceKind', kinds)}
  ${
    kind === 'FIXED'
      ? html`${textField(p, 'price', { inputmode: 'decimal' })} ${textField(p, 'deposit', { inputmode: 'decimal' })}`
      : nothing
  }
  ${kind === 'VARIED' || kind === 'CUSTOM' ? html`<p class="hint">${T.variedNote}</p>` : nothing}`;
}

/** Every field of the form, in order. */
export function serviceFields(p: FieldsProps): TemplateResult {
  const types = (Object.keys(TYPE_NAMES) as ServiceType[]).map((t) => [t, TYPE_NAMES[t]] as [ServiceType, string]);
  return html`${textField(p, 'name')} ${description(p)} ${textField(p, 'category', { list: 'categories', hint: T.categoryHint })}
    <datalist id="categories">${p.categories.map((c) => html`<option value=${c.name}></option>`)}</datalist>
    ${select(p, 'type', types)} ${p.draft.type === 'APPOINTMENT' ? nothing : textField(p, 'capacity', { inputmode: 'numeric' })}
    ${textField(p, 'durations', { inputmode: 'numeric' })} ${priceFields(p)} ${checkbox(p, 'manualApproval')} ${staffField(p)}
    ${checkbox(p, 'onlineEnabled')} ${checkbox(p, 'hidden')} ${textField(p, 'imageUrl', { type: 'url', inputmode: 'url' })}
    ${p.policies ? policyField({ draft: p.draft, error: p.errors.policyId, policies: p.policies, change: (id) => p.change('policyId', id) }) : nothing}`;
}
