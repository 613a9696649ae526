import { html, type TemplateResult } from 'lit';
import { TEXT } from '../texts.js';

/** A read that failed, said where the list or form would be, with its next step (Try again). */
export function readError(text: string, retry: () => void): TemplateResult {
  return html`<p class="error" role="alert">${text}</p>
    <button @click=${retry}>${TEXT.retry}</button>`;
}
