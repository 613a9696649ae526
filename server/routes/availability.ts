/** Availability (contract section 4, public): appointment slots, class sessions, and a course's schedule. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { eventTimeSlot } from '../domain/availability/event-slot.js';
import { AppointmentSlotsRequestSchema, CourseRequestSchema, EventSlotsRequestSchema } from '../http/schemas/availability.js';
import { answers } from '../http/schemas/responses/common.js';
import {
  CourseResponseSchema,
  EventTimeSlotResponseSchema,
  EventTimeSlotsResponseSchema,
  TimeSlotsResponseSchema,
} from '../http/schemas/responses/availability.js';

export const availabilityRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const availability = ctx.availability;

  app.post(
    '/service-availability/v2/time-slots',
    { schema: { body: AppointmentSlotsRequestSchema, response: answers(TimeSlotsResponseSchema) } },
    async (request) => availability.appointmentSlots(request.body),
  );

  app.post(
    '/service-availability/v2/time-slots/event',
    { schema: { body: EventSlotsRequestSchema, response: answers(EventTimeSlotsResponseSchema) } },
    async (request) => {
      const answer = await availability.eventSlots(request.body);
      return { ...answer, pagingMetadata: answer.cursorPagingMetadata };
    },
  );

  // Wix's Get Event Time Slot; the SDK sends the id in the path and again as `?eventId=`.
  app.get(
    '/service-availability/v2/time-slots/event/:eventId',
    {
      schema: {
        params: Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 400 }) }),
        querystring: Type.Object({ timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
        response: answers(EventTimeSlotResponseSchema),
      },
    },
    async (request) => eventTimeSlot(availability, ctx.storage, request.params.eventId, request.query.timeZone),
  );

  // Extension: Wix has no course route in Time Slots V2; a course is booked as one schedule.
  app.post(
    '/service-availability/v2/time-slots/course',
    { schema: { body: CourseRequestSchema, response: answers(CourseResponseSchema) } },
    async (request) => ({
      course: await availability.course(request.body),
    }),
  );
};
