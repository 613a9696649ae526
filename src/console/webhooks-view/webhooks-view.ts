import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { WebhookEndpointView as WebhookEndpoint } from '../../model/webhooks.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { loadState } from '../settings-view/form-parts.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { WEBHOOKS_TEXT as T } from '../webhooks/webhooks-texts.js';
import './webhook-form.js';
import './webhook-log.js';

/**
 * The owner's webhook endpoints (`#webhooks`, reached from Settings): the list, each with Delete (after a
 * confirmation) and its delivery log; the form that adds one, whose signing secret is shown once.
 */
export class ConsoleWebhooksView extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      section {
        max-width: 44rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;

  @state() private endpoints: WebhookEndpoint[] | undefined;
  @state() private timeZone: string | undefined;
  @state() private error: string | undefined;
  @state() private open = new Set<string>();
  @state() private rowErrors = new Map<string, string>();
  @state() private note: string | undefined;
  @state() private deleting: WebhookEndpoint | undefined;
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async read(): Promise<void> {
    this.error = undefined;
    try {
      const [endpoints, site] = await Promise.all([this.client.webhooks.listEndpoints(), this.client.services.getSiteProperties()]);
      this.endpoints = endpoints;
      this.timeZone = site.properties.timeZone;
    } catch (error) {
      this.error = errorText(error);
    }
  }

  override render() {
    return html`<section data-view="webhooks" aria-labelledby="webhooks-title">
      <p><a href=${routeHref('settings')}>${T.back}</a></p>
      <h1 id="webhooks-title" tabindex="-1">${T.title}</h1>
      <p class="muted">${T.intro}</p>
      ${this.list()}
      <p role="status">${this.note ?? ''}</p>
      <h2>${T.addTitle}</h2>
      <console-webhook-form
        .client=${this.client}
        @webhook-created=${(e: CustomEvent<WebhookEndpoint>) => (this.endpoints = [...(this.endpoints ?? []), e.detail])}
      ></console-webhook-form>
      <console-confirm-dialog
        .heading=${T.deleteTitle}
        .body=${this.deleting ? T.deleteBody(this.deleting.url) : ''}
        .confirmLabel=${T.delete}
        .keepLabel=${T.keep}
        @dialog-confirm=${() => this.deleting && void this.deleteEndpoint(this.deleting)}
        @dialog-close=${() => (this.deleting = undefined)}
      ></console-confirm-dialog>
    </section>`;
  }

  private list() {
    const waiting = loadState(this.error, this.endpoints !== undefined, T.loading, () => void this.read());
    if (waiting || !this.endpoints) return waiting;
    if (this.endpoints.length === 0) return html`<p>${T.none}</p>`;
    return html`<ul class="cards">
      ${this.endpoints.map((e) => this.row(e))}
    </ul>`;
  }

  private row(e: WebhookEndpoint) {
    const open = this.open.has(e.id);
    const error = this.rowErrors.get(e.id);
    return html`<li class="card" data-endpoint-id=${e.id}>
      <strong>${e.url}</strong>
      <p class="muted">${e.events.join(', ')}</p>
      <div class="actions">
        <button aria-expanded=${String(open)} aria-controls=${`log-${e.id}`} @click=${() => this.toggle(e.id)}>
          ${open ? T.hideLog : T.log}
        </button>
        <button @click=${() => this.askDelete(e)}>${T.delete}</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      <div id=${`log-${e.id}`}>
        ${
          open
            ? html`<console-webhook-log .client=${this.client} endpoint-id=${e.id} .timeZone=${this.timeZone}></console-webhook-log>`
            : nothing
        }
      </div>
    </li>`;
  }

  private toggle(id: string): void {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  private askDelete(e: WebhookEndpoint): void {
    this.deleting = e;
    void this.dialog.show();
  }

  private async deleteEndpoint(e: WebhookEndpoint): Promise<void> {
    try {
      await this.client.webhooks.deleteEndpoint(e.id);
      this.endpoints = this.endpoints?.filter((x) => x.id !== e.id);
      this.note = T.deleted(e.url);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#webhooks-title')?.focus();
    } catch (error) {
      this.rowErrors = new Map(this.rowErrors).set(e.id, errorText(error));
    }
  }
}

define('console-webhooks-view', ConsoleWebhooksView);

declare global {
  interface HTMLElementTagNameMap {
    'console-webhooks-view': ConsoleWebhooksView;
  }
}
