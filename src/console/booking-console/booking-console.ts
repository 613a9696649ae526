import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { createClient, type BookingClient } from '../../api/client.js';
import { sessionMachine } from '../session/session-machine.js';
import '../login-view/login-view.js';
import '../bookings-view/bookings-view.js';
import '../outbox-view/outbox-view.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT } from '../texts.js';
import { bookingConsoleStyles } from './booking-console.styles.js';

type BuiltView = 'bookings' | 'outbox';

/**
 * The console's views in the contract's order (section 12's data-view names); only `built` ones are reachable,
 * and `ownerOnly` ones only for an OWNER (a STAFF account has no link to them).
 */
const VIEWS: { view: string; label: string; built: boolean; ownerOnly?: boolean }[] = [
  { view: 'agenda', label: 'Agenda', built: false },
  { view: 'bookings', label: 'Bookings', built: true },
  { view: 'customers', label: 'Customers', built: false },
  { view: 'services', label: 'Services', built: false },
  { view: 'staff', label: 'Staff', built: false },
  { view: 'notifications', label: 'Notifications', built: false },
  { view: 'outbox', label: 'Outbox', built: true, ownerOnly: true },
  { view: 'settings', label: 'Settings', built: false },
];

/**
 * The business console (`/console/`): the sign-in form, then a sidebar of views and the bookings view. Who is
 * signed in is the session machine's; this element renders its state and sends LOGIN and LOGOUT.
 * @cssproperty --bc-accent - buttons, focus rings and the current view
 */
export class BookingConsole extends LitElement {
  static override styles = [themeStyles, bookingConsoleStyles];

  /** The API's origin; the page's own by default (the console is served by the server it manages). */
  @property({ attribute: 'api-base' }) apiBase = location.origin;

  /** The view in the address's fragment (`#outbox`); the bookings view by default. */
  @state() private route: string = location.hash.slice(1);
  @state() private snapshot: SnapshotFrom<typeof sessionMachine> | undefined;
  private session: Actor<typeof sessionMachine> | undefined;
  private client: BookingClient | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const session = createActor(sessionMachine, { input: { apiBase: this.apiBase } });
    // One client for the signed-in views; it reads the token from the session, so a new login needs no new client.
    this.client = createClient({ apiBase: this.apiBase, token: () => session.getSnapshot().context.token });
    session.subscribe((s) => (this.snapshot = s));
    this.session = session;
    session.start();
    window.addEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    this.route = location.hash.slice(1);
  };

  /** The view to show: the route when this account may open it, the bookings view otherwise. */
  private currentView(): BuiltView {
    const owner = this.snapshot?.context.user?.role === 'OWNER';
    return this.route === 'outbox' && owner ? 'outbox' : 'bookings';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.session?.stop();
    this.session = undefined;
  }

  override render() {
    const s = this.snapshot;
    if (!s || !this.client) return html``;
    if (!s.matches('signedIn') && !s.matches('signingOut')) {
      return html`<console-login-view
        .busy=${s.matches('signingIn')}
        .error=${s.context.error}
        @console-login=${(e: CustomEvent<{ email: string; password: string }>) => this.session?.send({ type: 'LOGIN', ...e.detail })}
      ></console-login-view>`;
    }
    const owner = s.context.user?.role === 'OWNER';
    const current = this.currentView();
    return html`<div class="shell">
      <header>
        <span class="brand">${TEXT.appName}</span>
        <span class="account"
          >${s.context.user?.email}
          <button @click=${() => this.session?.send({ type: 'LOGOUT' })} ?disabled=${s.matches('signingOut')}>${TEXT.logOut}</button></span
        >
      </header>
      <nav aria-label=${TEXT.navLabel}>
        <ul>
          ${VIEWS.filter((v) => !v.ownerOnly || owner).map(({ view, label, built }) =>
            built
              ? html`<li><a href="#${view}" aria-current=${current === view ? 'page' : 'false'}>${label}</a></li>`
              : html`<li>
                  <span class="off" aria-disabled="true">${label} <small>(${TEXT.soon})</small></span>
                </li>`,
          )}
        </ul>
      </nav>
      <main @console-unauthorized=${() => this.session?.send({ type: 'EXPIRED' })}>
        ${
          current === 'outbox'
            ? html`<console-outbox-view .client=${this.client}></console-outbox-view>`
            : html`<console-bookings-view .client=${this.client}></console-bookings-view>`
        }
      </main>
    </div>`;
  }
}

define('booking-console', BookingConsole);

declare global {
  interface HTMLElementTagNameMap {
    'booking-console': BookingConsole;
  }
}
