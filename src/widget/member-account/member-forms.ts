import { html, nothing, css, type PropertyDeclarations } from 'lit';
import { msg } from '../../i18n/index.js';
import { accountMsg } from '../../i18n/account.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';
import { looksLikeEmail } from '../../flow/details.js';
import { accountField, MIN_PASSWORD_LENGTH } from './account-field.js';

type Field = 'firstName' | 'lastName' | 'email' | 'password';
export type MemberFormMode = 'register' | 'forgot';

/**
 * The member login's other two forms, shown in place of it on the details step: "Create an account" (name,
 * email, password; signed in at once) and "Forgot password?" (an email with a link). They send the flow's
 * REGISTER and FORGOT_PASSWORD; what was typed stays through a refusal. `member-forms-close` asks the details
 * step to show the login form again.
 * @csspart input - a field
 */
export class MemberForms extends StepElement {
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
    mode: {},
    values: { state: true },
    touched: { state: true },
    submitted: { state: true },
    sentTo: { state: true },
  };

  mode: MemberFormMode = 'register';
  private values: Record<Field, string> = { firstName: '', lastName: '', email: '', password: '' };
  private touched = new Set<Field>();
  private submitted = false;
  /** The address the last "Email me a link" went to (the field may have changed since). */
  private sentTo = '';

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h4')?.focus();
  }

  /** This form's own checks (the server's words about a field come after, beside the same field). */
  private problems(): Partial<Record<Field, string>> {
    const v = this.values;
    const out: Partial<Record<Field, string>> = {};
    if (this.mode === 'register' && !v.firstName.trim()) out.firstName = msg('requiredFirstName');
    if (!v.email.trim()) out.email = msg('requiredEmail');
    else if (!looksLikeEmail(v.email)) out.email = msg('invalidEmail');
    if (this.mode === 'register' && [...v.password].length < MIN_PASSWORD_LENGTH) out.password = accountMsg('passwordTooShort');
    return out;
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const register = this.mode === 'register';
    const busy = !!this.snapshot?.matches({ details: register ? 'registering' : 'requestingReset' });
    const problems = this.problems();
    const server = busy ? undefined : ctx.error;
    // Before a submit, only a field left with something wrong in it shows its error: an empty one passed by on the
    // way to the button must not push the button away under the pointer.
    const shown = (f: Field) => this.submitted || (this.touched.has(f) && this.values[f] !== '');
    const errorOf = (f: Field) => (shown(f) ? problems[f] : undefined) ?? server?.fields?.[f];
    const field = (f: Field, label: string, type: 'text' | 'email' | 'password', autocomplete: string, extra = {}) =>
      accountField({
        id: `account-${f}`,
        label,
        type,
        autocomplete,
        value: this.values[f],
        error: errorOf(f),
        onInput: (value) => (this.values = { ...this.values, [f]: value }),
        onBlur: () => (this.touched = new Set(this.touched).add(f)),
        ...extra,
      });
    const general =
      server && !server.fields
        ? register && server.code === 'INVALID_CREDENTIALS'
          ? accountMsg('registeredNotSignedIn')
          : server.message
        : '';
    const sent = !register && ctx.accountNotice === 'reset-sent';
    return html`<section aria-labelledby="account-title">
      <h4 id="account-title" tabindex="-1">${accountMsg(register ? 'registerTitle' : 'forgotTitle')}</h4>
      ${register ? nothing : html`<p>${accountMsg('forgotIntro')}</p>`}
      <form @submit=${this.submit} novalidate aria-busy=${busy ? 'true' : 'false'}>
        ${
          register
            ? html`${field('firstName', msg('firstName'), 'text', 'given-name', { required: true })}
              ${field('lastName', msg('lastName'), 'text', 'family-name')}`
            : nothing
        }
        ${field('email', msg('email'), 'email', register ? 'email' : 'username', { required: true })}
        ${
          register
            ? field('password', msg('password'), 'password', 'new-password', { required: true, hint: accountMsg('newPasswordHint') })
            : nothing
        }
        <p class="error" role="alert">${general}</p>
        <p role="status">${sent ? accountMsg('forgotSent', { email: this.sentTo }) : ''}</p>
        <div class="actions">
          <button part="button" type="button" @click=${this.close}>${accountMsg('backToLogIn')}</button>
          <button part="button primary-button" type="submit" ?disabled=${busy}>
            ${busy ? accountMsg(register ? 'registering' : 'forgotSending') : accountMsg(register ? 'registerSubmit' : 'forgotSubmit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.submitted = true;
    const problems = this.problems();
    const first = (['firstName', 'email', 'password'] as const).find((f) => problems[f]);
    if (first) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#account-${first}`)?.focus());
      return;
    }
    const v = this.values;
    if (this.mode === 'register')
      this.send({
        type: 'REGISTER',
        details: { firstName: v.firstName.trim(), lastName: v.lastName.trim(), email: v.email.trim(), password: v.password },
      });
    else {
      this.sentTo = v.email.trim();
      this.send({ type: 'FORGOT_PASSWORD', email: this.sentTo });
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('member-forms-close', { bubbles: true, composed: true }));
  }
}

define('booking-widget-member-forms', MemberForms);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-member-forms': MemberForms;
  }
}
