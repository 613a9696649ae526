import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { NewBusinessUser } from '../../api/settings-calls.js';
import type { StaffMember } from '../../model/business.js';
import type { BusinessRole, BusinessUser } from '../../model/business-user.js';
import { panelStyles } from '../customers/panel.styles.js';
import { fieldErrors } from '../settings/field-errors.js';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { PartRead, textField } from './form-parts.js';

const FIELDS = ['email', 'role', 'staffMemberId', 'password'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { email: '', role: 'STAFF', staffMemberId: '', password: '' };

/** The server's refusal in words: LAST_OWNER says what to do first. */
const accountErrorText = (error: unknown) =>
  error instanceof BookingApiError && error.code === 'LAST_OWNER' ? T.lastOwner : errorText(error);

/**
 * The business accounts (`/business/v1/users`): the list, each with its role to change and Remove (after a
 * confirmation), and a form to add one (email, role, the staff member a STAFF account works for, a first password).
 * What the server refuses is said beside the field, and what was typed stays.
 */
export class ConsoleBusinessAccounts extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      .actions {
        margin-top: 0.5rem;
      }
      .actions select {
        padding: 0.5rem 0.6rem;
        border: 1px solid var(--bc-muted);
        border-radius: var(--bc-radius);
        background: var(--bc-surface);
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  /** The signed-in account: marked "(you)". */
  @property({ attribute: false }) me: BusinessUser | undefined;

  @state() private users: BusinessUser[] | undefined;
  @state() private staff: StaffMember[] = [];
  @state() private typed = { ...EMPTY };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formMessage: { ok: boolean; text: string } | undefined;
  @state() private busy: string | undefined;
  @state() private rowErrors = new Map<string, string>();
  @state() private removing: BusinessUser | undefined;
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;
  private readonly reading = new PartRead(
    this,
    () => Promise.all([this.client.businessUsers.listUsers(), this.client.staffMembers.listStaffMembers()]),
    ([users, staff]) => {
      this.users = users;
      this.staff = staff;
    },
  );

  override render() {
    const waiting = this.reading.waiting(T.accountsLoading);
    if (waiting || !this.users) return waiting;
    return html`<ul class="cards" aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.users.map((u) => this.row(u))}
      </ul>
      ${this.form()}
      <console-confirm-dialog
        .heading=${T.removeTitle}
        .body=${this.removing ? T.removeBody(this.removing.email) : ''}
        .confirmLabel=${T.remove}
        .keepLabel=${T.keep}
        @dialog-confirm=${() => this.removing && void this.removeAccount(this.removing)}
        @dialog-close=${() => this.afterDialog()}
      ></console-confirm-dialog>`;
  }

  private row(u: BusinessUser) {
    const staffName = this.staff.find((s) => s.id === u.staffMemberId)?.name;
    const error = this.rowErrors.get(u.id);
    return html`<li class="card" data-user-id=${u.id} data-role=${u.role}>
      <strong>${u.email}</strong> ${u.id === this.me?.id ? html`<span class="muted">${T.you}</span>` : nothing}
      ${staffName ? html`<span class="muted">${T.forStaff(staffName)}</span>` : nothing}
      <div class="actions">
        <select
          aria-label=${T.changeRole(u.email)}
          ?disabled=${this.busy === u.id}
          @change=${(e: Event) => void this.changeRole(u, (e.target as HTMLSelectElement).value as BusinessRole, e.target as HTMLSelectElement)}
        >
          ${(['OWNER', 'STAFF'] as const).map((r) => html`<option value=${r} ?selected=${u.role === r}>${r}</option>`)}
        </select>
        <button ?disabled=${this.busy === u.id} @click=${() => this.askRemove(u)}>${T.remove}</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private form() {
    const staffRole = this.typed.role === 'STAFF';
    return html`<h3>${T.add}</h3>
      <form novalidate aria-busy=${this.busy === 'new' ? 'true' : 'false'} @submit=${(e: Event) => void this.add(e)}>
        ${this.input('email', T.email, 'email')}
        <div class="field">
          <label for="new-role">${T.role}</label>
          <select id="new-role" name="role" @change=${(e: Event) => this.type('role', (e.target as HTMLSelectElement).value)}>
            ${(['STAFF', 'OWNER'] as const).map((r) => html`<option value=${r} ?selected=${this.typed.role === r}>${r}</option>`)}
          </select>
          ${this.error('role')}
        </div>
        ${
          staffRole
            ? html`<div class="field">
                <label for="new-staffMemberId">${T.staffMember}</label>
                <select
                  id="new-staffMemberId"
                  name="staffMemberId"
                  aria-invalid=${this.errors.staffMemberId ? 'true' : 'false'}
                  aria-describedby="new-staffMemberId-error"
                  @change=${(e: Event) => this.type('staffMemberId', (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!this.typed.staffMemberId}>${T.chooseStaff}</option>
                  ${this.staff.map((s) => html`<option value=${s.id} ?selected=${this.typed.staffMemberId === s.id}>${s.name}</option>`)}
                </select>
                ${this.error('staffMemberId')}
              </div>`
            : nothing
        }
        ${this.input('password', T.password, 'text', T.passwordHint)}
        <button class="primary" type="submit" ?disabled=${this.busy === 'new'}>${this.busy === 'new' ? T.adding : T.add}</button>
        <p role="status" class=${this.formMessage && !this.formMessage.ok ? 'error' : 'ok'}>${this.formMessage?.text ?? ''}</p>
      </form>`;
  }

  private input(name: Field, label: string, type: string, hint?: string) {
    return textField({
      id: `new-${name}`,
      name,
      label,
      type,
      value: this.typed[name],
      error: this.errors[name],
      ...(hint ? { hint } : {}),
      onInput: (value) => this.type(name, value),
    });
  }

  private error(name: Field) {
    return html`<span class="error" id=${`new-${name}-error`}>${this.errors[name] ?? ''}</span>`;
  }

  private type(name: Field, value: string): void {
    this.typed = { ...this.typed, [name]: value };
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = 'new';
    this.errors = {};
    this.formMessage = undefined;
    const { email, role, staffMemberId, password } = this.typed;
    const user: NewBusinessUser = {
      email,
      role: role as BusinessRole,
      password,
      ...(role === 'STAFF' && staffMemberId ? { staffMemberId } : {}),
    };
    try {
      const made = await this.client.businessUsers.createUser(user);
      this.users = [...(this.users ?? []), made];
      this.typed = { ...EMPTY };
      this.formMessage = { ok: true, text: T.added(made.email) };
    } catch (error) {
      const found = fieldErrors(error, FIELDS);
      this.errors = found.fields;
      this.formMessage = { ok: false, text: Object.keys(found.fields).length ? T.fixFields : accountErrorText(error) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
    } finally {
      this.busy = undefined;
    }
  }

  private async changeRole(u: BusinessUser, role: BusinessRole, select: HTMLSelectElement): Promise<void> {
    if (this.busy) return;
    this.busy = u.id;
    this.rowErrors = new Map(this.rowErrors);
    this.rowErrors.delete(u.id);
    try {
      // A STAFF account needs its staff member: the first one until the owner picks (the list says whose it is).
      const change = role === 'STAFF' ? { role, staffMemberId: u.staffMemberId ?? this.staff[0]?.id ?? null } : { role };
      const changed = await this.client.businessUsers.updateUser(u.id, change);
      this.users = this.users?.map((x) => (x.id === u.id ? changed : x));
    } catch (error) {
      select.value = u.role;
      this.rowErrors = new Map(this.rowErrors).set(u.id, accountErrorText(error));
    } finally {
      this.busy = undefined;
    }
    await this.updateComplete;
    select.focus();
  }

  private askRemove(u: BusinessUser): void {
    this.removing = u;
    void this.dialog.show();
  }

  private async removeAccount(u: BusinessUser): Promise<void> {
    this.busy = u.id;
    try {
      await this.client.businessUsers.removeUser(u.id);
      this.users = this.users?.filter((x) => x.id !== u.id);
      this.formMessage = { ok: true, text: T.removed(u.email) };
    } catch (error) {
      this.rowErrors = new Map(this.rowErrors).set(u.id, accountErrorText(error));
    } finally {
      this.busy = undefined;
    }
    this.focusAfter(u.id);
  }

  private afterDialog(): void {
    const id = this.removing?.id;
    this.removing = undefined;
    if (id && this.busy !== id) this.focusAfter(id); // Keep, or Escape; a removal focuses when it is done
  }

  /** Focus back where the keyboard user was: the row's Remove if it is still there, else the new account's email. */
  private focusAfter(id: string): void {
    void this.updateComplete.then(() => {
      const button = this.renderRoot.querySelector<HTMLElement>(`li[data-user-id="${CSS.escape(id)}"] button`);
      (button ?? this.renderRoot.querySelector<HTMLElement>('input[name="email"]'))?.focus();
    });
  }
}

define('console-business-accounts', ConsoleBusinessAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'console-business-accounts': ConsoleBusinessAccounts;
  }
}
