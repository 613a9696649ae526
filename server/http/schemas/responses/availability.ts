/** Response schemas of availability (contract section 4): time slots and a course's schedule (`src/model/availability.ts`). */
import { Type } from 'typebox';
import { CursorPagingMetadataSchema, LocalDateTimeSchema, TimestampSchema, TimeZoneSchema } from './common.js';

const Count = Type.Integer({ minimum: 0 });

export const TimeSlotSchema = Type.Object({
  serviceId: Type.String(),
  scheduleId: Type.String(),
  localStartDate: LocalDateTimeSchema,
  localEndDate: LocalDateTimeSchema,
  bookable: Type.Boolean(),
  totalCapacity: Count,
  remainingCapacity: Count,
  bookableCapacity: Count,
  eventInfo: Type.Optional(
    Type.Object({
      eventId: Type.String(),
      eventTitle: Type.Optional(Type.String()),
      waitingList: Type.Optional(Type.Object({ totalCapacity: Count, remainingCapacity: Count })),
    }),
  ),
  availableResources: Type.Array(
    Type.Object({
      resourceTypeId: Type.String(),
      resources: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
      hasMoreAvailableResources: Type.Optional(Type.Boolean()),
    }),
  ),
  location: Type.Optional(
    Type.Object({
      id: Type.Optional(Type.String()),
      name: Type.Optional(Type.String()),
      formattedAddress: Type.Optional(Type.String()),
      locationType: Type.Enum(['BUSINESS', 'CUSTOM', 'CUSTOMER'] as const),
    }),
  ),
  bookingPolicyViolations: Type.Object({
    tooEarlyToBook: Type.Boolean(),
    earliestBookingDate: Type.Optional(TimestampSchema),
    tooLateToBook: Type.Boolean(),
    bookOnlineDisabled: Type.Boolean(),
  }),
  nonBookableReasons: Type.Object({
    noRemainingCapacity: Type.Boolean(),
    violatesBookingPolicy: Type.Boolean(),
    reservedForWaitingList: Type.Optional(Type.Boolean()),
    eventCancelled: Type.Boolean(),
  }),
});

export const TimeSlotsResponseSchema = Type.Object({
  timeSlots: Type.Array(TimeSlotSchema),
  timeZone: TimeZoneSchema,
  cursorPagingMetadata: CursorPagingMetadataSchema,
});

/** Class sessions: Wix's List Event Time Slots calls the cursor metadata `pagingMetadata` (and Wix's SDK reads that). */
export const EventTimeSlotsResponseSchema = Type.Object({
  ...TimeSlotsResponseSchema.properties,
  pagingMetadata: CursorPagingMetadataSchema,
});

/** Wix's Get Event Time Slot: one class session. */
export const EventTimeSlotResponseSchema = Type.Object({ timeSlot: TimeSlotSchema, timeZone: TimeZoneSchema });

export const CourseAvailabilitySchema = Type.Object({
  serviceId: Type.String(),
  scheduleId: Type.String(),
  totalSpots: Count,
  openSpots: Count,
  firstSessionStart: LocalDateTimeSchema,
  lastSessionEnd: LocalDateTimeSchema,
  timeZone: TimeZoneSchema,
  sessions: Type.Array(Type.Object({ localStartDate: LocalDateTimeSchema, localEndDate: LocalDateTimeSchema })),
  bookable: Type.Boolean(),
});

export const CourseResponseSchema = Type.Object({ course: CourseAvailabilitySchema });
