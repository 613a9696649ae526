/**
 * Request and response schemas of the owner's session calls (extension, after Wix Calendar events): cancel one
 * session with its bookings, list sessions for the console, and move one session.
 */
import { Type, type Static } from 'typebox';

const LocalDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$',
  description: 'a local date-time in the business zone, "2026-12-24T18:00:00"',
});

export const CancelEventRequestSchema = Type.Object({
  participantNotification: Type.Optional(
    Type.Object({
      notifyParticipants: Type.Optional(Type.Boolean({ description: 'email each customer (default true)' })),
      message: Type.Optional(Type.String({ maxLength: 1000, description: 'goes into the customer email' })),
    }),
  ),
});
export type CancelEventRequest = Static<typeof CancelEventRequestSchema>;

export const CancelEventResponseSchema = Type.Object({
  event: Type.Object({ eventId: Type.String(), status: Type.Literal('CANCELLED') }),
  canceledBookingIds: Type.Array(Type.String()),
});

export const ListEventsQuerySchema = Type.Object({
  fromLocalDate: LocalDateTime,
  toLocalDate: LocalDateTime,
  serviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'one id, or several comma-separated' })),
});

export const SessionEventSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  scheduleId: Type.String(),
  serviceId: Type.String(),
  title: Type.Optional(Type.String()),
  localStartDate: Type.String(),
  localEndDate: Type.String(),
  timeZone: Type.String(),
  capacity: Type.Integer({ minimum: 0 }),
  staffMemberId: Type.Optional(Type.String()),
  status: Type.Enum(['CONFIRMED', 'CANCELLED'] as const),
  bookedCount: Type.Integer({ minimum: 0 }),
  waitingCount: Type.Optional(Type.Integer({ minimum: 0 })),
  movedFrom: Type.Optional(Type.String()),
});

export const ListEventsResponseSchema = Type.Object({ events: Type.Array(SessionEventSchema) });

export const MoveEventRequestSchema = Type.Object({
  event: Type.Object({
    localStartDate: LocalDateTime,
    durationInMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
  }),
});
export type MoveEventRequest = Static<typeof MoveEventRequestSchema>;

export const MoveEventResponseSchema = Type.Object({ event: SessionEventSchema });

export const EventParamsSchema = Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 400 }) });
