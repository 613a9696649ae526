import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { panelStyles } from '../customers/panel.styles.js';
import { fieldErrors } from '../settings/field-errors.js';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { PartRead, textField } from './form-parts.js';

type Properties = Awaited<ReturnType<BookingClient['services']['getSiteProperties']>>['properties'];
const FIELDS = ['siteDisplayName', 'timeZone'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The business details (`/site-properties/v4/properties`): the name and time zone the API lets the owner change,
 * with Save; currency and language shown as set. A refused field keeps what was typed and says why beside it.
 */
export class ConsoleBusinessDetails extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private saved: Properties | undefined;
  @state() private typed: Record<Field, string> = { siteDisplayName: '', timeZone: '' };
  @state() private saving = false;
  @state() private message: { ok: boolean; text: string } | undefined;
  @state() private errors: Partial<Record<Field, string>> = {};
  private readonly reading = new PartRead(
    this,
    () => this.client.services.getSiteProperties(),
    ({ properties }) => {
      this.saved = properties;
      this.typed = { siteDisplayName: properties.siteDisplayName, timeZone: properties.timeZone };
    },
  );

  override render() {
    const p = this.saved;
    const waiting = this.reading.waiting(T.loading);
    if (waiting || !p) return waiting;
    return html`<form novalidate aria-busy=${this.saving ? 'true' : 'false'} @submit=${(e: Event) => this.submit(e)}>
      ${this.field('siteDisplayName', T.name)} ${this.field('timeZone', T.timeZone, T.timeZoneHint)}
      <p><span class="muted">${T.currency}:</span> ${p.paymentCurrency}</p>
      <p><span class="muted">${T.locale}:</span> ${p.locale.languageCode}-${p.locale.country}</p>
      <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
      <p role="status" class=${this.message && !this.message.ok ? 'error' : 'ok'}>${this.message?.text ?? ''}</p>
    </form>`;
  }

  private field(name: Field, label: string, hint?: string) {
    return textField({
      id: name,
      name,
      label,
      value: this.typed[name],
      error: this.errors[name],
      ...(hint ? { hint } : {}),
      onInput: (value) => (this.typed = { ...this.typed, [name]: value }),
    });
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.saving || !this.saved) return;
    this.saving = true;
    this.message = undefined;
    this.errors = {};
    try {
      // The API has no revision here: read first, and if someone else saved since this form was read, show theirs
      // beside what was typed (kept) and save only when Save is pressed again.
      const { properties: now } = await this.client.services.getSiteProperties();
      const theirs = FIELDS.filter((f) => now[f] !== this.saved?.[f]);
      if (theirs.length) {
        this.saved = now;
        this.errors = Object.fromEntries(theirs.map((f) => [f, T.theirs(now[f])]));
        this.message = { ok: false, text: T.conflict };
        return;
      }
      const properties = await this.client.siteProperties.updateSiteProperties({ ...this.typed });
      this.saved = { ...this.saved, ...properties };
      this.message = { ok: true, text: T.saved };
    } catch (error) {
      const found = fieldErrors(error, FIELDS);
      this.errors = found.fields;
      this.message = { ok: false, text: Object.keys(found.fields).length ? T.fixFields : errorText(error) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.saving = false;
    }
  }
}

define('console-business-details', ConsoleBusinessDetails);

declare global {
  interface HTMLElementTagNameMap {
    'console-business-details': ConsoleBusinessDetails;
  }
}
