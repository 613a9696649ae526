import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { WebhookEndpointView as WebhookEndpoint } from '../../model/webhooks.js';
import { panelStyles } from '../customers/panel.styles.js';
import { fieldErrors } from '../settings/field-errors.js';
import { textField } from '../settings-view/form-parts.js';
import type { ConsoleCopyBox } from '../shared/copy-box.js';
import '../shared/copy-box.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { WEBHOOK_EVENT_TYPES } from '../../model/webhooks.js';
import { WEBHOOKS_TEXT as T } from '../webhooks/webhooks-texts.js';

const FIELDS = ['url', 'events', 'allowPrivate'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Adds a webhook endpoint (`POST /webhooks/v1/endpoints`): its URL, the events it is sent and, on a development
 * server, whether it may reach a private address. The answer's signing secret is shown once, with Copy.
 * @event webhook-created - detail: the new endpoint
 */
export class ConsoleWebhookForm extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      fieldset {
        border: 1px solid var(--bc-border);
        border-radius: var(--bc-radius);
        margin: 0 0 0.75rem;
        display: grid;
        gap: 0.3rem;
      }
      legend {
        font-weight: 600;
      }
      label.check {
        overflow-wrap: anywhere;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;

  @state() private url = '';
  @state() private events = new Set<string>(['wix.bookings.v2.booking_created']);
  @state() private allowPrivate = false;
  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private message: string | undefined;
  @state() private secret: string | undefined;
  @query('console-copy-box') private secretBox!: ConsoleCopyBox | null;

  override render() {
    return html`<form novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${(e: Event) => void this.submit(e)}>
        ${textField({
          id: 'url',
          name: 'url',
          label: T.url,
          type: 'url',
          value: this.url,
          error: this.errors.url,
          hint: T.urlHint,
          onInput: (v) => (this.url = v),
        })}
        <fieldset aria-describedby="events-error">
          <legend>${T.events}</legend>
          ${WEBHOOK_EVENT_TYPES.map(
            (name) =>
              html`<label class="check">
                <input type="checkbox" .checked=${this.events.has(name)} @change=${() => this.flip(name)} /> ${name}
              </label>`,
          )}
          <span class="error" id="events-error">${this.errors.events ?? ''}</span>
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            name="allowPrivate"
            .checked=${this.allowPrivate}
            aria-describedby="allowPrivate-error"
            @change=${(e: Event) => (this.allowPrivate = (e.target as HTMLInputElement).checked)}
          />
          ${T.allowPrivate}
        </label>
        <p class="error" id="allowPrivate-error">${this.errors.allowPrivate ?? ''}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? T.adding : T.add}</button>
        <p role="status" class="error">${this.message ?? ''}</p>
      </form>
      ${this.secret ? this.secretPart(this.secret) : nothing}`;
  }

  private secretPart(secret: string) {
    return html`<div class="card" data-secret>
      <h3>${T.secretTitle}</h3>
      <p>${T.secretIntro}</p>
      <console-copy-box
        .label=${T.secretTitle}
        .value=${secret}
        rows="2"
        .copyLabel=${T.copy}
        .copiedLabel=${T.copied}
        .failedLabel=${T.copyFailed}
      ></console-copy-box>
    </div>`;
  }

  private flip(name: string): void {
    const events = new Set(this.events);
    if (!events.delete(name)) events.add(name);
    this.events = events;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = {};
    this.message = undefined;
    try {
      const { endpoint, secret } = await this.client.webhooks.createEndpoint({
        url: this.url.trim(),
        events: [...this.events],
        ...(this.allowPrivate ? { allowPrivate: true } : {}),
      });
      this.secret = secret;
      this.url = '';
      this.dispatchEvent(new CustomEvent<WebhookEndpoint>('webhook-created', { detail: endpoint, bubbles: true, composed: true }));
      await this.updateComplete;
      await this.secretBox?.updateComplete;
      this.secretBox?.focus();
    } catch (error) {
      const found = fieldErrors(error, FIELDS);
      this.errors = found.fields;
      this.message = Object.keys(found.fields).length ? T.fixFields : errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

define('console-webhook-form', ConsoleWebhookForm);

declare global {
  interface HTMLElementTagNameMap {
    'console-webhook-form': ConsoleWebhookForm;
  }
}
