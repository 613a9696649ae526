import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import { panelStyles } from '../customers/panel.styles.js';
import { embedSnippet } from '../settings/embed-snippet.js';
import { MORE_TEXT as T } from '../settings/settings-more-texts.js';
import { SETTINGS_TEXT as S } from '../settings/settings-texts.js';
import '../shared/copy-box.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { PartRead } from './form-parts.js';

/** The lines of the textarea that hold something, as the API's list (its indexes are these lines' order). */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The sites that may use the widget (`/business/v1/settings/widget`): the server's own list (BOOKINGS_ALLOWED_ORIGINS)
 * read-only, the owner's list to edit (one origin a line; a refused line is named beside the field), and the embed
 * code for the first allowed site. The code always loads the widget from this server (`location.origin`: the console
 * is served by the API's own server); the site it is for is the one whose pages must be allowed to call it.
 */
export class ConsoleWidgetSection extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      textarea {
        font: inherit;
        font-weight: 400;
        padding: 0.5rem 0.6rem;
        border: 1px solid var(--bc-muted);
        border-radius: var(--bc-radius);
        background: var(--bc-surface);
        color: inherit;
        min-width: 0;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;

  @state() private environment: '*' | string[] = [];
  @state() private saved: string[] = [];
  @state() private typed = '';
  @state() private error: string | undefined;
  @state() private saving = false;
  @state() private message: { ok: boolean; text: string } | undefined;
  private readonly reading = new PartRead(
    this,
    () => this.client.businessSettings.getWidgetSettings(),
    (answer) => {
      this.environment = answer.environmentOrigins;
      this.saved = answer.widget.allowedOrigins;
      this.typed = this.saved.join('\n');
    },
  );

  override render() {
    const waiting = this.reading.waiting(T.loading);
    if (waiting) return waiting;
    return html`${this.environmentPart()}
      <form novalidate aria-busy=${this.saving ? 'true' : 'false'} @submit=${(e: Event) => void this.submit(e)}>
        <div class="field">
          <label for="origins">${T.originsLabel}</label>
          <textarea
            id="origins"
            name="allowedOrigins"
            rows="3"
            spellcheck="false"
            autocomplete="off"
            .value=${this.typed}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby="origins-error origins-hint"
            @input=${(e: Event) => (this.typed = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <span class="hint" id="origins-hint">${T.originsHint}</span>
          <span class="error" id="origins-error">${this.error ?? ''}</span>
        </div>
        ${this.saving ? html`<progress aria-label=${T.saving}></progress>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
        <p role="status" class=${this.message && !this.message.ok ? 'error' : 'ok'}>${this.message?.text ?? ''}</p>
      </form>
      <h3>${T.embedTitle}</h3>
      ${this.embed()}`;
  }

  private environmentPart() {
    if (this.environment === '*') return html`<p class="muted">${T.anySite}</p>`;
    if (this.environment.length === 0) return html`<p class="muted">${T.noneFromServer}</p>`;
    return html`<p class="muted">${T.fromServer}</p>
      <ul data-environment-origins>
        ${this.environment.map((o) => html`<li><code>${o}</code></li>`)}
      </ul>`;
  }

  /** For the first allowed site (the owner's, else the server's list), else this server's own address. */
  private embed() {
    const site = this.saved[0] ?? (this.environment === '*' ? undefined : this.environment[0]);
    return html`<p>${site ? T.embedFor(site) : T.embedForConsole(location.origin)}</p>
      <console-copy-box
        .label=${S.embedLabel}
        .value=${embedSnippet(location.origin)}
        rows="4"
        .copyLabel=${S.copy}
        .copiedLabel=${S.copied}
        .failedLabel=${S.copyFailed}
      ></console-copy-box>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.saving) return;
    this.message = undefined;
    this.error = undefined;
    this.saving = true;
    const lines = linesOf(this.typed);
    try {
      const answer = await this.client.businessSettings.updateWidgetSettings({ allowedOrigins: lines });
      this.environment = answer.environmentOrigins;
      this.saved = answer.widget.allowedOrigins;
      this.typed = this.saved.join('\n');
      this.message = { ok: true, text: T.originsSaved };
    } catch (error) {
      const refusals = error instanceof BookingApiError ? (error.validationError?.fieldViolations ?? []) : [];
      if (refusals.length) {
        this.error = refusals
          .map((v) => {
            const line = /\[(\d+)\]/.exec(v.field);
            return line ? T.originLine(Number(line[1]) + 1, `${lines[Number(line[1])] ?? ''} ${v.description}`) : v.description;
          })
          .join(' ');
        this.message = { ok: false, text: T.fixFields };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#origins')?.focus();
      } else this.message = { ok: false, text: errorText(error) };
    } finally {
      this.saving = false;
    }
  }
}

define('console-widget-section', ConsoleWidgetSection);

declare global {
  interface HTMLElementTagNameMap {
    'console-widget-section': ConsoleWidgetSection;
  }
}
