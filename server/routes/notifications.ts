/** Owner notifications (extension): double bookings to resolve, newest first. A webhook comes later. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { answers } from '../http/schemas/responses/common.js';
import { NotificationsResponseSchema } from '../http/schemas/responses/bookings.js';

export const notificationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/bookings/v2/notifications',
    {
      onRequest: async (request) => ctx.auth.requireOwner(request),
      schema: {
        querystring: Type.Object({ bookingId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
        response: answers(NotificationsResponseSchema),
      },
    },
    async (request) => {
      const notifications = await ctx.storage.notifications.list(request.query.bookingId ? { bookingId: request.query.bookingId } : {});
      return { notifications, pagingMetadata: { count: notifications.length, offset: 0, total: notifications.length } };
    },
  );
};
