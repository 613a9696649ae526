/**
 * Booking policies (contract section 3, Wix `/bookings/v1/booking-policies`): reads are public (every service
 * already shows a copy of its policy), changes are the owner's. A service shows its policy as it is now (storage
 * reads it with the service), and deleting a policy moves its services to the default one, as Wix does.
 */
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { Query } from '../../../src/model/common.js';
import type { Storage } from '../../storage/types.js';
import { DomainError, notFound, revisionMismatch } from '../errors.js';
import { compileFilter, type QuerySpec } from '../query.js';
import { runPagedQuery, type PagedResult } from '../cursor-query.js';

/** What the owner sends to create or change a policy: every sub-policy optional (http/schemas/policy.ts checks it). */
export interface PolicyFields {
  name?: string;
  customPolicyDescription?: { enabled: boolean; description: string };
  limitEarlyBookingPolicy?: { enabled: boolean; earliestBookingInMinutes?: number };
  limitLateBookingPolicy?: { enabled: boolean; latestBookingInMinutes?: number };
  bookAfterStartPolicy?: { enabled: boolean };
  cancellationPolicy?: {
    enabled: boolean;
    limitLatestCancellation?: boolean;
    latestCancellationInMinutes?: number;
    allowAnonymous?: boolean | null;
  };
  reschedulePolicy?: {
    enabled: boolean;
    limitLatestReschedule?: boolean;
    latestRescheduleInMinutes?: number;
    allowAnonymous?: boolean | null;
  };
  waitlistPolicy?: { enabled: boolean; capacity?: number; reservationTimeInMinutes?: number };
  participantsPolicy?: { maxParticipantsPerBooking?: number; maxUnpaidBookingsPerSession?: number };
}

export const policyQuerySpec: QuerySpec<BookingPolicy> = {
  fields: {
    id: (p) => p.id,
    name: (p) => p.name,
    default: (p) => p.default ?? false,
    createdDate: (p) => p.createdDate,
    updatedDate: (p) => p.updatedDate,
  },
  defaultSort: { fieldName: 'createdDate', order: 'ASC' },
  defaultLimit: 50,
  maxLimit: 100,
};

/** Wix's defaults for a sub-policy that is not sent (wix-bookings-v2.md section 7). */
const DEFAULTS: Omit<BookingPolicy, 'id'> = {
  limitEarlyBookingPolicy: { enabled: false, earliestBookingInMinutes: 10080 },
  limitLateBookingPolicy: { enabled: false, latestBookingInMinutes: 1440 },
  bookAfterStartPolicy: { enabled: false },
  cancellationPolicy: { enabled: false, limitLatestCancellation: false, latestCancellationInMinutes: 1440, allowAnonymous: true },
  reschedulePolicy: { enabled: false, limitLatestReschedule: false, latestRescheduleInMinutes: 1440, allowAnonymous: true },
  waitlistPolicy: { enabled: false, capacity: 10, reservationTimeInMinutes: 10 },
  participantsPolicy: { maxParticipantsPerBooking: 1 },
};

/** `base` with the sub-policies in `fields` laid over it, field by field; only known fields are taken. */
function merged(base: Omit<BookingPolicy, 'id'>, fields: PolicyFields): Omit<BookingPolicy, 'id'> {
  const anon = (value: boolean | null | undefined, current: boolean | undefined) => (value === undefined ? current : (value ?? true));
  const f = fields;
  return {
    ...base,
    name: f.name ?? base.name,
    customPolicyDescription: f.customPolicyDescription
      ? { enabled: f.customPolicyDescription.enabled, description: f.customPolicyDescription.description }
      : base.customPolicyDescription,
    limitEarlyBookingPolicy: { ...base.limitEarlyBookingPolicy, ...f.limitEarlyBookingPolicy },
    limitLateBookingPolicy: { ...base.limitLateBookingPolicy, ...f.limitLateBookingPolicy },
    bookAfterStartPolicy: f.bookAfterStartPolicy ? { enabled: f.bookAfterStartPolicy.enabled } : base.bookAfterStartPolicy,
    cancellationPolicy: {
      ...base.cancellationPolicy,
      ...f.cancellationPolicy,
      allowAnonymous: anon(f.cancellationPolicy?.allowAnonymous, base.cancellationPolicy.allowAnonymous),
    },
    reschedulePolicy: {
      ...base.reschedulePolicy,
      ...f.reschedulePolicy,
      allowAnonymous: anon(f.reschedulePolicy?.allowAnonymous, base.reschedulePolicy.allowAnonymous),
    },
    waitlistPolicy: { ...base.waitlistPolicy, ...f.waitlistPolicy },
    participantsPolicy: { ...base.participantsPolicy, ...f.participantsPolicy },
  };
}

const policyNotFound = (id: string) => notFound('Booking policy', id, 'BOOKING_POLICY_NOT_FOUND');

export class PolicyService {
  constructor(private readonly storage: Storage) {}

  async get(id: string): Promise<BookingPolicy> {
    return (await this.storage.policies.get(id)) ?? Promise.reject(policyNotFound(id));
  }

  async query(query: Query | undefined): Promise<PagedResult<BookingPolicy>> {
    return runPagedQuery(await this.storage.policies.list(), query, policyQuerySpec);
  }

  async count(filter: Record<string, unknown> | undefined): Promise<number> {
    const matches = compileFilter(filter, policyQuerySpec);
    return (await this.storage.policies.list()).filter(matches).length;
  }

