/**
 * Checks a booking request against its service, collecting every problem as a field violation (400): the booked
 * entity's shape, the number of participants, variant choices, contact details and the payment option. Pure: it
 * takes the service and its variants and returns plain values.
 */
import type { FieldViolation } from '../../../src/model/errors.js';
import type { ParticipantsChoices, SelectedPaymentOption } from '../../../src/model/booking.js';
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import type { BookingInput, ParticipantsChange } from './commands.js';
import { ValidationError } from '../errors.js';
import { sameChoice } from '../../../src/pricing/variants.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Participants and variant choices: exactly one of the two, within the policy, matching the service's variants. */
export function participantViolations(
  input: ParticipantsChange,
  service: Service,
  variants: ServiceOptionsAndVariants | null,
  prefix: string,
): FieldViolation[] {
  const out: FieldViolation[] = [];
  const hasTotal = input.totalParticipants !== undefined;
  const hasChoices = input.participantsChoices !== undefined;
  if (hasTotal === hasChoices) {
    out.push({ field: `${prefix}totalParticipants`, description: 'send exactly one of totalParticipants or participantsChoices' });
    return out;
  }
  const count = hasChoices
    ? (input.participantsChoices?.serviceChoices ?? []).reduce((n, c) => n + c.numberOfParticipants, 0)
    : (input.totalParticipants ?? 0);
  const max = service.bookingPolicy.participantsPolicy.maxParticipantsPerBooking;
  if (count > max) {
    out.push({
      field: `${prefix}${hasChoices ? 'participantsChoices' : 'totalParticipants'}`,
      description: `is ${count} participants; "${service.name}" takes at most ${max} per booking`,
    });
  }
  const pricedByVariant = variants?.options.values.some((o) => o.type === 'CUSTOM') ?? false;
  if (hasTotal && pricedByVariant) {
    out.push({
      field: `${prefix}participantsChoices`,
      description: `is required: "${service.name}" is booked by choosing ${variantNames(variants)}`,
    });
  }
  if (input.participantsChoices)
    out.push(...choiceViolations(input.participantsChoices, service, variants, `${prefix}participantsChoices`));
  return out;
}

function choiceViolations(
  pc: ParticipantsChoices,
  service: Service,
  variants: ServiceOptionsAndVariants | null,
  field: string,
): FieldViolation[] {
  if (!variants) return [{ field, description: `"${service.name}" has no options to choose from; send totalParticipants instead` }];
  const out: FieldViolation[] = [];
  pc.serviceChoices.forEach((sc, i) => {
    sc.choices.forEach((choice, j) => {
      if (!variants.options.values.some((o) => o.id === choice.optionId)) {
        out.push({ field: `${field}.serviceChoices[${i}].choices[${j}].optionId`, description: 'is not an option of this service' });
      }
    });
    const matches = variants.variants.values.some(
      (v) => v.choices.length === sc.choices.length && v.choices.every((vc) => sc.choices.some((c) => sameChoice(vc, c))),
    );
    if (!matches) {
      out.push({
        field: `${field}.serviceChoices[${i}].choices`,
        description: `do not match a variant of this service; choose one of ${variantNames(variants)}`,
      });
    }
  });
  return out;
}

function variantNames(variants: ServiceOptionsAndVariants | null): string {
  const names = (variants?.variants.values ?? []).map((v) =>
    v.choices.map((c) => c.custom ?? (c.duration ? `${c.duration.minutes} minutes` : (c.staffMemberId ?? c.optionId))).join(' + '),
  );
  return names.length > 0 ? names.join(', ') : 'its variants';
}

/** Which `selectedPaymentOption` values the service takes. */
export function allowedPaymentOptions(service: Service): SelectedPaymentOption[] {
  const o = service.payment.options;
  return [
    ...(o.online ? (['ONLINE'] as const) : []),
    ...(o.inPerson ? (['OFFLINE'] as const) : []),
    ...(o.pricingPlan ? (['MEMBERSHIP', 'MEMBERSHIP_OFFLINE'] as const) : []),
  ];
}

function paymentViolations(input: BookingInput, service: Service): FieldViolation[] {
  const out: FieldViolation[] = [];
  const option = input.selectedPaymentOption;
  const allowed = allowedPaymentOptions(service);
  if (option !== undefined && !allowed.includes(option)) {
    out.push({
      field: 'booking.selectedPaymentOption',
      description: `${option} is not offered by "${service.name}"; it takes ${allowed.join(', ') || 'none'}`,
    });
  }
  const fixed = service.payment.fixed ?? service.payment.varied;
  if (input.depositSelected === true && (option !== 'ONLINE' || !service.payment.options.deposit || !fixed?.deposit)) {
    out.push({
      field: 'booking.depositSelected',
      description: 'a deposit needs selectedPaymentOption ONLINE on a service that takes deposits',
    });
  }
  if (
    option === 'ONLINE' &&
    service.payment.options.deposit &&
    fixed?.deposit &&
    fixed.fullUpfrontPaymentAllowed === false &&
    input.depositSelected !== true
  ) {
    out.push({
      field: 'booking.depositSelected',
      description: `must be true: "${service.name}" takes a deposit online and no full payment up front`,
    });
  }
  return out;
}

/** Every check of a create request that needs only the service; throws one ValidationError listing them all. */
export function validateBookingInput(
  input: BookingInput,
  service: Service,
  variants: ServiceOptionsAndVariants | null,
  options: { skipPaymentOptionValidation: boolean },
): void {
  const out: FieldViolation[] = [];
  const { slot, schedule } = input.bookedEntity;
  if ((slot === undefined) === (schedule === undefined)) {
    out.push({ field: 'booking.bookedEntity', description: 'send exactly one of slot (appointments, classes) or schedule (courses)' });
  } else if (service.type === 'COURSE' && !schedule) {
    out.push({ field: 'booking.bookedEntity.schedule', description: `is required: "${service.name}" is a course, booked as a whole` });
  } else if (service.type !== 'COURSE' && !slot) {
    out.push({ field: 'booking.bookedEntity.slot', description: `is required: "${service.name}" is booked by time slot` });
  }
  out.push(...participantViolations(input, service, variants, 'booking.'));
  const email = input.contactDetails.email;
  if (email === undefined || email.trim() === '') {
    out.push({ field: 'booking.contactDetails.email', description: 'is required' });
  } else if (!EMAIL.test(email)) {
    out.push({ field: 'booking.contactDetails.email', description: 'must be an email address' });
  }
  if (!options.skipPaymentOptionValidation) out.push(...paymentViolations(input, service));
  if (out.length > 0) throw new ValidationError(out);
}
