/**
 * Subscribable calendar feeds (contract section 13; server/notifications/calendar/feeds.ts):
 * - OWNER `POST /calendar/v1/feeds {staffMemberId?}` → `{ feed, secret, url, webcalUrl }`: the only time the
 *   secret is shown (it is stored as a hash).
 * - OWNER `GET /calendar/v1/feeds` → `{ feeds }` (live ones, no secrets); `DELETE /calendar/v1/feeds/{id}` revokes.
 * - `GET /calendar/v1/feeds/{secret}.ics`: public, the secret is the credential → `text/calendar`; an unknown,
 *   revoked or malformed secret is the same 404.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { answers, EmptySchema, TimestampSchema } from '../http/schemas/responses/common.js';
import { bodyEtag, noneMatch } from '../http/etag.js';
import type { CalendarFeed } from '../storage/feed-types.js';
import { createFeed, feedForSecret, renderFeed, revokeFeed } from '../notifications/calendar/feeds.js';

const FeedSchema = Type.Object({
  id: Type.String(),
  staffMemberId: Type.Optional(Type.String({ description: 'absent: the whole business' })),
  createdDate: TimestampSchema,
});

const CreateFeedRequestSchema = Type.Object(
  { staffMemberId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);

const CreateFeedResponseSchema = Type.Object({
  feed: FeedSchema,
  secret: Type.String({ description: 'shown once; the server keeps only its sha256' }),
  url: Type.String({ description: 'https (or http) address to subscribe to' }),
  webcalUrl: Type.String({ description: 'the same address as webcal://, which Apple Calendar subscribes to' }),
});

const FeedsResponseSchema = Type.Object({ feeds: Type.Array(FeedSchema) });

/** The 200 answer is calendar text, sent as a string with its own content type (no JSON serializer runs). */
const CalendarTextSchema = Type.String({ description: 'text/calendar (RFC 5545)' });

/** The secret is the whole credential: the same 404 for any string, so its format is not checked before the handler. */
const FeedSecretParamsSchema = Type.Object({ secret: Type.String({ maxLength: 200 }) });

/**
 * Calendar apps poll; five minutes of reuse spares the database without leaving a change unseen for long.
 * `private`: the URL is a credential, so no shared cache may keep the answer.
 */
const FEED_CACHE_CONTROL = 'private, max-age=300';

/** The site this request reached (behind a trusted proxy, the address the client used). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const feedAnswer = (feed: CalendarFeed) => ({
  id: feed.id,
  ...(feed.staffMemberId ? { staffMemberId: feed.staffMemberId } : {}),
  createdDate: feed.createdDate,
});

export const calendarFeedRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const ownerOnly = { onRequest: async (request: FastifyRequest) => ctx.auth.requireOwner(request) };

  app.post(
    '/calendar/v1/feeds',
    { ...ownerOnly, schema: { body: CreateFeedRequestSchema, response: answers(CreateFeedResponseSchema) } },
    async (request) => {
      const { feed, secret } = await createFeed(ctx.storage, ctx.clock(), request.body.staffMemberId);
      const url = `${originOf(request)}/calendar/v1/feeds/${secret}.ics`;
      return { feed: feedAnswer(feed), secret, url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
    },
  );

  app.get('/calendar/v1/feeds', { ...ownerOnly, schema: { response: answers(FeedsResponseSchema) } }, async () => ({
    feeds: (await ctx.storage.feeds.list()).map(feedAnswer),
  }));

  app.delete(
    '/calendar/v1/feeds/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, response: answers(EmptySchema) } },
    async (request) => {
      await revokeFeed(ctx.storage, request.params.id, ctx.clock());
      return {};
    },
  );

  app.get(
    '/calendar/v1/feeds/:secret.ics',
    { schema: { params: FeedSecretParamsSchema, response: answers(CalendarTextSchema) } },
    async (request, reply) => {
      const feed = await feedForSecret(ctx.storage, request.params.secret);
      const text = await renderFeed(ctx.storage, feed, ctx.clock());
      // DTSTAMP is each booking's last change, so the text (hence the tag) changes only when a booking does.
      const etag = bodyEtag(text);
      reply.header('cache-control', FEED_CACHE_CONTROL).header('etag', etag);
      // A 304 has no body (Node drops one); the empty string only satisfies the route's typed send.
      if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send('');
      return reply
        .code(200)
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="bookings.ics"')
        .send(text);
    },
  );
};
