/**
 * The options-and-variants editor's fields: the option's type and name, then one row a choice (its name, or
 * minutes, or the staff member) with its price, each message beside its input.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ServiceOptionType } from '../../model/service.js';
import type { VariantDraft, VariantErrors, VariantRow } from '../services/variant-draft.js';
import { OPTION_KIND_NAMES, VARIANT_TEXT as T } from '../services/variant-texts.js';

export interface VariantFieldsProps {
  draft: VariantDraft;
  errors: VariantErrors;
  staffName: (id: string) => string;
  change: (draft: VariantDraft) => void;
  changeKind: (kind: ServiceOptionType) => void;
}

function error(p: VariantFieldsProps, key: string) {
  const text = p.errors[key];
  return text ? html`<p class="error" id=${`ve-${key}`}>${text}</p>` : nothing;
}

function invalid(p: VariantFieldsProps, key: string) {
  return { invalid: p.errors[key] ? 'true' : 'false', describedBy: p.errors[key] ? `ve-${key}` : nothing };
}

function kindField(p: VariantFieldsProps) {
  return html`<div class="field">
    <label for="v-kind">${T.kind}</label>
    <select id="v-kind" @change=${(e: Event) => p.changeKind((e.target as HTMLSelectElement).value as ServiceOptionType)}>
      ${(Object.keys(OPTION_KIND_NAMES) as ServiceOptionType[]).map(
        (k) => html`<option value=${k} ?selected=${p.draft.kind === k}>${OPTION_KIND_NAMES[k]}</option>`,
      )}
    </select>
  </div>`;
}

function nameField(p: VariantFieldsProps) {
  const a = invalid(p, 'name');
  return html`<div class="field">
    <label for="v-name">${T.name}</label>
    <input
      id="v-name"
      name="option-name"
      autocomplete="off"
      .value=${p.draft.name}
      aria-invalid=${a.invalid}
      aria-describedby=${a.describedBy}
      @input=${(e: Event) => p.change({ ...p.draft, name: (e.target as HTMLInputElement).value })}
    />
    ${error(p, 'name')}
  </div>`;
}

function rowFields(p: VariantFieldsProps, row: VariantRow, i: number) {
  const d = p.draft;
  const staff = d.kind === 'STAFF_MEMBER';
  const label = d.kind === 'DURATION' ? T.minutes(i + 1) : T.choice(i + 1);
  const what = staff ? p.staffName(row.choice) : row.choice.trim() || label;
  const edit = (patch: Partial<VariantRow>) => p.change({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const c = invalid(p, `choice-${i}`);
  const price = invalid(p, `price-${i}`);
  return html`<div class="variant-row" data-row=${i}>
    ${
      staff
        ? nothing
        : html`<div class="field">
            <label for=${`vc-${i}`}>${label}</label>
            <input
              id=${`vc-${i}`}
              name=${`choice-${i}`}
              autocomplete="off"
              inputmode=${d.kind === 'DURATION' ? 'numeric' : nothing}
              .value=${row.choice}
              aria-invalid=${c.invalid}
              aria-describedby=${c.describedBy}
              @input=${(e: Event) => edit({ choice: (e.target as HTMLInputElement).value })}
            />
            ${error(p, `choice-${i}`)}
          </div>`
    }
    <div class="field">
      <label for=${`vp-${i}`}>${T.priceOf(what)}</label>
      <input
        id=${`vp-${i}`}
        name=${`price-${i}`}
        autocomplete="off"
        inputmode="decimal"
        .value=${row.price}
        aria-invalid=${price.invalid}
        aria-describedby=${price.describedBy}
        @input=${(e: Event) => edit({ price: (e.target as HTMLInputElement).value })}
      />
      ${error(p, `price-${i}`)}
    </div>
    ${
      staff || d.rows.length < 2
        ? nothing
        : html`<button type="button" @click=${() => p.change({ ...d, rows: d.rows.filter((_, j) => j !== i) })}>${T.remove(what)}</button>`
    }
  </div>`;
}

export function variantFields(p: VariantFieldsProps): TemplateResult {
  const d = p.draft;
  const staff = d.kind === 'STAFF_MEMBER';
  return html`${kindField(p)} ${staff ? nothing : nameField(p)}
  ${staff && d.rows.length === 0 ? html`<p class="hint">${T.noStaff}</p>` : nothing} ${d.rows.map((row, i) => rowFields(p, row, i))}
  ${staff ? nothing : html`<button type="button" @click=${() => p.change({ ...d, rows: [...d.rows, { choice: '', price: '' }] })}>${T.addChoice}</button>`}`;
}
