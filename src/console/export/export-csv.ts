import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { isUnauthorized } from '../bookings/console-reads.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { exportFileName, type ExportRange } from './export-range.js';
import { EXPORT_TEXT as T } from './export-texts.js';

/** How long a saved file's object URL lives: the browser has started the download well before. */
const URL_LIFETIME_MS = 60_000;

/**
 * Export CSV (the owner's, in the bookings view's bar): fetches `export.csv` for the range with the token (a plain
 * link could not send it) and saves it through an object URL and `<a download>`; says which days it exports, and
 * shows a failure beside the button with Try again.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleExportCsv extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      .range {
        color: var(--bc-muted);
        font-size: 0.9rem;
        margin: 0;
      }
      .error {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) range: ExportRange = { from: '', to: '' };

  @state() private busy = false;
  @state() private error = '';
  @state() private saved = '';

  override render() {
    // aria-disabled, not disabled, while busy: the pressed button keeps a keyboard user's focus.
    return html`<button
        id="export"
        aria-describedby="export-range"
        aria-disabled=${this.busy ? 'true' : 'false'}
        aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => void this.download()}
      >
        ${this.busy ? T.working : T.button}
      </button>
      <p id="export-range" class="range">${T.range(this.range.from, this.range.to)}</p>
      ${
        this.error
          ? html`<p class="error" role="alert">${this.error}</p>
              <button @click=${() => void this.download()}>${T.retry}</button>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.saved}</p>`;
  }

  private async download(): Promise<void> {
    if (this.busy) return;
    const hadError = this.error !== '';
    this.busy = true;
    this.error = '';
    this.saved = '';
    const name = exportFileName(this.range);
    try {
      this.save(await this.client.bookingsExport.exportBookingsCsv(this.range.from, this.range.to), name);
      this.saved = T.saved(name);
    } catch (error) {
      if (isUnauthorized(error)) this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
      this.error = errorText(error);
    }
    this.busy = false;
    // Try again goes away on success: focus back to the button, not to the page's top.
    if (hadError && !this.error) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#export')?.focus();
    }
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  }
}

define('console-export-csv', ConsoleExportCsv);

declare global {
  interface HTMLElementTagNameMap {
    'console-export-csv': ConsoleExportCsv;
  }
}
