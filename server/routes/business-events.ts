/**
 * The business live stream (contract section 12): `GET /bookings/v2/events` as Server-Sent Events, `event: booking`
 * with the whole booking after every committed change of any booking the caller may see, made on this instance
 * or another (booking-relay.ts brings other instances' changes to this BookingEventBus). Each event's `id:` is
 * the booking's updatedDate and id; the stream replays nothing, so a client reads the list again whenever the
 * stream (re)opens (EventSource's `open` event) and applies events on top, the higher revision winning.
 *
 * As the per-booking stream (bookings-events.ts): `?access_token=` stands in for the header EventSource cannot
 * send, a comment heartbeat keeps proxies from closing it, open streams are capped per token and per address
 * (counted apart from the customers' streams), and it ends when its login logs out: at once on this instance,
 * and at the next heartbeat on the others, where the token is checked again (which also ends an expired one).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { Booking } from '../../src/model/booking.js';
import type { AppContext } from '../http/context.js';
import type { Identity } from '../domain/identity/identity.js';
import { DomainError } from '../domain/errors.js';
import { callerToken, clientAddress } from '../http/rate-limits.js';
import { streamEventId, visibleToStream } from '../domain/bookings/business-stream.js';
// SSE: the handler hijacks the reply on success, so only the JSON errors have a response schema.
import { streamErrors } from '../http/schemas/responses/common.js';

const HEARTBEAT_MS = 15_000;
/** How many bookings' last revisions a stream remembers (to never send an older one after a newer one). */
const REMEMBERED_BOOKINGS = 10_000;
const QuerySchema = Type.Object({ access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) });

const frame = (booking: Booking) => `event: booking\nid: ${streamEventId(booking)}\ndata: ${JSON.stringify(booking)}\n\n`;

interface Holder {
  tokenKey: string | null;
  address: string;
  /** The login's session family (a signed-in account); none for the owner key, which no logout ends. */
  familyId: string | undefined;
}

/** HEAD asks only whether the stream would open: its headers, no stream held open. */
const answerHead = (reply: FastifyReply) =>
  reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform').send();

const familyOf = (identity: Identity): string | undefined =>
  'familyId' in identity && typeof identity.familyId === 'string' ? identity.familyId : undefined;

export const businessEventRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const open = new Map<ServerResponse, Holder>();
  const caps = ctx.limits.streams;
  app.addHook('preClose', async () => {
    for (const res of open.keys()) res.end();
    open.clear();
  });
  const stopListening = ctx.tokens.onRevoked((familyId) => {
    for (const [res, holder] of open) if (holder.familyId === familyId) res.end();
  });
  // Changes other instances announced while this one's connection to them was lost never came: ending the
  // streams makes each client reconnect and read the list again, as it does on every open.
  const stopReconnect = ctx.storage.peers?.onReconnect(() => {
    for (const res of open.keys()) res.end();
  });
  app.addHook('onClose', async () => {
    stopListening();
    stopReconnect?.();
  });

  const countOpen = (match: (h: Holder) => boolean) => [...open.values()].filter(match).length;

  function checkCaps(holder: Holder): void {
    const byToken = holder.tokenKey !== null && countOpen((h) => h.tokenKey === holder.tokenKey) >= caps.perToken;
    if (byToken || countOpen((h) => h.address === holder.address) >= caps.perAddress) {
      throw new DomainError(
        'TOO_MANY_STREAMS',
        `Too many business live streams are open ${byToken ? 'with this token' : 'from this address'}; close one (another tab or window) and try again.`,
        { retryAfterSeconds: 30 },
      );
    }
  }

  /** Who may open the stream. Business accounts: `ctx.auth.requireBusiness(request)` takes this place. */
  async function streamIdentity(request: FastifyRequest): Promise<Identity> {
    return ctx.auth.requireBusiness(request);
  }

  // A query token stands in for the Authorization header (EventSource cannot set one).
  const tokenFromQuery = async (request: FastifyRequest) => {
    const token = (request.query as { access_token?: unknown }).access_token;
    if (typeof token === 'string' && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
  };

  app.get(
    '/bookings/v2/events',
    { onRequest: tokenFromQuery, schema: { querystring: QuerySchema, response: streamErrors } },
    async (request, reply) => {
      const identity = await streamIdentity(request);
      if (request.method === 'HEAD') return answerHead(reply);
      const holder: Holder = { tokenKey: callerToken(request), address: clientAddress(request), familyId: familyOf(identity) };
      checkCaps(holder);
      reply.hijack();
      const res = reply.raw;
      const kept = Object.entries(reply.getHeaders()).filter(
        (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
      );
      const write = (text: string) => {
        if (!res.writableEnded && !res.destroyed) res.write(text);
      };

      // Listen before the headers go out: a change committed after the client sees the 200 is never missed.
      const sent = new Map<string, number>();
      let queue = Promise.resolve();
      const unsubscribe = ctx.bookingEvents.subscribeAll((booking) => {
        // One at a time, in publish order, even when deciding who sees a booking takes a lookup.
        queue = queue.then(
          async () => {
            if (!(await visibleToStream(identity, booking, ctx.storage))) return;
            const revision = Number(booking.revision);
            const last = sent.get(booking.id);
            if (last !== undefined && revision <= last) return; // a relay may bring a change again, or late
            sent.delete(booking.id);
            sent.set(booking.id, revision);
            if (sent.size > REMEMBERED_BOOKINGS) sent.delete(sent.keys().next().value ?? '');
            write(frame(booking));
          },
          () => undefined,
        );
      });
      res.writeHead(200, {
        ...Object.fromEntries(kept),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      open.set(res, holder);
      write('retry: 2000\n: business stream open\n\n');

      // The token is checked again at each beat: a logout on another instance, or expiry, ends the stream here.
      const heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
        ctx.auth.optionalIdentity(request).then(
          (still) => void (still ? undefined : res.end()),
          () => res.end(),
        );
      }, HEARTBEAT_MS);
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      request.raw.on('close', cleanup);
      res.on('close', cleanup);
    },
  );
};
