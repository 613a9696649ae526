/** Catalogue routes (contract section 3): services and their options and variants. Reads are public. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { PublicAnswers } from '../http/public-answers.js';
import { IdParamsSchema, PagedQueryRequestSchema, QueryRequestSchema } from '../http/schemas/common.js';
import {
  CreateServiceRequestSchema,
  UpdateServiceRequestSchema,
  CreateOptionsAndVariantsRequestSchema,
  UpdateOptionsAndVariantsRequestSchema,
} from '../http/schemas/service.js';
import { queryVisibleVariants, visibleVariants } from '../domain/catalogue/variant-reads.js';
import { answers, EmptySchema } from '../http/schemas/responses/common.js';
import {
  OptionsAndVariantsQueryResponseSchema,
  OptionsAndVariantsResponseSchema,
  ServiceResponseSchema,
  ServicesQueryResponseSchema,
  ServiceVariantsResponseSchema,
} from '../http/schemas/responses/catalogue.js';

export const catalogueRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Owner routes authenticate in onRequest, so a caller without the key hears 401 before any body check.
  const ownerOnly = { onRequest: async (request: Parameters<AppContext['auth']['requireOwner']>[0]) => ctx.auth.requireOwner(request) };
  const publicAnswers = new PublicAnswers(ctx.storage);
  const isOwner = async (request: Parameters<AppContext['auth']['optionalIdentity']>[0]) =>
    (await ctx.auth.optionalIdentity(request))?.kind === 'owner';

  app.post(
    '/bookings/v2/services/query',
    { schema: { body: Type.Optional(QueryRequestSchema), response: answers(ServicesQueryResponseSchema) } },
    async (request, reply) => {
      const query = request.body?.query;
      const answer = async (asOwner: boolean) => {
        const { items, pagingMetadata } = await ctx.catalogue.queryServices(query, asOwner);
        return { services: items, pagingMetadata };
      };
      return (await isOwner(request)) ? answer(true) : publicAnswers.send(reply, query ?? null, () => answer(false));
    },
  );

  app.get(
    '/bookings/v2/services/:id',
    { schema: { params: IdParamsSchema, response: answers(ServiceResponseSchema) } },
    async (request, reply) => {
      const answer = async (asOwner: boolean) => ({ service: await ctx.catalogue.getService(request.params.id, asOwner) });
      return (await isOwner(request)) ? answer(true) : publicAnswers.send(reply, request.params.id, () => answer(false));
    },
  );

  app.post(
    '/bookings/v2/services',
    { ...ownerOnly, schema: { body: CreateServiceRequestSchema, response: answers(ServiceResponseSchema) } },
    async (request) => {
      return { service: await ctx.catalogue.createService(request.body.service) };
    },
  );

  app.patch(
    '/bookings/v2/services/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, body: UpdateServiceRequestSchema, response: answers(ServiceResponseSchema) } },
    async (request) => {
      return { service: await ctx.catalogue.updateService(request.params.id, request.body.service) };
    },
  );

  app.delete(
    '/bookings/v2/services/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, response: answers(EmptySchema) } },
    async (request) => {
      await ctx.catalogue.deleteService(request.params.id);
      return {};
    },
  );

  app.get(
    '/bookings/v1/serviceOptionsAndVariants/service_id/:serviceId',
    {
      schema: {
        params: Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: answers(ServiceVariantsResponseSchema),
      },
    },
    async (request) => ({ serviceVariants: await ctx.catalogue.variantsForService(request.params.serviceId, await isOwner(request)) }),
  );

  app.get(
    '/bookings/v1/serviceOptionsAndVariants/:id',
    { schema: { params: IdParamsSchema, response: answers(OptionsAndVariantsResponseSchema) } },
    async (request) => ({
      serviceOptionsAndVariants: await visibleVariants(ctx.storage, request.params.id, await isOwner(request)),
    }),
  );

  app.post(
    '/bookings/v1/serviceOptionsAndVariants/query',
    { schema: { body: Type.Optional(PagedQueryRequestSchema), response: answers(OptionsAndVariantsQueryResponseSchema) } },
    async (request) => {
      const { items, pagingMetadata } = await queryVisibleVariants(ctx.storage, request.body?.query, await isOwner(request));
      return { serviceOptionsAndVariantsList: items, pagingMetadata };
    },
  );

  app.post(
    '/bookings/v1/serviceOptionsAndVariants',
    { ...ownerOnly, schema: { body: CreateOptionsAndVariantsRequestSchema, response: answers(OptionsAndVariantsResponseSchema) } },
    async (request) => {
      return { serviceOptionsAndVariants: await ctx.catalogue.createVariants(request.body.serviceOptionsAndVariants) };
    },
  );

  app.patch(
    '/bookings/v1/serviceOptionsAndVariants/:id',
    {
      ...ownerOnly,
      schema: { params: IdParamsSchema, body: UpdateOptionsAndVariantsRequestSchema, response: answers(OptionsAndVariantsResponseSchema) },
    },
    async (request) => {
      return { serviceOptionsAndVariants: await ctx.catalogue.updateVariants(request.params.id, request.body.serviceOptionsAndVariants) };
    },
  );

  app.delete(
    '/bookings/v1/serviceOptionsAndVariants/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, response: answers(EmptySchema) } },
    async (request) => {
      await ctx.catalogue.deleteVariants(request.params.id);
      return {};
    },
  );
};
