import { html, nothing, css } from 'lit';
import { msg } from '../../i18n/index.js';
import { cardDeposit, cardPrice } from '../../i18n/service-card.js';
import type { Service } from '../../model/service.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

/**
 * The service step: a card per service (name, tagline, duration, price or "from" price, deposit badge),
 * filtered by category.
 * @csspart service - a service card (`data-service-id`)
 * @csspart button - category filter buttons
 */
export class ServiceList extends StepElement {
  static override styles = [
    shared,
    css`
      ul {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .card {
        display: block;
        width: 100%;
        height: 100%;
        text-align: start;
        padding: 0.875rem 1rem;
        border: 1px solid var(--bw-border);
        border-inline-start: 4px solid var(--bw-accent);
      }
      .name {
        display: block;
        font-weight: 600;
      }
      .meta {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-block-start: 0.5rem;
        font-size: 0.875rem;
      }
      .filters {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-block-end: 0.75rem;
      }
      .filters button[aria-pressed='true'] {
        background: var(--bw-accent);
        color: var(--bw-accent-contrast);
      }
    `,
  ];

  override render() {
    const ctx = this.ctx;
    const loading = !ctx || this.snapshot?.matches('boot');
    return html`${this.heading('stepService')}
      ${this.snapshot?.matches('failed') ? this.errorBox() : loading ? this.skeleton() : this.renderList(ctx.services, ctx.categoryId)}
      <div class="actions">
        <button part="button" type="button" @click=${() => this.send({ type: 'MY_BOOKINGS' })}>${msg('myBookings')}</button>
      </div>`;
  }

  private renderList(services: Service[], categoryId: string | undefined) {
    if (services.length === 0) return html`<p>${msg('noServices')}</p>`;
    const categories = [...new Map(services.filter((s) => s.category).map((s) => [s.category!.id, s.category!])).values()].sort(
      (a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0),
    );
    const shown = categoryId ? services.filter((s) => s.category?.id === categoryId) : services;
    return html`
      ${
        categories.length > 1
          ? html`<div class="filters" role="group" aria-label=${msg('categoryFilter')}>
              ${[{ id: undefined, name: msg('allCategories') }, ...categories].map(
                (c) =>
                  html`<button
                    part="button"
                    type="button"
                    aria-pressed=${categoryId === c.id ? 'true' : 'false'}
                    @click=${() => this.send({ type: 'SET_CATEGORY', categoryId: c.id })}
                  >
                    ${c.name}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <ul>
        ${shown.map((s) => html`<li>${this.card(s)}</li>`)}
      </ul>
    `;
  }

  private card(s: Service) {
    const deposit = cardDeposit(s, this.locale);
    const minutes = s.schedule.availabilityConstraints.sessionDurations;
    return html`<button
      class="card"
      part="service"
      type="button"
      data-service-id=${s.id}
      @click=${() => this.send({ type: 'SELECT_SERVICE', serviceId: s.id })}
    >
      <span class="name">${s.name}</span>
      ${s.tagLine ? html`<span class="muted">${s.tagLine}</span>` : nothing}
      <span class="meta">
        ${minutes.length && s.type !== 'COURSE' ? html`<span>${minutes.map((m) => msg('minutes', { n: m })).join(' / ')}</span>` : nothing}
        <span>${cardPrice(s, this.locale)}</span>
        ${deposit ? html`<span class="badge">${deposit}</span>` : nothing}
      </span>
    </button>`;
  }
}

define('booking-widget-service-list', ServiceList);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-service-list': ServiceList;
  }
}
