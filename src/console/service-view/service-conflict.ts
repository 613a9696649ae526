/**
 * "Someone else saved first": the fields where the saved service and the owner's typing differ, side by side, and
 * the two ways on (save mine over theirs, or take theirs). The form above keeps what was typed meanwhile.
 */
import { html, type TemplateResult } from 'lit';
import { differingFields, type DraftField, type ServiceDraft } from '../services/service-draft.js';
import { FIELD_LABELS, PRICE_KIND_NAMES, SERVICE_TEXT as T, TYPE_NAMES } from '../services/service-texts.js';

/** `names`: staff members', pricing plans' and booking policies' names by id (the lists show names, not ids). */
export function fieldText(field: DraftField, d: ServiceDraft, names: ReadonlyMap<string, string>): string {
  const value = d[field];
  if (typeof value === 'boolean') return value ? T.yes : T.no;
  if (Array.isArray(value)) return value.map((id) => names.get(id) ?? id).join(', ') || '—';
  if (field === 'type') return TYPE_NAMES[d.type];
  if (field === 'priceKind') return PRICE_KIND_NAMES[d.priceKind];
  if (field === 'policyId') return names.get(d.policyId) ?? (d.policyId || '—');
  if (field === 'location')
    return names.get(d.location) ?? (d.location === 'CUSTOMER' ? T.placeCustomer : d.location === 'CUSTOM' ? T.placeCustom : T.placeUnsaid);
  return value || '—';
}

export function conflictPanel(
  theirs: ServiceDraft,
  yours: ServiceDraft,
  names: ReadonlyMap<string, string>,
  on: { keepMine: () => void; useTheirs: () => void },
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
                <td class="theirs">${fieldText(f, theirs, names)}</td>
                <td class="yours">${fieldText(f, yours, names)}</td>
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
