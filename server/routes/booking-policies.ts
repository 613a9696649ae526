/**
 * Booking policies (contract section 3) at Wix's paths, `/bookings/v1/booking-policies`: get, query (by cursor, as
 * Wix) and count are public, as the copy each service shows is; create, update, set-default and delete are the
 * owner's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { CountRequestSchema, PagedQueryRequestSchema } from '../http/schemas/common.js';
import { CreatePolicyRequestSchema, PolicyIdParamsSchema, UpdatePolicyRequestSchema } from '../http/schemas/policy.js';
import { answers, EmptySchema, QueryPagingMetadataSchema } from '../http/schemas/responses/common.js';
import { BookingPolicySchema } from '../http/schemas/responses/catalogue.js';
import { PolicyService } from '../domain/catalogue/policy-service.js';

const PolicyResponseSchema = Type.Object({ bookingPolicy: BookingPolicySchema });
const PoliciesQueryResponseSchema = Type.Object({
  bookingPolicies: Type.Array(BookingPolicySchema),
  pagingMetadata: QueryPagingMetadataSchema,
});
const CountResponseSchema = Type.Object({ count: Type.Integer({ minimum: 0 }) });
const SetDefaultResponseSchema = Type.Object({
  currentDefaultBookingPolicy: BookingPolicySchema,
  previousDefaultBookingPolicy: Type.Optional(BookingPolicySchema),
});

export const bookingPolicyRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const policies = new PolicyService(ctx.storage);
  const ownerOnly = { onRequest: async (request: Parameters<AppContext['auth']['requireOwner']>[0]) => ctx.auth.requireOwner(request) };
  const base = '/bookings/v1/booking-policies';

  app.get(`${base}/:id`, { schema: { params: PolicyIdParamsSchema, response: answers(PolicyResponseSchema) } }, async (request) => ({
    bookingPolicy: await policies.get(request.params.id),
  }));

  app.post(
    `${base}/query`,
    { schema: { body: Type.Optional(PagedQueryRequestSchema), response: answers(PoliciesQueryResponseSchema) } },
    async (request) => {
      const { items, pagingMetadata } = await policies.query(request.body?.query);
      return { bookingPolicies: items, pagingMetadata };
    },
  );

  app.post(
    `${base}/count`,
    { schema: { body: Type.Optional(CountRequestSchema), response: answers(CountResponseSchema) } },
    async (request) => ({ count: await policies.count(request.body?.filter) }),
  );

  app.post(
    base,
    { ...ownerOnly, schema: { body: CreatePolicyRequestSchema, response: answers(PolicyResponseSchema) } },
    async (request) => ({ bookingPolicy: await policies.create(request.body.bookingPolicy) }),
  );

  app.patch(
    `${base}/:id`,
    { ...ownerOnly, schema: { params: PolicyIdParamsSchema, body: UpdatePolicyRequestSchema, response: answers(PolicyResponseSchema) } },
    async (request) => ({ bookingPolicy: await policies.update(request.params.id, request.body.bookingPolicy) }),
  );

  app.post(
    `${base}/strictest`,
    {
      schema: {
        body: Type.Object({ bookingPolicyIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100 }) }),
        response: answers(Type.Object({ bookingPolicy: Type.Omit(BookingPolicySchema, ['id']) })),
      },
    },
    async (request) => ({ bookingPolicy: await policies.strictest(request.body.bookingPolicyIds) }),
  );

  // Wix's custom method: `POST /bookings/v1/booking-policies/{id}:setDefault`.
  app.post(
    `${base}/:id(^[0-9A-Za-z_-]{1,100})::setDefault`,
    { ...ownerOnly, schema: { params: PolicyIdParamsSchema, response: answers(SetDefaultResponseSchema) } },
    async (request) => policies.setDefault(request.params.id),
  );

  app.delete(`${base}/:id`, { ...ownerOnly, schema: { params: PolicyIdParamsSchema, response: answers(EmptySchema) } }, async (request) => {
    await policies.delete(request.params.id);
    return {};
  });
};
