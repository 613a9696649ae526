/**
 * Business accounts (contract section 12): `GET /business/v1/me` and `POST /business/v1/me/password` for whoever
 * signed in with scope "business", and the OWNER's CRUD at `/business/v1/users` (the owner key or an OWNER
 * account; a STAFF account hears 403). Sign-in and logout are `/oauth2/token` and `/oauth2/revoke` (routes/auth.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { answers, EmptySchema } from '../http/schemas/responses/common.js';
import {
  BusinessUserResponseSchema,
  BusinessUsersResponseSchema,
  ChangePasswordSchema,
  CreateBusinessUserSchema,
  UpdateBusinessUserSchema,
} from '../http/schemas/business-users.js';

export const businessUserRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Authenticated before the body is read: a caller without the right hears 401/403 before any validation.
  const ownerOnly = { onRequest: async (request: FastifyRequest) => ctx.auth.requireOwner(request) };
  const business = { onRequest: async (request: FastifyRequest) => void (await ctx.auth.requireBusiness(request)) };
  const accounts = ctx.businessAccounts;

  app.get('/business/v1/me', { ...business, schema: { response: answers(BusinessUserResponseSchema) } }, async (request) => ({
    user: await accounts.me(await ctx.auth.requireBusiness(request)),
  }));

  app.post(
    '/business/v1/me/password',
    { ...business, schema: { body: ChangePasswordSchema, response: answers(EmptySchema) } },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      await accounts.changePassword(await ctx.auth.requireBusiness(request), currentPassword, newPassword, request.ip);
      return {};
    },
  );

  app.get('/business/v1/users', { ...ownerOnly, schema: { response: answers(BusinessUsersResponseSchema) } }, async () => ({
    users: await accounts.list(),
  }));

  app.post(
    '/business/v1/users',
    { ...ownerOnly, schema: { body: CreateBusinessUserSchema, response: answers(BusinessUserResponseSchema) } },
    async (request) => ({ user: await accounts.create(request.body) }),
  );

  app.get(
    '/business/v1/users/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, response: answers(BusinessUserResponseSchema) } },
    async (request) => ({ user: await accounts.get(request.params.id) }),
  );

  app.patch(
    '/business/v1/users/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, body: UpdateBusinessUserSchema, response: answers(BusinessUserResponseSchema) } },
    async (request) => ({ user: await accounts.update(request.params.id, request.body) }),
  );

  app.delete(
    '/business/v1/users/:id',
    { ...ownerOnly, schema: { params: IdParamsSchema, response: answers(EmptySchema) } },
    async (request) => {
      await accounts.remove(request.params.id);
      return {};
    },
  );
};
