import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { WebhookDelivery } from '../../model/webhooks.js';
import { formatStart } from '../bookings/booking-rows.js';
import { OutboxRefresh } from '../outbox/outbox-refresh.js';
import { panelStyles } from '../customers/panel.styles.js';
import { loadState } from '../settings-view/form-parts.js';
import { define } from '../shared/define.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { WEBHOOKS_TEXT as T } from '../webhooks/webhooks-texts.js';

/**
 * One endpoint's delivery log (`GET …/deliveries`), newest first: each delivery's event, status, attempts and last
 * answer or error, with Resend (`POST …/resend`); kept current like the outbox view (after booking events, and every
 * half minute while visible), and Refresh reads it again.
 */
export class ConsoleWebhookLog extends LitElement {
  static override styles = [themeStyles, statusStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: 'endpoint-id' }) endpointId = '';
  /** The studio's zone: times read in it, with its short name. */
  @property({ attribute: false }) timeZone: string | undefined;

  @state() private deliveries: WebhookDelivery[] | undefined;
  @state() private error: string | undefined;
  @state() private reading = false;
  @state() private rowNotes = new Map<string, { ok: boolean; text: string }>();

  private refresh: OutboxRefresh | undefined;

  override connectedCallback(): void {
    // Deliveries are the outbox's: re-read as the outbox view does, after booking events and while visible.
    this.refresh ??= new OutboxRefresh(this, this.client, () => void this.read());
    super.connectedCallback();
    void this.read();
  }

  /** Reads the log again; what is shown stays while it reads. */
  async read(): Promise<void> {
    this.reading = true;
    try {
      this.deliveries = await this.client.webhooks.listDeliveries(this.endpointId);
      this.error = undefined;
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.reading = false;
    }
  }

  override render() {
    // A failed re-read keeps the log on screen, with the error beside Refresh.
    const waiting = loadState(
      this.deliveries ? undefined : this.error,
      this.deliveries !== undefined,
      T.logLoading,
      () => void this.read(),
    );
    if (waiting || !this.deliveries) return waiting;
    return html`<div aria-busy=${this.reading ? 'true' : 'false'}>
      <button @click=${() => void this.read()} ?disabled=${this.reading}>${T.refresh}</button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.deliveries.length === 0
          ? html`<p class="muted">${T.noDeliveries}</p>`
          : html`<ul class="cards">
              ${this.deliveries.map((d) => this.row(d))}
            </ul>`
      }
    </div>`;
  }

  private row(d: WebhookDelivery) {
    const note = this.rowNotes.get(d.id);
    const last = d.lastError ?? d.lastAnswer;
    return html`<li class="card" data-delivery-id=${d.id} data-status=${d.status}>
      <strong>${d.eventType}</strong> <span class="status ${d.status}">${d.status}</span>
      <p class="muted">
        ${formatStart({ startDate: d.createdDate }, this.timeZone)} · ${T.attempts(d.attempts)}${last ? html` · ${last}` : nothing}
      </p>
      <button @click=${() => void this.resend(d)}>${T.resend}</button>
      ${note ? html`<p role=${note.ok ? 'status' : 'alert'} class=${note.ok ? 'ok' : 'error'}>${note.text}</p>` : nothing}
    </li>`;
  }

  private async resend(d: WebhookDelivery): Promise<void> {
    try {
      const delivery = await this.client.webhooks.resendDelivery(this.endpointId, d.id);
      this.deliveries = this.deliveries?.map((x) => (x.id === d.id ? delivery : x));
      this.rowNotes = new Map(this.rowNotes).set(d.id, { ok: true, text: T.resent });
    } catch (error) {
      this.rowNotes = new Map(this.rowNotes).set(d.id, { ok: false, text: errorText(error) });
    }
  }
}

define('console-webhook-log', ConsoleWebhookLog);

declare global {
  interface HTMLElementTagNameMap {
    'console-webhook-log': ConsoleWebhookLog;
  }
}
