/**
 * Response schemas of the business side (extension): site properties (after Wix Site Properties), staff members
 * with working hours, session rules and calendar events (`src/model/business.ts`), and the health check.
 */
import { Type } from 'typebox';
import { BusinessAddressSchema, BusinessScheduleSchema } from '../settings.js';
import { LocalDateTimeSchema, RevisionSchema, TimestampSchema, TimeZoneSchema } from './common.js';

const Str = Type.String();
const Opt = Type.Optional;
const Weekday = Type.Enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const);

/** `GET /site-properties/v4/properties`: the public facts the widget needs first, and the business's details. */
export const SitePropertiesResponseSchema = Type.Object({
  properties: Type.Object({
    siteDisplayName: Str,
    timeZone: TimeZoneSchema,
    paymentCurrency: Type.String({ pattern: '^[A-Z]{3}$' }),
    // Always sent; optional only because the route reads it as `locale.split('-')[0]`, typed `string | undefined`.
    locale: Type.Object({ languageCode: Opt(Str), country: Str }),
    email: Str,
    phone: Str,
    address: BusinessAddressSchema,
    businessSchedule: BusinessScheduleSchema,
  }),
});

/** The owner's `PATCH /site-properties/v4/properties` answers the properties as they now are. */
export const UpdatedSitePropertiesResponseSchema = SitePropertiesResponseSchema;

export const StaffMemberSchema = Type.Object({
  id: Str,
  name: Str,
  email: Opt(Str),
  scheduleId: Str,
  workingHours: Type.Array(Type.Object({ day: Weekday, startTime: Str, endTime: Str })),
  timeOff: Type.Array(Type.Object({ start: LocalDateTimeSchema, end: LocalDateTimeSchema })),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
  revision: RevisionSchema,
});
export const StaffMemberResponseSchema = Type.Object({ staffMember: StaffMemberSchema });
export const StaffMembersResponseSchema = Type.Object({ staffMembers: Type.Array(StaffMemberSchema) });

export const SessionRuleSchema = Type.Object({
  id: Str,
  scheduleId: Str,
  serviceId: Str,
  title: Opt(Str),
  start: LocalDateTimeSchema,
  durationInMinutes: Type.Integer({ minimum: 1 }),
  recurrence: Opt(
    Type.Object({
      frequency: Type.Literal('WEEKLY'),
      days: Type.Array(Weekday),
      until: Opt(LocalDateTimeSchema),
      count: Opt(Type.Integer({ minimum: 1 })),
    }),
  ),
  staffMemberId: Opt(Str),
  capacity: Opt(Type.Integer({ minimum: 1 })),
  revision: RevisionSchema,
});
export const SessionRuleResponseSchema = Type.Object({ sessionRule: SessionRuleSchema });
export const SessionRulesResponseSchema = Type.Object({ sessionRules: Type.Array(SessionRuleSchema) });

/** Cancelling or restoring one session answers its id and new status. */
export const EventStatusResponseSchema = Type.Object({
  event: Type.Object({ eventId: Str, status: Type.Enum(['CONFIRMED', 'CANCELLED'] as const) }),
});

export const HealthResponseSchema = Type.Object({ status: Type.Literal('ok') });
