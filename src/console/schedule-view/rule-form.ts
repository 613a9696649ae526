import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import { WEEKDAYS, type SessionRule, type StaffMember } from '../../model/business.js';
import type { Service } from '../../model/service.js';
import { panelStyles } from '../customers/panel.styles.js';
import { ruleFormStyles } from './rule-form.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { draftErrors, draftOf, fieldsOf, serverErrors, type DraftErrors, type DraftField, type RuleDraft } from '../schedule/rule-draft.js';
import { DAY_FULL_NAMES, ruleInWords } from '../schedule/rule-words.js';
import { SCHEDULE_TEXT as T } from '../schedule/schedule-texts.js';
import { errorText } from '../texts.js';

export interface RuleSaved {
  rule: SessionRule;
  created: boolean;
}

const isConflict = (e: unknown) => e instanceof BookingApiError && (e.status === 409 || e.code === 'REVISION_MISMATCH');

/**
 * One session rule's form (a new one without `rule`): weekly on chosen weekdays or a single session, its time and
 * length, how a weekly rule ends, the teacher and a capacity override. Whatever goes wrong keeps what was typed:
 * a refused field says why beside it, and someone else's save first shows theirs next to yours (Save again puts
 * yours over it).
 * @event rule-saved - detail: RuleSaved
 * @event rule-cancel - the owner left the form unsaved
 */
