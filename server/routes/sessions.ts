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
import {
  CancelEventRequestSchema,
  CancelEventResponseSchema,
  EventParamsSchema,
  ListEventsQuerySchema,
  ListEventsResponseSchema,
  MoveEventRequestSchema,
  MoveEventResponseSchema,
} from '../http/schemas/sessions.js';
import { listSessions } from '../domain/sessions/session-list.js';
import { serviceIdsOf } from '../domain/sessions/session-move.js';

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
  // Several services: one comma-separated `serviceId` (ids have no commas), so the query stays one key.
  app.get(
    '/calendar/v3/events',
    { schema: { querystring: ListEventsQuerySchema, response: answers(ListEventsResponseSchema) } },
    async (request) => {
      const serviceIds = serviceIdsOf(request.query.serviceId);
      return {
        events: await listSessions(ctx.storage, {
          fromLocalDate: request.query.fromLocalDate,
          toLocalDate: request.query.toLocalDate,
          ...(serviceIds ? { serviceIds } : {}),
        }),
      };
    },
  );
  app.patch(
    '/calendar/v3/events/:eventId',
    { schema: { params: EventParamsSchema, body: MoveEventRequestSchema, response: answers(MoveEventResponseSchema) } },
    async (request) => ({
      event: await ctx.sessionMoves.move(request.params.eventId, request.body.event),
    }),
  );
};
