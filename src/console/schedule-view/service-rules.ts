import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { SessionRule, StaffMember } from '../../model/business.js';
import type { Service } from '../../model/service.js';
import { panelStyles } from '../customers/panel.styles.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { courseSpan, ruleInWords } from '../schedule/rule-words.js';
import { SCHEDULE_TEXT as T } from '../schedule/schedule-texts.js';
import { errorText } from '../texts.js';
import './rule-form.js';
import type { RuleSaved } from './rule-form.js';

/**
 * One class or course service's session rules in words, with Add, Edit (the form in place of the rule) and
 * Delete (asked first). A course's rules are its schedule: its first and last session are said above them.
 * @event rules-change - detail: the service's rules after a save or a delete
 */
export class ConsoleServiceRules extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
        justify-content: space-between;
      }
      h2 {
        margin: 0.5rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .span {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) service!: Service;
  @property({ attribute: false }) rules: readonly SessionRule[] = [];
  @property({ attribute: false }) staff: readonly StaffMember[] = [];
  @property() day = '';
  @property() zone = '';

  /** The rule being edited, or 'new'. */
  @state() private editing: string | undefined;
  @state() private deleting: SessionRule | undefined;
  @state() private deleteError: { id: string; text: string } | undefined;
  @state() private said = '';
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;

  private staffName = (id: string | undefined) => this.staff.find((m) => m.id === id)?.name;

  override render() {
    const s = this.service;
    const course = s.type === 'COURSE';
    const span = course ? courseSpan(this.rules) : undefined;
    return html`<section class="card" data-service-id=${s.id} aria-labelledby="rules-${s.id}">
      <div class="head">
        <h2 id="rules-${s.id}">${course ? T.courseTitle(s.name) : T.rulesTitle(s.name)}</h2>
        ${
          this.editing !== 'new'
            ? html`<button class="add" aria-label=${T.addRuleTo(s.name)} @click=${() => void this.edit('new')}>${T.addRule}</button>`
            : nothing
        }
      </div>
      ${span ? html`<p class="span" data-course-span>${span}</p>` : nothing}
      <p role="status" aria-live="polite" class="muted">${this.said}</p>
      ${this.editing === 'new' ? this.form(undefined) : nothing}
      ${this.rules.length === 0 && this.editing !== 'new' ? html`<p class="muted">${T.noRules}</p>` : nothing}
      <ul class="cards">
        ${repeat(
          this.rules,
          (r) => r.id,
          (r) => html`<li data-rule-id=${r.id}>${this.editing === r.id ? this.form(r) : this.ruleRow(r)}</li>`,
        )}
      </ul>
      <console-confirm-dialog
        heading=${T.deleteTitle}
        body=${this.deleting ? T.deleteBody(ruleInWords(this.deleting, this.staffName(this.deleting.staffMemberId))) : ''}
        confirm-label=${T.delete}
        keep-label=${T.keep}
        @dialog-confirm=${() => void this.deleteRule()}
        @dialog-close=${() => void this.focusRule(this.deleting?.id, '.delete')}
      ></console-confirm-dialog>
    </section>`;
  }

  private ruleRow(r: SessionRule) {
    const words = ruleInWords(r, this.staffName(r.staffMemberId));
    const refused = this.deleteError?.id === r.id ? this.deleteError.text : undefined;
    return html`<span class="words">${words}</span>
      ${refused ? html`<p class="error" role="alert">${refused}</p>` : nothing}
      <div class="actions">
        <button class="edit" aria-label="${T.edit} ${words}" @click=${() => void this.edit(r.id)}>${T.edit}</button>
        <button class="delete" aria-label="${T.delete} ${words}" @click=${() => void this.askDelete(r)}>${T.delete}</button>
      </div>`;
  }

  private form(rule: SessionRule | undefined) {
    return html`<console-rule-form
      .client=${this.client}
      .service=${this.service}
      .rule=${rule}
      .staff=${this.staff}
      day=${this.day}
      zone=${this.zone}
      @rule-saved=${(e: CustomEvent<RuleSaved>) => void this.saved(e.detail)}
      @rule-cancel=${() => void this.closeForm(rule?.id)}
    ></console-rule-form>`;
  }

  private async edit(id: string): Promise<void> {
    this.said = '';
    this.editing = id;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('console-rule-form');
    await form?.updateComplete;
    form?.renderRoot.querySelector<HTMLElement>('input:not([disabled])')?.focus();
  }

  private changed(rules: SessionRule[]): void {
    this.dispatchEvent(new CustomEvent<SessionRule[]>('rules-change', { detail: rules }));
  }

  private async saved({ rule, created }: RuleSaved): Promise<void> {
    this.changed(created ? [...this.rules, rule] : this.rules.map((r) => (r.id === rule.id ? rule : r)));
    this.said = created ? T.added : T.saved;
    await this.closeForm(rule.id);
  }

  private async closeForm(id: string | undefined): Promise<void> {
    this.editing = undefined;
    await this.focusRule(id, '.edit');
  }

  private async focusRule(id: string | undefined, button: string): Promise<void> {
    await this.updateComplete;
    const target = id ? this.renderRoot.querySelector<HTMLElement>(`[data-rule-id="${CSS.escape(id)}"] ${button}`) : undefined;
    (target ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
  }

  private async askDelete(r: SessionRule): Promise<void> {
    this.deleting = r;
    this.deleteError = undefined;
    await this.updateComplete;
    await this.dialog.show();
  }

  private async deleteRule(): Promise<void> {
    const r = this.deleting;
    if (!r) return;
    try {
      await this.client.schedule.deleteRule(r.id);
      this.deleting = undefined;
      this.said = T.deleted;
      this.changed(this.rules.filter((x) => x.id !== r.id));
    } catch (error) {
      this.deleteError = { id: r.id, text: errorText(error) };
    }
  }
}

define('console-service-rules', ConsoleServiceRules);

declare global {
  interface HTMLElementTagNameMap {
    'console-service-rules': ConsoleServiceRules;
  }
}