export class ConsoleRuleForm extends LitElement {
  static override styles = [themeStyles, panelStyles, ruleFormStyles];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) service!: Service;
  @property({ attribute: false }) rule: SessionRule | undefined;
  @property({ attribute: false }) staff: readonly StaffMember[] = [];
  /** The day a new rule starts on (`YYYY-MM-DD`). */
  @property() day = '';
  /** The studio's zone as shown in the hint ("America/New_York, EST"). */
  @property() zone = '';

  @state() private draft: RuleDraft = draftOf(undefined, '2000-01-03');
  @state() private problems: DraftErrors = {};
  @state() private error: string | undefined;
  @state() private busy = false;
  @state() private theirs: SessionRule | undefined;
  private revision: string | undefined;

  override willUpdate(changed: Map<string, unknown>): void {
    // Read once per rule: a new week (`day`) while typing a new rule keeps what was typed.
    if (changed.has('rule') || !this.hasUpdated) {
      this.draft = draftOf(this.rule, this.day || new Date().toISOString().slice(0, 10));
      this.revision = this.rule?.revision;
    }
  }

  private set(patch: Partial<RuleDraft>): void {
    this.draft = { ...this.draft, ...patch };
    // A fixed field loses its message as soon as it is right; a new problem waits for Save.
    const now = draftErrors(this.draft);
    this.problems = Object.fromEntries(Object.entries(this.problems).filter(([f]) => now[f as DraftField])) as DraftErrors;
  }

  override render() {
    const d = this.draft;
    const title = this.rule ? T.editRule(this.service.name) : T.newRule(this.service.name);
    return html`<form aria-labelledby="rule-form-title" aria-busy=${this.busy ? 'true' : 'false'} novalidate @submit=${this.submit}>
      <h3 id="rule-form-title">${title}</h3>
      <p class="hint">${T.zoneHint(this.zone)}</p>
      <fieldset>
        <legend>${T.kind}</legend>
        <div class="choices">
          ${this.radio('kind', 'WEEKLY', T.weekly, d.kind, !!this.rule)} ${this.radio('kind', 'SINGLE', T.single, d.kind, !!this.rule)}
        </div>
        ${this.rule ? html`<p class="hint">${T.kindFixed}</p>` : nothing}
      </fieldset>
      ${d.kind === 'WEEKLY' ? this.daysField() : nothing}
      <div class="row">
        ${this.input('date', d.kind === 'WEEKLY' ? T.firstDate : T.date, 'date', d.date, (v) => this.set({ date: v }))}
        ${this.input('time', T.startTime, 'time', d.time, (v) => this.set({ time: v }))}
        ${this.input('duration', T.duration, 'number', d.duration, (v) => this.set({ duration: v }))}
      </div>
      ${d.kind === 'WEEKLY' ? this.endField() : nothing} ${this.staffField()}
      ${this.input('capacity', T.capacity, 'number', d.capacity, (v) => this.set({ capacity: v }), T.capacityHint(this.service.defaultCapacity))}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing} ${this.theirsBlock()}
      ${this.busy ? html`<progress aria-label=${T.saving}></progress>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${T.save}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('rule-cancel'))}>${T.cancel}</button>
      </div>
    </form>`;
  }

  private radio(name: 'kind' | 'end', value: string, label: string, current: string, disabled = false) {
    return html`<label
      ><input
        type="radio"
        name=${name}
        .value=${value}
        .checked=${current === value}
        ?disabled=${disabled}
        @change=${() => this.set({ [name]: value } as Partial<RuleDraft>)}
      />${label}</label
    >`;
  }

  private daysField() {
    const error = this.problems.days;
    return html`<fieldset aria-describedby=${error ? 'days-error' : nothing}>
      <legend>${T.days}</legend>
      <div class="choices">
        ${WEEKDAYS.map(
          (day) =>
            html`<label
              ><input
                type="checkbox"
                name="days"
                .value=${day}
                .checked=${this.draft.days.includes(day)}
                aria-invalid=${error ? 'true' : 'false'}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.set({ days: on ? [...this.draft.days, day] : this.draft.days.filter((x) => x !== day) });
                }}
              />${DAY_FULL_NAMES[day]}</label
            >`,
        )}
      </div>
      ${error ? html`<p class="error" id="days-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  private endField() {
    const d = this.draft;
    return html`<fieldset>
      <legend>${T.ends}</legend>
      <div class="choices">
        ${this.radio('end', 'NEVER', T.never, d.end)} ${this.radio('end', 'ON_DATE', T.onDate, d.end)}
        ${this.radio('end', 'AFTER', T.after, d.end)}
      </div>
      ${d.end === 'ON_DATE' ? this.input('untilDate', T.untilDate, 'date', d.untilDate, (v) => this.set({ untilDate: v })) : nothing}
      ${d.end === 'AFTER' ? this.input('count', T.count, 'number', d.count, (v) => this.set({ count: v })) : nothing}
    </fieldset>`;
  }

  private staffField() {
    const error = this.problems.staffMemberId;
    // The server keeps a teacher an update leaves out, so a rule that names one offers no "not named".
    const canClear = !this.rule?.staffMemberId;
    return html`<div class="field">
      <label for="rule-staffMemberId">${T.staff}</label>
      <select
        id="rule-staffMemberId"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'staffMemberId-error' : nothing}
        @change=${(e: Event) => this.set({ staffMemberId: (e.target as HTMLSelectElement).value })}
      >
        ${canClear ? html`<option value="" ?selected=${this.draft.staffMemberId === ''}>${T.anyStaff}</option>` : nothing}
        ${this.staff.map((m) => html`<option value=${m.id} ?selected=${this.draft.staffMemberId === m.id}>${m.name}</option>`)}
      </select>
      ${error ? html`<p class="error" id="staffMemberId-error">${error}</p>` : nothing}
    </div>`;
  }

  private input(name: DraftField, label: string, type: string, value: string, set: (v: string) => void, hint?: string): TemplateResult {
    const error = this.problems[name];
    const described = [error ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="rule-${name}">${label}</label>
      <input
        id="rule-${name}"
        name=${name}
        type=${type}
        .value=${value}
        inputmode=${type === 'number' ? 'numeric' : nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing}
      ${error ? html`<p class="error" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  private theirsBlock() {
    const t = this.theirs;
    if (!t) return nothing;
    const name = (id: string | undefined) => this.staff.find((m) => m.id === id)?.name;
    const yours = fieldsOf(this.draft, this.service.id, this.service.defaultCapacity);
    return html`<section class="theirs" aria-label=${T.theirs} data-theirs>
      <h4>${T.theirs}</h4>
      <p>${ruleInWords(t, name(t.staffMemberId))}</p>
      <h4>${T.yours}</h4>
      <p>${ruleInWords(yours, name(yours.staffMemberId))}</p>
    </section>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    this.error = undefined;
    this.problems = draftErrors(this.draft);
    if (Object.keys(this.problems).length > 0) return this.refused();
    this.busy = true;
    const capacityDefault = this.rule?.capacity !== undefined ? this.service.defaultCapacity : undefined;
    const fields = fieldsOf(this.draft, this.service.id, capacityDefault, this.rule?.title ?? this.service.name);
    try {
      const calls = this.client.schedule;
      const rule =
        this.rule && this.revision !== undefined
          ? await calls.updateRule(this.rule.id, { ...fields, revision: this.revision })
          : await calls.createRule(fields);
      this.theirs = undefined;
      this.dispatchEvent(new CustomEvent<RuleSaved>('rule-saved', { detail: { rule, created: !this.rule } }));
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof BookingApiError && error.validationError) {
      const { fields, other } = serverErrors(error.validationError.fieldViolations);
      this.problems = fields;
      if (other.length) {
        this.error = other.join(' ');
        return;
      }
      return this.refused();
    }
    if (isConflict(error) && this.rule) {
      try {
        const rules = await this.client.schedule.listRules(this.service.id);
        this.theirs = rules.find((r) => r.id === this.rule?.id);
        this.revision = this.theirs?.revision;
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
    // Focus the first field to change, where its message is read.
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}

define('console-rule-form', ConsoleRuleForm);

declare global {
  interface HTMLElementTagNameMap {
    'console-rule-form': ConsoleRuleForm;
  }
}
