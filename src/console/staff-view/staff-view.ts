import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { StaffMember, WorkingHours } from '../../model/business.js';
import type { BusinessUser } from '../../model/business-user.js';
import { workingHoursOf } from '../settings/business-hours-rules.js';
import { ACCOUNT_TEXT } from '../staff/staff-account-texts.js';
import type { Service } from '../../model/service.js';
import { isUnauthorized, studioZone } from '../bookings/console-reads.js';
import { panelStyles } from '../customers/panel.styles.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { shortZoneName } from '../shared/studio-time.js';
import { themeStyles } from '../shared/theme.styles.js';
import { STAFF_TEXT as T } from '../staff/staff-texts.js';
import { hoursSummary, timeOffSummary } from '../staff/working-hours-rules.js';
import { errorText } from '../texts.js';
import './staff-account.js';
import './staff-form.js';
import type { StaffSaved } from './staff-form.js';
import { readError } from '../shared/read-error.js';

/**
 * The Staff view (OWNER): every staff member with email, the services they give, their week and their linked
 * business account (with Link), and Add, Edit and Remove; a new member starts with the business hours. Edit opens the member's form in place of the list's card; Remove asks first, and a refusal is
 * said beside the member.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleStaffView extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      .card h2 {
        margin-top: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;

  @state() private staff: StaffMember[] | undefined;
  @state() private services: Service[] = [];
  @state() private zone = '';
  @state() private accounts: BusinessUser[] = [];
  /** The business hours (Settings): the hours a new member's form starts with. */
  @state() private businessHours: WorkingHours[] = [];
  @state() private error: string | undefined;
  /** The member being edited, or 'new'. */
  @state() private editing: string | undefined;
  @state() private removing: StaffMember | undefined;
  @state() private removeError: { id: string; text: string } | undefined;
  @state() private said = '';
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async read(): Promise<void> {
    this.error = undefined;
    this.staff = undefined;
    try {
      const [staff, services, zone, accounts, site] = await Promise.all([
        this.client.staffMembers.listStaffMembers(),
        this.client.services.queryServices({ paging: { limit: 100 } }).then((r) => r.services),
        studioZone(this.client),
        this.client.businessUsers.listUsers(),
        this.client.businessSettings.getSiteDetails(),
      ]);
      this.services = services;
      this.accounts = accounts;
      this.businessHours = workingHoursOf(site.businessSchedule.periods);
      this.zone = zone ? `${zone}, ${shortZoneName(zone, Date.now())}` : '';
      this.staff = staff;
    } catch (error) {
      if (isUnauthorized(error)) this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
      this.error = errorText(error);
    }
  }

  override render() {
    return html`<section data-view="staff" aria-labelledby="staff-title" aria-busy=${this.staff ? 'false' : 'true'}>
      <div class="bar">
        <h1 id="staff-title">${T.title}</h1>
        ${this.staff && this.editing !== 'new' ? html`<button class="primary" @click=${() => this.edit('new')}>${T.add}</button>` : nothing}
      </div>
      <p role="status" aria-live="polite" class="muted">${this.said}</p>
      ${this.editing === 'new' ? this.form(undefined) : nothing} ${this.body()}
      <console-confirm-dialog
        heading=${this.removing ? T.removeTitle(this.removing.name) : ''}
        body=${T.removeBody}
        confirm-label=${T.remove}
        keep-label=${T.keep}
        @dialog-confirm=${() => void this.removeMember()}
        @dialog-close=${() => this.focusMember(this.removing?.id, '.remove')}
      ></console-confirm-dialog>
    </section>`;
  }

  private body() {
    if (this.error !== undefined) {
      return readError(this.error ?? '', () => void this.read());
    }
    if (!this.staff) return html`<progress aria-label=${T.loading}></progress>`;
    if (this.staff.length === 0) return html`<p>${T.none}</p>`;
    return html`<ul class="cards">
      ${repeat(
        this.staff,
        (m) => m.id,
        (m) => html`<li class="card" data-staff-member-id=${m.id}>${this.editing === m.id ? this.form(m) : this.card(m)}</li>`,
      )}
    </ul>`;
  }

  private card(m: StaffMember) {
    const gives = this.services.filter((s) => s.staffMemberIds?.includes(m.id)).map((s) => s.name);
    const refused = this.removeError?.id === m.id ? this.removeError.text : undefined;
    return html`<h2 class="title">${m.name}</h2>
      ${m.email ? html`<div class="muted">${m.email}</div>` : nothing}
      <div>${T.services}: ${gives.length ? gives.join(', ') : T.noServices}</div>
      <div class="muted">${hoursSummary(m.workingHours)}</div>
      ${m.timeOff.length ? html`<div class="muted">${timeOffSummary(m.timeOff)}</div>` : nothing}
      <console-staff-account
        .client=${this.client}
        .member=${m}
        .accounts=${this.accounts}
        .staff=${this.staff ?? []}
        @account-linked=${(e: CustomEvent<BusinessUser>) => this.linked(e.detail)}
      ></console-staff-account>
      ${refused ? html`<p class="error" role="alert">${refused}</p>` : nothing}
      <div class="actions">
        <button class="edit" aria-label="${T.edit} ${m.name}" @click=${() => this.edit(m.id)}>${T.edit}</button>
        <button class="remove" aria-label="${T.remove} ${m.name}" @click=${() => void this.askRemove(m)}>${T.remove}</button>
      </div>`;
  }

  private form(m: StaffMember | undefined) {
    return html`<console-staff-form
      .client=${this.client}
      .member=${m}
      .defaultHours=${this.businessHours}
      zone=${this.zone}
      @staff-saved=${(e: CustomEvent<StaffSaved>) => void this.saved(e.detail)}
      @staff-cancel=${() => void this.closeForm(m?.id)}
    ></console-staff-form>`;
  }

  private linked(user: BusinessUser): void {
    this.accounts = this.accounts.map((a) => (a.id === user.id ? user : a));
    const name = this.staff?.find((s) => s.id === user.staffMemberId)?.name ?? '';
    this.said = ACCOUNT_TEXT.linked(user.email, name);
  }

  private async edit(id: string): Promise<void> {
    this.said = '';
    this.editing = id;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('console-staff-form');
    await form?.updateComplete;
    form?.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }

  private async saved({ member, created }: StaffSaved): Promise<void> {
    const list = this.staff ?? [];
    this.staff = created ? [...list, member] : list.map((m) => (m.id === member.id ? member : m));
    this.said = created ? T.added(member.name) : T.saved(member.name);
    await this.closeForm(member.id);
  }

  private async closeForm(id: string | undefined): Promise<void> {
    this.editing = undefined;
    await this.focusMember(id, '.edit');
  }

  private async focusMember(id: string | undefined, button: string): Promise<void> {
    await this.updateComplete;
    const target = id ? this.renderRoot.querySelector<HTMLElement>(`[data-staff-member-id="${id}"] ${button}`) : undefined;
    (target ?? this.renderRoot.querySelector<HTMLElement>('.bar button'))?.focus();
  }

  private async askRemove(m: StaffMember): Promise<void> {
    this.removing = m;
    this.removeError = undefined;
    await this.updateComplete;
    await this.dialog.show();
  }

  private async removeMember(): Promise<void> {
    const m = this.removing;
    if (!m) return;
    try {
      await this.client.staffMembers.deleteStaffMember(m.id);
      this.staff = (this.staff ?? []).filter((s) => s.id !== m.id);
      this.said = T.removed(m.name);
      this.removing = undefined;
    } catch (error) {
      this.removeError = { id: m.id, text: errorText(error) };
    }
  }
}

define('console-staff-view', ConsoleStaffView);

declare global {
  interface HTMLElementTagNameMap {
    'console-staff-view': ConsoleStaffView;
  }
}
