/**
 * The policy form's fields, by part (booking window, cancelling, rescheduling, waiting list, participants, text),
 * each with its label and its error beside it (`aria-invalid` and `aria-describedby` tie the message to the input).
 * A window is an amount and a unit (minutes, hours, days); a part's details show while it is switched on.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PolicyDraft, PolicyErrors, PolicyField } from '../policies/policy-draft.js';
import { POLICY_LABELS as L, POLICY_TEXT as T, UNIT_NAMES } from '../policies/policy-texts.js';
import { UNITS, type Unit } from '../policies/policy-units.js';

export interface PolicyFieldsProps {
  draft: PolicyDraft;
  errors: PolicyErrors;
  change: <K extends PolicyField>(field: K, value: PolicyDraft[K]) => void;
}

type TextField = 'name' | 'waitlistCapacity' | 'maxParticipants' | 'maxUnpaid';
type AmountField = 'early' | 'late' | 'cancel' | 'reschedule' | 'waitlistHold';
type SwitchField = 'earlyOn' | 'lateOn' | 'afterStart' | 'cancelOn' | 'cancelLimit' | 'cancelAnonymous' | 'rescheduleOn';
type MoreSwitches = 'rescheduleLimit' | 'rescheduleAnonymous' | 'waitlistOn' | 'descriptionOn';

const id = (f: PolicyField) => `p-${f}`;

function errorOf(p: PolicyFieldsProps, f: PolicyField) {
  const text = p.errors[f];
  return text ? html`<p class="error" id=${`e-${f}`}>${text}</p>` : nothing;
}

function described(p: PolicyFieldsProps, f: PolicyField, hint?: string): string | typeof nothing {
  return [hint, p.errors[f] ? `e-${f}` : undefined].filter(Boolean).join(' ') || nothing;
}

function textField(p: PolicyFieldsProps, f: TextField, hint?: string): TemplateResult {
  return html`<div class="field">
    <label for=${id(f)}>${L[f]}</label>
    ${hint ? html`<span class="hint" id=${`h-${f}`}>${hint}</span>` : nothing}
    <input
      id=${id(f)}
      name=${f}
      autocomplete="off"
      inputmode=${f === 'name' ? nothing : 'numeric'}
      .value=${p.draft[f]}
      aria-invalid=${p.errors[f] ? 'true' : 'false'}
      aria-describedby=${described(p, f, hint ? `h-${f}` : undefined)}
      @input=${(e: Event) => p.change(f, (e.target as HTMLInputElement).value)}
    />
    ${errorOf(p, f)}
  </div>`;
}

/** An amount and its unit: "Book at least [2] [hours] ahead". The select is named after the amount's label. */
function amountField(p: PolicyFieldsProps, f: AmountField, after: string): TemplateResult {
  const unitField = `${f}Unit` as `${AmountField}Unit`;
  return html`<div class="field">
    <label for=${id(f)}>${L[f]}</label>
    <div class="amount">
      <input
        id=${id(f)}
        name=${f}
        inputmode="numeric"
        autocomplete="off"
        .value=${p.draft[f]}
        aria-invalid=${p.errors[f] ? 'true' : 'false'}
        aria-describedby=${described(p, f)}
        @input=${(e: Event) => p.change(f, (e.target as HTMLInputElement).value)}
      />
      <select
        id=${id(unitField)}
        aria-label=${`${L[f]} (unit)`}
        @change=${(e: Event) => p.change(unitField, (e.target as HTMLSelectElement).value as Unit)}
      >
        ${UNITS.map((u) => html`<option value=${u} ?selected=${p.draft[unitField] === u}>${UNIT_NAMES[u]}</option>`)}
      </select>
      ${after ? html`<span>${after}</span>` : nothing}
    </div>
    ${errorOf(p, f)}
  </div>`;
}

function checkbox(p: PolicyFieldsProps, f: SwitchField | MoreSwitches): TemplateResult {
  return html`<div class="field check">
    <label
      ><input
        type="checkbox"
        id=${id(f)}
        .checked=${p.draft[f]}
        @change=${(e: Event) => p.change(f, (e.target as HTMLInputElement).checked)}
      />
      ${L[f]}</label
    >
    ${errorOf(p, f)}
  </div>`;
}

const part = (legend: string, body: TemplateResult) =>
  html`<fieldset class="field part">
    <legend>${legend}</legend>
    ${body}
  </fieldset>`;

function description(p: PolicyFieldsProps): TemplateResult {
  return html`${checkbox(p, 'descriptionOn')}
  ${
    p.draft.descriptionOn
      ? html`<div class="field">
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
        </div>`
      : nothing
  }`;
}

/** Every field of the form, in order. */
export function policyFields(p: PolicyFieldsProps): TemplateResult {
  const d = p.draft;
  return html`${textField(p, 'name')}
  ${part(
    T.booking,
    html`${checkbox(p, 'earlyOn')} ${d.earlyOn ? amountField(p, 'early', T.ahead) : nothing} ${checkbox(p, 'lateOn')}
    ${d.lateOn ? amountField(p, 'late', T.ahead) : nothing} ${checkbox(p, 'afterStart')}`,
  )}
  ${part(
    T.cancelling,
    html`${checkbox(p, 'cancelOn')}
    ${
      d.cancelOn
        ? html`${checkbox(p, 'cancelLimit')} ${d.cancelLimit ? amountField(p, 'cancel', T.before) : nothing}
          ${checkbox(p, 'cancelAnonymous')}`
        : nothing
    }`,
  )}
  ${part(
    T.rescheduling,
    html`${checkbox(p, 'rescheduleOn')}
    ${
      d.rescheduleOn
        ? html`${checkbox(p, 'rescheduleLimit')} ${d.rescheduleLimit ? amountField(p, 'reschedule', T.before) : nothing}
          ${checkbox(p, 'rescheduleAnonymous')}`
        : nothing
    }`,
  )}
  ${part(
    T.waitlist,
    html`${checkbox(p, 'waitlistOn')}
    ${d.waitlistOn ? html`${textField(p, 'waitlistCapacity')} ${amountField(p, 'waitlistHold', '')}` : nothing}`,
  )}
  ${part(T.participants, html`${textField(p, 'maxParticipants')} ${textField(p, 'maxUnpaid', T.unpaidHint)}`)}
  ${part(T.description, description(p))}`;
}
