import { html, nothing, css, type PropertyDeclarations } from 'lit';
import { accountMsg } from '../../i18n/account.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';
import { accountField, MIN_PASSWORD_LENGTH } from './account-field.js';

/**
 * The "set a new password" step (`data-step="reset-password"`): the widget opened with a password-reset link's
 * token. The new password is checked for length here and by the server's rules; a used or expired link is
 * refused with the server's words, and "Continue to booking" goes on without it.
 * @csspart input - a field
 */
export class ResetPassword extends StepElement {
  static override styles = [
    shared,
    css`
      input {
        width: 100%;
        box-sizing: border-box;
      }
      .hint {
        margin: 0.25rem 0 0;
        color: var(--booking-muted, #555);
        font-size: 0.875em;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    password: { state: true },
    touched: { state: true },
  };

  private password = '';
  private touched = false;

  override render() {
    const ctx = this.ctx;
    const heading = html`<h3 tabindex="-1">${accountMsg('resetTitle')}</h3>`;
    if (!ctx) return heading;
    if (this.snapshot?.matches({ resetPassword: 'done' })) {
      return html`${heading}
        <p role="status">${accountMsg('passwordSet')}</p>
        <div class="actions">
          <button part="button primary-button" type="button" @click=${this.continue}>${accountMsg('continueToBooking')}</button>
        </div>`;
    }
    const busy = !!this.snapshot?.matches({ resetPassword: 'saving' });
    const server = busy ? undefined : ctx.error;
    const tooShort = [...this.password].length < MIN_PASSWORD_LENGTH ? accountMsg('passwordTooShort') : undefined;
    return html`${heading}
      <form @submit=${this.submit} novalidate aria-busy=${busy ? 'true' : 'false'}>
        ${accountField({
          id: 'new-password',
          label: accountMsg('newPassword'),
          type: 'password',
          autocomplete: 'new-password',
          value: this.password,
          error: (this.touched ? tooShort : undefined) ?? server?.fields?.['password'],
          hint: accountMsg('newPasswordHint'),
          required: true,
          onInput: (value) => (this.password = value),
          onBlur: () => (this.touched = true),
        })}
        <p class="error" role="alert">${server && !server.fields ? server.message : ''}</p>
        <div class="actions">
          ${
            server && !server.fields
              ? html`<button part="button" type="button" @click=${this.continue}>${accountMsg('continueToBooking')}</button>`
              : nothing
          }
          <button part="button primary-button" type="submit" ?disabled=${busy}>${accountMsg(busy ? 'resetSaving' : 'resetSubmit')}</button>
        </div>
      </form>`;
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.touched = true;
    if ([...this.password].length < MIN_PASSWORD_LENGTH) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#new-password')?.focus());
      return;
    }
    this.send({ type: 'SET_NEW_PASSWORD', password: this.password });
  }

  private continue(): void {
    this.send({ type: 'START_BOOKING' });
  }
}

define('booking-widget-reset-password', ResetPassword);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-reset-password': ResetPassword;
  }
}
