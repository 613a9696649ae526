/**
 * Bookings (contract section 5): create, read, history, and the lifecycle calls. Owner-only calls authenticate
 * in onRequest, so a caller without the key hears 401/403 before any body check. Confirm, decline, mark as
 * pending, confirm-or-decline and history are the business's: the owner's on any booking, a STAFF account's
 * (contract section 12) on its own, another staff member's booking being 404 for it (domain/bookings/access.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import {
  CancelRequestSchema,
  ConfirmOrDeclineRequestSchema,
  CreateBookingRequestSchema,
  RescheduleRequestSchema,
  RevisionedStatusRequestSchema,
  UpdateParticipantsRequestSchema,
} from '../http/schemas/booking.js';
import { answers } from '../http/schemas/responses/common.js';
import { BookingHistoryResponseSchema, BookingResponseSchema } from '../http/schemas/responses/bookings.js';

export const bookingRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const ownerOnly = { onRequest: async (request: FastifyRequest) => ctx.auth.requireOwner(request) };
  const business = { onRequest: async (request: FastifyRequest) => void (await ctx.auth.requireBusiness(request)) };
  const caller = async (request: FastifyRequest) => ({ identity: await ctx.auth.requireBusiness(request) });
  const signedIn = { onRequest: async (request: FastifyRequest) => void (await ctx.auth.requireIdentity(request)) };

  app.post(
    '/bookings/v2/bookings',
    { ...signedIn, schema: { body: CreateBookingRequestSchema, response: answers(BookingResponseSchema) } },
    async (request, reply) => {
      const identity = await ctx.auth.requireIdentity(request);
      const header = request.headers['idempotency-key'];
      const result = await ctx.bookings.create(identity, request.body, Array.isArray(header) ? header[0] : header);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.code(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/bookings/v2/bookings/:id',
    { ...signedIn, schema: { params: IdParamsSchema, response: answers(BookingResponseSchema) } },
    async (request) => ({
      booking: await ctx.bookingQueries.get(await ctx.auth.requireIdentity(request), request.params.id),
    }),
  );

  // Extension: every change of the booking, oldest first (the owner; a STAFF account on its own bookings).
  app.get(
    '/bookings/v2/bookings/:id/history',
    { ...business, schema: { params: IdParamsSchema, response: answers(BookingHistoryResponseSchema) } },
    async (request) => ({
      history: await ctx.bookingQueries.history(request.params.id, await ctx.auth.requireBusiness(request)),
    }),
  );

  app.post(
    '/bookings/v2/bookings/:id/confirm',
    { ...business, schema: { params: IdParamsSchema, body: RevisionedStatusRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => ({
      booking: await ctx.bookings.confirm(request.params.id, request.body.revision, request.body.paymentStatus, await caller(request)),
    }),
  );

  app.post(
    '/bookings/v2/bookings/:id/decline',
    { ...business, schema: { params: IdParamsSchema, body: RevisionedStatusRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => ({
      booking: await ctx.bookings.decline(request.params.id, request.body.revision, request.body.paymentStatus, await caller(request)),
    }),
  );

  app.post(
    '/bookings/v2/bookings/:id/mark_booking_as_pending',
    { ...business, schema: { params: IdParamsSchema, body: RevisionedStatusRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => ({
      booking: await ctx.bookings.markAsPending(
        request.params.id,
        request.body.revision,
        request.body.paymentStatus,
        await caller(request),
      ),
    }),
  );

  app.post(
    '/bookings/v2/bookings/:id/update_number_of_participants',
    { ...ownerOnly, schema: { params: IdParamsSchema, body: UpdateParticipantsRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => {
      const { revision, totalParticipants, participantsChoices } = request.body;
      return {
        booking: await ctx.bookings.updateNumberOfParticipants(request.params.id, revision, { totalParticipants, participantsChoices }),
      };
    },
  );

  app.post(
    '/bookings/v2/bookings/:id/cancel',
    { ...signedIn, schema: { params: IdParamsSchema, body: CancelRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => {
      const identity = await ctx.auth.requireIdentity(request);
      const ignore = request.body.flowControlSettings?.ignoreCancellationPolicy === true;
      return { booking: await ctx.bookings.cancel({ identity }, request.params.id, request.body.revision, ignore) };
    },
  );

  app.post(
    '/bookings/v2/bookings/:id/reschedule',
    { ...signedIn, schema: { params: IdParamsSchema, body: RescheduleRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => {
      const identity = await ctx.auth.requireIdentity(request);
      const flow = request.body.flowControlSettings;
      const ignore = flow?.ignoreReschedulePolicy === true;
      const skip = flow?.skipAvailabilityValidation === true;
      return { booking: await ctx.bookings.reschedule({ identity }, request.params.id, request.body, ignore, skip) };
    },
  );

  // Wix's path has a literal ":confirmOrDecline" after the id. A plain `:id::confirmOrDecline` would make Fastify
  // read one parameter named "id::confirmOrDecline"; a regexp parameter ends the id at the colon.
  app.post(
    '/bookings/v2/confirmation/:id(^[0-9A-Za-z_-]{1,100})::confirmOrDecline',
    {
      ...business,
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: ConfirmOrDeclineRequestSchema,
        response: answers(BookingResponseSchema),
      },
    },
    async (request) => ({
      booking: await ctx.bookings.confirmOrDecline(request.params.id, request.body.paymentStatus, await caller(request)),
    }),
  );
};
