/**
 * Live booking status (extension): Server-Sent Events at `/bookings/v2/bookings/{id}/events` and
 * `/v1/anonymous-bookings/{token}/events`. The stream opens with the booking as it is, then sends
 * `event: booking` with the whole booking after every committed change, and a comment line as a heartbeat.
 * EventSource cannot send headers, so the bearer token may also come as `?access_token=`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { Booking } from '../../src/model/booking.js';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { TokenParamsSchema } from './bookings-anonymous.js';

const HEARTBEAT_MS = 15_000;
const QuerySchema = Type.Object({ access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) });

const frame = (booking: Booking) => `event: booking\nid: ${booking.revision}\ndata: ${JSON.stringify(booking)}\n\n`;

export const bookingEventRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const open = new Set<ServerResponse>();
  // Open streams never end by themselves: end them so the server can close.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  function stream(request: FastifyRequest, reply: FastifyReply, booking: Booking): void {
    reply.hijack();
    const res = reply.raw;
    // Keep what hooks set on the reply (CORS) and drop unset ones.
    const kept = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    res.writeHead(200, {
      ...Object.fromEntries(kept),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    open.add(res);
    let lastRevision = Number(booking.revision);
    res.write(`retry: 2000\n${frame(booking)}`);
    const unsubscribe = ctx.bookingEvents.subscribe(booking.id, (next) => {
      // Publishes are in commit order, but never send an older revision after a newer one.
      if (Number(next.revision) <= lastRevision) return;
      lastRevision = Number(next.revision);
      res.write(frame(next));
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    request.raw.on('close', cleanup);
    res.on('close', cleanup);
  }

  // A query token stands in for the Authorization header (EventSource cannot set one).
  const tokenFromQuery = async (request: FastifyRequest) => {
    const token = (request.query as { access_token?: unknown }).access_token;
    if (typeof token === 'string' && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
  };

  app.get(
    '/bookings/v2/bookings/:id/events',
    { onRequest: tokenFromQuery, schema: { params: IdParamsSchema, querystring: QuerySchema } },
    async (request, reply) => {
      const identity = await ctx.auth.requireIdentity(request);
      stream(request, reply, await ctx.bookings.get(identity, request.params.id));
    },
  );

  app.get('/v1/anonymous-bookings/:token/events', { schema: { params: TokenParamsSchema } }, async (request, reply) => {
    const { booking } = await ctx.bookings.anonymousView(request.params.token);
    stream(request, reply, booking);
  });
};
