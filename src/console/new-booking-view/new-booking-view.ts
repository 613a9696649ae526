import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { BookingClient } from '../../api/client.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { newBookingMachine, type NewBookingEvent } from '../new-booking/new-booking-machine.js';
import { NEW_BOOKING_TEXT as T } from '../new-booking/new-booking-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { serviceStep, timeStep, variantStep } from './choice-steps.js';
import './customer-picker.js';
import type { ConsoleCustomerPicker } from './customer-picker.js';
import { donePanel, reviewStep } from './review-step.js';

type Snap = SnapshotFrom<typeof newBookingMachine>;
type Step = 'service' | 'variant' | 'slot' | 'customer' | 'review' | 'done';

const STEP_NAMES: Record<Exclude<Step, 'done'>, string> = {
  service: 'Service',
  variant: 'Option',
  slot: 'Time',
  customer: 'Customer',
  review: 'Review',
};

function stepOf(s: Snap): Step | undefined {
  if (s.matches('service') || s.matches('variants')) return 'service';
  for (const step of ['variant', 'slot', 'customer', 'review', 'done'] as const) if (s.matches(step)) return step;
  return undefined;
}

/**
 * New booking (`#new-booking`, or `#new-booking/<customerId>` with that customer chosen): a customer on the phone,
 * booked by the owner in five steps (the new-booking machine); the owner's options are warned in words.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleNewBookingView extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      ul.slots {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.5rem;
      }
      ul.slots button {
        width: 100%;
      }
      fieldset {
        margin: 0 0 1rem;
      }
      dd {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property() customerId: string | undefined;

  @state() private snapshot: Snap | undefined;
  private actor: Actor<typeof newBookingMachine> | undefined;
  private shownStep: Step | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const actor = createActor(newBookingMachine, { input: { client: this.client, customerId: this.customerId } });
    actor.subscribe((s) => {
      this.snapshot = s;
      if (s.context.expired) this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
    });
    this.actor = actor;
    actor.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actor?.stop();
    this.actor = undefined;
  }

  private readonly send = (event: NewBookingEvent): void => this.actor?.send(event);

  override render() {
    const s = this.snapshot;
    const step = s ? stepOf(s) : undefined;
    const busy = !s || s.matches('starting') || s.matches('variants');
    return html`<section data-view="new-booking" aria-labelledby="new-booking-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="bar"><h1 id="new-booking-title">${T.title}</h1></div>
      ${s ? this.body(s, step) : nothing}
    </section>`;
  }

  private body(s: Snap, step: Step | undefined) {
    if (s.matches('starting')) return html`<progress aria-label=${T.loading}></progress>`;
    if (s.matches('startFailed')) {
      return html`<p class="error" role="alert">${s.context.error}</p>
        <button @click=${() => this.send({ type: 'RETRY' })}>${T.retry}</button>`;
    }
    if (!step) return nothing;
    const names = Object.values(STEP_NAMES);
    const heading = step === 'done' ? T.doneTitle : T.stepOf(names.indexOf(STEP_NAMES[step]) + 1, names.length, STEP_NAMES[step]);
    return html`<p class="muted">${T.intro}</p>
      <h2 id="step-title" tabindex="-1" data-step=${step}>${heading}</h2>
      ${s.matches('variants') ? html`<progress aria-label=${T.loading}></progress>` : this.step(s, step)}`;
  }

  private step(s: Snap, step: Step) {
    switch (step) {
      case 'service':
        return serviceStep(s, this.send);
      case 'variant':
        return variantStep(s, this.send);
      case 'slot':
        return timeStep(s, this.send);
      case 'customer':
        return html`<console-customer-picker
            .client=${this.client}
            .customer=${s.context.customer}
            .details=${s.context.details}
            .errors=${s.context.contactErrors}
            @customer-picked=${(e: CustomEvent<{ customer: undefined }>) => this.send({ type: 'CUSTOMER', customer: e.detail.customer })}
            @details-changed=${(e: CustomEvent<{ details: Record<string, string> }>) => this.send({ type: 'DETAILS', details: e.detail.details })}
          ></console-customer-picker>
          <div class="actions">
            <button @click=${() => this.send({ type: 'BACK' })}>${T.back}</button>
            <button class="primary" @click=${() => void this.continueFromCustomer()}>${T.next}</button>
          </div>`;
      case 'review':
        return reviewStep(s, this.send);
      case 'done':
        return donePanel(s, this.send);
    }
  }

  /** Continue; when a field has a problem, focus goes to it (the message is beside it). */
  private async continueFromCustomer(): Promise<void> {
    this.send({ type: 'CONTINUE' });
    await this.updateComplete;
    const picker = this.renderRoot.querySelector<ConsoleCustomerPicker>('console-customer-picker');
    if (picker) {
      await picker.updateComplete;
      picker.focusFirstError();
    }
  }

  /**
   * A new step: focus its heading, so a keyboard or screen-reader user starts there (and hears where they are).
   * Booked: on to the booking's own view, which says "Booked"; the panel stays only if the address did not change.
   */
  protected override updated(): void {
    const s = this.snapshot;
    const step = s ? stepOf(s) : undefined;
    if (step === this.shownStep) return;
    this.shownStep = step;
    const booked = step === 'done' ? s?.context.booking : undefined;
    if (booked) location.hash = routeHref('booking', booked.id, { booked: '1' });
    if (!booked || !location.hash.startsWith(routeHref('booking', booked.id)))
      this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }
}

define('console-new-booking-view', ConsoleNewBookingView);

declare global {
  interface HTMLElementTagNameMap {
    'console-new-booking-view': ConsoleNewBookingView;
  }
}
