import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Snapshot, SnapshotFrom, Subscription } from 'xstate';
import { stepOf } from '../../flow/flow-machine.js';
import { createFlowEnvironment, type FlowEnvironment, type RunningFlow } from '../../flow/environment.js';
import { bookingSummary } from '../../flow/summary.js';
import type { FlowEmitted, MemberLoginMode, Step } from '../../flow/types.js';
import type { ContactDetails } from '../../model/booking.js';
import { directionOf, msg, safeLocale } from '../../i18n/index.js';
import { ActorController } from '../shared/actor-controller.js';
import { flowContext, uiContext, type FlowActor, type UiSettings } from '../shared/context.js';
import type { StepElement } from '../shared/step-element.js';
import { define } from '../shared/define.js';
import { instanceKey } from './instance-key.js';
import { styles } from './booking-widget.styles.js';
import '../service-list/service-list.js';
import '../variant-picker/variant-picker.js';
import '../slot-picker/slot-picker.js';
import '../details-form/details-form.js';
import '../review-summary/review-summary.js';
import '../card-entry/card-entry.js';
import '../booking-status/booking-status.js';

const PARTS = 'service, variant, day, slot, button, primary-button, input, summary, status';

/**
 * An embeddable booking widget: a customer books end to end (contract section 9).
 *
 * @attr api-base - the bookings API's origin (and path prefix); default: the page's origin
 * @attr client-id - the OAuth client id for visitor tokens
 * @attr service-id - start at this service (the service step is skipped)
 * @attr category-id - show only this category's services
 * @attr locale - language and formats (default: the page's)
 * @attr time-zone - the customer's IANA zone (default: the browser's)
 * @attr mode - inline | popup | floating
 * @attr open - the popup is open
 * @attr theme - light | dark | auto
 * @attr member-login - optional | required | off
 * @attr prefill-first-name @attr prefill-last-name @attr prefill-email @attr prefill-phone
 * @event booking-step-change - detail: { step }
 * @event booking-created - detail: { booking, summary }
 * @event booking-status-change - detail: { booking, previousStatus, summary }
 * @event booking-checkout-complete - detail: { orderId, booking, summary }
 * @event member-login - detail: { member }
 * @event member-logout
 * @event booking-error - detail: { code, message }
 * @csspart service @csspart variant @csspart day @csspart slot @csspart button @csspart primary-button
 * @csspart input @csspart summary @csspart status
 * @cssproperty --booking-accent @cssproperty --booking-accent-contrast @cssproperty --booking-bg
 * @cssproperty --booking-fg @cssproperty --booking-muted @cssproperty --booking-radius @cssproperty --booking-font-family
 */
export class BookingWidget extends LitElement {
  static override styles = styles;

  @property({ attribute: 'api-base' }) apiBase = '';
  @property({ attribute: 'client-id' }) clientId = '';
  @property({ attribute: 'service-id' }) serviceId = '';
  @property({ attribute: 'category-id' }) categoryId = '';
  @property() locale = '';
  @property({ attribute: 'time-zone' }) timeZone = '';
  @property() mode: 'inline' | 'popup' | 'floating' = 'inline';
  @property({ type: Boolean, reflect: true }) open = false;
  @property() theme: 'light' | 'dark' | 'auto' = 'light';
  @property({ attribute: 'member-login' }) memberLogin: MemberLoginMode = 'optional';
  @property({ attribute: 'prefill-first-name' }) prefillFirstName = '';
  @property({ attribute: 'prefill-last-name' }) prefillLastName = '';
  @property({ attribute: 'prefill-email' }) prefillEmail = '';
  @property({ attribute: 'prefill-phone' }) prefillPhone = '';

  @provide({ context: flowContext }) @state() private flow: FlowActor | undefined;
  @provide({ context: uiContext }) @state() private ui: UiSettings = { locale: 'en', dir: 'ltr' };

  private readonly follower = new ActorController<FlowActor>(this, (s) => this.onSnapshot(s));
  private generation = 0;
  private env: FlowEnvironment | undefined;
  private running: RunningFlow | undefined;
  private emitted: Subscription | undefined;
  private step: Step | undefined;
  private focusStep = false;
  /** The flow as it was when the element was removed, to resume at once when it is added again. */
  private parked: { key: string; snapshot: Snapshot<unknown> } | undefined;
  private key = '';

