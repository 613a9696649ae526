/**
 * Webhook endpoints (contract section 13), the owner's only: register one (`{ endpoint, secret }`, the secret shown
 * here and never again), list, delete, read an endpoint's deliveries with every attempt, and resend a delivery.
 * The rules live in server/domain/webhooks/service.ts; docs/webhooks.md explains them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { answers, EmptySchema, TimestampSchema } from '../http/schemas/responses/common.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });

const CreateEndpointRequestSchema = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048 }),
  // Names are checked by the service, so an unknown one gets a message that lists the valid ones.
  events: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20 }),
  allowPrivate: Type.Optional(Type.Boolean()),
});

const EndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  allowPrivate: Type.Boolean(),
  createdDate: TimestampSchema,
});

const AttemptSchema = Type.Object({
  attempt: Type.Integer({ minimum: 1 }),
  startedDate: TimestampSchema,
  finishedDate: TimestampSchema,
  ok: Type.Boolean(),
  answer: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
});

const DeliverySchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  status: Type.Union([Type.Literal('PENDING'), Type.Literal('DELIVERING'), Type.Literal('DONE'), Type.Literal('FAILED')]),
  attempts: Type.Integer({ minimum: 0 }),
  lastAnswer: Type.Optional(Type.String()),
  lastError: Type.Optional(Type.String()),
  createdDate: TimestampSchema,
  nextAttemptDate: Type.Optional(TimestampSchema),
  doneDate: Type.Optional(TimestampSchema),
  attemptLog: Type.Array(AttemptSchema),
});

export const webhookRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const ownerOnly = { onRequest: async (request: Parameters<AppContext['auth']['requireOwner']>[0]) => ctx.auth.requireOwner(request) };
  const base = '/webhooks/v1/endpoints';

  app.post(
    base,
    {
      ...ownerOnly,
      schema: {
        body: CreateEndpointRequestSchema,
        response: answers(Type.Object({ endpoint: EndpointSchema, secret: Type.String({ pattern: '^whsec_' }) })),
      },
    },
    async (request) => ctx.webhooks.create(request.body),
  );

  app.get(base, { ...ownerOnly, schema: { response: answers(Type.Object({ endpoints: Type.Array(EndpointSchema) })) } }, async () => ({
    endpoints: await ctx.webhooks.list(),
  }));

  app.delete(
    `${base}/:id`,
    { ...ownerOnly, schema: { params: Type.Object({ id: Id }), response: answers(EmptySchema) } },
    async (request) => {
      await ctx.webhooks.delete(request.params.id);
      return {};
    },
  );

  app.get(
    `${base}/:id/deliveries`,
    {
      ...ownerOnly,
      schema: {
        params: Type.Object({ id: Id }),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: answers(Type.Object({ deliveries: Type.Array(DeliverySchema) })),
      },
    },
    async (request) => ({ deliveries: await ctx.webhooks.deliveries(request.params.id, request.query.limit ?? 50) }),
  );

  app.post(
    `${base}/:id/deliveries/:deliveryId/resend`,
    {
      ...ownerOnly,
      schema: { params: Type.Object({ id: Id, deliveryId: Id }), response: answers(Type.Object({ delivery: DeliverySchema })) },
    },
    async (request) => ({ delivery: await ctx.webhooks.resend(request.params.id, request.params.deliveryId) }),
  );
};
