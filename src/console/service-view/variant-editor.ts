import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import { uuid } from '../../api/uuid.js';
import { formatMoney } from '../../i18n/format.js';
import type { StaffMember } from '../../model/business.js';
import type { Service, ServiceOptionsAndVariants, ServiceOptionType } from '../../model/service.js';
import { panelStyles } from '../customers/panel.styles.js';
import * as rules from '../services/variant-draft.js';
import type { VariantDraft, VariantErrors } from '../services/variant-draft.js';
import { VARIANT_TEXT as T } from '../services/variant-texts.js';
import '../shared/confirm-dialog.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { variantConflict } from './variant-conflict.js';
import { variantFields } from './variant-fields.js';
import { serviceViewStyles } from './service-view.styles.js';
import { signalUnauthorized } from '../shared/unauthorized.js';

/**
 * The service's options and variants (`#service/<id>`, below the form): one option and a price for each choice,
 * saved with its revision. A stale revision shows both versions and keeps what was typed; bad input shows its
 * message beside its row. Changes to the typed prices are announced for the preview.
 * @event variant-prices - `detail.lowest`: the lowest typed price (Money) or undefined, after every change
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleVariantEditor extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    serviceViewStyles,
    css`
      .variant-row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0 0.75rem;
        align-items: end;
        border-bottom: 1px solid var(--bc-border);
        margin-bottom: 0.5rem;
      }
      .variant-row button {
        margin-bottom: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) service!: Service;
  @property({ attribute: false }) staff: readonly StaffMember[] = [];
  @property() currency = 'USD';

  /** The options as saved (null: none); its revision is the one a save sends. */
  @state() private saved: ServiceOptionsAndVariants | null = null;
  @state() private draft: VariantDraft | undefined;
  @state() private loaded = false;
  @state() private loadError: string | undefined;
  @state() private errors: VariantErrors = {};
  @state() private formError: string | undefined;
  @state() private status = '';
  @state() private saving = false;
  @state() private theirs: ServiceOptionsAndVariants | undefined;
  /** What was typed for each option type, so switching type and back loses nothing. */
  private byKind = new Map<ServiceOptionType, VariantDraft>();
  private loadedFor: string | undefined;

  protected override willUpdate(): void {
    if (this.service && this.loadedFor !== this.service.id) {
      this.loadedFor = this.service.id;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loaded = false;
    this.loadError = undefined;
    try {
      this.saved = await this.client.serviceVariants.getForService(this.service.id);
      this.setDraft(this.saved ? rules.variantDraftOf(this.saved) : undefined);
      this.loaded = true;
    } catch (e) {
      this.unauthorized(e);
      this.loadError = errorText(e);
    }
  }

  private setDraft(draft: VariantDraft | undefined): void {
    this.draft = draft;
    if (draft) this.byKind.set(draft.kind, draft);
    this.status = '';
    const lowest = draft && rules.lowestTyped(draft, this.moneyCurrency());
    this.dispatchEvent(new CustomEvent('variant-prices', { detail: { lowest } }));
  }

  private moneyCurrency(): string {
    return this.saved?.variants.values[0]?.price.currency ?? this.currency;
  }

  private unauthorized(e: unknown): void {
    signalUnauthorized(this, e);
  }

  private staffName = (id: string) => this.staff.find((m) => m.id === id)?.name ?? id;

  override render() {
    return html`<section aria-labelledby="variants-title" aria-busy=${!this.loaded || this.saving ? 'true' : 'false'}>
      <h2 id="variants-title" tabindex="-1">${T.title}</h2>
      <p class="hint">${T.intro}</p>
      <p role="status" aria-live="polite" class="muted">${this.loaded || this.loadError ? this.status : T.loading}</p>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (this.loadError !== undefined) return html`<p class="error" role="alert">${this.loadError}</p>`;
    if (!this.loaded) return html`<progress aria-label=${T.loading}></progress>`;
    const { minPrice, maxPrice } = this.saved ?? {};
    const range =
      minPrice && maxPrice
        ? html`<p data-price-range>${T.range(formatMoney(minPrice, 'en-US'), formatMoney(maxPrice, 'en-US'))}</p>`
        : nothing;
    const theirs = this.theirs;
    const conflict =
      theirs && this.draft
        ? variantConflict(
            rules.variantLines(rules.variantDraftOf(theirs), this.staffName),
            rules.variantLines(this.draft, this.staffName),
            {
              keepMine: () => void this.save(theirs),
              useTheirs: () => this.useTheirs(theirs),
            },
          )
        : nothing;
    if (!this.draft) {
      return html`<p>${T.none}</p>
        <button type="button" @click=${() => this.setDraft(this.fresh('CUSTOM'))}>${T.add}</button>`;
    }
    return html`${range} ${conflict}
      <form novalidate @submit=${this.submit}>
        ${variantFields({
          draft: this.draft,
          errors: this.errors,
          staffName: this.staffName,
          change: (d) => this.setDraft(d),
          changeKind: (kind) => {
            this.errors = {};
            this.setDraft(this.byKind.get(kind) ?? this.fresh(kind));
          },
        })}
        ${this.formError ? html`<p class="error" role="alert" id="variants-error">${this.formError}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
          ${this.saved ? html`<button type="button" class="danger" ?disabled=${this.saving} @click=${this.askDelete}>${T.delete}</button>` : nothing}
        </div>
      </form>
      <console-confirm-dialog
        heading=${T.deleteHeading}
        body=${T.deleteBody}
        confirm-label=${T.delete}
        keep-label=${T.keep}
        @dialog-confirm=${() => void this.deleteOptions()}
      ></console-confirm-dialog>`;
  }

  private fresh(kind: ServiceOptionType): VariantDraft {
    const s = this.service;
    return rules.newVariantDraft(kind, { durations: s.schedule.availabilityConstraints.sessionDurations, staffIds: s.staffMemberIds });
  }

  private submit(e: Event): void {
    e.preventDefault();
    void this.save(this.saved);
  }

  /** Saves the draft over `base` (the options as read, or as someone else saved them after a conflict). */
  private async save(base: ServiceOptionsAndVariants | null): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.errors = rules.variantProblems(draft, {
      name: T.needName,
      choice: T.needChoice,
      minutes: T.needMinutes,
      amount: T.amount,
      twice: T.twice,
    });
    this.formError = undefined;
    if (Object.keys(this.errors).length > 0) return this.showErrors();
    const optionId = base?.options.values[0]?.id ?? this.saved?.options.values[0]?.id ?? uuid();
    const input = rules.variantsInput(draft, { serviceId: this.service.id, optionId, currency: this.moneyCurrency() });
    this.saving = true;
    try {
      const saved = base
        ? await this.client.serviceVariants.update(base.id, base.revision, input)
        : await this.client.serviceVariants.create(input);
      this.saved = saved;
      this.theirs = undefined;
      this.setDraft(rules.variantDraftOf(saved));
      this.status = T.saved;
    } catch (e) {
      await this.failed(e);
    } finally {
      this.saving = false;
    }
  }

  private async failed(e: unknown): Promise<void> {
    this.unauthorized(e);
    if (e instanceof BookingApiError && (e.code === 'REVISION_MISMATCH' || e.status === 404) && this.saved) {
      try {
        const theirs = await this.client.serviceVariants.getForService(this.service.id);
        if (theirs) {
          this.theirs = theirs;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('#variant-conflict-title')?.focus();
          return;
        }
        this.saved = null; // deleted meanwhile: the next save creates them again
        this.formError = T.deletedMeanwhile;
        return this.showErrors();
      } catch (again) {
        e = again;
      }
    }
    if (e instanceof BookingApiError && e.validationError) {
      const rest: string[] = [];
      const byKey: VariantErrors = {};
      for (const v of e.validationError.fieldViolations) {
        const key = rules.variantKeyOf(v.field);
        if (key) byKey[key] = byKey[key] ? `${byKey[key]}; ${v.description}` : v.description;
        else rest.push(v.description);
      }
      this.errors = byKey;
      this.formError = rest.length > 0 ? rest.join('. ') : T.fixHint;
    } else {
      this.formError = errorText(e);
    }
    await this.showErrors();
  }

  private async showErrors(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], #variants-error');
    if (first?.id === 'variants-error') first.setAttribute('tabindex', '-1');
    first?.focus();
  }

  private useTheirs(theirs: ServiceOptionsAndVariants): void {
    this.saved = theirs;
    this.theirs = undefined;
    this.errors = {};
    this.formError = undefined;
    this.byKind.clear();
    this.setDraft(rules.variantDraftOf(theirs));
    this.renderRoot.querySelector<HTMLElement>('#variants-title')?.focus();
  }

  private askDelete(): void {
    void this.renderRoot.querySelector<ConsoleConfirmDialog>('console-confirm-dialog')?.show();
  }

  private async deleteOptions(): Promise<void> {
    if (!this.saved) return;
    this.saving = true;
    try {
      await this.client.serviceVariants.delete(this.saved.id);
      this.saved = null;
      this.theirs = undefined;
      this.byKind.clear();
      this.setDraft(undefined);
      this.status = T.deleted;
    } catch (e) {
      await this.failed(e);
    } finally {
      this.saving = false;
    }
  }
}

define('console-variant-editor', ConsoleVariantEditor);

declare global {
  interface HTMLElementTagNameMap {
    'console-variant-editor': ConsoleVariantEditor;
  }
}
