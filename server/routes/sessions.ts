/**
 * The owner's calls on single class and course sessions (extension, after Wix Calendar events): cancel one with
 * its bookings, restore it (the session only: its canceled bookings stay canceled), list sessions for the
 * console, and move one session. Registered inside the schedule routes, so owner-only as they are.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { answers } from '../http/schemas/responses/common.js';
import { EventStatusResponseSchema } from '../http/schemas/responses/business.js';
import { CancelEventRequestSchema, CancelEventResponseSchema, EventParamsSchema } from '../http/schemas/sessions.js';

export const sessionRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/calendar/v3/events/:eventId/cancel',
    {
      schema: {
        params: EventParamsSchema,
        body: Type.Optional(CancelEventRequestSchema),
        response: answers(CancelEventResponseSchema),
      },
    },
    async (request) => ctx.sessions.cancel(request.params.eventId, request.body?.participantNotification),
  );
  app.post(
    '/calendar/v3/events/:eventId/restore',
    { schema: { params: EventParamsSchema, response: answers(EventStatusResponseSchema) } },
    async (request) => ({
      event: await ctx.schedule.setEventCancelled(request.params.eventId, false),
    }),
  );
};
