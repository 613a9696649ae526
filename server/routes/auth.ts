/**
 * OAuth-style visitor tokens (contract section 2): `POST /oauth2/token` with grantType `anonymous` or
 * `refresh_token`, the member `password` grant (extension), the same grant with `scope: "business"` for business
 * accounts (contract section 12), and `POST /oauth2/revoke`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { DomainError, ValidationError } from '../domain/errors.js';
import { answers, EmptySchema } from '../http/schemas/responses/common.js';
import { TokenResponseSchema } from '../http/schemas/responses/commerce.js';

const TokenRequestSchema = Type.Object({
  grantType: Type.String({ minLength: 1, maxLength: 50 }),
  clientId: Type.Optional(Type.String({ maxLength: 200 })),
  refresh_token: Type.Optional(Type.String({ maxLength: 200 })),
  refreshToken: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  password: Type.Optional(Type.String({ maxLength: 200 })),
  /** With grantType "password": "business" signs in a business account; left out, a member. */
  scope: Type.Optional(Type.String({ maxLength: 100 })),
});

export const authRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/oauth2/token', { schema: { body: TokenRequestSchema, response: answers(TokenResponseSchema) } }, async (request) => {
    const body = request.body;
    switch (body.grantType) {
      case 'anonymous':
        return ctx.tokens.issueAnonymous(body.clientId);
      case 'refresh_token': {
        const refresh = body.refresh_token ?? body.refreshToken;
        if (!refresh) throw ValidationError.field('refresh_token', 'is required with grantType "refresh_token"');
        return ctx.tokens.refresh(refresh);
      }
      case 'password': {
        if (!body.email || !body.password) {
          throw new ValidationError([
            ...(!body.email ? [{ field: 'email', description: 'is required with grantType "password"' }] : []),
            ...(!body.password ? [{ field: 'password', description: 'is required with grantType "password"' }] : []),
          ]);
        }
        if (body.scope === 'business') return ctx.businessAccounts.login(body.email, body.password, request.ip, body.clientId);
        if (body.scope !== undefined && body.scope !== '')
          throw ValidationError.field('scope', 'must be "business" (a business account) or left out (a member)');
        return ctx.members.login(body.email, body.password, request.ip, body.clientId);
      }
      default:
        throw new DomainError(
          'UNSUPPORTED_GRANT_TYPE',
          `grantType ${JSON.stringify(body.grantType)} is not supported; use "anonymous", "password" or "refresh_token".`,
        );
    }
  });

  app.post(
    '/oauth2/revoke',
    { schema: { body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }), response: answers(EmptySchema) } },
    async (request) => {
      await ctx.tokens.revoke(request.body.token);
      return {};
    },
  );
};
