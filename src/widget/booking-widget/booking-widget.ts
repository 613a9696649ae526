import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Service } from '../../model/index.js';
import { styles } from './booking-widget.styles.js';

/** What a service card shows. */
export type ServiceSummary = Pick<Service, 'id' | 'name' | 'tagLine'>;

/**
 * Loads the public service list (contract section 3).
 * Temporary: the typed client in src/api (contract section 9a) replaces this, called from the flow machine.
 */
async function fetchServices(apiBase: string, signal?: AbortSignal): Promise<ServiceSummary[]> {
  const response = await fetch(`${apiBase}/bookings/v2/services/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal,
  });
  if (!response.ok) throw new Error(`services/query answered HTTP ${response.status}`);
  const body: unknown = await response.json();
  const list = (body as { services?: unknown } | null)?.services;
  if (!Array.isArray(list)) throw new Error('services/query answered without a services list');
  // Check the fields we render instead of trusting the shape; skip what the owner hid from the widget.
  const services: ServiceSummary[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, tagLine, hidden } = item as Partial<Record<'id' | 'name' | 'tagLine' | 'hidden', unknown>>;
    if (typeof id !== 'string' || typeof name !== 'string' || hidden === true) continue;
    services.push({ id, name, ...(typeof tagLine === 'string' && { tagLine }) });
  }
  return services;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; services: ServiceSummary[] }
  | { status: 'error' };

/**
 * An embeddable booking widget. This first version shows the service step only.
 *
 * @attr api-base - the bookings API's origin (and path prefix); default: the page's origin
 * @csspart service - a service card (`data-service-id` = the service's id)
 * @csspart button - a button (Retry)
 * @cssproperty --booking-accent - accent colour (card edge, buttons, focus ring)
 * @cssproperty --booking-accent-contrast - text on the accent colour
 * @cssproperty --booking-bg - background
 * @cssproperty --booking-fg - text colour
 * @cssproperty --booking-muted - secondary text
 * @cssproperty --booking-radius - corner radius
 * @cssproperty --booking-font-family - font
 */
@customElement('booking-widget')
export class BookingWidget extends LitElement {
  static override styles = styles;

  @property({ attribute: 'api-base' }) apiBase = '';

  @state() private load: Load = { status: 'loading' };

  /** The API base the current (or finished) request is for; undefined means "load on the next update". */
  private loadedFor: string | undefined;
  private abort: AbortController | undefined;
  private focusAfterLoad = false;

  private get resolvedApiBase(): string {
    return (this.apiBase || location.origin).replace(/\/+$/, '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reattached after a disconnect aborted the request: load again.
    if (this.hasUpdated && this.loadedFor === undefined) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.load.status === 'loading') {
      this.abort?.abort();
      this.loadedFor = undefined;
    }
  }

  protected override willUpdate(): void {
    // Runs on the first update and whenever api-base changes; a stale answer is dropped by the check in loadServices.
    if (this.isConnected && this.loadedFor !== this.resolvedApiBase) void this.loadServices(this.resolvedApiBase);
  }

  protected override updated(): void {
    // The Retry button vanished with the error: put focus on the step instead of losing it to <body>.
    if (this.focusAfterLoad && this.load.status !== 'loading') {
      this.focusAfterLoad = false;
      this.renderRoot.querySelector<HTMLElement>('[data-step]')?.focus();
    }
  }

  private async loadServices(apiBase: string): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loadedFor = apiBase;
    this.load = { status: 'loading' };
    try {
      const services = await fetchServices(apiBase, abort.signal);
      if (!abort.signal.aborted) this.load = { status: 'ready', services };
    } catch (err) {
      if (abort.signal.aborted) return;
      console.warn('booking-widget: could not load services', err);
      this.load = { status: 'error' };
    }
  }

  private retry(): void {
    this.focusAfterLoad = true;
    void this.loadServices(this.resolvedApiBase);
  }

  override render() {
    const loading = this.load.status === 'loading';
    return html`
      <section class="base" aria-labelledby="title">
        <h2 id="title">Book online</h2>
        <div data-step="service" aria-busy=${loading ? 'true' : 'false'} tabindex="-1">
          <h3>Choose a service</h3>
          ${this.renderServiceStep()}
        </div>
      </section>
    `;
  }

  private renderServiceStep() {
    switch (this.load.status) {
      case 'loading':
        return html`
          <p class="visually-hidden" role="status">Loading services…</p>
          <ul class="services" aria-hidden="true">
            ${[0, 1, 2].map(() => html`<li class="skeleton"></li>`)}
          </ul>
        `;
      case 'error':
        return html`
          <p class="error" role="alert">We couldn't load the services. Check your connection and try again.</p>
          <button part="button" type="button" @click=${this.retry}>Retry</button>
        `;
      case 'ready':
        if (this.load.services.length === 0) return html`<p>No services can be booked online right now.</p>`;
        return html`
          <ul class="services">
            ${this.load.services.map(
              (s) => html`
                <li class="card" part="service" data-service-id=${s.id}>
                  <p class="name">${s.name}</p>
                  ${s.tagLine ? html`<p class="tagline">${s.tagLine}</p>` : nothing}
                </li>
              `,
            )}
          </ul>
        `;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget': BookingWidget;
  }
}
