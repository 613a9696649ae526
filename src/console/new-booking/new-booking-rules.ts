/**
 * Pure rules of the console's new booking (a customer on the phone): which slots a staff choice shows and which
 * are full, how a choice reads, the contact form's checks, and the create request with the owner's options.
 */
import type { ContactDetails, CreateBookingRequest, FlowControlSettings } from '../../model/booking.js';
import type { CourseAvailability, TimeSlot } from '../../model/availability.js';
import type { Customer } from '../../model/customer.js';
import type { Service, ServiceOptionsAndVariants, ServiceVariant } from '../../model/service.js';
import { localParts } from '../shared/studio-time.js';
import { NEW_BOOKING_TEXT as T } from './new-booking-texts.js';

export type ContactField = 'firstName' | 'lastName' | 'email' | 'phone';
export const CONTACT_FIELDS: readonly ContactField[] = ['firstName', 'lastName', 'email', 'phone'];
export type ContactErrors = Partial<Record<ContactField, string>>;

/** The owner's options, each warned in words on the review step. */
export interface OwnerOptions {
  /** Book even when the time is full (a double booking): `skipAvailabilityValidation`. */
  doubleBook: boolean;
  /** Confirmed at once, without the approval the service may ask for: `skipBusinessConfirmation`. */
  confirmNow: boolean;
}

/** What the flow has chosen so far (the machine's context holds it). */
export interface Choices {
  service?: Service;
  variants?: ServiceOptionsAndVariants | null;
  variantId?: string;
  participants: number;
  /** The staff member asked for ('' = anyone free). */
  staffId: string;
  slot?: TimeSlot;
  course?: CourseAvailability;
  customer?: Customer;
  details: ContactDetails;
  options: OwnerOptions;
  timeZone: string;
}

export const hasVariants = (v: ServiceOptionsAndVariants | null | undefined): v is ServiceOptionsAndVariants =>
  !!v && v.variants.values.length > 0;

export function chosenVariant(c: Pick<Choices, 'variants' | 'variantId'>): ServiceVariant | undefined {
  return c.variants?.variants.values.find((v) => v.id === c.variantId);
}

/** A variant in words: its custom choice, its duration, or its staff member. */
export function variantLabel(v: ServiceVariant): string {
  return v.choices
    .map((ch) => ch.custom ?? ch.duration?.name ?? (ch.duration ? `${ch.duration.minutes} min` : (ch.staffMemberId ?? '')))
    .join(', ');
}

export function durationOf(c: Pick<Choices, 'variants' | 'variantId'>): number | undefined {
  return chosenVariant(c)?.choices.find((ch) => ch.duration)?.duration?.minutes;
}

/** The staff members the day's appointment slots name, by name. */
export function staffOf(slots: readonly TimeSlot[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const s of slots) for (const t of s.availableResources) for (const r of t.resources) seen.set(r.id, r.name ?? r.id);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Full: no room (or, for an appointment with a staff member asked for, that member is not free then). */
export function slotIsFull(slot: TimeSlot, staffId: string): boolean {
  if (staffId && slot.availableResources.length > 0) {
    return !slot.availableResources.some((t) => t.resources.some((r) => r.id === staffId));
  }
  return !slot.bookable || slot.remainingCapacity <= 0;
}

export function contactErrors(d: ContactDetails): ContactErrors {
  const errors: ContactErrors = {};
  const v = (f: ContactField) => (d[f] ?? '').trim();
  if (!v('firstName')) errors.firstName = T.required('first name');
  if (!v('lastName')) errors.lastName = T.required('last name');
  if (!v('email')) errors.email = T.required('email');
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v('email'))) errors.email = T.badEmail;
  if (v('phone') && !/^\+?[\d\s\-().]{6,20}$/.test(v('phone'))) errors.phone = T.badPhone;
  return errors;
}

/** The contact the booking carries: the customer found, or the one typed (trimmed, without empty fields). */
export function contactOf(c: Pick<Choices, 'customer' | 'details'>): ContactDetails {
  const from: ContactDetails = c.customer ?? c.details;
  const out: ContactDetails = {};
  for (const f of CONTACT_FIELDS) {
    const value = (from[f] ?? '').trim();
    if (value) out[f] = value;
  }
  return out;
}

function participantsOf(c: Choices): Pick<CreateBookingRequest['booking'], 'totalParticipants' | 'participantsChoices'> {
  const variant = chosenVariant(c);
  if (!variant) return { totalParticipants: c.participants };
  return { participantsChoices: { serviceChoices: [{ numberOfParticipants: c.participants, choices: variant.choices }] } };
}

/** The preview's one line, priced by the server as the booking will be. */
export function priceLines(c: Choices) {
  const service = c.service;
  if (!service) return [];
  const variant = chosenVariant(c);
  return [
    variant
      ? { serviceId: service.id, serviceChoices: [{ numberOfParticipants: c.participants, choices: variant.choices }] }
      : { serviceId: service.id, numberOfParticipants: c.participants },
  ];
}

/** `POST /bookings/v2/bookings`'s body: paid in person (OFFLINE), with the owner's options as flow control. */
export function createRequest(c: Choices): CreateBookingRequest {
  const service = c.service;
  if (!service) throw new Error('no service chosen');
  let bookedEntity: CreateBookingRequest['booking']['bookedEntity'];
  if (service.type === 'COURSE') {
    bookedEntity = { schedule: { scheduleId: c.course?.scheduleId ?? service.schedule.id, serviceId: service.id } };
  } else {
    const slot = c.slot;
    if (!slot) throw new Error('no slot chosen');
    const free = slot.availableResources[0]?.resources[0]?.id;
    const staffId = c.staffId || free || service.staffMemberIds?.[0];
    bookedEntity = {
      slot: {
        serviceId: service.id,
        scheduleId: slot.scheduleId,
        startDate: slot.localStartDate,
        endDate: slot.localEndDate,
        timezone: c.timeZone,
        ...(slot.eventInfo?.eventId ? { eventId: slot.eventInfo.eventId } : {}),
        ...(service.type === 'APPOINTMENT' && staffId ? { resource: { id: staffId } } : {}),
      },
    };
  }
  const paid = service.payment.rateType !== 'NO_FEE';
  const flowControlSettings: FlowControlSettings = {
    ...(c.options.doubleBook ? { skipAvailabilityValidation: true } : {}),
    ...(c.options.confirmNow ? { skipBusinessConfirmation: true } : {}),
    // In person is how a phone customer pays; the service may not list it for online customers.
    ...(paid ? { skipSelectedPaymentOptionValidation: true } : {}),
  };
  return {
    booking: {
      bookedEntity,
      contactDetails: { ...contactOf(c), timeZone: c.timeZone },
      ...participantsOf(c),
      ...(paid ? { selectedPaymentOption: 'OFFLINE' as const } : {}),
    },
    ...(Object.keys(flowControlSettings).length ? { flowControlSettings } : {}),
  };
}

/** Today's date (`YYYY-MM-DD`) in the studio's zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localParts(now.getTime(), timeZone).day;
}