  /** Opens the popup (popup and floating modes). */
  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  /** Forgets the interrupted flow and starts again at the first step. */
  reset(): void {
    this.parked = undefined;
    void this.env?.forget(this.key);
    this.restart(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  private get resolvedApiBase(): string {
    return (this.apiBase || location.origin).replace(/\/+$/, '');
  }

  private get prefill(): ContactDetails {
    const p: ContactDetails = {};
    if (this.prefillFirstName) p.firstName = this.prefillFirstName;
    if (this.prefillLastName) p.lastName = this.prefillLastName;
    if (this.prefillEmail) p.email = this.prefillEmail;
    if (this.prefillPhone) p.phone = this.prefillPhone;
    return p;
  }

  private get customerZone(): string | undefined {
    if (!this.timeZone) return undefined;
    try {
      new Intl.DateTimeFormat('en', { timeZone: this.timeZone });
      return this.timeZone;
    } catch {
      return undefined; // an invalid attribute falls back to the browser's zone
    }
  }

  private async start(fresh: boolean): Promise<void> {
    const generation = ++this.generation;
    const apiBase = this.resolvedApiBase;
    const env = createFlowEnvironment({ apiBase, clientId: this.clientId || 'booking-widget' });
    this.env = env;
    this.key = instanceKey(this, { apiBase, serviceId: this.serviceId, categoryId: this.categoryId });
    const parked = !fresh && this.parked?.key === this.key ? this.parked.snapshot : undefined;
    const saved = await env.load(this.key, { resume: !fresh && !parked });
    // Removed, or restarted, while we were reading storage: that newer start wins.
    if (generation !== this.generation || !this.isConnected) return;
    this.parked = undefined;
    const input = {
      serviceId: this.serviceId,
      categoryId: this.categoryId,
      memberLogin: this.memberLogin,
      timeZone: this.customerZone,
      prefill: { ...saved.visitor, ...this.prefill },
      remembered: !!saved.visitor,
    };
    const running = env.start(this.key, input, parked ?? saved.snapshot);
    this.running = running;
    this.emitted = running.actor.on('*', (event) => this.forward(event));
    this.step = undefined;
    this.flow = running.actor;
    this.follower.follow(running.actor);
    this.onSnapshot(running.actor.getSnapshot()); // the first step (or the restored one): no snapshot event comes for it
  }

  private stop(): void {
    this.generation++;
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.emitted?.unsubscribe();
    this.parked = { key: this.key, snapshot: running.stop() };
    this.follower.follow(undefined);
    this.flow = undefined;
  }

  private restart(fresh: boolean): void {
    this.stop();
    if (fresh) this.parked = undefined;
    if (this.isConnected) void this.start(fresh);
  }

  private forward(event: FlowEmitted): void {
    const ctx = this.flow?.getSnapshot().context;
    const { type, ...detail } = event;
    const withSummary =
      type.startsWith('booking-') && type !== 'booking-error' && ctx ? { ...detail, summary: bookingSummary(ctx) } : detail;
    this.dispatchEvent(new CustomEvent(type, { detail: withSummary, bubbles: true, composed: true }));
  }

  private onSnapshot(s: SnapshotFrom<FlowActor>): void {
    const step = stepOf(s.value, s.context);
    if (step === this.step) return;
    const first = this.step === undefined;
    this.step = step;
    // Restoring a flow on page load must not steal focus; a step the customer moved to takes it.
    if (!first) this.focusStep = true;
    this.dispatchEvent(new CustomEvent('booking-step-change', { detail: { step }, bubbles: true, composed: true }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) {
      const locale = safeLocale(this.locale || document.documentElement.lang || navigator.language || 'en');
      this.ui = { locale, dir: directionOf(locale) };
    }
    if (!this.hasUpdated) return;
    if (changed.has('apiBase') || changed.has('clientId') || changed.has('serviceId') || changed.has('categoryId')) {
      this.restart(false);
      return;
    }
    const flow = this.flow;
    if (!flow) return;
    if (changed.has('timeZone'))
      flow.send({ type: 'SET_CUSTOMER_TIME_ZONE', timeZone: this.customerZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone });
    if (changed.has('memberLogin')) flow.send({ type: 'SET_MEMBER_LOGIN', mode: this.memberLogin });
    if (changed.has('prefillFirstName') || changed.has('prefillLastName') || changed.has('prefillEmail') || changed.has('prefillPhone')) {
      flow.send({ type: 'PREFILL', details: this.prefill });
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.open && !dialog.open) dialog.showModal();
    if (dialog && !this.open && dialog.open) dialog.close();
    if (this.focusStep) {
      this.focusStep = false;
      void this.renderRoot.querySelector<StepElement>('[data-step]')?.focusHeading();
    }
  }

  override render() {
    const content = html`<div class="base" dir=${this.ui.dir} lang=${this.ui.locale}>
      <h2 id="title">${msg('title')}</h2>
      ${this.renderStep(this.step ?? (this.serviceId ? 'variant' : 'service'))}
    </div>`;
    if (this.mode !== 'popup' && this.mode !== 'floating') return content;
    return html`${
        this.mode === 'floating'
          ? html`<button class="launcher" part="button primary-button" type="button" aria-haspopup="dialog" @click=${this.show}>
              ${msg('openBooking')}
            </button>`
          : nothing
      }
      <dialog aria-labelledby="title" @close=${() => (this.open = false)}>
        <button class="close" part="button" type="button" aria-label=${msg('close')} @click=${this.close}>×</button>
        ${this.open ? content : nothing}
      </dialog>`;
  }

  private renderStep(step: Step) {
    switch (step) {
      case 'service':
        return html`<booking-widget-service-list data-step="service" exportparts=${PARTS}></booking-widget-service-list>`;
      case 'variant':
        return html`<booking-widget-variant-picker data-step="variant" exportparts=${PARTS}></booking-widget-variant-picker>`;
      case 'slot':
        return html`<booking-widget-slot-picker data-step="slot" exportparts=${PARTS}></booking-widget-slot-picker>`;
      case 'details':
        return html`<booking-widget-details-form data-step="details" exportparts=${PARTS}></booking-widget-details-form>`;
      case 'review':
        return html`<booking-widget-review-summary data-step="review" exportparts=${PARTS}></booking-widget-review-summary>`;
      case 'checkout':
        return html`<booking-widget-card-entry data-step="checkout" exportparts=${PARTS}></booking-widget-card-entry>`;
      case 'status':
        return html`<booking-widget-booking-status data-step="status" exportparts=${PARTS}></booking-widget-booking-status>`;
    }
  }
}

define('booking-widget', BookingWidget);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget': BookingWidget;
  }
}
