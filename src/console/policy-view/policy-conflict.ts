/**
 * "Someone else saved first": the parts where the saved policy and the owner's typing differ, side by side in words,
 * and the two ways on (save mine over theirs, or take theirs). The form above keeps what was typed meanwhile.
 */
import { html, type TemplateResult } from 'lit';
import type { PolicyDraft } from '../policies/policy-draft.js';
import { POLICY_LABELS as L, POLICY_TEXT as T } from '../policies/policy-texts.js';
import { differingParts } from '../policies/policy-words.js';

export function policyConflictPanel(
  theirs: PolicyDraft,
  yours: PolicyDraft,
  on: { keepMine: () => void; useTheirs: () => void },
): TemplateResult {
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
          ${differingParts(theirs, yours).map(
            (row) =>
              html`<tr data-field=${row.field}>
                <th scope="row">${L[row.field]}</th>
                <td class="theirs">${row.theirs}</td>
                <td class="yours">${row.yours}</td>
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
