import { LitElement, html } from 'lit';
import { embedSnippet } from '../settings/embed-snippet.js';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import '../shared/copy-box.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';

/**
 * The widget's embed code for this server (`location.origin`), read-only, with Copy (which then says "Copied"),
 * and how to limit the sites that may call the server: a start-up setting (BOOKINGS_ALLOWED_ORIGINS), not the API's.
 */
export class ConsoleEmbedCode extends LitElement {
  static override styles = [themeStyles];

  override render() {
    return html`<p>${T.embedIntro}</p>
      <console-copy-box
        .label=${T.embedLabel}
        .value=${embedSnippet(location.origin)}
        rows="4"
        .copyLabel=${T.copy}
        .copiedLabel=${T.copied}
        .failedLabel=${T.copyFailed}
      ></console-copy-box>
      <h3>${T.originsTitle}</h3>
      <p>${T.origins}</p>`;
  }
}

define('console-embed-code', ConsoleEmbedCode);

declare global {
  interface HTMLElementTagNameMap {
    'console-embed-code': ConsoleEmbedCode;
  }
}
