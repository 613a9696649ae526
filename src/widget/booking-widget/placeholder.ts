/** What shows in place of code still on its way: a step's, or a part's of a step (the account forms). */
import { html, type TemplateResult } from 'lit';
import { msg } from '../../i18n/index.js';
import type { ChunkState } from './chunk.js';

/** A step whose code is still on its way (`loading`) or could not be fetched (`failed`, with `retry`). */
export function stepPlaceholder(state: ChunkState, retry: () => void): TemplateResult {
  if (state === 'failed') {
    return html`<div class="chunk-error">
      <p class="error" role="alert">${msg('errorNetwork')}</p>
      <button part="button primary-button" type="button" @click=${retry}>${msg('retry')}</button>
    </div>`;
  }
  return html`<div class="chunk-loading" aria-busy="true">
    <p class="visually-hidden" role="status">${msg('loading')}</p>
    <div aria-hidden="true">
      <div class="skeleton"></div>
      <div class="skeleton"></div>
      <div class="skeleton"></div>
    </div>
  </div>`;
}
