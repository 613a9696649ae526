/**
 * The domain owns its command types; the HTTP schemas describe the same shapes on the wire. Each `Check<...>`
 * below is a compile-time assertion, so `npx tsc -p tsconfig.test.json` fails as soon as a schema's static type
 * and the domain's type drift apart (a field added, renamed, made optional or retyped on one side only).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import type * as Bookings from '../../server/domain/bookings/commands.js';
import type * as Catalogue from '../../server/domain/catalogue/commands.js';
import type * as Availability from '../../server/domain/availability/commands.js';
import {
  AnonymousRescheduleRequestSchema,
  BookedSlotSchema,
  BookingInputSchema,
  CreateBookingRequestSchema,
  RescheduleRequestSchema,
  UpdateParticipantsRequestSchema,
} from '../../server/http/schemas/booking.js';
import {
  OptionsAndVariantsFieldsSchema,
  ServiceFieldsSchema,
  UpdateOptionsAndVariantsRequestSchema,
  UpdateServiceRequestSchema,
} from '../../server/http/schemas/service.js';
import {
  AppointmentSlotsRequestSchema,
  CourseRequestSchema,
  EventSlotsRequestSchema,
  SessionRuleFieldsSchema,
  StaffFieldsSchema,
  UpdateBusinessRequestSchema,
  UpdateSessionRuleRequestSchema,
  UpdateStaffRequestSchema,
} from '../../server/http/schemas/availability.js';

/** Flattens intersections and interfaces into plain object types, all the way down, so equal shapes compare equal. */
type Plain<T> = T extends readonly unknown[] ? { [K in keyof T]: Plain<T[K]> } : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;
/** True only when A and B are the same type (optionality, `null`, literal unions and all). */
type Equals<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;
/** Compiles only when given `true`. */
type Check<T extends true> = T;

// Bookings.
export type BookingChecks = [
  Check<Equals<Static<typeof BookedSlotSchema>, Bookings.BookedSlotInput>>,
  Check<Equals<Static<typeof BookingInputSchema>, Bookings.BookingInput>>,
  Check<Equals<Static<typeof CreateBookingRequestSchema>, Bookings.CreateBookingCommand>>,
  Check<Equals<Pick<Static<typeof RescheduleRequestSchema>, 'slot' | 'revision'>, Bookings.RescheduleCommand>>,
  Check<Equals<Static<typeof AnonymousRescheduleRequestSchema>, Bookings.RescheduleCommand>>,
  Check<Equals<Omit<Static<typeof UpdateParticipantsRequestSchema>, 'revision'>, Bookings.ParticipantsChange>>,
];

// Catalogue.
export type CatalogueChecks = [
  Check<Equals<Static<typeof ServiceFieldsSchema>, Catalogue.ServiceFields>>,
  Check<Equals<Static<typeof UpdateServiceRequestSchema>['service'], Catalogue.ServiceUpdate>>,
  Check<Equals<Static<typeof OptionsAndVariantsFieldsSchema>, Catalogue.OptionsAndVariantsFields>>,
  Check<Equals<Static<typeof UpdateOptionsAndVariantsRequestSchema>['serviceOptionsAndVariants'], Catalogue.OptionsAndVariantsUpdate>>,
];

// Availability and the owner's schedule.
type WireStaff = Static<typeof StaffFieldsSchema>;
type WireRule = Static<typeof SessionRuleFieldsSchema>;
type WireHours = NonNullable<WireStaff['workingHours']>[number];
type WireRecurrence = NonNullable<WireRule['recurrence']>;
type DomainHours = NonNullable<Availability.StaffFields['workingHours']>[number];
type DomainRecurrence = NonNullable<Availability.SessionRuleFields['recurrence']>;

export type AvailabilityChecks = [
  Check<Equals<Static<typeof AppointmentSlotsRequestSchema>, Availability.AppointmentSlotsQuery>>,
  Check<Equals<Static<typeof EventSlotsRequestSchema>, Availability.EventSlotsQuery>>,
  Check<Equals<Static<typeof CourseRequestSchema>, Availability.CourseQuery>>,
  Check<Equals<Static<typeof UpdateBusinessRequestSchema>['properties'], Availability.BusinessUpdate>>,
  Check<Equals<WireStaff, Availability.StaffFields>>,
  Check<Equals<WireHours, DomainHours>>,
  Check<Equals<WireRule, Availability.SessionRuleFields>>,
  Check<Equals<WireRecurrence, DomainRecurrence>>,
  Check<Equals<Static<typeof UpdateStaffRequestSchema>['staffMember'], Availability.StaffUpdate>>,
  Check<Equals<Static<typeof UpdateSessionRuleRequestSchema>['sessionRule'], Availability.SessionRuleUpdate>>,
];

describe('the domain command types and the HTTP schemas', () => {
  it('accept the same values: a create command built as the domain type passes the request schema', () => {
    const command: Bookings.CreateBookingCommand = {
      booking: {
        bookedEntity: { slot: { serviceId: 'svc', startDate: '2026-12-01T18:00:00', endDate: '2026-12-01T19:00:00' } },
        contactDetails: { firstName: 'Ada', email: 'ada@example.com' },
        totalParticipants: 1,
        selectedPaymentOption: 'OFFLINE',
      },
      flowControlSettings: { skipAvailabilityValidation: false },
    };
    assert.equal(Value.Check(CreateBookingRequestSchema, command), true);
  });
});
