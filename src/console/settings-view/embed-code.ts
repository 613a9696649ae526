import { LitElement, css, html } from 'lit';
import { query, state } from 'lit/decorators.js';
import { panelStyles } from '../customers/panel.styles.js';
import { embedSnippet } from '../settings/embed-snippet.js';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';

/**
 * The widget's embed code for this server (`location.origin`), read-only, with Copy (which then says "Copied"),
 * and how to limit the sites that may call the server: a start-up setting (BOOKINGS_ALLOWED_ORIGINS), not the API's.
 */
export class ConsoleEmbedCode extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      textarea {
        display: block;
        width: 100%;
        box-sizing: border-box;
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
        padding: 0.5rem;
        border: 1px solid var(--bc-muted);
        border-radius: var(--bc-radius);
        background: var(--bc-surface);
        color: inherit;
        resize: vertical;
      }
    `,
  ];

  @state() private copied: 'yes' | 'failed' | undefined;
  @query('textarea') private code!: HTMLTextAreaElement;

  override render() {
    return html`<p>${T.embedIntro}</p>
      <label class="field" for="embed">${T.embedLabel}</label>
      <textarea id="embed" readonly rows="4" .value=${embedSnippet(location.origin)}></textarea>
      <div class="actions">
        <button @click=${() => void this.copy()}>${this.copied === 'yes' ? T.copied : T.copy}</button>
      </div>
      <p role="status">${this.copied === 'failed' ? T.copyFailed : ''}</p>
      <h3>${T.originsTitle}</h3>
      <p>${T.origins}</p>`;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.code.value);
      this.copied = 'yes';
    } catch {
      // No clipboard here (an insecure origin, a denied permission): leave the code selected for Ctrl+C.
      this.code.focus();
      this.code.select();
      this.copied = 'failed';
    }
  }
}

define('console-embed-code', ConsoleEmbedCode);

declare global {
  interface HTMLElementTagNameMap {
    'console-embed-code': ConsoleEmbedCode;
  }
}
