import { html, nothing, css } from 'lit';
import { msg, formatLocalDate, formatLocalTime, formatMoney, zoneName } from '../../i18n/index.js';
import { paymentChoices, paymentDue, isZero, type PaymentChoice } from '../../flow/price.js';
import type { FlowContext } from '../../flow/types.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

/**
 * The review step: what, when, who, the total, the deposit due now and the balance later, and the payment
 * choices the service allows (card online, deposit online, pay in person).
 * @csspart summary - the summary list
 * @csspart input - a payment choice
 */
export class ReviewSummary extends StepElement {
  static override styles = [
    shared,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.35rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-block-end: 0.5rem;
      }
      .choice {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: normal;
      }
    `,
  ];

  override render() {
    const ctx = this.ctx;
    const snap = this.snapshot;
    if (!ctx || !snap || !ctx.service) return this.heading('stepReview');
    const placing = snap.matches('placing');
    const failed = snap.matches({ placing: 'failed' });
    const choices = paymentChoices(ctx.service, !!ctx.member);
    const price = ctx.priceInfo;
    const online = ctx.payment === 'ONLINE';
    // The split the server's checkout will make (src/pricing), with the service's terms.
    const money = price
      ? paymentDue(price, { selectedPaymentOption: ctx.payment, depositSelected: ctx.depositSelected }, ctx.service)
      : undefined;
    const paysNow = !!money && !isZero(money.now);
    return html`${this.heading('stepReview')}
      <dl part="summary">
        <dt>${msg('what')}</dt>
        <dd>${ctx.service.name}${this.variantText(ctx)}</dd>
        <dt>${msg('when')}</dt>
        <dd>${this.whenText(ctx)}</dd>
        <dt>${msg('who')}</dt>
        <dd>${[ctx.details.firstName, ctx.details.lastName].filter(Boolean).join(' ')}, ${ctx.details.email}</dd>
        ${
          money && choices.length
            ? html`<dt>${msg('total')}</dt>
                <dd data-total>${formatMoney(money.total, this.locale)}</dd>
                <dt>${msg('dueNow')}</dt>
                <dd data-due-now>${formatMoney(money.now, this.locale)}</dd>
                <dt>${msg('dueLater')}</dt>
                <dd data-due-later>${formatMoney(money.later, this.locale)}</dd>`
            : html`<dt>${msg('total')}</dt>
                <dd>${msg('free')}</dd>`
        }
      </dl>
      ${choices.length > 1 ? this.renderChoices(choices, ctx) : choices.length === 0 ? html`<p class="muted">${msg('noPayment')}</p>` : nothing}
      ${failed ? this.errorBox({ back: true }) : nothing}
      <p class="visually-hidden" role="status">${placing && !failed ? msg('placing') : ''}</p>
      <div class="actions" ?hidden=${failed}>
        <button part="button" type="button" ?disabled=${placing} @click=${() => this.send({ type: 'BACK' })}>${msg('back')}</button>
        <button part="button primary-button" type="button" ?disabled=${placing} @click=${() => this.send({ type: 'CONFIRM' })}>
          ${placing ? msg('placing') : online && paysNow ? msg('bookAndPay') : msg('book')}
        </button>
      </div>`;
  }

  private renderChoices(choices: PaymentChoice[], ctx: FlowContext) {
    const deposit = ctx.priceInfo?.deposit;
    const current = choices.find((c) => c.payment === ctx.payment && c.depositSelected === ctx.depositSelected)?.id;
    const label = (c: PaymentChoice) =>
      c.id === 'plan'
        ? msg('payWithPlan')
        : c.id === 'deposit' && deposit
          ? msg('payDeposit', { price: formatMoney(deposit, this.locale) })
          : c.id === 'full'
            ? msg('payOnline')
            : msg('payInPerson');
    return html`<fieldset>
      <legend>${msg('paymentChoice')}</legend>
      ${choices.map(
        (c) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="payment"
              part="input"
              value=${c.id}
              .checked=${current === c.id}
              @change=${() => this.send({ type: 'SET_PAYMENT', payment: c.payment, depositSelected: c.depositSelected })}
            />${label(c)}</label
          >`,
      )}
    </fieldset>`;
  }

  private variantText(ctx: FlowContext) {
    const lines = ctx.priceInfo?.bookingLineItems ?? [];
    const parts = lines
      .filter((l) => l.choices?.length)
      .map((l) => `${l.numberOfParticipants} × ${l.choices?.map((c) => c.custom ?? c.duration?.name ?? '').join(' ')}`);
    const total = lines.reduce((n, l) => n + l.numberOfParticipants, 0);
    if (parts.length) return ` (${parts.join(', ')})`;
    return total > 1 ? ` (${total})` : '';
  }

  private whenText(ctx: FlowContext): string {
    if (ctx.service?.type === 'COURSE' && ctx.course) {
      return `${formatLocalDate(ctx.course.firstSessionStart, this.locale)} – ${formatLocalDate(ctx.course.lastSessionEnd, this.locale)}`;
    }
    const slot = ctx.slot;
    if (!slot) return '';
    const staff = ctx.staffId ? slot.availableResources.flatMap((r) => r.resources).find((r) => r.id === ctx.staffId)?.name : undefined;
    return `${formatLocalDate(slot.localStartDate, this.locale)}, ${formatLocalTime(slot.localStartDate, this.locale)}–${formatLocalTime(slot.localEndDate, this.locale)} (${zoneName(ctx.timeZone, this.locale)})${staff ? `, ${staff}` : ''}`;
  }
}

define('booking-widget-review-summary', ReviewSummary);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-review-summary': ReviewSummary;
  }
}
