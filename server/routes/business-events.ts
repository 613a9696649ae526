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
import type { Booking } from '../../src/model/booking.js';
import type { AppContext } from '../http/context.js';
import type { Identity } from '../domain/identity/identity.js';
import { callerToken, clientAddress } from '../http/rate-limits.js';
import { answerStreamHead, OpenStreams, StreamQuerySchema, tokenFromQuery } from '../http/event-streams.js';
import { streamEventId, visibleToStream } from '../domain/bookings/business-stream.js';
// SSE: the handler hijacks the reply on success, so only the JSON errors have a response schema.
import { streamErrors } from '../http/schemas/responses/common.js';

/** How many bookings' last revisions a stream remembers (to never send an older one after a newer one). */
const REMEMBERED_BOOKINGS = 10_000;

const frame = (booking: Booking) => `event: booking\nid: ${streamEventId(booking)}\ndata: ${JSON.stringify(booking)}\n\n`;

const familyOf = (identity: Identity): string | undefined =>
  'familyId' in identity && typeof identity.familyId === 'string' ? identity.familyId : undefined;

export const businessEventRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Counted apart from the customers' streams.
  const streams = new OpenStreams(app, ctx, 'business live streams');
  // Changes other instances announced while this one's connection to them was lost never came: ending the
  // streams makes each client reconnect and read the list again, as it does on every open.
  const stopReconnect = ctx.storage.peers?.onReconnect(() => streams.endAll());
  app.addHook('onClose', async () => stopReconnect?.());

  app.get(
    '/bookings/v2/events',
    { onRequest: tokenFromQuery, schema: { querystring: StreamQuerySchema, response: streamErrors } },
    async (request, reply) => {
      // The owner key, an OWNER account (every booking) or a STAFF account (its own: business-stream.ts).
      const identity = await ctx.auth.requireBusiness(request);
      if (request.method === 'HEAD') return answerStreamHead(reply);
      const holder = { tokenKey: callerToken(request), address: clientAddress(request), familyId: familyOf(identity) };
      streams.checkCaps(holder);

      let unsubscribe = () => {};
      const opened = streams.start(request, reply, holder, {
        // The token is checked again at each beat: a logout on another instance, or expiry, ends the stream here.
        beat: () =>
          void ctx.auth.optionalIdentity(request).then(
            (still) => void (still ? undefined : opened.end()),
            () => opened.end(),
          ),
        close: () => unsubscribe(),
      });
      // Subscribed in the same tick as the headers: no change committed after the client sees the 200 is missed.
      const sent = new Map<string, number>();
      let queue = Promise.resolve();
      unsubscribe = ctx.bookingEvents.subscribeAll((booking) => {
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
            opened.write(frame(booking));
          },
          () => undefined,
        );
      });
      opened.write('retry: 2000\n: business stream open\n\n');
    },
  );
};
