/**
 * The service form's "Booking policy" select: one of the business's policies (the default marked), or, on a new
 * service, none chosen, which the server answers with the default policy. Its rules are said in words beside it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BookingPolicy } from '../../model/policy.js';
import { routeHref } from '../booking-console/route.js';
import { POLICIES_TEXT } from '../policies/policy-texts.js';
import { policyRulesText } from '../policies/policy-words.js';
import type { ServiceDraft } from '../services/service-draft.js';
import { FIELD_LABELS as L } from '../services/service-texts.js';

export interface PolicyFieldProps {
  draft: ServiceDraft;
  error: string | undefined;
  policies: readonly BookingPolicy[];
  change: (policyId: string) => void;
}

const label = (p: BookingPolicy) => (p.default ? `${p.name ?? p.id} (${POLICIES_TEXT.defaultMark.toLowerCase()})` : (p.name ?? p.id));

export function policyField(p: PolicyFieldProps): TemplateResult {
  const chosen = p.policies.find((x) => x.id === p.draft.policyId) ?? (p.draft.policyId ? undefined : p.policies.find((x) => x.default));
  const describedBy = ['h-policyId', p.error ? 'e-policyId' : undefined].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="f-policyId">${L.policyId}</label>
    <select
      id="f-policyId"
      aria-invalid=${p.error ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @change=${(e: Event) => p.change((e.target as HTMLSelectElement).value)}
    >
      ${p.draft.policyId ? nothing : html`<option value="" selected>${chosen ? label(chosen) : '—'}</option>`}
      ${p.policies.map((x) => html`<option value=${x.id} ?selected=${p.draft.policyId === x.id}>${label(x)}</option>`)}
    </select>
    <span class="hint" id="h-policyId"
      >${chosen ? policyRulesText(chosen) : ''} <a href=${routeHref('policies')}>${POLICIES_TEXT.listTitle}</a></span
    >
    ${p.error ? html`<p class="error" id="e-policyId">${p.error}</p>` : nothing}
  </div>`;
}
