import { LitElement, html, type PropertyValues } from 'lit';
import type { Snapshot, SnapshotFrom, Subscription } from 'xstate';
import { stepOf } from '../../flow/step.js';
import type { RunningFlow } from '../../flow/environment.js';
import { catalogueFeed } from '../../flow/catalogue-feed.js';
import { forgetSavedFlow, loadSavedFlow } from '../../flow/persistence.js';
import type { Catalogue, FlowContext, FlowEmitted, MemberLoginMode, Step } from '../../flow/types.js';
import { msg, textLang, useLocale } from '../../i18n/index.js';
import { ActorController } from '../shared/actor-controller.js';
import { ContextSource, flowContext, uiContext, type FlowActor } from '../shared/context.js';
import type { StepElement } from '../shared/step-element.js';
import { define } from '../shared/define.js';
import { instanceKey } from './instance-key.js';
import { styles } from './booking-widget.styles.js';
import { properties } from './properties.js';
import type { BookingWidget as PublicBookingWidget } from './public-types.js';
import { chunkFor, flowChunk } from './chunks.js';
import { PendingFlow } from './pending-flow.js';
import { attributeEvents, flowInputOf, hostEvent, restartsFlow, stepChange, untilPastBoot, type Boot } from './boot.js';
import { firstStep, popupFrame, stepOrPlaceholder, syncDialog, textsPlaceholder } from './step-view.js';
import { LocaleChoice } from './languages.js';
import '../service-list/service-list.js';

/**
 * An embeddable booking widget: a customer books end to end (contract section 9). Methods: show(), close(), reset().
 * @tag booking-widget
 * @fires {CustomEvent<{ step: Step }>} booking-step-change - the customer sees another step
 * @fires {CustomEvent<{ booking: Booking; summary: BookingSummary }>} booking-created - the booking exists
 * @fires {CustomEvent<{ booking: Booking; previousStatus: string | null; summary: BookingSummary }>} booking-status-change - also live
 * @fires {CustomEvent<{ orderId: string; booking: Booking | undefined; summary: BookingSummary }>} booking-checkout-complete - paid
 * @fires {CustomEvent<{ member: Member }>} member-login - a member logged in
 * @fires {CustomEvent<{}>} member-logout - the member logged out
 * @fires {CustomEvent<{ code: string; message: string }>} booking-error - e.g. NETWORK_ERROR, SLOT_NOT_AVAILABLE, a card decline
 * @csspart service - a service card (button)
 * @csspart variant - a variant's row (options and participants)
 * @csspart day - a day of the month calendar
 * @csspart slot - a time button
 * @csspart button - every button
 * @csspart primary-button - the step's main button (also has part `button`)
 * @csspart input - a form field
 * @csspart summary - the booking's summary (review and payment)
 * @csspart status - the status panel
 * @cssprop --booking-accent - buttons, selected days and times (set with --booking-accent-contrast)
 * @cssprop --booking-accent-contrast - text on the accent colour
 * @cssprop --booking-bg - the background
 * @cssprop --booking-fg - the text colour
 * @cssprop --booking-muted - secondary text
 * @cssprop --booking-radius - corner radius (default 8px)
 * @cssprop --booking-font-family - the font (default: the system's)
 */
export class BookingWidget extends LitElement implements PublicBookingWidget {
  static override styles = styles;
  static override properties = properties;

  /** @attr api-base - the bookings API's origin (and path prefix); default: the page's origin */ apiBase = '';
  /** @attr client-id - the OAuth client id for visitor tokens */ clientId = '';
  /** @attr service-id - start at this service (the service step is skipped) */ serviceId = '';
  /** @attr category-id - show only this category's services */ categoryId = '';
  /** @attr locale - language and formats (default: the page's `lang`, else the browser's) */ locale = '';
  /** @attr time-zone - the customer's IANA zone (default: the browser's) */ timeZone = '';
  /** @attr mode - inline, a popup dialog (show()), or floating (a "Book now" button that opens it) */
  mode: 'inline' | 'popup' | 'floating' = 'inline';
  /** @attr open - the popup is open (reflected) */ open = false;
  /** @attr theme - `auto` follows prefers-color-scheme */ theme: 'light' | 'dark' | 'auto' = 'light';
  /** @attr member-login - member login on the details step */ memberLogin: MemberLoginMode = 'optional';
  /** @attr prefill-first-name - details to start with */ prefillFirstName = '';
  /** @attr prefill-last-name - details to start with */ prefillLastName = '';
  /** @attr prefill-email - details to start with */ prefillEmail = '';
  /** @attr prefill-phone - details to start with */ prefillPhone = '';
  /** @attr reset-token - a password-reset link's token: the widget starts at "set a new password" */ resetToken = '';
  /** @attr booking-token - a manage link's token: the widget opens that booking */ bookingToken = '';
  /** @attr view - `my-bookings`: start at the customer's bookings */ view: '' | 'my-bookings' = '';

