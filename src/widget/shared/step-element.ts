/**
 * The base of every step: consumes the flow actor and UI settings, re-renders on every snapshot, and offers
 * `send`, the Intl settings and `focusHeading()`. Steps render state and send events; they never fetch.
 */
import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { SnapshotFrom } from 'xstate';
import type { FlowContext, FlowEvent } from '../../flow/types.js';
import type { flowMachine } from '../../flow/flow-machine.js';
import { msg, useLocale, type MessageKey } from '../../i18n/index.js';
import { ActorController } from './actor-controller.js';
import { flowContext, requestContext, uiContext, type FlowActor, type UiSettings } from './context.js';
import { shared } from './shared.styles.js';

export abstract class StepElement extends LitElement {
  static override styles = [shared];

  static override properties: PropertyDeclarations = {
    flow: { attribute: false },
    ui: { attribute: false },
  };

  flow: FlowActor | undefined;
  ui: UiSettings = { locale: 'en', dir: 'ltr' };

  protected readonly actor = new ActorController<FlowActor>(this);
  private leave: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.leave = [requestContext(this, flowContext, (flow) => (this.flow = flow)), requestContext(this, uiContext, (ui) => (this.ui = ui))];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.leave.splice(0)) unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('flow')) this.actor.follow(this.flow);
  }

  protected override update(changed: PropertyValues<this>): void {
    useLocale(this.ui.locale); // this step's texts in its widget's language (the root installed them)
    super.update(changed);
  }

  protected get snapshot(): SnapshotFrom<typeof flowMachine> | undefined {
    return this.actor.snapshot;
  }

  protected get ctx(): FlowContext | undefined {
    return this.snapshot?.context;
  }

  protected send(event: FlowEvent): void {
    this.flow?.send(event);
  }

  protected get locale(): string {
    return this.ui.locale;
  }

  /** Moves focus to the step's heading (called by the root when this step appears). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  protected heading(key: MessageKey) {
    return html`<h3 tabindex="-1">${msg(key)}</h3>`;
  }

  /** The step's error with its next step: retry (and back, where there is one). */
  protected errorBox(opts: { back?: boolean } = {}) {
    const error = this.ctx?.error;
    if (!error) return nothing;
    return html`<div class="error-box">
      <p class="error" role="alert">
        ${error.code === 'NETWORK_ERROR' ? msg('errorNetwork') : msg('errorGeneric', { message: error.message })}
      </p>
      <div class="actions">
        <button part="button primary-button" type="button" @click=${this.retry}>${msg('retry')}</button>
        ${opts.back ? html`<button part="button" type="button" @click=${() => this.send({ type: 'BACK' })}>${msg('back')}</button>` : nothing}
      </div>
    </div>`;
  }

  /** Retry, and keep focus in the widget (the Retry button is about to vanish). */
  private retry(): void {
    this.send({ type: 'RETRY' });
    void this.focusHeading();
  }

  protected skeleton(rows = 3) {
    return html`<p class="visually-hidden" role="status">${msg('loading')}</p>
      <div aria-hidden="true">${Array.from({ length: rows }, () => html`<div class="skeleton"></div>`)}</div>`;
  }
}
