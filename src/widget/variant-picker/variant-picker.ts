import { html, nothing, css } from 'lit';
import { msg, formatMoney } from '../../i18n/index.js';
import { maxParticipants, singleChoice } from '../../flow/booking-request.js';
import { totalParticipants } from '../../flow/price.js';
import type { ServiceVariant } from '../../model/service.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

const variantLabel = (v: ServiceVariant): string =>
  v.choices
    .map((c) => c.custom ?? c.duration?.name ?? (c.duration ? msg('minutes', { n: c.duration.minutes }) : (c.staffMemberId ?? '')))
    .join(', ');

/**
 * The variant and participants step: one choice for appointments (e.g. a duration), or a participant count
 * per variant for classes, within the policy's maximum.
 * @csspart variant - a variant row
 * @csspart input - a participants field
 */
export class VariantPicker extends StepElement {
  static override styles = [
    shared,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
      }
      legend {
        font-weight: 600;
        margin-block-end: 0.5rem;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        padding: 0.5rem 0;
        border-block-end: 1px solid var(--bw-border);
      }
      .row label {
        margin: 0;
      }
      input[type='number'] {
        width: 5rem;
      }
    `,
  ];

  override render() {
    const ctx = this.ctx;
    const snap = this.snapshot;
    if (!ctx || !snap) return this.heading('stepVariant');
    if (snap.matches({ variant: 'error' })) return html`${this.heading('stepVariant')}${this.errorBox({ back: !ctx.presetServiceId })}`;
    if (!snap.matches({ variant: 'choosing' })) return html`${this.heading('stepVariant')}${this.skeleton(2)}`;
    const max = maxParticipants(ctx);
    const total = totalParticipants(ctx.counts);
    const variants = ctx.variants?.variants.values ?? [];
    const single = singleChoice(ctx);
    const problem = total < 1 ? msg('participantsNone') : total > max ? msg('participantsTooMany', { n: max }) : '';
    return html`${this.heading('stepVariant')}
      <p class="muted">${ctx.service?.name}</p>
      <form @submit=${this.next} novalidate>
        ${single ? this.renderSingle(variants) : variants.length ? this.renderCounts(variants) : this.renderTotal()}
        ${max > 1 ? html`<p class="muted" id="max">${msg('participantsMax', { n: max })}</p>` : nothing}
        <p class="error" role="alert">${problem}</p>
        <div class="actions">
          ${ctx.presetServiceId ? nothing : html`<button part="button" type="button" @click=${() => this.send({ type: 'BACK' })}>${msg('back')}</button>`}
          <button part="button primary-button" type="submit" ?disabled=${!!problem}>${msg('next')}</button>
        </div>
      </form>`;
  }

  private renderSingle(variants: ServiceVariant[]) {
    const counts = this.ctx?.counts ?? {};
    return html`<fieldset>
      <legend>
        ${this.ctx?.variants?.options.values[0]?.durationData?.name ?? this.ctx?.variants?.options.values[0]?.customData?.name ?? msg('stepVariant')}
      </legend>
      ${variants.map(
        (v) =>
          html`<div class="row" part="variant">
            <label
              ><input
                type="radio"
                name="variant"
                part="input"
                .checked=${(counts[v.id ?? ''] ?? 0) > 0}
                @change=${() => this.send({ type: 'SET_COUNT', key: v.id ?? '', count: 1 })}
              />
              ${variantLabel(v)}</label
            >
            <span>${formatMoney(v.price, this.locale)}</span>
          </div>`,
      )}
    </fieldset>`;
  }

  private renderCounts(variants: ServiceVariant[]) {
    const counts = this.ctx?.counts ?? {};
    return html`<fieldset aria-describedby="max">
      <legend>${msg('participants')}</legend>
      ${variants.map((v) => this.countRow(v.id ?? '', variantLabel(v), counts[v.id ?? ''] ?? 0, formatMoney(v.price, this.locale)))}
    </fieldset>`;
  }

  private renderTotal() {
    return this.countRow('', msg('participants'), this.ctx?.counts[''] ?? 1, '');
  }

  private countRow(key: string, label: string, value: number, price: string) {
    const id = `count-${key || 'all'}`;
    return html`<div class="row" part="variant">
      <label for=${id}>${label} <span class="muted">${price}</span></label>
      <input
        id=${id}
        part="input"
        type="number"
        inputmode="numeric"
        min="0"
        max=${maxParticipants(this.ctx ?? { service: undefined })}
        .value=${String(value)}
        @input=${(e: Event) => this.send({ type: 'SET_COUNT', key, count: Number((e.target as HTMLInputElement).value) || 0 })}
      />
    </div>`;
  }

  private next(e: Event): void {
    e.preventDefault();
    this.send({ type: 'NEXT' });
  }
}

define('booking-widget-variant-picker', VariantPicker);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-variant-picker': VariantPicker;
  }
}
