import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { NotificationSettings } from '../../model/business-settings.js';
import { panelStyles } from '../customers/panel.styles.js';
import { fieldErrors } from '../settings/field-errors.js';
import { MORE_TEXT as T } from '../settings/settings-more-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { PartRead, textField } from './form-parts.js';

const FIELDS = ['reminderHours', 'mailFrom'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Reminders and the email sender (`/business/v1/settings/notifications`): each overrides the server's default
 * (REMINDER_HOURS, MAIL_FROM), shown beside it; an empty field goes back to the default. Used from the next email on.
 */
export class ConsoleNotificationsSection extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private defaults: NotificationSettings = { reminderHours: 24, mailFrom: '' };
  @state() private typed: Record<Field, string> = { reminderHours: '', mailFrom: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private saving = false;
  @state() private message: { ok: boolean; text: string } | undefined;
  private readonly reading = new PartRead(
    this,
    () => this.client.businessSettings.getNotificationSettings(),
    (answer) => this.show(answer),
  );

  /** A value equal to the default shows as empty: it follows the default. */
  private show({ notifications: n, defaults: d }: { notifications: NotificationSettings; defaults: NotificationSettings }): void {
    this.defaults = d;
    this.typed = {
      reminderHours: n.reminderHours === d.reminderHours ? '' : String(n.reminderHours),
      mailFrom: n.mailFrom === d.mailFrom ? '' : n.mailFrom,
    };
  }

  override render() {
    const waiting = this.reading.waiting(T.loading);
    if (waiting) return waiting;
    return html`<form novalidate aria-busy=${this.saving ? 'true' : 'false'} @submit=${(e: Event) => void this.submit(e)}>
      ${this.field('reminderHours', T.reminderHours, T.reminderHint(this.defaults.reminderHours), 'number')}
      ${this.field('mailFrom', T.mailFrom, T.mailFromHint(this.defaults.mailFrom))}
      ${this.saving ? html`<progress aria-label=${T.saving}></progress>` : ''}
      <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
      <p role="status" class=${this.message && !this.message.ok ? 'error' : 'ok'}>${this.message?.text ?? ''}</p>
    </form>`;
  }

  private field(name: Field, label: string, hint: string, type?: string) {
    return textField({
      id: `notify-${name}`,
      name,
      label,
      value: this.typed[name],
      error: this.errors[name],
      hint,
      ...(type ? { type } : {}),
      onInput: (value) => (this.typed = { ...this.typed, [name]: value }),
    });
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.saving) return;
    this.message = undefined;
    this.errors = {};
    const hoursText = this.typed.reminderHours.trim();
    if (hoursText && !/^\d+$/.test(hoursText)) {
      this.errors = { reminderHours: T.wholeNumber };
      return this.refused();
    }
    this.saving = true;
    try {
      const mailFrom = this.typed.mailFrom.trim();
      const answer = await this.client.businessSettings.updateNotificationSettings({
        reminderHours: hoursText ? Number(hoursText) : null,
        mailFrom: mailFrom || null,
      });
      this.show(answer);
      this.message = { ok: true, text: T.notificationsSaved };
    } catch (error) {
      const found = fieldErrors(error, FIELDS);
      this.errors = found.fields;
      if (Object.keys(found.fields).length) return this.refused();
      this.message = { ok: false, text: errorText(error) };
    } finally {
      this.saving = false;
    }
  }

  private async refused(): Promise<void> {
    this.message = { ok: false, text: T.fixFields };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}

define('console-notifications-section', ConsoleNotificationsSection);

declare global {
  interface HTMLElementTagNameMap {
    'console-notifications-section': ConsoleNotificationsSection;
  }
}
