import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { EmailListResponse, EmailRow } from '../../model/email.js';
import { formatSent, kindLabel, roleLabel, statusLabel } from '../outbox/email-rows.js';
import { OutboxRefresh } from '../outbox/outbox-refresh.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT, errorText } from '../texts.js';
import { outboxViewStyles } from './outbox-view.styles.js';
import { readError } from '../shared/read-error.js';

/**
 * The outbox view (owner only): the emails the server sent or is sending, newest first, from
 * `GET /notifications/v1/emails`; with emails written to files, each sent one offers its `.eml` for download.
 * Live: re-read after booking events and every half minute while visible (outbox-refresh.ts).
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleOutboxView extends LitElement {
  static override styles = [themeStyles, outboxViewStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private list: EmailListResponse | undefined;
  @state() private error: string | undefined;
  @state() private timeZone: string | undefined;
  @state() private downloadErrors = new Map<string, string>();
  private live: OutboxRefresh | undefined;
  private reading = false;

  override connectedCallback(): void {
    // The controller must exist before Lit connects controllers (in super.connectedCallback).
    this.live ??= new OutboxRefresh(this, this.client, () => void this.reread());
    super.connectedCallback();
    void this.loadZone();
    void this.read();
  }

  /** The first read, or Try again: a progress line until it answers. */
  async read(): Promise<void> {
    this.list = undefined;
    this.error = undefined;
    await this.reread();
  }

  /** A live re-read: the table stays on screen while it runs, and one at a time. */
  private async reread(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      this.list = await this.client.notifications.listEmails(100);
      this.error = undefined;
    } catch (error) {
      if (this.unauthorized(error)) return;
      // A background re-read that fails keeps the table; only the first read shows the error.
      if (!this.list) this.error = errorText(error);
    } finally {
      this.reading = false;
    }
  }

  override render() {
    return html`<section data-view="outbox" aria-labelledby="outbox-title">
      <h1 id="outbox-title">${TEXT.outboxTitle}</h1>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (this.error !== undefined) {
      return readError(this.error ?? '', () => void this.read());
    }
    const list = this.list;
    if (!list) {
      return html`<p class="loading" role="status">
        <progress aria-label=${TEXT.outboxLoading}></progress> <span>${TEXT.outboxLoading}</span>
      </p>`;
    }
    if (list.emails.length === 0) return html`<p class="empty">${TEXT.outboxEmpty}</p>`;
    const files = list.transport === 'files';
    return html`<div class="scroll" role="region" aria-labelledby="outbox-caption" tabindex="0">
      <table>
        <caption id="outbox-caption">
          ${TEXT.outboxCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${TEXT.outboxKind}</th>
            <th scope="col">${TEXT.outboxTo}</th>
            <th scope="col">${TEXT.outboxSubject}</th>
            <th scope="col">${TEXT.outboxStatus}</th>
            <th scope="col">${TEXT.outboxSent}</th>
            ${files ? html`<th scope="col">${TEXT.outboxMessage}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            list.emails,
            (e) => e.id,
            (e) => this.row(e, files),
          )}
        </tbody>
      </table>
    </div>`;
  }

  private row(e: EmailRow, files: boolean) {
    const failed = e.status === 'FAILED';
    const downloadError = this.downloadErrors.get(e.id);
    return html`<tr data-email-id=${e.id} data-status=${e.status}>
      <th scope="row">${kindLabel(e.kind)}</th>
      <td><span class="role">${roleLabel(e.role)}</span> <span class="address">${e.to ?? ''}</span></td>
      <td>${e.subject ?? html`<span class="muted">${TEXT.outboxNoSubject}</span>`}</td>
      <td>
        <span class="status ${e.status}">${statusLabel(e.status)}</span>
        ${failed && e.lastError ? html`<span class="last-error">${e.lastError}</span>` : nothing}
      </td>
      <td class="when">${formatSent(e, this.timeZone)}</td>
      ${
        files
          ? html`<td>
              ${
                e.file && e.status === 'DONE'
                  ? html`<button
                      aria-label=${`${TEXT.outboxDownload}: ${e.subject ?? kindLabel(e.kind)}`}
                      @click=${() => void this.download(e)}
                    >
                      ${TEXT.outboxDownload}
                    </button>`
                  : nothing
              }
              ${downloadError ? html`<span class="error" role="alert">${downloadError}</span>` : nothing}
            </td>`
          : nothing
      }
    </tr>`;
  }

  /** Fetches the file with the token (a plain link could not send it), then saves it through a blob URL. */
  private async download(e: EmailRow): Promise<void> {
    const errors = new Map(this.downloadErrors);
    errors.delete(e.id);
    this.downloadErrors = errors;
    try {
      const blob = await this.client.notifications.emailMessage(e.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = e.file ?? `${e.id}.eml`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      if (this.unauthorized(error)) return;
      this.downloadErrors = new Map(this.downloadErrors).set(e.id, errorText(error));
    }
  }

  private async loadZone(): Promise<void> {
    try {
      this.timeZone = (await this.client.services.getSiteProperties()).properties.timeZone;
    } catch {
      // The browser's zone then; each time still names its zone.
    }
  }

  private unauthorized(error: unknown): boolean {
    if (!(error instanceof BookingApiError) || error.status !== 401) return false;
    this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
    return true;
  }
}

define('console-outbox-view', ConsoleOutboxView);

declare global {
  interface HTMLElementTagNameMap {
    'console-outbox-view': ConsoleOutboxView;
  }
}
