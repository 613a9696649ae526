/**
 * A booking's calendar file (contract section 13): `GET /bookings/v2/bookings/{id}/calendar.ics` for whoever may
 * read the booking (its visitor or member, or the owner; anyone else 404 as for the booking itself) and
 * `GET /v1/anonymous-bookings/{token}/calendar.ics` with an anonymous booking token. A live booking answers
 * `METHOD:REQUEST`, a canceled or declined one `METHOD:CANCEL` (server/notifications/calendar/).
 * Subscribable feeds (`/calendar/v1/feeds/{secret}.ics`) are not here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Booking } from '../../src/model/booking.js';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { answers } from '../http/schemas/responses/common.js';
import { bookingNotFound } from '../domain/bookings/access.js';
import { bookingCalendar } from '../notifications/calendar/index.js';
import { loadCalendarContext } from '../notifications/calendar/context.js';
import { manageUrl } from '../notifications/email/manage-url.js';
import { TokenParamsSchema } from './bookings-anonymous.js';

/** The 200 answer is calendar text, sent as a string with its own content type (no JSON serializer runs). */
const CalendarTextSchema = Type.String({ description: 'text/calendar (RFC 5545)' });

async function sendCalendar(ctx: AppContext, reply: FastifyReply, booking: Booking, manage?: string): Promise<FastifyReply> {
  const context = await loadCalendarContext(ctx.storage, booking, manage ? { manageUrl: manage } : {});
  return reply
    .code(200)
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', 'attachment; filename="booking.ics"')
    .header('cache-control', 'private, no-store')
    .send(bookingCalendar(booking, context));
}

/** The site this request reached, for the manage link in an anonymous calendar file. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const calendarRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/bookings/v2/bookings/:id/calendar.ics',
    {
      onRequest: async (request) => void (await ctx.auth.requireIdentity(request)),
      schema: { params: IdParamsSchema, response: answers(CalendarTextSchema) },
    },
    async (request, reply) => {
      const booking = await ctx.bookingQueries.get(await ctx.auth.requireIdentity(request), request.params.id);
      return sendCalendar(ctx, reply, booking);
    },
  );

  app.get(
    '/v1/anonymous-bookings/:token/calendar.ics',
    { schema: { params: TokenParamsSchema, response: answers(CalendarTextSchema) } },
    async (request, reply) => {
      const id = await ctx.anonymousBookings.bookingIdForToken(request.params.token);
      const record = await ctx.storage.bookings.get(id);
      if (!record) throw bookingNotFound(id);
      return sendCalendar(ctx, reply, record.booking, manageUrl(originOf(request), request.params.token));
    },
  );
};
