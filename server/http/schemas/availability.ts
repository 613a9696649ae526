/** Request schemas for availability (contract section 4) and the owner's schedule endpoints (extension). */
import { Type, type Static } from 'typebox';
import { RevisionSchema } from './common.js';
import { BusinessAddressSchema, BusinessScheduleSchema } from './settings.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Local = Type.String({ minLength: 1, maxLength: 40, description: 'a local date-time such as "2026-12-01T18:00:00"' });
const Zone = Type.String({ minLength: 1, maxLength: 64, description: 'an IANA time zone' });

const cursorPaging = (max: number) =>
  Type.Optional(
    Type.Object({
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max })),
      cursor: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    }),
  );

export const AppointmentSlotsRequestSchema = Type.Object({
  serviceId: Id,
  fromLocalDate: Type.Optional(Local),
  toLocalDate: Type.Optional(Local),
  timeZone: Type.Optional(Zone),
  bookable: Type.Optional(Type.Boolean()),
  cursorPaging: cursorPaging(1000),
  customerChoices: Type.Optional(Type.Object({ durationInMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })) })),
  resourceTypes: Type.Optional(
    Type.Array(Type.Object({ resourceTypeId: Id, resourceIds: Type.Optional(Type.Array(Id, { maxItems: 200 })) }), { maxItems: 10 }),
  ),
});

export const EventSlotsRequestSchema = Type.Object({
  serviceIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
  fromLocalDate: Type.Optional(Local),
  toLocalDate: Type.Optional(Local),
  timeZone: Type.Optional(Zone),
  includeNonBookable: Type.Optional(Type.Boolean()),
  minBookableCapacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  cursorPaging: cursorPaging(1000),
});

export const CourseRequestSchema = Type.Object({ serviceId: Id, timeZone: Type.Optional(Zone) });

// Spelled out: a `.map(Type.Literal)` union has the static type `never`.
const Weekday = Type.Union([
  Type.Literal('MON'),
  Type.Literal('TUE'),
  Type.Literal('WED'),
  Type.Literal('THU'),
  Type.Literal('FRI'),
  Type.Literal('SAT'),
  Type.Literal('SUN'),
]);
const HourMinute = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: '"HH:MM", 00:00 to 24:00' });
const WorkingHoursSchema = Type.Array(Type.Object({ day: Weekday, startTime: HourMinute, endTime: HourMinute }), { maxItems: 100 });

const LocalDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$',
  description: 'a local date-time in the business zone, "2026-12-24T00:00:00"',
});
const TimeOffSchema = Type.Array(Type.Object({ start: LocalDateTime, end: LocalDateTime }), { maxItems: 200 });

export const StaffFieldsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Type.String({ maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' })),
  workingHours: Type.Optional(WorkingHoursSchema),
  timeOff: Type.Optional(TimeOffSchema),
});
export type StaffFields = Static<typeof StaffFieldsSchema>;
export const CreateStaffRequestSchema = Type.Object({ staffMember: StaffFieldsSchema });
export const UpdateStaffRequestSchema = Type.Object({
  staffMember: Type.Intersect([Type.Partial(StaffFieldsSchema), Type.Object({ revision: RevisionSchema })]),
});
export type StaffUpdate = Static<typeof UpdateStaffRequestSchema>['staffMember'];

const Recurrence = Type.Object({
  frequency: Type.Literal('WEEKLY'),
  days: Type.Array(Weekday, { minItems: 1, maxItems: 7 }),
  until: Type.Optional(Local),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

export const SessionRuleFieldsSchema = Type.Object({
  serviceId: Id,
  title: Type.Optional(Type.String({ maxLength: 200 })),
  start: Local,
  durationInMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  recurrence: Type.Optional(Recurrence),
  staffMemberId: Type.Optional(Id),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
export type SessionRuleFields = Static<typeof SessionRuleFieldsSchema>;
export const CreateSessionRuleRequestSchema = Type.Object({ sessionRule: SessionRuleFieldsSchema });
export const UpdateSessionRuleRequestSchema = Type.Object({
  sessionRule: Type.Intersect([Type.Partial(SessionRuleFieldsSchema), Type.Object({ revision: RevisionSchema })]),
});
export type SessionRuleUpdate = Static<typeof UpdateSessionRuleRequestSchema>['sessionRule'];

export const UpdateBusinessRequestSchema = Type.Object({
  properties: Type.Object({
    timeZone: Type.Optional(Zone),
    siteDisplayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    // Business settings (server/http/schemas/settings.ts; docs/api.md, "Business settings").
    paymentCurrency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 50 })),
    address: Type.Optional(BusinessAddressSchema),
    businessSchedule: Type.Optional(BusinessScheduleSchema),
  }),
});