  private flow: FlowActor | undefined;
  private readonly language = new LocaleChoice(this);
  private readonly sources = [
    new ContextSource(this, flowContext, () => this.flow),
    new ContextSource(this, uiContext, () => this.language.ui),
  ];
  private readonly follower = new ActorController<FlowActor>(this, (s) => this.onSnapshot(s));
  private generation = 0;
  private boot: Boot | undefined;
  private summary: ((ctx: FlowContext) => unknown) | undefined;
  private stopFeed: (() => void) | undefined;
  private running: RunningFlow | undefined;
  private emitted: Subscription | undefined;
  private step: Step | undefined;
  private focusStep = false;
  private announce = true;
  /** The flow as it was when the element was removed, to resume at once when it is added again. */
  private parked: { key: string; snapshot: Snapshot<unknown> } | undefined;
  private key = '';

  /** Opens the popup (popup and floating modes). */
  show(): void {
    this.open = true;
  }

  /** Closes the popup. */
  close(): void {
    this.open = false;
  }

  /** Forgets the interrupted flow and starts again at the first step. */
  reset(): void {
    this.parked = undefined;
    void forgetSavedFlow(this.key);
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

  /**
   * Paints as soon as it can: a fresh flow's service step from the catalogue feed (the loader's request, or the
   * stored copy on a repeat visit) through a stand-in, without waiting for storage, while the flow machine's
   * chunk loads after that first paint. A flow found in storage (or parked) resumes instead, as does a preset
   * service: those wait for the machine (a skeleton meanwhile).
   */
  private async start(fresh: boolean): Promise<void> {
    const generation = ++this.generation;
    const apiBase = (this.apiBase || location.origin).replace(/\/+$/, '');
    this.key = instanceKey(this, { apiBase, serviceId: this.serviceId, categoryId: this.categoryId });
    const parked = !fresh && this.parked?.key === this.key ? this.parked.snapshot : undefined;
    const feed = parked ? undefined : catalogueFeed({ apiBase });
    const linked = !!(this.resetToken || this.bookingToken || this.view); // a link or a view, not the service step, comes first
    const reading = loadSavedFlow(this.key, { resume: !fresh && !parked && !linked });
    const boot: Boot = { generation, apiBase, snapshot: parked, visitor: undefined, feed, pending: undefined };
    const pending = feed && !this.serviceId && !linked ? new PendingFlow(flowInputOf(this, boot), () => this.restart(false)) : undefined;
    this.announce = !pending; // a stand-in's step is announced once storage has no flow to resume instead
    if (pending && feed) {
      pending.showFrom(feed);
      this.begin(boot, pending);
    }
    const saved = await reading;
    // Removed, or restarted, while we were reading storage: that newer start wins.
    if (generation !== this.generation || !this.isConnected) return;
    this.parked = undefined;
    boot.visitor = saved.visitor;
    boot.snapshot ??= saved.snapshot;
    this.announce = true;
    if (!pending || !feed || boot.snapshot) {
      this.begin(boot, undefined); // the resumed flow's first step is not one the customer moved to: no focus
      return this.attachFlow(boot);
    }
    if (this.step) this.dispatchEvent(stepChange(this.step));
    await feed.current().catch(() => undefined);
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve)); // let the browser paint the list before the next chunk
    if (this.boot === boot) await this.attachFlow(boot);
  }

  /** Makes `boot` the current start; with a stand-in, the steps follow it until the machine runs. */
  private begin(boot: Boot, pending: PendingFlow | undefined): void {
    this.stopFeed?.();
    this.boot = boot;
    boot.pending = pending;
    this.step = undefined;
    const { feed } = boot;
    this.stopFeed = feed?.onChange((catalogue) => this.catalogueChanged(boot, catalogue));
    if (pending)
      this.follow(pending as unknown as FlowActor); // a stand-in: the steps use only getSnapshot, subscribe and send
    else this.follower.follow((this.flow = undefined));
  }

  /** The network's catalogue differs from the stored copy on screen: the list shows the server's. */
  private catalogueChanged(boot: Boot, catalogue: Catalogue): void {
    if (this.boot !== boot) return;
    if (this.running) this.running.actor.send({ type: 'CATALOGUE_UPDATED', catalogue });
    else boot.pending?.show(catalogue);
  }

  /** Loads the flow machine's chunk and starts the flow; the pending stand-in's choices are replayed to it. */
  private async attachFlow(boot: Boot): Promise<void> {
    let chunk: Awaited<ReturnType<typeof flowChunk.load>>;
    try {
      chunk = await flowChunk.load();
    } catch {
      this.requestUpdate(); // the step shows the failure, with Try again
      return;
    }
    if (this.boot !== boot || boot.generation !== this.generation || !this.isConnected || this.running) return;
    const env = chunk.createFlowEnvironment({ apiBase: boot.apiBase, clientId: this.clientId || 'booking-widget', catalogue: boot.feed });
    this.summary = chunk.bookingSummary;
    const running = env.start(this.key, flowInputOf(this, boot), boot.snapshot);
    this.running = running;
    this.emitted = running.actor.on('*', (event) => this.forward(event));
    const pending = boot.pending;
    if (pending) {
      // The machine loads the catalogue the stand-in shows (at once: the feed has it), then takes the choices.
      await untilPastBoot(running.actor);
      if (this.running !== running) return;
      if (running.actor.getSnapshot().matches('service')) pending.replay((event) => running.actor.send(event));
    }
    this.follow(running.actor);
  }

  private follow(actor: FlowActor): void {
    this.flow = actor;
    this.follower.follow(actor);
    this.onSnapshot(actor.getSnapshot()); // the first step (or the restored one): no snapshot event comes for it
  }

  private stop(): void {
    this.generation++;
    this.boot = undefined;
    this.stopFeed = void this.stopFeed?.();
    this.follower.follow((this.flow = undefined));
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.emitted?.unsubscribe();
    this.parked = { key: this.key, snapshot: running.stop() };
  }

  /** Try again after a chunk failed to load: the machine's chunk (then the flow starts) or the step's. */
  private retryChunk(): void {
    if (this.boot && !this.running) void this.attachFlow(this.boot);
    else if (this.step) void this.ensureStep(this.step);
    this.requestUpdate();
  }

  /** Loads the chunk that defines `step`'s element; the flow chunk, once here, may name the step's own: then that. */
  private async ensureStep(step: Step): Promise<void> {
    const chunk = chunkFor(step);
    if (!chunk || chunk.state === 'ready') return;
    await chunk.load().catch(() => undefined);
    return chunkFor(step) === chunk ? this.requestUpdate() : this.ensureStep(step);
  }

  private restart(fresh: boolean): void {
    this.stop();
    if (fresh) this.parked = undefined;
    if (this.isConnected) void this.start(fresh);
  }

  private forward = (event: FlowEmitted): boolean => this.dispatchEvent(hostEvent(event, this.flow?.getSnapshot().context, this.summary));

  private onSnapshot(s: SnapshotFrom<FlowActor>): void {
    const step = stepOf(s.value, s.context);
    if (step === this.step) return;
    const first = this.step === undefined;
    this.step = step;
    void this.ensureStep(step);
    // Restoring a flow on page load must not steal focus; a step the customer moved to takes it.
    if (!first) this.focusStep = true;
    if (this.announce) this.dispatchEvent(stepChange(step));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) void this.language.choose(this.locale);
    if (!this.hasUpdated) return;
    if (restartsFlow(changed)) {
      this.restart(false);
      return;
    }
    for (const event of attributeEvents(this, changed)) this.flow?.send(event);
  }

  protected override updated(): void {
    for (const source of this.sources) source.update();
    syncDialog(this.renderRoot, this.open);
    // A step still loading its chunk has no [data-step] yet: its heading takes focus once it shows.
    const shown = this.focusStep ? this.renderRoot.querySelector<StepElement>('[data-step]') : null;
    if (shown) {
      this.focusStep = false;
      void shown.focusHeading();
    }
  }

  override render() {
    const { locale, dir } = this.language.ui;
    useLocale(locale);
    const content = html`<div class="base" dir=${dir} lang=${textLang(locale)}>
      ${
        this.language.ready
          ? html`<h2 id="title">${msg('title')}</h2>
              ${this.renderStep(this.step ?? firstStep(this))}`
          : textsPlaceholder()
      }
    </div>`;
    if (this.mode !== 'popup' && this.mode !== 'floating') return content;
    const popup = { floating: this.mode === 'floating', open: this.open, dir, show: () => this.show(), close: () => this.close() };
    return popupFrame(content, popup);
  }

  private renderStep(step: Step) {
    const machineRuns = this.running !== undefined && this.flow === this.running.actor;
    return stepOrPlaceholder(step, machineRuns, () => this.retryChunk());
  }
}

define('booking-widget', BookingWidget);
