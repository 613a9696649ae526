/**
 * Live booking status (extension): Server-Sent Events at `/bookings/v2/bookings/{id}/events` and
 * `/v1/anonymous-bookings/{token}/events`. The stream opens with the booking as it is, then sends
 * `event: booking` with the whole booking after every committed change, and a comment line as a heartbeat.
 * EventSource cannot send headers, so the bearer token may also come as `?access_token=`. Streams are capped per
 * token and per address, and end when the login that opened them logs out.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Booking } from '../../src/model/booking.js';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { TokenParamsSchema } from './bookings-anonymous.js';
import { callerToken, clientAddress } from '../http/rate-limits.js';
import { answerStreamHead, OpenStreams, StreamQuerySchema, tokenFromQuery, type StreamHolder } from '../http/event-streams.js';
// SSE: the handler hijacks the reply on success, so only the JSON errors have a response schema.
import { streamErrors } from '../http/schemas/responses/common.js';

const frame = (booking: Booking) => `event: booking\nid: ${booking.revision}\ndata: ${JSON.stringify(booking)}\n\n`;

export const bookingEventRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const streams = new OpenStreams(app, ctx, 'live status streams');

  function stream(request: FastifyRequest, reply: FastifyReply, booking: Booking, holder: StreamHolder): void {
    if (request.method === 'HEAD') {
      void answerStreamHead(reply);
      return;
    }
    streams.checkCaps(holder);
    let unsubscribe = () => {};
    const opened = streams.start(request, reply, holder, { close: () => unsubscribe() });
    let lastRevision = Number(booking.revision);
    opened.write(`retry: 2000\n${frame(booking)}`);
    unsubscribe = ctx.bookingEvents.subscribe(booking.id, (next) => {
      // Publishes are in commit order, but never send an older revision after a newer one.
      if (Number(next.revision) <= lastRevision) return;
      lastRevision = Number(next.revision);
      opened.write(frame(next));
    });
  }

  app.get(
    '/bookings/v2/bookings/:id/events',
    { onRequest: tokenFromQuery, schema: { params: IdParamsSchema, querystring: StreamQuerySchema, response: streamErrors } },
    async (request, reply) => {
      const identity = await ctx.auth.requireIdentity(request);
      const booking = await ctx.bookingQueries.get(identity, request.params.id);
      // The owner key has no login to end; an OWNER or STAFF account's stream ends with its logout, as a member's.
      const familyId = identity.familyId;
      stream(request, reply, booking, { tokenKey: callerToken(request), address: clientAddress(request), familyId });
    },
  );

  app.get(
    '/v1/anonymous-bookings/:token/events',
    { schema: { params: TokenParamsSchema, response: streamErrors } },
    async (request, reply) => {
      const access = await ctx.anonymousBookings.accessForToken(request.params.token);
      const { booking } = await ctx.anonymousBookings.view(request.params.token);
      const tokenKey = createHash('sha256').update(request.params.token).digest('base64url');
      stream(request, reply, booking, { tokenKey, address: clientAddress(request), familyId: access.familyId });
    },
  );
};
