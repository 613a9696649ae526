/**
 * Live booking status (extension): Server-Sent Events at `/bookings/v2/bookings/{id}/events` and
 * `/v1/anonymous-bookings/{token}/events`. The stream opens with the booking as it is, then sends
 * `event: booking` with the whole booking after every committed change, and a comment line as a heartbeat.
 * EventSource cannot send headers, so the bearer token may also come as `?access_token=`. Streams are capped per
 * token and per address, and end when the login that opened them logs out.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { Booking } from '../../src/model/booking.js';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { TokenParamsSchema } from './bookings-anonymous.js';
import { DomainError } from '../domain/errors.js';
import { callerToken, clientAddress } from '../http/rate-limits.js';
import { createHash } from 'node:crypto';
// SSE: the handler hijacks the reply on success, so only the JSON errors have a response schema.
import { streamErrors } from '../http/schemas/responses/common.js';

const HEARTBEAT_MS = 15_000;
const QuerySchema = Type.Object({ access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) });

const frame = (booking: Booking) => `event: booking\nid: ${booking.revision}\ndata: ${JSON.stringify(booking)}\n\n`;

/** Who holds a stream open, for the caps and for ending it when that login ends. */
interface Holder {
  tokenKey: string | null;
  address: string;
  familyId: string | undefined;
}

export const bookingEventRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const open = new Map<ServerResponse, Holder>();
  const caps = ctx.limits.streams;
  // Open streams never end by themselves: end them so the server can close.
  app.addHook('preClose', async () => {
    for (const res of open.keys()) res.end();
    open.clear();
  });
  // A logout ends that login's streams at once: a revoked token must not keep reading.
  const stopListening = ctx.tokens.onRevoked((familyId) => {
    for (const [res, holder] of open) if (holder.familyId === familyId) res.end();
  });
  app.addHook('onClose', async () => stopListening());

  const countOpen = (match: (h: Holder) => boolean) => [...open.values()].filter(match).length;

  /** 429 when this token or this address already holds its share of streams. */
  function checkCaps(holder: Holder): void {
    const byToken = holder.tokenKey !== null && countOpen((h) => h.tokenKey === holder.tokenKey) >= caps.perToken;
    if (byToken || countOpen((h) => h.address === holder.address) >= caps.perAddress) {
      throw new DomainError(
        'TOO_MANY_STREAMS',
        `Too many live status streams are open ${byToken ? 'with this token' : 'from this address'}; close one (another tab or window) and try again.`,
        { retryAfterSeconds: 30 },
      );
    }
  }

  function stream(request: FastifyRequest, reply: FastifyReply, booking: Booking, holder: Holder): void {
    // HEAD asks only whether the stream would open: its headers, no stream held open.
    if (request.method === 'HEAD') {
      void reply
        .code(200)
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .send();
      return;
    }
    checkCaps(holder);
    reply.hijack();
    const res = reply.raw;
    // Keep what hooks set on the reply (CORS) and drop unset ones.
    const kept = Object.entries(reply.getHeaders()).filter(
      (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
    );
    res.writeHead(200, {
      ...Object.fromEntries(kept),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    open.set(res, holder);
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
    { onRequest: tokenFromQuery, schema: { params: IdParamsSchema, querystring: QuerySchema, response: streamErrors } },
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
