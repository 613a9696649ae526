/**
 * The catalogue's use cases: who sees which services, creating and changing services and their options and
 * variants with revision checks. The rules are pure (service-rules.ts, variant-rules.ts); this reads and writes
 * through the storage interface, each write in one transaction.
 */
import type { Query } from '../../../src/model/common.js';
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { BOOKING_STATUSES } from '../../../src/model/booking.js';
import type { Storage } from '../../storage/types.js';
import { DomainError, ValidationError, notFound, revisionMismatch } from '../errors.js';
import { runQuery, type QueryResult } from '../query.js';
import type { OptionsAndVariantsFields, OptionsAndVariantsUpdate, ServiceFields, ServiceUpdate } from './commands.js';
import { serviceQuerySpec } from './query-spec.js';
import { checkService, draftService, patchedService } from './service-rules.js';
import { validateVariants } from './variant-rules.js';

export class CatalogueService {
  constructor(private readonly storage: Storage) {}

  /** Public callers see only services that are not hidden; the owner sees all. */
  async queryServices(query: Query | undefined, asOwner: boolean): Promise<QueryResult<Service>> {
    const all = await this.storage.catalogue.listServices();
    return runQuery(asOwner ? all : all.filter((s) => !s.hidden), query, serviceQuerySpec);
  }

  async getService(id: string, asOwner: boolean): Promise<Service> {
    const service = await this.storage.catalogue.getService(id);
    if (!service || (service.hidden && !asOwner)) throw notFound('Service', id, 'SERVICE_NOT_FOUND');
    return service;
  }

  async createService(fields: ServiceFields): Promise<Service> {
    return this.storage.transaction(async () => {
      const draft = draftService(fields, await this.policyFor(fields.bookingPolicy?.id), new Date().toISOString());
      const category = await this.categoryFor(fields.category);
      if (category) draft.category = category;
      await this.check(draft);
      await this.storage.catalogue.insertService(draft);
      return (await this.storage.catalogue.getService(draft.id)) ?? draft;
    });
  }

  async updateService(id: string, patch: ServiceUpdate): Promise<Service> {
    return this.storage.transaction(async () => {
      const current = await this.storage.catalogue.getService(id);
      if (!current) throw notFound('Service', id, 'SERVICE_NOT_FOUND');
      if (patch.revision !== current.revision) throw revisionMismatch('service', patch.revision, current.revision);
      const policy = patch.bookingPolicy ? await this.policyFor(patch.bookingPolicy.id) : current.bookingPolicy;
      const next = patchedService(current, patch, policy, new Date().toISOString());
      if (patch.category !== undefined) {
        const category = await this.categoryFor(patch.category);
        if (category) next.category = category;
      }
      await this.check(next);
      const written = await this.storage.catalogue.updateService(next, current.revision);
      if (!written) throw revisionMismatch('service', patch.revision, String(Number(current.revision) + 1));
      return (await this.storage.catalogue.getService(id)) ?? next;
    });
  }

  /** A service with bookings (in any status) stays: they point at it. Hiding it takes it off the site. */
  async deleteService(id: string): Promise<void> {
    await this.storage.transaction(async () => {
      const booked = await this.storage.occupancy.listOccupying({
        statuses: BOOKING_STATUSES,
        fromUtc: '0001-01-01T00:00:00Z', // PostgreSQL has no year 0
        toUtc: '9999-12-31T23:59:59Z',
        serviceIds: [id],
      });
      if (booked.length > 0) {
        throw new DomainError(
          'SERVICE_HAS_BOOKINGS',
          'This service has bookings, so it cannot be deleted: hide it instead (PATCH service.hidden = true).',
          { serviceId: id },
        );
      }
      if (!(await this.storage.catalogue.deleteService(id))) throw notFound('Service', id, 'SERVICE_NOT_FOUND');
    });
  }

  async variantsForService(serviceId: string, asOwner: boolean): Promise<ServiceOptionsAndVariants> {
    await this.getService(serviceId, asOwner);
    const variants = await this.storage.catalogue.getVariantsByService(serviceId);
    if (!variants) {
      throw new DomainError(
        'SERVICE_OPTIONS_AND_VARIANTS_NOT_FOUND',
        `Service "${serviceId}" has no options or variants: book it with totalParticipants.`,
        { serviceId },
      );
    }
    return variants;
  }

  async getVariants(id: string): Promise<ServiceOptionsAndVariants> {
    const v = await this.storage.catalogue.getVariants(id);
    if (!v) throw notFound('Service options and variants', id);
    return v;
  }

  async createVariants(fields: OptionsAndVariantsFields): Promise<ServiceOptionsAndVariants> {
    return this.storage.transaction(async () => {
      await this.getService(fields.serviceId, true).catch(() => {
        throw ValidationError.field('serviceOptionsAndVariants.serviceId', `names no service (${fields.serviceId})`);
      });
      if (await this.storage.catalogue.getVariantsByService(fields.serviceId)) {
        throw new DomainError('ALREADY_EXISTS', `Service "${fields.serviceId}" already has options and variants: update them instead.`);
      }
      const draft: ServiceOptionsAndVariants = { id: crypto.randomUUID(), ...fields, revision: '1' };
      validateVariants(draft);
      await this.storage.catalogue.insertVariants(draft);
      return this.getVariants(draft.id);
    });
  }

  async updateVariants(id: string, fields: OptionsAndVariantsUpdate): Promise<ServiceOptionsAndVariants> {
    return this.storage.transaction(async () => {
      const current = await this.getVariants(id);
      if (fields.revision !== current.revision) throw revisionMismatch('options and variants', fields.revision, current.revision);
      if (fields.serviceId !== current.serviceId) {
        throw ValidationError.field(
          'serviceOptionsAndVariants.serviceId',
          'cannot change; create options and variants for the other service instead',
        );
      }
      const next: ServiceOptionsAndVariants = { ...fields, id, revision: String(Number(current.revision) + 1) };
      validateVariants(next);
      await this.storage.catalogue.updateVariants(next, current.revision);
      return this.getVariants(id);
    });
  }

  async deleteVariants(id: string): Promise<void> {
    if (!(await this.storage.catalogue.deleteVariants(id))) throw notFound('Service options and variants', id);
  }

  private async policyFor(id: string | undefined) {
    const policy = id ? await this.storage.policies.get(id) : await this.storage.policies.getDefault();
    if (!policy) {
      throw id
        ? ValidationError.field('service.bookingPolicy.id', `names no booking policy (${id})`)
        : new DomainError('NO_DEFAULT_POLICY', 'The business has no default booking policy: create one first.');
    }
    return policy;
  }

  private async categoryFor(input: ServiceFields['category']) {
    if (!input) return undefined;
    const known = (await this.storage.catalogue.listCategories()).find((c) => c.id === input.id);
    if (known) return known;
    if (!input.name) throw ValidationError.field('service.category.name', 'is required for a new category');
    const created = { id: input.id, name: input.name, sortOrder: 0 };
    await this.storage.catalogue.saveCategory(created);
    return created;
  }

  private async check(service: Service): Promise<void> {
    const [staff, plans] = await Promise.all([this.storage.staff.list(), this.storage.plans.list()]);
    checkService(service, { staffIds: new Set(staff.map((m) => m.id)), planIds: new Set(plans.map((p) => p.id)) });
  }
}
