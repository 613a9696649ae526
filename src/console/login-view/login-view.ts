import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT } from '../texts.js';

/**
 * The console's sign-in form (business scope). It keeps what was typed across a failed attempt (the values live
 * in this element, which stays on screen while signing in), shows the error next to the form, and a progress
 * line while the server answers.
 * @event console-login - detail: { email: string; password: string }
 */
export class ConsoleLoginView extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      main {
        max-width: 24rem;
        margin: 0 auto;
        padding: 2rem 1rem;
      }
      form {
        display: grid;
        gap: 0.9rem;
        background: var(--bc-surface);
        border: 1px solid var(--bc-border);
        border-radius: var(--bc-radius);
        padding: 1.25rem;
      }
      label {
        display: grid;
        gap: 0.3rem;
        font-weight: 600;
      }
      input {
        padding: 0.55rem 0.7rem;
        border: 1px solid var(--bc-muted);
        border-radius: var(--bc-radius);
        background: var(--bc-surface);
        font-weight: 400;
      }
      p {
        margin: 0;
      }
      .intro {
        color: var(--bc-muted);
        margin-bottom: 1rem;
      }
      progress {
        width: 100%;
      }
    `,
  ];

  /** Waiting for the server: the button says so and a progress bar runs. */
  @property({ type: Boolean }) busy = false;
  /** Why the last attempt failed. */
  @property() error: string | undefined;

  @state() private email = '';
  @state() private password = '';

  override render() {
    const invalid = this.error ? 'true' : 'false';
    return html`<main data-view="login">
      <h1>${TEXT.loginTitle}</h1>
      <p class="intro">${TEXT.loginIntro}</p>
      <form @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'} aria-describedby="login-error">
        <label
          >${TEXT.email}
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            .value=${this.email}
            aria-invalid=${invalid}
            @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${TEXT.password}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            .value=${this.password}
            aria-invalid=${invalid}
            @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
        /></label>
        <p id="login-error" class="error" role="alert">${this.error ?? nothing}</p>
        ${this.busy ? html`<progress aria-label=${TEXT.loggingIn}></progress>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? TEXT.loggingIn : TEXT.logIn}</button>
      </form>
    </main>`;
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(
      new CustomEvent('console-login', { detail: { email: this.email.trim(), password: this.password }, bubbles: true, composed: true }),
    );
  }
}

define('console-login-view', ConsoleLoginView);

declare global {
  interface HTMLElementTagNameMap {
    'console-login-view': ConsoleLoginView;
  }
}
