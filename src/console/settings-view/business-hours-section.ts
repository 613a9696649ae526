import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { SiteDetails } from '../../api/settings-calls.js';
import { panelStyles } from '../customers/panel.styles.js';
import { detailsErrors, periodsOf, workingHoursOf } from '../settings/business-hours-rules.js';
import { MORE_TEXT as T } from '../settings/settings-more-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { hoursErrors, hoursSummary, rowsOf, type HoursErrors, type HoursRow } from '../staff/working-hours-rules.js';
import '../staff-view/hours-editor.js';
import { errorText } from '../texts.js';
import { PartRead, textField } from './form-parts.js';

const FIELDS = ['paymentCurrency', 'email', 'phone', 'street', 'city', 'zip', 'country'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  paymentCurrency: T.currency,
  email: T.businessEmail,
  phone: T.phone,
  street: T.street,
  city: T.city,
  zip: T.zip,
  country: T.country,
};

/**
 * Business hours (Wix `businessSchedule`), currency and contact details (`/site-properties/v4/properties`), with
 * Save. A refused field (a period, the currency, the email) says why beside it, and everything typed stays.
 */
export class ConsoleBusinessHoursSection extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private rows: HoursRow[] = [];
  @state() private hoursProblems: HoursErrors = new Map();
  @state() private typed: Record<Field, string> = { paymentCurrency: '', email: '', phone: '', street: '', city: '', zip: '', country: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private saving = false;
  @state() private message: { ok: boolean; text: string } | undefined;
  /** What the form was read from (or last saved): a save first checks nobody changed it since. */
  private loaded: SiteDetails | undefined;
  /** Someone else's business hours, saved meanwhile, shown above the editor (what was typed stays). */
  @state() private theirHours: string | undefined;
  private readonly reading = new PartRead(
    this,
    () => this.client.businessSettings.getSiteDetails(),
    (p) => this.show(p),
  );

  private show(p: SiteDetails): void {
    this.loaded = p;
    this.rows = rowsOf(workingHoursOf(p.businessSchedule.periods));
    const a = p.address;
    this.typed = {
      paymentCurrency: p.paymentCurrency,
      email: p.email,
      phone: p.phone,
      street: a.street ?? '',
      city: a.city ?? '',
      zip: a.zip ?? '',
      country: a.country ?? '',
    };
  }

  override render() {
    const waiting = this.reading.waiting(T.loading);
    if (waiting) return waiting;
    return html`<form novalidate aria-busy=${this.saving ? 'true' : 'false'} @submit=${(e: Event) => void this.submit(e)}>
      <fieldset aria-describedby="their-hours">
        <legend>${T.hoursLegend}</legend>
        <p class="error" id="their-hours">${this.theirHours ?? ''}</p>
        <console-hours-editor
          .rows=${this.rows}
          .errors=${this.hoursProblems}
          @hours-change=${(e: CustomEvent<HoursRow[]>) => {
            this.rows = e.detail;
            this.hoursProblems = new Map([...hoursErrors(this.rows)].filter(([key]) => this.hoursProblems.has(key)));
          }}
        ></console-hours-editor>
      </fieldset>
      ${this.field('paymentCurrency', T.currencyHint)} ${this.field('email', undefined, 'email')} ${this.field('phone', undefined, 'tel')}
      ${this.field('street')} ${this.field('city')} ${this.field('zip')} ${this.field('country')}
      ${this.saving ? html`<progress aria-label=${T.saving}></progress>` : ''}
      <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
      <p role="status" class=${this.message && !this.message.ok ? 'error' : 'ok'}>${this.message?.text ?? ''}</p>
    </form>`;
  }

  private field(name: Field, hint?: string, type?: string) {
    return textField({
      id: `site-${name}`,
      name,
      label: LABELS[name],
      value: this.typed[name],
      error: this.errors[name],
      ...(hint ? { hint } : {}),
      ...(type ? { type } : {}),
      onInput: (value) => (this.typed = { ...this.typed, [name]: value }),
    });
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.saving) return;
    this.message = undefined;
    this.errors = {};
    this.theirHours = undefined;
    this.hoursProblems = hoursErrors(this.rows);
    if (this.hoursProblems.size) return this.refused(T.fixFields);
    this.saving = true;
    const t = this.typed;
    try {
      // No revision here: read first, and if someone else saved since the form was read, show theirs beside the
      // fields (what was typed stays) and save only when Save is pressed again.
      const now = await this.client.businessSettings.getSiteDetails();
      if (this.theirsMeanwhile(now)) return this.refused(T.conflict);
      const saved = await this.client.businessSettings.updateSiteDetails({
        businessSchedule: { periods: periodsOf(this.rows) },
        paymentCurrency: t.paymentCurrency.trim().toUpperCase(),
        email: t.email,
        phone: t.phone,
        address: { street: t.street, city: t.city, zip: t.zip, country: t.country },
      });
      this.loaded = saved;
      this.theirHours = undefined;
      this.typed = { ...this.typed, paymentCurrency: saved.paymentCurrency };
      this.message = { ok: true, text: T.detailsSaved };
    } catch (error) {
      if (error instanceof BookingApiError && error.validationError) {
        const found = detailsErrors(this.rows, error.validationError.fieldViolations);
        this.hoursProblems = found.hours;
        this.errors = Object.fromEntries(Object.entries(found.fields).filter(([k]) => (FIELDS as readonly string[]).includes(k)));
        return this.refused(T.fixFields);
      }
      if (error instanceof BookingApiError && error.code === 'CURRENCY_CHANGE_BLOCKED') {
        this.errors = { paymentCurrency: error.message };
        return this.refused(T.fixFields);
      }
      this.message = { ok: false, text: errorText(error) };
    } finally {
      this.saving = false;
    }
  }

  /** Marks each value someone else saved since `loaded`; true when there was one. The next Save keeps what was typed. */
  private theirsMeanwhile(now: SiteDetails): boolean {
    const before = this.loaded;
    if (!before) return false;
    const flat = (p: SiteDetails): Record<Field, string> => ({
      paymentCurrency: p.paymentCurrency,
      email: p.email,
      phone: p.phone,
      street: p.address.street ?? '',
      city: p.address.city ?? '',
      zip: p.address.zip ?? '',
      country: p.address.country ?? '',
    });
    const [was, is] = [flat(before), flat(now)];
    const changed = FIELDS.filter((f) => was[f] !== is[f]);
    const hoursChanged = JSON.stringify(before.businessSchedule) !== JSON.stringify(now.businessSchedule);
    this.loaded = now;
    this.errors = Object.fromEntries(changed.map((f) => [f, T.theirs(is[f])]));
    this.theirHours = hoursChanged ? T.theirHours(hoursSummary(workingHoursOf(now.businessSchedule.periods))) : undefined;
    return changed.length > 0 || hoursChanged;
  }

  /** Says what to fix, and moves the keyboard to the first field marked. */
  private async refused(text: string): Promise<void> {
    this.message = { ok: false, text };
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('console-hours-editor');
    await editor?.updateComplete;
    const first =
      editor?.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }
}

define('console-business-hours-section', ConsoleBusinessHoursSection);

declare global {
  interface HTMLElementTagNameMap {
    'console-business-hours-section': ConsoleBusinessHoursSection;
  }
}
