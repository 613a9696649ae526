import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { BookingPolicy } from '../../model/policy.js';
import type { Service } from '../../model/service.js';
import { routeHref } from '../booking-console/route.js';
import { panelStyles } from '../customers/panel.styles.js';
import { movesFor, usersOf } from '../policies/policy-assign.js';
import { EMPTY_POLICY_DRAFT, placePolicyViolations, policyDraftOf, policyInput, policyProblems } from '../policies/policy-draft.js';
import type { PolicyDraft, PolicyErrors } from '../policies/policy-draft.js';
import { POLICIES_TEXT, POLICY_TEXT as T } from '../policies/policy-texts.js';
import { serviceViewStyles } from '../service-view/service-view.styles.js';
import '../shared/confirm-dialog.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { readError } from '../shared/read-error.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { policyConflictPanel } from './policy-conflict.js';
import { policyFields } from './policy-fields.js';
import { policyStyles } from './policy-view.styles.js';
import { applyMoves, usedByField, type MoveFailure } from './used-by.js';
import { signalUnauthorized } from '../shared/unauthorized.js';

/**
 * The policy view (OWNER) at `#policy/<id>` and `#policy/new`: every field of a booking policy, saved with its
 * revision, and the services that use it ("Used by"), each moved with its own revision. A stale revision shows both
 * versions and keeps what was typed; bad input shows its message beside its field. Delete asks first.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsolePolicyView extends LitElement {
  static override styles = [themeStyles, panelStyles, serviceViewStyles, policyStyles];

  @property({ attribute: false }) client!: BookingClient;
  /** The route's parameter: a policy id, or `new`. */
  @property({ attribute: false }) policyId: string | undefined;

  @state() private policy: BookingPolicy | undefined;
  @state() private draft: PolicyDraft = { ...EMPTY_POLICY_DRAFT };
  @state() private services: Service[] = [];
  @state() private ticked: Set<string> = new Set();
  @state() private defaultId: string | undefined;
  @state() private loaded = false;
  @state() private loadError: string | undefined;
  @state() private saving = false;
  @state() private errors: PolicyErrors = {};
  @state() private formError: string | undefined;
  @state() private failures: MoveFailure[] = [];
  @state() private status = '';
  /** The policy as someone else saved it, while the conflict panel is open. */
  @state() private theirs: BookingPolicy | undefined;

  private started = false;

  private get isNew(): boolean {
    return this.policyId === 'new' || !this.policyId;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // After a create the address moves to the new id; the policy is already here, so there is nothing to read.
    if (!this.started || (changed.has('policyId') && this.policy?.id !== this.policyId)) {
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
    this.failures = [];
    this.status = '';
    try {
      const [policy, policies, { services }] = await Promise.all([
        this.isNew ? Promise.resolve(undefined) : this.client.bookingPolicies.getBookingPolicy(this.policyId as string),
        this.client.bookingPolicies.queryBookingPolicies(),
        this.client.catalogue.queryAllServices({ paging: { limit: 100, offset: 0 } }),
      ]);
      this.policy = policy;
      this.draft = policy ? policyDraftOf(policy) : { ...EMPTY_POLICY_DRAFT };
      this.defaultId = policies.find((p) => p.default)?.id;
      this.services = services;
      this.ticked = usersOf(services, policy?.id);
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
    const title = this.isNew ? T.newTitle : (this.policy?.name ?? '');
    return html`<section data-view="policy" aria-labelledby="policy-title" aria-busy=${busy || this.saving ? 'true' : 'false'}>
      <p><a href=${routeHref('policies')}>${T.back}</a></p>
      <div class="bar">
        <h1 id="policy-title" tabindex="-1">${title}</h1>
        ${this.policy?.default ? html`<span class="pill" data-default>${POLICIES_TEXT.defaultMark}</span>` : nothing}
      </div>
      <p role="status" aria-live="polite" class="muted">${busy ? T.loading : this.status}</p>
      ${this.body(busy)}
    </section>`;
  }

  private body(busy: boolean) {
    if (this.loadError !== undefined) return readError(this.loadError, () => void this.load());
    if (busy) return html`<progress aria-label=${T.loading}></progress>`;
    const theirs = this.theirs;
    const isDefault = this.policy?.default === true;
    return html`${
        theirs
          ? policyConflictPanel(policyDraftOf(theirs), this.draft, {
              keepMine: () => void this.save(theirs),
              useTheirs: () => this.useTheirs(theirs),
            })
          : nothing
      }
      ${isDefault ? html`<p class="muted">${T.defaultNote}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        ${policyFields({
          draft: this.draft,
          errors: this.errors,
          change: (field, value) => {
            this.draft = { ...this.draft, [field]: value };
            this.status = '';
          },
        })}
        ${usedByField({
          services: this.services,
          ticked: this.ticked,
          locked: isDefault ? usersOf(this.services, this.policy?.id) : new Set(),
          failures: this.failures,
          toggle: (serviceId, on) => {
            const next = new Set(this.ticked);
            if (on) next.add(serviceId);
            else next.delete(serviceId);
            this.ticked = next;
          },
        })}
        ${this.formError ? html`<p class="error" role="alert" id="form-error">${this.formError}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? T.saving : T.save}</button>
          ${
            this.isNew || isDefault
              ? nothing
              : html`<button type="button" ?disabled=${this.saving} @click=${this.makeDefault}>${T.makeDefault}</button>`
          }
          ${this.isNew ? nothing : html`<button type="button" class="danger" ?disabled=${this.saving} @click=${this.askDelete}>${T.delete}</button>`}
        </div>
      </form>
      <console-confirm-dialog
        heading=${T.deleteHeading}
        body=${T.deleteBody(usersOf(this.services, this.policy?.id).size)}
        confirm-label=${T.delete}
        keep-label=${T.keep}
        @dialog-confirm=${() => void this.deletePolicy()}
      ></console-confirm-dialog>`;
  }

  private submit(e: Event): void {
    e.preventDefault();
    void this.save(this.policy);
  }

  /** Saves the draft over `base` (the policy as read, or as someone else saved it), then the "Used by" moves. */
  private async save(base: BookingPolicy | undefined): Promise<void> {
    this.errors = policyProblems(this.draft, T);
    this.formError = undefined;
    if (Object.keys(this.errors).length > 0) return this.showErrors();
    this.saving = true;
    try {
      const input = policyInput(this.draft);
      const saved = base
        ? await this.client.bookingPolicies.updateBookingPolicy(base.id, base.revision ?? '1', input)
        : await this.client.bookingPolicies.createBookingPolicy(input);
      this.policy = saved;
      this.draft = policyDraftOf(saved);
      this.theirs = undefined;
      if (saved.default) this.defaultId = saved.id;
      const moved = await this.saveUsedBy(saved.id);
      this.status = [base ? T.saved : T.created, moved > 0 ? T.moved(moved) : ''].filter(Boolean).join(' ');
      if (!base) location.hash = routeHref('policy', saved.id);
    } catch (e) {
      await this.failed(e);
    } finally {
      this.saving = false;
    }
  }

  /** Moves the services whose tick changed; a refused one keeps its tick (Save tries it again). Answers how many moved. */
  private async saveUsedBy(policyId: string): Promise<number> {
    const wanted = this.ticked;
    const moves = movesFor(this.services, policyId, wanted, this.defaultId);
    this.failures = await applyMoves(this.client, moves);
    const { services } = await this.client.catalogue.queryAllServices({ paging: { limit: 100, offset: 0 } });
    this.services = services;
    const ticked = usersOf(services, policyId);
    for (const f of this.failures) {
      if (wanted.has(f.serviceId)) ticked.add(f.serviceId);
      else ticked.delete(f.serviceId);
    }
    this.ticked = ticked;
    return moves.length - this.failures.length;
  }

  private async failed(e: unknown): Promise<void> {
    this.unauthorized(e);
    if (e instanceof BookingApiError && e.code === 'REVISION_MISMATCH' && this.policy) {
      try {
        this.theirs = await this.client.bookingPolicies.getBookingPolicy(this.policy.id);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
        return;
      } catch (again) {
        e = again;
      }
    }
    if (e instanceof BookingApiError && e.validationError) {
      const { byField, rest } = placePolicyViolations(e.validationError.fieldViolations);
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
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], #form-error');
    if (first?.id === 'form-error') first.setAttribute('tabindex', '-1');
    first?.focus();
  }

  private useTheirs(theirs: BookingPolicy): void {
    this.policy = theirs;
    this.draft = policyDraftOf(theirs);
    this.theirs = undefined;
    this.errors = {};
    this.formError = undefined;
    this.renderRoot.querySelector<HTMLElement>('#policy-title')?.focus();
  }

  private async makeDefault(): Promise<void> {
    if (!this.policy) return;
    this.saving = true;
    this.formError = undefined;
    try {
      this.policy = await this.client.bookingPolicies.setDefaultBookingPolicy(this.policy.id);
      this.defaultId = this.policy.id;
      this.status = T.madeDefault;
    } catch (e) {
      this.unauthorized(e);
      this.formError = errorText(e);
      await this.showErrors();
    } finally {
      this.saving = false;
    }
  }

  private askDelete(): void {
    void this.renderRoot.querySelector<ConsoleConfirmDialog>('console-confirm-dialog')?.show();
  }

  private async deletePolicy(): Promise<void> {
    if (!this.policy) return;
    this.saving = true;
    this.formError = undefined;
    try {
      await this.client.bookingPolicies.deleteBookingPolicy(this.policy.id);
      location.hash = routeHref('policies');
    } catch (e) {
      this.unauthorized(e);
      this.formError = errorText(e);
      await this.showErrors();
    } finally {
      this.saving = false;
    }
  }
}

define('console-policy-view', ConsolePolicyView);

declare global {
  interface HTMLElementTagNameMap {
    'console-policy-view': ConsolePolicyView;
  }
}
