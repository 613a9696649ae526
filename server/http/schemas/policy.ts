/**
 * Request schemas for booking policies (contract section 3, Wix `/bookings/v1/booking-policies`). Every sub-policy
 * is optional: create fills Wix's defaults, update changes only what is sent. Unknown fields are ignored, as Wix does.
 */
import { Type } from 'typebox';
import { RevisionSchema } from './common.js';

const Bool = Type.Boolean();
/** Minutes in a policy window: up to a year. */
const Minutes = Type.Integer({ minimum: 0, maximum: 525_600 });

export const PolicyFieldsSchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  customPolicyDescription: Type.Optional(Type.Object({ enabled: Bool, description: Type.String({ maxLength: 2500 }) })),
  limitEarlyBookingPolicy: Type.Optional(Type.Object({ enabled: Bool, earliestBookingInMinutes: Type.Optional(Minutes) })),
  limitLateBookingPolicy: Type.Optional(Type.Object({ enabled: Bool, latestBookingInMinutes: Type.Optional(Minutes) })),
  bookAfterStartPolicy: Type.Optional(Type.Object({ enabled: Bool })),
  cancellationPolicy: Type.Optional(
    Type.Object({
      enabled: Bool,
      limitLatestCancellation: Type.Optional(Bool),
      latestCancellationInMinutes: Type.Optional(Minutes),
      allowAnonymous: Type.Optional(Type.Union([Bool, Type.Null()])),
    }),
  ),
  reschedulePolicy: Type.Optional(
    Type.Object({
      enabled: Bool,
      limitLatestReschedule: Type.Optional(Bool),
      latestRescheduleInMinutes: Type.Optional(Minutes),
      allowAnonymous: Type.Optional(Type.Union([Bool, Type.Null()])),
    }),
  ),
  waitlistPolicy: Type.Optional(
    Type.Object({
      enabled: Bool,
      capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      reservationTimeInMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    }),
  ),
  participantsPolicy: Type.Optional(
    Type.Object({
      maxParticipantsPerBooking: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      maxUnpaidBookingsPerSession: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    }),
  ),
});

export const CreatePolicyRequestSchema = Type.Object({ bookingPolicy: PolicyFieldsSchema });

export const UpdatePolicyRequestSchema = Type.Object({
  bookingPolicy: Type.Object({ ...PolicyFieldsSchema.properties, revision: RevisionSchema }),
});

/** Wix sends the id in the path and again as a query parameter (`?bookingPolicyId=`); the path wins. */
export const PolicyIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
