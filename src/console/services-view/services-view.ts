import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { Service } from '../../model/service.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { priceText, servicesByType } from '../services/service-rows.js';
import { SERVICES_TEXT as T, TYPE_NAMES } from '../services/service-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { readError } from '../shared/read-error.js';
import { signalUnauthorized } from '../shared/unauthorized.js';

/**
 * The services view (OWNER): every service, hidden ones too and marked, grouped by type with its price, capacity
 * and length, each linking to `#service/<id>`; "New service" opens `#service/new`. Read when opened: the
 * catalogue has no live stream (a change another owner saves shows on the next visit).
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleServicesView extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;
  @state() private services: Service[] | undefined;
  @state() private error: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async read(): Promise<void> {
    this.error = undefined;
    this.services = undefined;
    try {
      const { services } = await this.client.catalogue.queryAllServices({ paging: { limit: 100, offset: 0 } });
      this.services = services;
    } catch (e) {
      signalUnauthorized(this, e);
      this.error = errorText(e);
    }
  }

  override render() {
    const busy = !this.services && !this.error;
    return html`<section data-view="services" aria-labelledby="services-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="bar">
        <h1 id="services-title">${T.listTitle}</h1>
        <a class="button" href=${routeHref('service', 'new')}>${T.newService}</a>
      </div>
      <p role="status" aria-live="polite" class="muted">${busy ? T.loading : this.services ? T.count(this.services.length) : ''}</p>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (this.error !== undefined) {
      return readError(this.error, () => void this.read());
    }
    if (!this.services) return html`<progress aria-label=${T.loading}></progress>`;
    if (this.services.length === 0) return html`<p>${T.none}</p>`;
    return servicesByType(this.services).map(
      (group) =>
        html`<h2 id=${`type-${group.type}`}>${TYPE_NAMES[group.type]}</h2>
          <ul class="cards" aria-labelledby=${`type-${group.type}`}>
            ${repeat(
              group.services,
              (s) => s.id,
              (s) => this.row(s),
            )}
          </ul>`,
    );
  }

  private row(s: Service) {
    const minutes = s.schedule.availabilityConstraints.sessionDurations;
    const facts = [
      priceText(s),
      s.type === 'APPOINTMENT' ? undefined : T.capacity(s.defaultCapacity),
      T.minutes(minutes),
      s.category?.name,
    ];
    return html`<li class="card" data-service-id=${s.id} data-hidden=${s.hidden ? 'true' : 'false'}>
      <a class="title" href=${routeHref('service', s.id)}>${s.name}</a>
      ${s.hidden ? html`<span class="pill">${T.hidden}</span>` : nothing}
      ${s.onlineBooking.enabled ? nothing : html`<span class="pill">${T.offline}</span>`}
      <div class="muted">${facts.filter(Boolean).join(' · ')}</div>
    </li>`;
  }
}

define('console-services-view', ConsoleServicesView);

declare global {
  interface HTMLElementTagNameMap {
    'console-services-view': ConsoleServicesView;
  }
}
