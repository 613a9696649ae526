/**
 * "Someone else saved first": the fields where the saved service and the owner's typing differ, side by side, and
 * the two ways on (save mine over theirs, or take theirs). The form above keeps what was typed meanwhile.
 */
import { html, type TemplateResult } from 'lit';
import type { StaffMember } from '../../model/business.js';
import type { BookingPolicy } from '../../model/policy.js';
import { differingFields, type DraftField, type ServiceDraft } from '../services/service-draft.js';
import { FIELD_LABELS, PRICE_KIND_NAMES, SERVICE_TEXT as T, TYPE_NAMES } from '../services/service-texts.js';

export function fieldText(
  field: DraftField,
  d: ServiceDraft,
  staff: readonly StaffMember[],
  policies: readonly BookingPolicy[] = [],
): string {
  if (field === 'policyId') return policies.find((p) => p.id === d.policyId)?.name ?? (d.policyId || '—');
  const value = d[field];
  if (typeof value === 'boolean') return value ? T.yes : T.no;
  if (Array.isArray(value)) return value.map((id) => staff.find((m) => m.id === id)?.name ?? id).join(', ') || '—';
  if (field === 'type') return TYPE_NAMES[d.type];
  if (field === 'priceKind') return PRICE_KIND_NAMES[d.priceKind];
  return value || '—';
}

export function conflictPanel(
  theirs: ServiceDraft,
  yours: ServiceDraft,
  staff: readonly StaffMember[],
  on: { keepMine: () => void; useTheirs: () => void },
  policies: readonly BookingPolicy[] = [],
): TemplateResult {
  const rows = differingFields(theirs, yours);
  return html`<section class="conflict warning" role="alert" aria-labelledby="conflict-title" data-conflict>
    <h2 id="conflict-title" tabindex="-1">${T.conflictTitle}</h2>
    <p>${T.conflictBody}</p>
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">${T.field}</th>
            <th scope="col">${T.theirs}</th>
            <th scope="col">${T.yours}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (f) =>
              html`<tr data-field=${f}>
                <th scope="row">${FIELD_LABELS[f]}</th>
                <td class="theirs">${fieldText(f, theirs, staff, policies)}</td>
                <td class="yours">${fieldText(f, yours, staff, policies)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="actions">
      <button class="primary" @click=${on.keepMine}>${T.keepMine}</button>
      <button @click=${on.useTheirs}>${T.useTheirs}</button>
    </div>
  </section>`;
}
