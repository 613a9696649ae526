/**
 * The business's customers (extension; docs/business-accounts.md, "Customers"): `GET /business/v1/customers`
 * (search and cursor paging) and `GET /business/v1/customers/{id}` with their bookings and a member's plans.
 * The owner key, an OWNER or a STAFF account (scoped to its staff member's bookings); visitors and members 403.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { answers } from '../http/schemas/responses/common.js';
import { CustomerListQuerySchema, CustomerListResponseSchema, CustomerResponseSchema } from '../http/schemas/customers.js';

export const customerRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Authenticated before the query is read: a caller without the right hears 401/403 before any validation.
  const business = { onRequest: async (request: FastifyRequest) => void (await ctx.auth.requireBusiness(request)) };

  app.get(
    '/business/v1/customers',
    { ...business, schema: { querystring: CustomerListQuerySchema, response: answers(CustomerListResponseSchema) } },
    async (request) => ctx.customers.list(await ctx.auth.requireBusiness(request), request.query),
  );

  app.get(
    '/business/v1/customers/:id',
    { ...business, schema: { params: IdParamsSchema, response: answers(CustomerResponseSchema) } },
    async (request) => ctx.customers.get(await ctx.auth.requireBusiness(request), request.params.id),
  );
};
