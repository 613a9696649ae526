import { html, nothing, css, type PropertyDeclarations } from 'lit';
import { msg, formatMoney } from '../../i18n/index.js';
import { sandboxToken, validateCard } from '../../flow/sandbox-card.js';
import { checkoutDue } from '../../flow/price.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

type CardField = 'number' | 'expiry' | 'cvc';
const FIELDS: { f: CardField; label: 'cardNumber' | 'cardExpiry' | 'cardCvc'; autocomplete: string }[] = [
  { f: 'number', label: 'cardNumber', autocomplete: 'cc-number' },
  { f: 'expiry', label: 'cardExpiry', autocomplete: 'cc-exp' },
  { f: 'cvc', label: 'cardCvc', autocomplete: 'cc-csc' },
];

/**
 * The checkout step: sandbox card entry for what is due now. A declined card keeps the booking; the customer
 * may try another card.
 * @csspart input - a card field
 * @csspart summary - the amount due
 */
export class CardEntry extends StepElement {
  static override styles = [
    shared,
    css`
      .grid {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: 2fr 1fr 1fr;
        max-width: 30rem;
      }
      input {
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    card: { state: true },
    submitted: { state: true },
  };

  private card = { number: '', expiry: '', cvc: '' };
  private submitted = false;

  override render() {
    const ctx = this.ctx;
    if (!ctx) return this.heading('stepCheckout');
    const paying = !!this.snapshot?.matches({ checkout: 'paying' });
    const due = ctx.checkout ? checkoutDue(ctx.checkout).now : undefined;
    const errors = this.submitted ? validateCard(this.card) : {};
    return html`${this.heading('stepCheckout')}
      ${due ? html`<p part="summary">${msg('dueNow')}: <strong>${formatMoney(due, this.locale)}</strong></p>` : nothing}
      <p class="muted" id="hint">${msg('cardHint')}</p>
      <p class="error" role="alert">${ctx.paymentError && !paying ? msg('cardDeclined', { reason: ctx.paymentError }) : ''}</p>
      <form @submit=${this.pay} novalidate aria-describedby="hint">
        <div class="grid">
          ${FIELDS.map(({ f, label, autocomplete }) => {
            const error = errors[f];
            return html`<div class="field">
              <label for=${f}>${msg(label)}</label>
              <input
                id=${f}
                part="input"
                inputmode="numeric"
                autocomplete=${autocomplete}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? `${f}-error` : nothing}
                .value=${this.card[f]}
                @input=${(e: Event) => (this.card = { ...this.card, [f]: (e.target as HTMLInputElement).value })}
              />
              ${error ? html`<p class="field-error" id=${`${f}-error`}>${msg(error)}</p>` : nothing}
            </div>`;
          })}
        </div>
        <p class="visually-hidden" role="status">${paying ? msg('paying') : ''}</p>
        <div class="actions">
          <button part="button primary-button" type="submit" ?disabled=${paying}>
            ${paying ? msg('paying') : msg('pay', { price: due ? formatMoney(due, this.locale) : '' })}
          </button>
        </div>
      </form>`;
  }

  private pay(e: Event): void {
    e.preventDefault();
    this.submitted = true;
    const errors = validateCard(this.card);
    const first = FIELDS.find(({ f }) => errors[f]);
    if (first) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#${first.f}`)?.focus());
      return;
    }
    this.send({ type: 'PAY', cardToken: sandboxToken(this.card.number) });
  }
}

define('booking-widget-card-entry', CardEntry);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-card-entry': CardEntry;
  }
}
