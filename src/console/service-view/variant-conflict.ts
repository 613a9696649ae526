/**
 * "Someone else saved these options first": their options and the owner's typing side by side (one line a
 * choice), and the two ways on. The editor keeps what was typed meanwhile.
 */
import { html, type TemplateResult } from 'lit';
import { VARIANT_TEXT as T } from '../services/variant-texts.js';

const list = (lines: readonly string[]) =>
  html`<ul>
    ${lines.map((line) => html`<li>${line}</li>`)}
  </ul>`;

export function variantConflict(
  theirs: readonly string[],
  yours: readonly string[],
  on: { keepMine: () => void; useTheirs: () => void },
): TemplateResult {
  return html`<section class="conflict warning" role="alert" aria-labelledby="variant-conflict-title" data-variant-conflict>
    <h3 id="variant-conflict-title" tabindex="-1">${T.conflictTitle}</h3>
    <p>${T.conflictBody}</p>
    <div class="versions">
      <div class="theirs">
        <h4>${T.theirs}</h4>
        ${list(theirs)}
      </div>
      <div class="yours">
        <h4>${T.yours}</h4>
        ${list(yours)}
      </div>
    </div>
    <div class="actions">
      <button class="primary" type="button" @click=${on.keepMine}>${T.keepMine}</button>
      <button type="button" @click=${on.useTheirs}>${T.useTheirs}</button>
    </div>
  </section>`;
}
