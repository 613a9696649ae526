/**
 * What a service is made of and what a valid one is. Pure: the draft from the owner's fields, the payment with
 * its defaults, and every problem as a field violation; the service (catalogue-service.ts) does the lookups.
 */
import type { Service, ServicePayment } from '../../../src/model/service.js';
import type { FieldViolation } from '../../../src/model/errors.js';
import type { BookingPolicy } from '../../../src/model/policy.js';
import { ValidationError } from '../errors.js';
import { moneyViolation, toMinor } from '../money.js';
import type { PaymentFields, ServiceFields, ServiceUpdate } from './commands.js';

/** The payment as stored: unset options follow the rate type (a free service is paid in person, others online). */
export function paymentOf(input: PaymentFields): ServicePayment {
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
    pricingPlanIds: input.pricingPlanIds ?? [],
  };
}

/** A new service from the owner's fields, with every default filled in (category added by the caller). */
export function draftService(fields: ServiceFields, bookingPolicy: BookingPolicy, now: string): Service {
  return {
    id: crypto.randomUUID(),
    type: fields.type,
    name: fields.name,
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    ...(fields.tagLine !== undefined ? { tagLine: fields.tagLine } : {}),
    ...(fields.media ? { media: fields.media } : {}),
    hidden: fields.hidden ?? false,
    defaultCapacity: fields.type === 'APPOINTMENT' ? 1 : (fields.defaultCapacity ?? 1),
    payment: paymentOf(fields.payment),
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
    locations: fields.locations ?? [],
    bookingPolicy,
    createdDate: now,
    updatedDate: now,
    revision: '1',
  };
}

/** The next revision of `current` with the patch's fields (category and policy are resolved by the caller). */
export function patchedService(current: Service, patch: ServiceUpdate, bookingPolicy: BookingPolicy, now: string): Service {
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
    ...(patch.locations !== undefined ? { locations: patch.locations } : {}),
    payment: patch.payment
      ? { ...paymentOf(patch.payment), pricingPlanIds: patch.payment.pricingPlanIds ?? current.payment.pricingPlanIds }
      : current.payment,
    onlineBooking: { ...current.onlineBooking, ...stripUndefined(patch.onlineBooking ?? {}) },
    schedule: {
      ...current.schedule,
      availabilityConstraints: {
        ...current.schedule.availabilityConstraints,
        ...stripUndefined(patch.schedule?.availabilityConstraints ?? {}),
      },
    },
    bookingPolicy,
    updatedDate: now,
    revision: String(Number(current.revision) + 1),
  };
  if (next.type === 'APPOINTMENT') next.defaultCapacity = 1;
  return next;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Throws a ValidationError with every problem of `s`; `known` are the business's staff members and pricing plans. */
export function checkService(s: Service, known: { staffIds: ReadonlySet<string>; planIds: ReadonlySet<string> }): void {
  const v: FieldViolation[] = [];
  const { staffIds, planIds } = known;
  const p = s.payment;
  if (p.rateType === 'FIXED' && !p.fixed) v.push({ field: 'service.payment.fixed', description: 'is required when rateType is FIXED' });
  if (p.rateType === 'VARIED' && !p.varied) v.push({ field: 'service.payment.varied', description: 'is required when rateType is VARIED' });
  if (p.rateType === 'CUSTOM' && !p.custom) v.push({ field: 'service.payment.custom', description: 'is required when rateType is CUSTOM' });
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
  // Unreadable amounts first: the deposit rules below need both amounts parsed.
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
  s.staffMemberIds.forEach((id, i) => {
    if (!staffIds.has(id)) v.push({ field: `service.staffMemberIds[${i}]`, description: `names no staff member (${id})` });
  });
  s.locations.forEach((l, i) => {
    if (l.type === 'BUSINESS' && !l.business)
      v.push({ field: `service.locations[${i}].business`, description: 'is required for a BUSINESS location' });
    if (l.type === 'CUSTOM' && !l.custom?.address?.formattedAddress?.trim())
      v.push({ field: `service.locations[${i}].custom.address.formattedAddress`, description: 'is required for a CUSTOM location' });
  });
  p.pricingPlanIds.forEach((id, i) => {
    if (!planIds.has(id)) v.push({ field: `service.payment.pricingPlanIds[${i}]`, description: `names no pricing plan (${id})` });
  });

  if (v.length > 0) throw new ValidationError(v);
}
