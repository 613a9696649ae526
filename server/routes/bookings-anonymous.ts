/**
 * Anonymous booking access as Wix has it: the creator asks for a token, and the token alone then reads, cancels
 * or reschedules that one booking (within the policy's `allowAnonymous`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { AnonymousCancelRequestSchema, AnonymousRescheduleRequestSchema } from '../http/schemas/booking.js';
import { answers } from '../http/schemas/responses/common.js';
import { AnonymousBookingResponseSchema, AnonymousTokenResponseSchema, BookingResponseSchema } from '../http/schemas/responses/bookings.js';

export const TokenParamsSchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

export const anonymousBookingRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/v1/anonymous-bookings/:bookingId/token',
    {
      onRequest: async (request) => void (await ctx.auth.requireIdentity(request)),
      schema: {
        params: Type.Object({ bookingId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: answers(AnonymousTokenResponseSchema),
      },
    },
    async (request) => ({
      token: await ctx.anonymousBookings.issueToken(await ctx.auth.requireIdentity(request), request.params.bookingId),
    }),
  );

  app.get(
    '/v1/anonymous-bookings/:token',
    { schema: { params: TokenParamsSchema, response: answers(AnonymousBookingResponseSchema) } },
    async (request) => ctx.anonymousBookings.view(request.params.token),
  );

  app.post(
    '/v1/anonymous-bookings/:token/cancel',
    { schema: { params: TokenParamsSchema, body: AnonymousCancelRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => {
      const id = await ctx.anonymousBookings.bookingIdForToken(request.params.token);
      return { booking: await ctx.bookings.cancel({ anonymousBookingId: id }, id, request.body.revision) };
    },
  );

  app.post(
    '/v1/anonymous-bookings/:token/reschedule',
    { schema: { params: TokenParamsSchema, body: AnonymousRescheduleRequestSchema, response: answers(BookingResponseSchema) } },
    async (request) => {
      const id = await ctx.anonymousBookings.bookingIdForToken(request.params.token);
      return { booking: await ctx.bookings.reschedule({ anonymousBookingId: id }, id, request.body) };
    },
  );
};
