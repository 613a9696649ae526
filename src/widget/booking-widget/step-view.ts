/**
 * The root's view of one step: the step's element once its chunk has defined it; until then a skeleton that is
 * announced (`aria-busy`, a status message), or, when the chunk failed to load, an alert with Try again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Step } from '../../flow/types.js';
import { msg } from '../../i18n/index.js';
import { chunkFor, flowChunk } from './chunks.js';
import { stepPlaceholder } from './placeholder.js';

const PARTS = 'service, variant, day, slot, button, primary-button, input, summary, status';

const TAGS: Record<Step, string> = {
  service: 'booking-widget-service-list',
  variant: 'booking-widget-variant-picker',
  slot: 'booking-widget-slot-picker',
  details: 'booking-widget-details-form',
  review: 'booking-widget-review-summary',
  checkout: 'booking-widget-card-entry',
  status: 'booking-widget-booking-status',
  'reset-password': 'booking-widget-reset-password',
  'my-bookings': 'booking-widget-my-bookings',
  manage: 'booking-widget-my-bookings',
  reschedule: 'booking-widget-reschedule-picker',
};

/** The step a widget shows before its flow has said: where its attributes start it. */
export function firstStep(el: { serviceId: string; bookingToken: string; view: string }): Step {
  if (el.bookingToken) return 'manage';
  if (el.view === 'my-bookings') return 'my-bookings';
  return el.serviceId ? 'variant' : 'service';
}

/** Whether the step can show: its element is defined and the flow machine runs (not its stand-in). */
export const stepReady = (step: Step, machineRuns: boolean): boolean =>
  !!customElements.get(TAGS[step]) && (step === 'service' || machineRuns);

export function stepElement(step: Step): TemplateResult {
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
    case 'reset-password':
      return html`<booking-widget-reset-password data-step="reset-password" exportparts=${PARTS}></booking-widget-reset-password>`;
    case 'my-bookings':
      return html`<booking-widget-my-bookings data-step="my-bookings" exportparts=${PARTS}></booking-widget-my-bookings>`;
    case 'manage':
      return html`<booking-widget-my-bookings data-step="manage" exportparts=${PARTS}></booking-widget-my-bookings>`;
    case 'reschedule':
      return html`<booking-widget-reschedule-picker data-step="reschedule" exportparts=${PARTS}></booking-widget-reschedule-picker>`;
  }
}

/** The root before its texts have loaded (locale ≠ en): a skeleton, and no English words meanwhile. */
export const textsPlaceholder = (): TemplateResult =>
  html`<div class="chunk-loading" aria-busy="true">
    <div class="skeleton"></div>
    <div class="skeleton"></div>
    <div class="skeleton"></div>
  </div>`;

/** Popup and floating modes: the widget in a modal dialog (open while `open`), with a launcher when floating. */
export function popupFrame(
  content: TemplateResult,
  { floating, open, dir, show, close }: { floating: boolean; open: boolean; dir: 'ltr' | 'rtl'; show: () => void; close: () => void },
): TemplateResult {
  return html`${
      floating
        ? html`<button class="launcher" part="button primary-button" type="button" dir=${dir} aria-haspopup="dialog" @click=${show}>
            ${msg('openBooking')}
          </button>`
        : nothing
    }
    <dialog aria-labelledby="title" dir=${dir} @close=${close}>
      <button class="close" part="button" type="button" aria-label=${msg('close')} @click=${close}>×</button>
      ${open ? content : nothing}
    </dialog>`;
}

/** The step's element once its code is here; else a placeholder (loading, or failed with Try again). */
export function stepOrPlaceholder(step: Step, machineRuns: boolean, retry: () => void): TemplateResult {
  if (stepReady(step, machineRuns)) return stepElement(step);
  const failed = (!machineRuns && flowChunk.state === 'failed') || chunkFor(step)?.state === 'failed';
  return stepPlaceholder(failed ? 'failed' : 'loading', retry);
}

/** The popup's `<dialog>` follows `open`: shown as a modal when it opens, closed when it closes. */
export function syncDialog(root: ParentNode, open: boolean): void {
  const dialog = root.querySelector('dialog');
  if (dialog && open && !dialog.open) dialog.showModal();
  if (dialog && !open && dialog.open) dialog.close();
}
