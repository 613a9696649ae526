/**
 * Reads that Wix's SDK offers beside the contract's own routes, at the paths it sends them to: count services,
 * and the pricing-plans module's public plans (list, query, get). All public, as the catalogue and the plan list are;
 * hidden services count only for the owner.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PricingPlan } from '../../src/model/members.js';
import type { AppContext } from '../http/context.js';
import { CountRequestSchema, IdParamsSchema, QueryRequestSchema } from '../http/schemas/common.js';
import { answers, PagingMetadataSchema } from '../http/schemas/responses/common.js';
import { PricingPlanSchema } from '../http/schemas/responses/commerce.js';
import { compileFilter, runQuery, type QuerySpec } from '../domain/query.js';
import { serviceQuerySpec } from '../domain/catalogue/query-spec.js';
import { notFound } from '../domain/errors.js';

const planQuerySpec: QuerySpec<PricingPlan> = {
  fields: { id: (p) => p.id, name: (p) => p.name, 'pricing.price.value': (p) => Number(p.pricing.price.value) },
  defaultSort: { fieldName: 'name', order: 'ASC' },
  defaultLimit: 50,
  maxLimit: 100,
};

const PublicPlansResponseSchema = Type.Object({ plans: Type.Array(PricingPlanSchema), pagingMetadata: PagingMetadataSchema });
const CountResponseSchema = Type.Object({ count: Type.Integer({ minimum: 0 }) });
/** Wix's List Public Plans: `?planIds=a&planIds=b&limit=&offset=` (a single id arrives as a string). */
const PublicPlansQuerystring = Type.Object({
  planIds: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })])),
  // Query parameters arrive as text; runQuery checks the numbers' ranges.
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' })),
});

export const wixReadRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/bookings/v2/services/count',
    { schema: { body: Type.Optional(CountRequestSchema), response: answers(CountResponseSchema) } },
    async (request) => {
      const asOwner = (await ctx.auth.optionalIdentity(request))?.kind === 'owner';
      const matches = compileFilter(request.body?.filter, serviceQuerySpec);
      const services = await ctx.storage.catalogue.listServices();
      return { count: services.filter((s) => (asOwner || !s.hidden) && matches(s)).length };
    },
  );

  app.get(
    '/pricing-plans/v2/plans/public',
    { schema: { querystring: PublicPlansQuerystring, response: answers(PublicPlansResponseSchema) } },
    async (request) => {
      const { planIds, limit, offset } = request.query;
      const ids = planIds === undefined ? undefined : Array.isArray(planIds) ? planIds : [planIds];
      const filter = ids ? { id: { $in: ids } } : undefined;
      const paging = { limit: limit === undefined ? undefined : Number(limit), offset: offset === undefined ? undefined : Number(offset) };
      const { items, pagingMetadata } = runQuery(await ctx.plans.list(), { filter, paging }, planQuerySpec);
      return { plans: items, pagingMetadata };
    },
  );

  app.post(
    '/pricing-plans/v2/plans/public/query',
    { schema: { body: Type.Optional(QueryRequestSchema), response: answers(PublicPlansResponseSchema) } },
    async (request) => {
      const { items, pagingMetadata } = runQuery(await ctx.plans.list(), request.body?.query, planQuerySpec);
      return { plans: items, pagingMetadata };
    },
  );

  app.get(
    '/pricing-plans/v2/plans/:id',
    { schema: { params: IdParamsSchema, response: answers(Type.Object({ plan: PricingPlanSchema })) } },
    async (request) => {
      const plan = (await ctx.plans.list()).find((p) => p.id === request.params.id);
      if (!plan) throw notFound('Plan', request.params.id, 'PLAN_NOT_FOUND');
      return { plan };
    },
  );
};
