import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { BookingPolicy } from '../../model/policy.js';
import type { Service } from '../../model/service.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { POLICIES_TEXT as T } from '../policies/policy-texts.js';
import { policyRulesText } from '../policies/policy-words.js';
import { define } from '../shared/define.js';
import { readError } from '../shared/read-error.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { signalUnauthorized } from '../shared/unauthorized.js';

/**
 * The policies view (OWNER, `#policies`): every booking policy, the default marked, its rules in words and the
 * services that use it, each linking to `#policy/<id>`; "New policy" opens `#policy/new`. Read when opened.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsolePoliciesView extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;
  @state() private policies: BookingPolicy[] | undefined;
  @state() private services: Service[] = [];
  @state() private error: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async read(): Promise<void> {
    this.error = undefined;
    this.policies = undefined;
    try {
      const [policies, { services }] = await Promise.all([
        this.client.bookingPolicies.queryBookingPolicies(),
        this.client.catalogue.queryAllServices({ paging: { limit: 100, offset: 0 } }),
      ]);
      this.services = services;
      this.policies = policies;
    } catch (e) {
      signalUnauthorized(this, e);
      this.error = errorText(e);
    }
  }

  override render() {
    const busy = !this.policies && !this.error;
    return html`<section data-view="policies" aria-labelledby="policies-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="bar">
        <h1 id="policies-title">${T.listTitle}</h1>
        <a class="button" href=${routeHref('policy', 'new')}>${T.newPolicy}</a>
      </div>
      <p role="status" aria-live="polite" class="muted">${busy ? T.loading : this.policies ? T.count(this.policies.length) : ''}</p>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (this.error !== undefined) return readError(this.error, () => void this.read());
    if (!this.policies) return html`<progress aria-label=${T.loading}></progress>`;
    if (this.policies.length === 0) return html`<p>${T.none}</p>`;
    return html`<ul class="cards" aria-labelledby="policies-title">
      ${repeat(
        this.policies,
        (p) => p.id,
        (p) => this.row(p),
      )}
    </ul>`;
  }

  private row(p: BookingPolicy) {
    const users = this.services
      .filter((s) => s.bookingPolicy.id === p.id)
      .map((s) => s.name)
      .sort((a, b) => a.localeCompare(b));
    return html`<li class="card" data-policy-id=${p.id} data-default=${p.default ? 'true' : 'false'}>
      <a class="title" href=${routeHref('policy', p.id)}>${p.name ?? p.id}</a>
      ${p.default ? html`<span class="pill">${T.defaultMark}</span>` : nothing}
      <div class="rules">${policyRulesText(p)}</div>
      <div class="muted">${T.usedBy(users)}</div>
    </li>`;
  }
}

define('console-policies-view', ConsolePoliciesView);

declare global {
  interface HTMLElementTagNameMap {
    'console-policies-view': ConsolePoliciesView;
  }
}
