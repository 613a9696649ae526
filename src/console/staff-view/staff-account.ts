import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { StaffMember } from '../../model/business.js';
import type { BusinessUser } from '../../model/business-user.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { ACCOUNT_TEXT as T } from '../staff/staff-account-texts.js';
import { errorText } from '../texts.js';

/**
 * A staff member's business account (`/business/v1/users`, `staffMemberId`): the STAFF accounts that sign in as
 * them, and Link, which moves another member's STAFF account to this one (PATCH `staffMemberId`). A STAFF account
 * always has a member, so unlinking is linking elsewhere, or Remove in Settings; both are said here.
 * @event account-linked - detail: the account as the server now has it
 */
export class ConsoleStaffAccount extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      .link {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .link .field {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) member!: StaffMember;
  @property({ attribute: false }) accounts: BusinessUser[] = [];
  @property({ attribute: false }) staff: StaffMember[] = [];

  @state() private chosen = '';
  @state() private busy = false;
  @state() private error: string | undefined;

  override render() {
    const mine = this.accounts.filter((a) => a.staffMemberId === this.member.id);
    const others = this.accounts.filter((a) => a.role === 'STAFF' && a.staffMemberId !== this.member.id);
    const id = `link-${this.member.id}`;
    return html`<div data-linked-accounts=${mine.map((a) => a.email).join(' ')}>
      <div>
        <span class="muted">${T.account}:</span>
        ${mine.length ? mine.map((a) => html`<strong data-account-id=${a.id}>${a.email}</strong> `) : html`<span>${T.none}</span>`}
      </div>
      ${
        others.length
          ? html`<div class="link">
              <div class="field">
                <label for=${id}>${T.linkLabel(this.member.name)}</label>
                <select
                  id=${id}
                  aria-invalid=${this.error ? 'true' : 'false'}
                  aria-describedby=${`${id}-error`}
                  @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!this.chosen}>${T.choose}</option>
                  ${this.byMember(others).map(
                    ([name, accounts]) =>
                      html`<optgroup label=${T.nowOf(name)}>
                        ${accounts.map((a) => html`<option value=${a.id} ?selected=${this.chosen === a.id}>${a.email}</option>`)}
                      </optgroup>`,
                  )}
                </select>
              </div>
              <button type="button" ?disabled=${this.busy} @click=${() => void this.link()}>${this.busy ? T.linking : T.link}</button>
            </div>`
          : nothing
      }
      <span class="error" id=${`${id}-error`} role=${this.error ? 'alert' : nothing}>${this.error ?? ''}</span>
      <p class="hint">${mine.length ? T.unlinkHow : T.addHow} <a href=${routeHref('settings')}>${T.settings}</a>.</p>
    </div>`;
  }

  /** The accounts grouped by the member they work for now (a group's label, not its text, names the member). */
  private byMember(accounts: BusinessUser[]): [string, BusinessUser[]][] {
    const groups = new Map<string, BusinessUser[]>();
    for (const a of accounts) {
      const name = this.staff.find((s) => s.id === a.staffMemberId)?.name ?? '—';
      groups.set(name, [...(groups.get(name) ?? []), a]);
    }
    return [...groups];
  }

  private async link(): Promise<void> {
    if (this.busy) return;
    if (!this.chosen) {
      this.error = T.chooseFirst;
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      const user = await this.client.businessUsers.updateUser(this.chosen, { staffMemberId: this.member.id });
      this.chosen = '';
      this.dispatchEvent(new CustomEvent<BusinessUser>('account-linked', { detail: user, bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

define('console-staff-account', ConsoleStaffAccount);

declare global {
  interface HTMLElementTagNameMap {
    'console-staff-account': ConsoleStaffAccount;
  }
}
