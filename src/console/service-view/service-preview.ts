import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { cardDeposit, cardMinutes, cardPrice } from '../../i18n/service-card.js';
import type { Service } from '../../model/service.js';
import { SERVICE_TEXT as T } from '../services/service-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';

/**
 * "Preview": the service's card as the widget will show it, from what is typed now (name, tagline, lengths, the
 * price or "from" price, Free, the deposit badge), in the widget's words (src/i18n/service-card.ts), plus the
 * console's notes (plans accepted, hidden, not bookable online). Nothing in it takes focus.
 */
export class ConsoleServicePreview extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      .card {
        display: grid;
        gap: 0.35rem;
        background: var(--bc-surface);
        border: 1px solid var(--bc-border);
        border-radius: var(--bc-radius);
        padding: 0.75rem 1rem;
        overflow-wrap: anywhere;
      }
      .name {
        font-weight: 600;
      }
      .muted {
        color: var(--bc-muted);
      }
      .description {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
        margin: 0;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.75rem;
        align-items: center;
      }
      .badge {
        font-size: 0.85rem;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
      }
      .notes {
        margin: 0.5rem 0 0;
        padding-inline-start: 1.1rem;
      }
    `,
  ];

  @property({ attribute: false }) service: Service | undefined;
  @property() locale = 'en-US';

  override render() {
    const s = this.service;
    if (!s) return nothing;
    const minutes = cardMinutes(s);
    const price = cardPrice(s, this.locale);
    const deposit = cardDeposit(s, this.locale);
    const notes = [s.hidden ? T.previewHidden : '', s.onlineBooking.enabled ? '' : T.previewOffline].filter(Boolean);
    return html`<aside aria-labelledby="preview-title" data-preview>
      <h2 id="preview-title">${T.preview}</h2>
      <div class="card">
        <span class="name" data-preview-name>${s.name || html`<span class="muted">${T.previewNoName}</span>`}</span>
        ${s.tagLine ? html`<span class="muted" data-preview-tagline>${s.tagLine}</span>` : nothing}
        ${s.description?.trim() ? html`<p class="description">${s.description}</p>` : nothing}
        <span class="meta">
          ${minutes ? html`<span data-preview-minutes>${minutes}</span>` : nothing}
          ${price ? html`<span data-preview-price>${price}</span>` : nothing}
          ${deposit ? html`<span class="badge" data-preview-deposit>${deposit}</span>` : nothing}
          ${s.payment.options.pricingPlan ? html`<span class="badge" data-preview-plans>${T.previewPlans}</span>` : nothing}
        </span>
      </div>
      ${
        notes.length
          ? html`<ul class="notes muted">
              ${notes.map((n) => html`<li>${n}</li>`)}
            </ul>`
          : nothing
      }
    </aside>`;
  }
}

define('console-service-preview', ConsoleServicePreview);

declare global {
  interface HTMLElementTagNameMap {
    'console-service-preview': ConsoleServicePreview;
  }
}
