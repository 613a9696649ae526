import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { createClient, type BookingClient } from '../../api/client.js';
import { refreshingFetch } from '../session/session-fetch.js';
import { sessionMachine } from '../session/session-machine.js';
import { SESSION_TEXT } from '../session/session-texts.js';
import '../login-view/login-view.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT } from '../texts.js';
import { bookingConsoleStyles } from './booking-console.styles.js';
import { NOTIFICATIONS_TEXT } from '../notifications/notifications-texts.js';
import { OpenNotifications } from './open-notifications.js';
import { parseRoute, routeHref } from './route.js';
import { VIEWS, sidebarViewOf, viewFor } from './views.js';

/**
 * The business console (`/console/`): the sign-in form, then a sidebar of views and the bookings view. Who is
 * signed in is the session machine's; this element renders its state and sends LOGIN and LOGOUT.
 * @cssproperty --bc-accent - buttons, focus rings and the current view
 */
export class BookingConsole extends LitElement {
  static override styles = [themeStyles, bookingConsoleStyles];

  /** The API's origin; the page's own by default (the console is served by the server it manages). */
  @property({ attribute: 'api-base' }) apiBase = location.origin;

  /** The view in the address's fragment (`#outbox`, `#booking/<id>`); the default view otherwise. */
  @state() private route = parseRoute(location.hash);
  @state() private snapshot: SnapshotFrom<typeof sessionMachine> | undefined;
  private session: Actor<typeof sessionMachine> | undefined;
  private client: BookingClient | undefined;
  private readonly openNotes = new OpenNotifications(this, () => this.session?.send({ type: 'EXPIRED' }));

  override connectedCallback(): void {
    super.connectedCallback();
    const session = createActor(sessionMachine, { input: { apiBase: this.apiBase } });
    // One client for the signed-in views; it reads the token from the session, so a new login needs no new client,
    // and its fetch refreshes an ended access token once and retries (session-fetch.ts).
    this.client = createClient({
      apiBase: this.apiBase,
      token: () => session.getSnapshot().context.token,
      fetch: refreshingFetch(session),
    });
    session.subscribe((s) => (this.snapshot = s));
    this.session = session;
    session.start();
    window.addEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    this.route = parseRoute(location.hash);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.session?.stop();
    this.session = undefined;
    this.openNotes.stop();
  }

  protected override willUpdate(): void {
    const s = this.snapshot;
    const signedIn = s !== undefined && (s.matches('signedIn') || s.matches('signingOut'));
    this.openNotes.follow(this.client, signedIn && s.context.user?.role === 'OWNER');
  }

  override render() {
    const s = this.snapshot;
    if (!s || !this.client) return html``;
    if (s.matches('restoring')) {
      // A reload with a stored session: a moment's progress, not a flash of the login form.
      return html`<main class="restoring" data-view="restoring" aria-busy="true">
        <h1>${TEXT.appName}</h1>
        <p role="status"><progress aria-label=${SESSION_TEXT.restoring}></progress> <span>${SESSION_TEXT.restoring}</span></p>
      </main>`;
    }
    if (!s.matches('signedIn') && !s.matches('signingOut')) {
      return html`<console-login-view
        .busy=${s.matches('signingIn')}
        .error=${s.context.error}
        @console-login=${(e: CustomEvent<{ email: string; password: string }>) => this.session?.send({ type: 'LOGIN', ...e.detail })}
      ></console-login-view>`;
    }
    const user = s.context.user;
    if (!user) return html``;
    const owner = user.role === 'OWNER';
    const current = viewFor(this.route.view, user);
    const lit = sidebarViewOf(current);
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
          ${VIEWS.filter((v) => v.label && (!v.ownerOnly || owner)).map(({ view, label, soon }) =>
            soon
              ? html`<li>
                  <span class="off" aria-disabled="true">${label} <small>(${TEXT.soon})</small></span>
                </li>`
              : html`<li>${this.link(view, label ?? view, lit === view)}</li>`,
          )}
        </ul>
      </nav>
      <main @console-unauthorized=${() => this.session?.send({ type: 'EXPIRED' })}>
        ${current.render?.({ client: this.client, user, param: this.route.param, query: this.route.query })}
      </main>
    </div>`;
  }

  /** A sidebar link; Notifications with its open count when there is one. */
  private link(view: string, label: string, current: boolean) {
    const open = view === 'notifications' ? this.openNotes.count : undefined;
    return html`<a
      href=${routeHref(view)}
      aria-current=${current ? 'page' : 'false'}
      aria-label=${open ? NOTIFICATIONS_TEXT.linkName(open) : nothing}
      data-open-count=${open ?? nothing}
      >${label}${open ? html` <span class="count">${NOTIFICATIONS_TEXT.linkCount(open)}</span>` : nothing}</a
    >`;
  }
}

define('booking-console', BookingConsole);

declare global {
  interface HTMLElementTagNameMap {
    'booking-console': BookingConsole;
  }
}
