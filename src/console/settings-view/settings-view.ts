import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { BusinessUser } from '../../model/business-user.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import './business-accounts.js';
import './business-details.js';
import './calendar-feeds.js';
import './business-hours-section.js';
import './notifications-section.js';
import './widget-section.js';
import { MORE_TEXT as M } from '../settings/settings-more-texts.js';

/**
 * The owner's settings (`#settings`): the business details, business hours with currency and contact, reminders
 * and the email sender, the business accounts, the calendar feeds, a link to the webhooks, and the sites that may
 * use the widget with its embed code; each a part that reads and saves its own API.
 */
export class ConsoleSettingsView extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      section > section {
        margin-bottom: 2rem;
        max-width: 40rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) user: BusinessUser | undefined;

  override render() {
    return html`<section data-view="settings" aria-labelledby="settings-title">
      <h1 id="settings-title" tabindex="-1">${T.title}</h1>
      <section aria-labelledby="details-title">
        <h2 id="details-title">${T.detailsTitle}</h2>
        <p class="muted">${T.detailsIntro}</p>
        <console-business-details .client=${this.client}></console-business-details>
      </section>
      <section aria-labelledby="hours-title">
        <h2 id="hours-title">${M.hoursTitle}</h2>
        <p class="muted">${M.hoursIntro}</p>
        <console-business-hours-section .client=${this.client}></console-business-hours-section>
      </section>
      <section aria-labelledby="notifications-title">
        <h2 id="notifications-title">${M.notificationsTitle}</h2>
        <p class="muted">${M.notificationsIntro}</p>
        <console-notifications-section .client=${this.client}></console-notifications-section>
      </section>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">${T.accountsTitle}</h2>
        <p class="muted">${T.accountsIntro}</p>
        <console-business-accounts .client=${this.client} .me=${this.user}></console-business-accounts>
      </section>
      <section aria-labelledby="feeds-title">
        <h2 id="feeds-title">${T.feedsTitle}</h2>
        <p class="muted">${T.feedsIntro}</p>
        <console-calendar-feeds .client=${this.client}></console-calendar-feeds>
      </section>
      <section aria-labelledby="hooks-title">
        <h2 id="hooks-title">${T.webhooksLink}</h2>
        <p><a href=${routeHref('webhooks')}>${T.webhooksOpen}</a></p>
      </section>
      <section aria-labelledby="embed-title">
        <h2 id="embed-title">${M.widgetTitle}</h2>
        <p class="muted">${T.embedIntro}</p>
        <console-widget-section .client=${this.client}></console-widget-section>
      </section>
    </section>`;
  }
}

define('console-settings-view', ConsoleSettingsView);

declare global {
  interface HTMLElementTagNameMap {
    'console-settings-view': ConsoleSettingsView;
  }
}
