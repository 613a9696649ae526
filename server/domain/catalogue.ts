/**
 * Catalogue rules: who sees which services, what a valid service or variant set is, and revision checks.
 * Routes call this; it calls the storage interface only.
 */
import type { Money, Query } from '../../src/model/common.js';
import type { FieldViolation } from '../../src/model/errors.js';
import type { Service, ServiceOptionsAndVariants, ServicePayment } from '../../src/model/service.js';
import { BOOKING_STATUSES } from '../../src/model/booking.js';
import type { Storage } from '../storage/types.js';
import type { OptionsAndVariantsFields, OptionsAndVariantsUpdate, ServiceFields, ServiceUpdate } from './catalogue/commands.js';
import { DomainError, ValidationError, notFound, revisionMismatch } from './errors.js';
import { runQuery, type QuerySpec, type QueryResult } from './query.js';
import { toMinor } from './money.js';

export const serviceQuerySpec: QuerySpec<Service> = {
  fields: {
    id: (s) => s.id,
    type: (s) => s.type,
    name: (s) => s.name,
    hidden: (s) => s.hidden ?? false,
    'category.id': (s) => s.category?.id,
    'category.name': (s) => s.category?.name,
    staffMemberIds: (s) => s.staffMemberIds,
    'payment.rateType': (s) => s.payment.rateType,
    'payment.options.online': (s) => s.payment.options.online,
    'payment.options.inPerson': (s) => s.payment.options.inPerson,
    'payment.options.pricingPlan': (s) => s.payment.options.pricingPlan,
    'payment.pricingPlanIds': (s) => s.payment.pricingPlanIds,
    'onlineBooking.enabled': (s) => s.onlineBooking.enabled,
    'schedule.id': (s) => s.schedule.id,
    defaultCapacity: (s) => s.defaultCapacity,
    createdDate: (s) => s.createdDate,
    updatedDate: (s) => s.updatedDate,
  },
  defaultSort: { fieldName: 'createdDate', order: 'ASC' },
  defaultLimit: 100,
  maxLimit: 100,
};

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
      const now = new Date().toISOString();
      const draft: Service = {
        id: crypto.randomUUID(),
        type: fields.type,
        name: fields.name,
        ...(fields.description !== undefined ? { description: fields.description } : {}),
        ...(fields.tagLine !== undefined ? { tagLine: fields.tagLine } : {}),
        ...(fields.media ? { media: fields.media } : {}),
        hidden: fields.hidden ?? false,
        defaultCapacity: fields.type === 'APPOINTMENT' ? 1 : (fields.defaultCapacity ?? 1),
        payment: this.payment(fields.payment),
        onlineBooking: {
          enabled: fields.onlineBooking?.enabled ?? true,
          requireManualApproval: fields.onlineBooking?.requireManualApproval ?? false,
          allowMultipleRequests: fields.onlineBooking?.allowMultipleRequests ?? false,
        },
        schedule: {
          id: crypto.randomUUID(),
          availabilityConstraints: {
            sessionDurations: fields.schedule?.availabilityConstraints?.sessionDurations ?? [60],
            timeBetweenSessions: fields.schedule?.availabilityConstraints?.timeBetweenSessions ?? 0,
          },
        },
        staffMemberIds: fields.staffMemberIds ?? [],
        locations: [],
        bookingPolicy: await this.policyFor(fields.bookingPolicy?.id),
        createdDate: now,
        updatedDate: now,
        revision: '1',
      };
      const category = await this.categoryFor(fields.category);
      if (category) draft.category = category;
      await this.validate(draft);
      await this.storage.catalogue.insertService(draft);
      return (await this.storage.catalogue.getService(draft.id)) ?? draft;
    });
  }

  async updateService(id: string, patch: ServiceUpdate): Promise<Service> {
    return this.storage.transaction(async () => {
      const current = await this.storage.catalogue.getService(id);
      if (!current) throw notFound('Service', id, 'SERVICE_NOT_FOUND');
      if (patch.revision !== current.revision) throw revisionMismatch('service', patch.revision, current.revision);
      const next: Service = {
        ...current,
        ...(patch.type !== undefined ? { type: patch.type } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.tagLine !== undefined ? { tagLine: patch.tagLine } : {}),
        ...(patch.media !== undefined ? { media: patch.media } : {}),
        ...(patch.hidden !== undefined ? { hidden: patch.hidden } : {}),
        ...(patch.defaultCapacity !== undefined ? { defaultCapacity: patch.defaultCapacity } : {}),
        ...(patch.staffMemberIds !== undefined ? { staffMemberIds: patch.staffMemberIds } : {}),
        payment: patch.payment ? { ...this.payment(patch.payment), pricingPlanIds: current.payment.pricingPlanIds } : current.payment,
        onlineBooking: { ...current.onlineBooking, ...stripUndefined(patch.onlineBooking ?? {}) },
        schedule: {
          ...current.schedule,
          availabilityConstraints: {
            ...current.schedule.availabilityConstraints,
            ...stripUndefined(patch.schedule?.availabilityConstraints ?? {}),
          },
        },
        bookingPolicy: patch.bookingPolicy ? await this.policyFor(patch.bookingPolicy.id) : current.bookingPolicy,
        updatedDate: new Date().toISOString(),
        revision: String(Number(current.revision) + 1),
      };
      if (next.type === 'APPOINTMENT') next.defaultCapacity = 1;
      if (patch.category !== undefined) {
        const category = await this.categoryFor(patch.category);
        if (category) next.category = category;
      }
      await this.validate(next);
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
        fromUtc: '0000-01-01T00:00:00Z',
        toUtc: '9999-12-31T23:59:59Z',
        serviceIds: [id],
      });
      if (booked.length > 0) {
        throw new DomainError(
          'SERVICE_HAS_BOOKINGS',
          'This service has bookings, so it cannot be deleted: hide it instead (PATCH service.hidden = true).',
          {
            serviceId: id,
          },
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
        {
          serviceId,
        },
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

  private payment(input: ServiceFields['payment']): ServicePayment {
    return {
      rateType: input.rateType,
      ...(input.fixed ? { fixed: input.fixed } : {}),
      ...(input.varied ? { varied: input.varied } : {}),
      ...(input.custom ? { custom: input.custom } : {}),
      options: {
        online: input.options?.online ?? input.rateType !== 'NO_FEE',
        inPerson: input.options?.inPerson ?? input.rateType === 'NO_FEE',
        deposit: input.options?.deposit ?? false,
        pricingPlan: input.options?.pricingPlan ?? false,
      },
      pricingPlanIds: [],
    };
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

  private async validate(s: Service): Promise<void> {
    const v: { field: string; description: string }[] = [];
    const p = s.payment;
    if (p.rateType === 'FIXED' && !p.fixed) v.push({ field: 'service.payment.fixed', description: 'is required when rateType is FIXED' });
    if (p.rateType === 'VARIED' && !p.varied)
      v.push({ field: 'service.payment.varied', description: 'is required when rateType is VARIED' });
    if (p.rateType === 'CUSTOM' && !p.custom)
      v.push({ field: 'service.payment.custom', description: 'is required when rateType is CUSTOM' });
    if (!p.options.online && !p.options.inPerson && !p.options.pricingPlan) {
      v.push({ field: 'service.payment.options', description: 'must allow at least one of online, inPerson or pricingPlan' });
    }
    const terms = p.fixed ?? p.varied;
    const price = p.fixed?.price ?? p.varied?.defaultPrice;
    for (const [field, amount] of [
      ['service.payment.price', price],
      ['service.payment.deposit', terms?.deposit],
    ] as const) {
      const problem = amount && moneyViolation(amount, field);
      if (problem) v.push(problem);
    }
    if (v.length > 0) throw new ValidationError(v);
    if (p.options.deposit) {
      if (!terms?.deposit)
        v.push({ field: 'service.payment.options.deposit', description: 'needs a deposit amount in fixed.deposit or varied.deposit' });
      if (!p.options.online) v.push({ field: 'service.payment.options.deposit', description: 'needs online payment enabled' });
    }
    if (terms?.deposit && price) {
      const deposit = toMinor(terms.deposit, 'service.payment.deposit');
      const full = toMinor(price, 'service.payment.price');
      if (deposit.currency !== full.currency)
        v.push({ field: 'service.payment.deposit.currency', description: 'must match the price currency' });
      else if (deposit.minor > full.minor) v.push({ field: 'service.payment.deposit.value', description: 'cannot be more than the price' });
    }
    if (s.type === 'APPOINTMENT' && s.staffMemberIds.length === 0) {
      v.push({ field: 'service.staffMemberIds', description: 'must name at least one staff member for an appointment' });
    }
    const staff = new Set((await this.storage.staff.list()).map((m) => m.id));
    s.staffMemberIds.forEach((id, i) => {
      if (!staff.has(id)) v.push({ field: `service.staffMemberIds[${i}]`, description: `names no staff member (${id})` });
    });
    if (v.length > 0) throw new ValidationError(v);
  }
}

/** What is wrong with an amount, as a field violation; null when it is a valid amount of its currency. */
function moneyViolation(amount: Money, field: string): FieldViolation | null {
  try {
    toMinor(amount, field);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldViolations[0] ?? null;
    throw error;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Variants must choose from their one option, in one currency, without duplicates. */
export function validateVariants(v: ServiceOptionsAndVariants): void {
  const violations: { field: string; description: string }[] = [];
  const option = v.options.values[0];
  const currencies = new Set(v.variants.values.map((x) => x.price.currency));
  if (currencies.size > 1)
    violations.push({ field: 'serviceOptionsAndVariants.variants', description: 'must all be priced in one currency' });
  const seen = new Set<string>();
  v.variants.values.forEach((variant, i) => {
    const problem = moneyViolation(variant.price, `serviceOptionsAndVariants.variants.values[${i}].price`);
    if (problem) violations.push(problem);
    const choice = variant.choices[0];
    const at = `serviceOptionsAndVariants.variants.values[${i}].choices[0]`;
    if (!option || !choice) return;
    if (choice.optionId !== option.id) violations.push({ field: `${at}.optionId`, description: `must be the option's id (${option.id})` });
    if (option.type === 'CUSTOM') {
      if (!choice.custom) violations.push({ field: `${at}.custom`, description: 'is required for a CUSTOM option' });
      else if (option.customData && !option.customData.choices.includes(choice.custom)) {
        violations.push({
          field: `${at}.custom`,
          description: `must be one of the option's choices: ${option.customData.choices.join(', ')}`,
        });
      }
    }
    if (option.type === 'DURATION' && !choice.duration)
      violations.push({ field: `${at}.duration`, description: 'is required for a DURATION option' });
    if (option.type === 'STAFF_MEMBER' && !choice.staffMemberId)
      violations.push({ field: `${at}.staffMemberId`, description: 'is required for a STAFF_MEMBER option' });
    const key = JSON.stringify(choice.custom ?? choice.duration?.minutes ?? choice.staffMemberId);
    if (seen.has(key)) violations.push({ field: at, description: 'repeats another variant' });
    seen.add(key);
  });
  if (violations.length > 0) throw new ValidationError(violations);
}
