/** The extended-bookings query (contract section 5): the owner sees all bookings, a visitor or member its own. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { SearchableQueryRequestSchema } from '../http/schemas/common.js';
import { answers } from '../http/schemas/responses/common.js';
import { ExtendedBookingsResponseSchema } from '../http/schemas/responses/bookings.js';

export const bookingReaderRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/bookings-reader/v2/extended-bookings/query',
    {
      onRequest: async (request) => void (await ctx.auth.requireIdentity(request)),
      schema: { body: Type.Optional(SearchableQueryRequestSchema), response: answers(ExtendedBookingsResponseSchema) },
    },
    async (request) => {
      const { items, pagingMetadata } = await ctx.bookingQueries.queryExtended(
        await ctx.auth.requireIdentity(request),
        request.body?.query,
      );
      return { extendedBookings: items, pagingMetadata };
    },
  );
};
