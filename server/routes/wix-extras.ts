/**
 * More calls of Wix's SDK served at the paths it sends them to: one appointment slot, counting extended bookings
 * (and the deprecated singular query path), and the service behind an anonymous token.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { CountRequestSchema, PagedQueryRequestSchema } from '../http/schemas/common.js';
import { answers } from '../http/schemas/responses/common.js';
import { EventTimeSlotResponseSchema } from '../http/schemas/responses/availability.js';
import { ExtendedBookingsResponseSchema } from '../http/schemas/responses/bookings.js';
import { ServiceResponseSchema } from '../http/schemas/responses/catalogue.js';
import { appointmentSlot } from '../domain/availability/appointment-slot.js';
import { serviceIdOf } from '../domain/bookings/booked-service.js';
import { bookingNotFound } from '../domain/bookings/access.js';

const Local = Type.String({ minLength: 10, maxLength: 40 });

const GetSlotRequestSchema = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100 }),
  localStartDate: Local,
  localEndDate: Local,
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export const wixExtraRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Wix's Get Availability Time Slot (appointments); public, as listing them is.
  app.post(
    '/service-availability/v2/time-slots/get',
    { schema: { body: GetSlotRequestSchema, response: answers(EventTimeSlotResponseSchema) } },
    async (request) => appointmentSlot(ctx.availability, request.body),
  );

  // Wix's Count Extended Bookings: the bookings the caller may see (the owner all, anyone else its own).
  app.post(
    '/bookings-reader/v2/extended-bookings/count',
    {
      onRequest: async (request) => void (await ctx.auth.requireIdentity(request)),
      schema: { body: Type.Optional(CountRequestSchema), response: answers(Type.Object({ count: Type.Integer({ minimum: 0 }) })) },
    },
    async (request) => ({
      count: await ctx.bookingQueries.countExtended(await ctx.auth.requireIdentity(request), request.body?.filter),
    }),
  );

  // The SDK's deprecated `extendedBookings.query` sends the same query to the singular path.
  app.post(
    '/bookings-reader/v2/extended-booking/query',
    {
      onRequest: async (request) => void (await ctx.auth.requireIdentity(request)),
      schema: { body: Type.Optional(PagedQueryRequestSchema), response: answers(ExtendedBookingsResponseSchema) },
    },
    async (request) => {
      const { items, pagingMetadata } = await ctx.bookingQueries.queryExtended(
        await ctx.auth.requireIdentity(request),
        request.body?.query,
      );
      return { extendedBookings: items, pagingMetadata };
    },
  );

  // Wix's Get Service Anonymously: the service of the booking behind an anonymous token (even if hidden since).
  app.get(
    '/v1/anonymous-bookings/:token/service',
    { schema: { params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }), response: answers(ServiceResponseSchema) } },
    async (request) => {
      const { booking } = await ctx.anonymousBookings.view(request.params.token);
      const service = await ctx.storage.catalogue.getService(serviceIdOf(booking));
      if (!service) throw bookingNotFound(booking.id);
      return { service };
    },
  );
};
