import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import { uuid } from '../../api/uuid.js';
import type { StaffMember } from '../../model/business.js';
import type { Money } from '../../model/common.js';
import type { PricingPlan } from '../../model/members.js';
import type { BookingPolicy } from '../../model/policy.js';
import type { Category, Service, ServiceLocation } from '../../model/service.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import {
  EMPTY_DRAFT,
  draftOf,
  draftProblems,
  placeViolations,
  serviceInput,
  type DraftField,
  type ServiceDraft,
} from '../services/service-draft.js';
import { knownPlaces } from '../services/location-draft.js';
import { previewService } from '../services/preview-service.js';
import { SERVICE_TEXT as T } from '../services/service-texts.js';
import '../shared/confirm-dialog.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { readError } from '../shared/read-error.js';
import { locationField } from './location-field.js';
import { paymentFields } from './payment-fields.js';
import { conflictPanel } from './service-conflict.js';
import { serviceFields, type FieldsProps } from './service-fields.js';
import './service-preview.js';
import { serviceViewStyles } from './service-view.styles.js';
import './variant-editor.js';
import { signalUnauthorized } from '../shared/unauthorized.js';

type Errors = Partial<Record<DraftField, string>>;

/**
 * The service view (OWNER) at `#service/<id>` and `#service/new`: the service's fields as a form, saved with
 * its revision, its options and variants below (variant-editor.ts), and a live preview of its card beside. A stale revision (someone else saved first) shows both versions side by side and keeps every
 * character typed; bad input shows the server's message beside its field. Delete asks first.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleServiceView extends LitElement {
  static override styles = [themeStyles, panelStyles, serviceViewStyles];

  @property({ attribute: false }) client!: BookingClient;
  /** The route's parameter: a service id, or `new`. */
  @property({ attribute: false }) serviceId: string | undefined;

  @state() private service: Service | undefined;
  @state() private draft: ServiceDraft = { ...EMPTY_DRAFT };
  @state() private loaded = false;
  @state() private loadError: string | undefined;
  @state() private staff: StaffMember[] = [];
  @state() private categories: Category[] = [];
  @state() private plans: PricingPlan[] = [];
  @state() private policies: BookingPolicy[] = [];
  @state() private places: ServiceLocation[] = [];
  /** The lowest price typed in the options editor: the preview's "from" price. */
  @state() private lowestVariant: Money | undefined;
  @state() private currency = 'USD';
  @state() private saving = false;
  @state() private errors: Errors = {};
  @state() private formError: string | undefined;
  @state() private status = '';
  /** The service as someone else saved it, while the conflict panel is open. */
  @state() private theirs: Service | undefined;

  private get isNew(): boolean {
    return this.serviceId === 'new' || !this.serviceId;
  }

  private started = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // After a create the address moves to the new id; the service is already here, so there is nothing to read.
    if (!this.started || (changed.has('serviceId') && this.service?.id !== this.serviceId)) {
      this.started = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loaded = false;
    this.loadError = undefined;
    this.theirs = undefined;
    this.errors = {};
    this.formError = undefined;
    this.status = '';
    try {
      const [service, list, staff, site, plans, policies] = await Promise.all([
        this.isNew ? Promise.resolve(undefined) : this.client.services.getService(this.serviceId as string),
        this.client.catalogue.queryAllServices({ paging: { limit: 100, offset: 0 } }),
        this.client.staffMembers.listStaffMembers(),
        this.client.services.getSiteProperties(),
        this.client.pricingPlans.listPlans(),
        this.client.bookingPolicies.queryBookingPolicies(),
      ]);
      this.plans = plans.plans;
      this.places = knownPlaces(list.services.flatMap((s) => s.locations));
      this.service = service;
      this.draft = service ? draftOf(service) : { ...EMPTY_DRAFT };
      const byId = new Map(list.services.flatMap((s) => (s.category ? [[s.category.id, s.category] as const] : [])));
      this.categories = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
      this.staff = staff;
      this.policies = policies;
      this.currency = site.properties.paymentCurrency;
      this.loaded = true;
    } catch (e) {
      this.unauthorized(e);
      this.loadError = e instanceof BookingApiError && e.status === 404 ? T.notFound : errorText(e);
    }
  }

  private unauthorized(e: unknown): void {
    signalUnauthorized(this, e);
  }

  override render() {
    const busy = !this.loaded && !this.loadError;
    const title = this.isNew ? T.newTitle : (this.service?.name ?? '');
    return html`<section data-view="service" aria-labelledby="service-title" aria-busy=${busy || this.saving ? 'true' : 'false'}>
      <p><a href=${routeHref('services')}>${T.back}</a></p>
      <div class="bar"><h1 id="service-title" tabindex="-1">${title}</h1></div>
      <p role="status" aria-live="polite" class="muted">${busy ? T.loading : this.status}</p>
      ${this.body(busy)}
    </section>`;
  }

  private body(busy: boolean) {
    if (this.loadError !== undefined) {
      return readError(this.loadError, () => void this.load());
    }
    if (busy) return html`<progress aria-label=${T.loading}></progress>`;
    const theirs = this.theirs;
    const places = this.places.flatMap((l) => (l.business ? [[`BUSINESS:${l.business.id}`, l.business.name] as const] : []));
    const named = [...this.staff, ...this.plans, ...this.policies].map((x) => [x.id, x.name ?? x.id] as const);
    const names = new Map([...named, ...places]);
    const props: FieldsProps = {
      draft: this.draft,
      errors: this.errors,
      staff: this.staff,
      categories: this.categories,
      plans: this.plans,
      places: this.places,
      policies: this.policies,
      change: (field, value) => {
        this.draft = { ...this.draft, [field]: value };
        this.status = '';
      },
    };
    const typed = previewService(this.draft, { base: this.service, currency: this.currency, lowestVariant: this.lowestVariant });
    return html`<div class="layout">
      <div class="main">
        ${
          theirs
            ? conflictPanel(draftOf(theirs), this.draft, names, {
                keepMine: () => void this.save(theirs),
                useTheirs: () => this.useTheirs(theirs),
              })
            : nothing
        }
        <form novalidate @submit=${this.submit}>
          ${serviceFields(props)} ${locationField(props)} ${paymentFields(props)}
          ${this.formError ? html`<p class="error" role="alert" id="form-error">${this.formError}</p>` : nothing}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
            ${this.isNew ? nothing : html`<button type="button" class="danger" ?disabled=${this.saving} @click=${this.askDelete}>${T.delete}</button>`}
          </div>
        </form>
        <console-confirm-dialog
          heading=${T.deleteHeading}
          body=${T.deleteBody}
          confirm-label=${T.delete}
          keep-label=${T.keep}
          @dialog-confirm=${() => void this.deleteService()}
        ></console-confirm-dialog>
        ${
          this.service
            ? html`<console-variant-editor
                .client=${this.client}
                .service=${this.service}
                .staff=${this.staff}
                currency=${this.currency}
                @variant-prices=${(e: CustomEvent<{ lowest: Money | undefined }>) => (this.lowestVariant = e.detail.lowest)}
              ></console-variant-editor>`
            : html`<p class="hint">${T.optionsAfterCreate}</p>`
        }
      </div>
      <console-service-preview .service=${typed}></console-service-preview>
    </div>`;
  }

  private submit(e: Event): void {
    e.preventDefault();
    void this.save(this.service);
  }

  /** Saves the draft over `base` (the service as read, or as someone else saved it after a conflict). */
  private async save(base: Service | undefined): Promise<void> {
    const problems = draftProblems(this.draft, T);
    this.errors = problems;
    this.formError = undefined;
    if (Object.keys(problems).length > 0) return this.showErrors();
    this.saving = true;
    const ctx = { base, categories: this.categories, currency: this.currency, newId: uuid, places: this.places };
    const input = serviceInput(this.draft, ctx);
    try {
      const saved = base
        ? await this.client.catalogue.updateService(base.id, base.revision, input)
        : await this.client.catalogue.createService(input);
      this.service = saved;
      this.draft = draftOf(saved);
      this.theirs = undefined;
      this.status = base ? T.saved : T.created;
      if (!base) location.hash = routeHref('service', saved.id);
    } catch (e) {
      await this.failed(e);
    } finally {
      this.saving = false;
    }
  }

  private async failed(e: unknown): Promise<void> {
    this.unauthorized(e);
    if (e instanceof BookingApiError && e.code === 'REVISION_MISMATCH' && this.service) {
      try {
        this.theirs = await this.client.services.getService(this.service.id);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
        return;
      } catch (again) {
        e = again;
      }
    }
    if (e instanceof BookingApiError && e.validationError) {
      const { byField, rest } = placeViolations(e.validationError.fieldViolations);
      this.errors = byField;
      this.formError = rest.length > 0 ? rest.join('. ') : T.fixHint;
    } else {
      this.formError = errorText(e);
    }
    await this.showErrors();
  }

  /** Focus the first field with a message (or the form's message), so a keyboard user lands on what to fix. */
  private async showErrors(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset:has(.error) input, #form-error');
    if (first?.id === 'form-error') first.setAttribute('tabindex', '-1');
    first?.focus();
  }

  private useTheirs(theirs: Service): void {
    this.service = theirs;
    this.draft = draftOf(theirs);
    this.theirs = undefined;
    this.errors = {};
    this.formError = undefined;
    this.renderRoot.querySelector<HTMLElement>('#service-title')?.focus();
  }

  private askDelete(): void {
    void this.renderRoot.querySelector<ConsoleConfirmDialog>('console-confirm-dialog')?.show();
  }

  private async deleteService(): Promise<void> {
    if (!this.service) return;
    this.saving = true;
    this.formError = undefined;
    try {
      await this.client.catalogue.deleteService(this.service.id);
      location.hash = routeHref('services');
    } catch (e) {
      this.unauthorized(e);
      this.formError = errorText(e);
      await this.showErrors();
    } finally {
      this.saving = false;
    }
  }
}

define('console-service-view', ConsoleServiceView);

declare global {
  interface HTMLElementTagNameMap {
    'console-service-view': ConsoleServiceView;
  }
}
