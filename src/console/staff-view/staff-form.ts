import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { StaffMember, WorkingHours } from '../../model/business.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { STAFF_TEXT as T } from '../staff/staff-texts.js';
import {
  hoursErrors,
  hoursOf,
  hoursSummary,
  timeOffSummary,
  rowsOf,
  serverErrors,
  type HoursErrors,
  type HoursRow,
} from '../staff/working-hours-rules.js';
import { errorText } from '../texts.js';
import './hours-editor.js';
import './time-off-editor.js';
import {
  timeOffErrors,
  timeOffOf,
  timeOffRows,
  timeOffServerErrors,
  type TimeOffErrors,
  type TimeOffRow,
} from '../staff/time-off-rules.js';

export interface StaffSaved {
  member: StaffMember;
  created: boolean;
}

const isConflict = (e: unknown) => e instanceof BookingApiError && (e.status === 409 || e.code === 'REVISION_MISMATCH');

/**
 * One staff member's form (a new one without `member`): name, email and the weekly hours, saved over the
 * revision it was read at. Whatever goes wrong keeps what was typed: a refused field shows its message beside it,
 * someone else's save first shows their version beside the form, and Save again puts this one over it.
 * @event staff-saved - detail: StaffSaved
 * @event staff-cancel - the owner left the form unsaved
 */
export class ConsoleStaffForm extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      form {
        background: var(--bc-surface);
        border: 1px solid var(--bc-border);
        border-radius: var(--bc-radius);
        padding: 1rem;
      }
      .theirs {
        border-inline-start: 4px solid var(--bc-accent);
        padding-inline-start: 0.75rem;
        margin: 0.75rem 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) member: StaffMember | undefined;
  /** The hours a new member starts with: the business hours (Settings). */
  @property({ attribute: false }) defaultHours: WorkingHours[] = [];
  /** The studio's zone as shown beside the hours ("America/New_York, EST"). */
  @property() zone = '';

  @state() private name = '';
  @state() private email = '';
  @state() private rows: HoursRow[] = [];
  @state() private hoursProblems: HoursErrors = new Map();
  @state() private timeOff: TimeOffRow[] = [];
  @state() private timeOffProblems: TimeOffErrors = new Map();
  @state() private fieldProblems: Record<string, string> = {};
  @state() private error: string | undefined;
  @state() private busy = false;
  @state() private theirs: StaffMember | undefined;
  private revision: string | undefined;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('member')) {
      this.name = this.member?.name ?? '';
      this.email = this.member?.email ?? '';
      this.rows = rowsOf(this.member?.workingHours ?? []);
      this.timeOff = timeOffRows(this.member?.timeOff ?? []);
      this.revision = this.member?.revision;
    }
    if (changed.has('defaultHours') && !this.member) this.rows = rowsOf(this.defaultHours);
  }

  override render() {
    const title = this.member ? T.editTitle(this.member.name) : T.newTitle;
    return html`<form aria-labelledby="form-title" aria-busy=${this.busy ? 'true' : 'false'} novalidate @submit=${this.submit}>
      <h2 id="form-title">${title}</h2>
      ${this.field('name', T.name, 'text', this.name, (v) => (this.name = v))}
      ${this.field('email', T.email, 'email', this.email, (v) => (this.email = v))}
      <h3>${T.hours}</h3>
      <p class="hint">${T.hoursHint(this.zone)}</p>
      <console-hours-editor
        .rows=${this.rows}
        .errors=${this.hoursProblems}
        @hours-change=${(e: CustomEvent<HoursRow[]>) => {
          this.rows = e.detail;
          // A fixed range loses its message as soon as it is right; a new problem waits for Save.
          this.hoursProblems = new Map([...hoursErrors(this.rows)].filter(([key]) => this.hoursProblems.has(key)));
        }}
      ></console-hours-editor>
      <console-time-off-editor
        .rows=${this.timeOff}
        .errors=${this.timeOffProblems}
        @time-off-change=${(e: CustomEvent<TimeOffRow[]>) => {
          this.timeOff = e.detail;
          this.timeOffProblems = new Map([...timeOffErrors(this.timeOff)].filter(([key]) => this.timeOffProblems.has(key)));
        }}
      ></console-time-off-editor>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing} ${this.theirsBlock()}
      ${this.busy ? html`<progress aria-label=${T.saving}></progress>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${T.save}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('staff-cancel'))}>${T.cancel}</button>
      </div>
    </form>`;
  }

  private field(name: string, label: string, type: string, value: string, set: (v: string) => void) {
    const error = this.fieldProblems[name];
    return html`<div class="field">
      <label for="staff-${name}">${label}</label>
      <input
        id="staff-${name}"
        name=${name}
        type=${type}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  private theirsBlock() {
    const t = this.theirs;
    if (!t) return nothing;
    return html`<section class="theirs" aria-label=${T.theirs} data-theirs>
      <h3>${T.theirs}</h3>
      <p>${[t.name, t.email].filter(Boolean).join(' · ')}</p>
      <p>${hoursSummary(t.workingHours)}</p>
      <p>${timeOffSummary(t.timeOff)}</p>
    </section>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    this.error = undefined;
    this.hoursProblems = hoursErrors(this.rows);
    this.timeOffProblems = timeOffErrors(this.timeOff);
    this.fieldProblems = this.name.trim() ? {} : { name: T.nameMissing };
    if (this.hoursProblems.size + this.timeOffProblems.size > 0 || Object.keys(this.fieldProblems).length > 0) return this.refused();
    this.busy = true;
    const fields = {
      name: this.name.trim(),
      ...(this.email.trim() ? { email: this.email.trim() } : {}),
      workingHours: hoursOf(this.rows),
      timeOff: timeOffOf(this.timeOff),
    };
    try {
      const staffMembers = this.client.staffMembers;
      const member =
        this.member && this.revision !== undefined
          ? await staffMembers.updateStaffMember(this.member.id, { ...fields, revision: this.revision })
          : await staffMembers.createStaffMember(fields);
      this.theirs = undefined;
      this.dispatchEvent(new CustomEvent<StaffSaved>('staff-saved', { detail: { member, created: !this.member } }));
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof BookingApiError && error.validationError) {
      const { hours, fields } = serverErrors(this.rows, error.validationError.fieldViolations);
      this.hoursProblems = hours;
      this.timeOffProblems = timeOffServerErrors(this.timeOff, error.validationError.fieldViolations);
      this.fieldProblems = fields;
      return this.refused();
    }
    if (isConflict(error) && this.member) {
      try {
        this.theirs = await this.client.staffMembers.getStaffMember(this.member.id);
        this.revision = this.theirs.revision;
        this.error = T.conflict;
        return;
      } catch (again) {
        error = again;
      }
    }
    // Save is the Try again: nothing typed is lost.
    this.error = errorText(error);
  }

  private async refused(): Promise<void> {
    this.error = T.fixFields;
    await this.updateComplete;
    const editors = [this.renderRoot.querySelector('console-hours-editor'), this.renderRoot.querySelector('console-time-off-editor')];
    for (const editor of editors) await editor?.updateComplete;
    // Focus the first field to change, where its message is read.
    const invalid = [this, ...editors]
      .map((el) => el?.renderRoot.querySelector<HTMLElement>('input[aria-invalid="true"]'))
      .find((el) => el);
    invalid?.focus();
  }
}

define('console-staff-form', ConsoleStaffForm);

declare global {
  interface HTMLElementTagNameMap {
    'console-staff-form': ConsoleStaffForm;
  }
}
