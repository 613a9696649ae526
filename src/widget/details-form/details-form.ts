import { html, nothing, css, type PropertyValues, type PropertyDeclarations } from 'lit';
import { msg } from '../../i18n/index.js';
import { DETAILS_FIELDS, validateDetails, type DetailsField } from '../../flow/details.js';
import type { ContactDetails } from '../../model/booking.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';
import { accountChunk } from '../booking-widget/late-chunks.js';
import { stepPlaceholder } from '../booking-widget/placeholder.js';

const TYPES: Record<DetailsField, { type: string; autocomplete: string }> = {
  firstName: { type: 'text', autocomplete: 'given-name' },
  lastName: { type: 'text', autocomplete: 'family-name' },
  email: { type: 'email', autocomplete: 'email' },
  phone: { type: 'tel', autocomplete: 'tel' },
};

/**
 * The details step: first and last name, email, phone, validated inline; "remember me"; member login when the
 * `member-login` attribute allows it, with "Create an account" and "Forgot password?" (member-forms.ts).
 * @csspart input - a field
 */
export class DetailsForm extends StepElement {
  static override styles = [
    shared,
    css`
      .grid {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      }
      input:not([type='checkbox']) {
        width: 100%;
        box-sizing: border-box;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: normal;
      }
      details {
        margin-block-end: 1rem;
      }
      summary {
        cursor: pointer;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    values: { state: true },
    remember: { state: true },
    touched: { state: true },
    submitted: { state: true },
    accountForm: { state: true },
  };

  private values: ContactDetails = {};
  private remember = false;
  private touched = new Set<DetailsField>();
  private submitted = false;
  /** Which member form shows: the login, or one of the account chunk's (member-forms.ts). */
  private accountForm: 'login' | 'register' | 'forgot' = 'login';
  private seeded = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Take the flow's details (prefill, remembered visitor, a logged-in member) whenever they change.
    const ctx = this.ctx;
    const seed = JSON.stringify([ctx?.details, ctx?.remember]);
    if (ctx?.member) this.accountForm = 'login'; // signed in (or up): a later log out shows the login form
    if (ctx && seed !== this.seeded) {
      this.seeded = seed;
      this.values = { ...ctx.details };
      this.remember = ctx.remember;
    }
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return this.heading('stepDetails');
    const errors = validateDetails(this.values);
    const show = (f: DetailsField) => (this.submitted || this.touched.has(f) ? errors[f] : undefined);
    const needLogin = ctx.memberLogin === 'required' && !ctx.member;
    return html`${this.heading('stepDetails')} ${this.renderLogin()}
      <form @submit=${this.submit} novalidate ?hidden=${needLogin}>
        <div class="grid">
          ${DETAILS_FIELDS.map((f) => {
            const error = show(f);
            return html`<div class="field">
              <label for=${f}>${msg(f)}${f === 'phone' ? '' : ' *'}</label>
              <input
                id=${f}
                name=${f}
                part="input"
                type=${TYPES[f].type}
                autocomplete=${TYPES[f].autocomplete}
                ?required=${f !== 'phone'}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? `${f}-error` : nothing}
                .value=${this.values[f] ?? ''}
                @input=${(e: Event) => (this.values = { ...this.values, [f]: (e.target as HTMLInputElement).value })}
                @blur=${() => (this.touched = new Set(this.touched).add(f))}
              />
              ${error ? html`<p class="field-error" id=${`${f}-error`}>${error}</p>` : nothing}
            </div>`;
          })}
        </div>
        <label class="check"
          ><input
            type="checkbox"
            part="input"
            .checked=${this.remember}
            @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)}
          />${msg('rememberMe')}</label
        >
        <p class="error" role="alert">${this.submitted && Object.keys(errors).length ? msg('fixErrors') : ''}</p>
        <div class="actions">
          <button part="button" type="button" @click=${() => this.send({ type: 'BACK' })}>${msg('back')}</button>
          <button part="button primary-button" type="submit">${msg('next')}</button>
        </div>
      </form>`;
  }

  private renderLogin() {
    const ctx = this.ctx;
    if (!ctx || ctx.memberLogin === 'off') return nothing;
    const busy = !!this.snapshot?.matches({ details: 'loggingIn' });
    if (ctx.member) {
      return html`<p>
        ${msg('memberLoggedIn', { email: ctx.member.loginEmail })}
        <button part="button" type="button" @click=${() => this.send({ type: 'LOGOUT' })}>${msg('logOut')}</button>
      </p>`;
    }
    const form =
      this.accountForm !== 'login'
        ? this.renderAccountForm(this.accountForm)
        : html`<form @submit=${this.login} novalidate>
            ${ctx.error && !busy ? html`<p class="error" role="alert">${ctx.error.message}</p>` : nothing}
            <div class="field">
              <label for="login-email">${msg('email')}</label
              ><input id="login-email" name="email" part="input" type="email" autocomplete="username" />
            </div>
            <div class="field">
              <label for="login-password">${msg('password')}</label
              ><input id="login-password" name="password" part="input" type="password" autocomplete="current-password" />
            </div>
            <div class="actions">
              <button part="button" type="submit" ?disabled=${busy}>${msg('logIn')}</button>
              <button part="button" type="button" @click=${() => this.openAccountForm('register')}>${msg('createAccount')}</button>
              <button part="button" type="button" @click=${() => this.openAccountForm('forgot')}>${msg('forgotPassword')}</button>
            </div>
          </form>`;
    return ctx.memberLogin === 'required'
      ? html`<p>${msg('memberLoginRequired')}</p>
          ${form}`
      : html`<details>
          <summary>${msg('memberLogin')}</summary>
          ${form}
        </details>`;
  }

  /** Sign-up or forgot-password, in place of the login form (member-forms.ts, in a chunk of their own). */
  private renderAccountForm(mode: 'register' | 'forgot') {
    if (accountChunk.state !== 'ready') return stepPlaceholder(accountChunk.state, () => this.loadAccountForms());
    return html`<booking-widget-member-forms
      .mode=${mode}
      exportparts="button, primary-button, input"
      @member-forms-close=${() => this.openAccountForm('login')}
    ></booking-widget-member-forms>`;
  }

  private openAccountForm(mode: 'login' | 'register' | 'forgot'): void {
    this.send({ type: 'CLEAR_ACCOUNT_NOTICE' });
    this.accountForm = mode;
    if (mode !== 'login') this.loadAccountForms();
    if (mode === 'login') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#login-email')?.focus());
  }

  /** Fetches the account forms' chunk (again, after a failure); the form shows once it is here. */
  private loadAccountForms(): void {
    const settled = () => this.requestUpdate();
    accountChunk.load().then(settled, settled);
    this.requestUpdate(); // the skeleton while it loads
  }

  private login(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.send({ type: 'LOGIN', email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.submitted = true;
    const errors = validateDetails(this.values);
    this.send({ type: 'SUBMIT_DETAILS', details: this.values, remember: this.remember });
    // Take the customer to the first field to fix.
    const first = DETAILS_FIELDS.find((f) => errors[f]);
    if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#${first}`)?.focus());
  }
}

define('booking-widget-details-form', DetailsForm);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-details-form': DetailsForm;
  }
}