  async create(fields: PolicyFields): Promise<BookingPolicy> {
    return this.storage.transaction(async () => {
      const now = new Date().toISOString();
      const hasDefault = (await this.storage.policies.getDefault()) !== null;
      const policy: BookingPolicy = {
        ...merged({ ...DEFAULTS, name: 'Policy' }, fields),
        id: crypto.randomUUID(),
        // The business's first policy becomes its default, as Wix's first policy is.
        default: !hasDefault,
        revision: '1',
        createdDate: now,
        updatedDate: now,
      };
      await this.storage.policies.insert(policy);
      return this.get(policy.id);
    });
  }

  async update(id: string, fields: PolicyFields & { revision: string }): Promise<BookingPolicy> {
    return this.storage.transaction(async () => {
      const current = await this.get(id);
      const revision = current.revision ?? '1';
      if (fields.revision !== revision) throw revisionMismatch('booking policy', fields.revision, revision);
      const next: BookingPolicy = { ...merged(current, fields), id, revision: String(Number(revision) + 1) };
      if (!(await this.storage.policies.update(next, revision))) throw revisionMismatch('booking policy', fields.revision, revision);
      return this.get(id);
    });
  }

  /** Wix answers the new default and the one before it (absent when the policy already was the default). */
  async setDefault(id: string): Promise<{ currentDefaultBookingPolicy: BookingPolicy; previousDefaultBookingPolicy?: BookingPolicy }> {
    return this.storage.transaction(async () => {
      await this.get(id);
      const previous = await this.storage.policies.getDefault();
      if (!(await this.storage.policies.setDefault(id))) throw policyNotFound(id);
      const current = await this.get(id);
      if (!previous || previous.id === id) return { currentDefaultBookingPolicy: current };
      return { currentDefaultBookingPolicy: current, previousDefaultBookingPolicy: await this.get(previous.id) };
    });
  }

  /**
   * Wix's Get Strictest Booking Policy: one policy that allows only what every one of `ids` allows (the earliest
   * window shortest, the latest and the cancel and reschedule cut-offs longest, capacities smallest). It has no id.
   */
  async strictest(ids: string[]): Promise<Omit<BookingPolicy, 'id'>> {
    const policies = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    const all = <T>(pick: (p: BookingPolicy) => T) => policies.map(pick);
    const min = (values: number[]) => Math.min(...values);
    const max = (values: number[]) => Math.max(...values);
    const early = policies.filter((p) => p.limitEarlyBookingPolicy.enabled);
    const late = policies.filter((p) => p.limitLateBookingPolicy.enabled);
    const every = (values: (boolean | undefined)[]) => values.every((v) => v !== false);
    return {
      name: 'Strictest',
      limitEarlyBookingPolicy: {
        enabled: early.length > 0,
        earliestBookingInMinutes: early.length > 0 ? min(early.map((p) => p.limitEarlyBookingPolicy.earliestBookingInMinutes)) : 10080,
      },
      limitLateBookingPolicy: {
        enabled: late.length > 0,
        latestBookingInMinutes: late.length > 0 ? max(late.map((p) => p.limitLateBookingPolicy.latestBookingInMinutes)) : 1440,
      },
      bookAfterStartPolicy: { enabled: every(all((p) => p.bookAfterStartPolicy?.enabled ?? false)) },
      cancellationPolicy: {
        enabled: every(all((p) => p.cancellationPolicy.enabled)),
        limitLatestCancellation: all((p) => p.cancellationPolicy.limitLatestCancellation).some(Boolean),
        latestCancellationInMinutes: max(all((p) => p.cancellationPolicy.latestCancellationInMinutes)),
        allowAnonymous: every(all((p) => p.cancellationPolicy.allowAnonymous)),
      },
      reschedulePolicy: {
        enabled: every(all((p) => p.reschedulePolicy.enabled)),
        limitLatestReschedule: all((p) => p.reschedulePolicy.limitLatestReschedule).some(Boolean),
        latestRescheduleInMinutes: max(all((p) => p.reschedulePolicy.latestRescheduleInMinutes)),
        allowAnonymous: every(all((p) => p.reschedulePolicy.allowAnonymous)),
      },
      waitlistPolicy: {
        enabled: every(all((p) => p.waitlistPolicy.enabled)),
        capacity: min(all((p) => p.waitlistPolicy.capacity)),
        reservationTimeInMinutes: min(all((p) => p.waitlistPolicy.reservationTimeInMinutes)),
      },
      participantsPolicy: { maxParticipantsPerBooking: min(all((p) => p.participantsPolicy.maxParticipantsPerBooking)) },
    };
  }

  async delete(id: string): Promise<void> {
    await this.storage.transaction(async () => {
      const policy = await this.get(id);
      if (policy.default) {
        throw new DomainError(
          'DEFAULT_POLICY_CANNOT_BE_DELETED',
          'This is the default booking policy: make another policy the default first (POST …/{id}:setDefault).',
          { id },
        );
      }
      const fallback = await this.storage.policies.getDefault();
      if (!fallback) throw new DomainError('NO_DEFAULT_POLICY', 'The business has no default booking policy: create one first.');
      await this.moveServices(id, fallback);
      if (!(await this.storage.policies.delete(id))) throw policyNotFound(id);
    });
  }

  /** Each service that uses policy `id` moves to `policy` (a new revision: the service changed). */
  private async moveServices(id: string, policy: BookingPolicy): Promise<void> {
    const now = new Date().toISOString();
    for (const service of await this.storage.catalogue.listServices()) {
      if (service.bookingPolicy.id !== id) continue;
      const next = { ...service, bookingPolicy: policy, revision: String(Number(service.revision) + 1), updatedDate: now };
      await this.storage.catalogue.updateService(next, service.revision);
    }
  }
}
