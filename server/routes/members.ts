/** Members and pricing plans (contract sections 2 and 8, extensions). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import type { Identity } from '../http/auth.js';
import { ApiError } from '../domain/errors.js';
import { checkKey } from '../domain/bookings/idempotency.js';
import { PaymentSchema } from '../http/schemas/checkout.js';

const RegisterSchema = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  firstName: Type.Optional(Type.String({ maxLength: 100 })),
  lastName: Type.Optional(Type.String({ maxLength: 100 })),
});

function memberOf(identity: Identity): string {
  if (identity.kind !== 'member') throw new ApiError(403, 'MEMBER_LOGIN_REQUIRED', 'Sign in as a member first (POST /oauth2/token with grantType "password").');
  return identity.memberId;
}

export const memberRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/members/v1/members/register', { schema: { body: RegisterSchema } }, async (request) => ({
    member: await ctx.members.register(request.body),
  }));

  app.get('/members/v1/members/my', async (request) => {
    const identity = await ctx.auth.requireIdentity(request);
    return { member: await ctx.members.get(memberOf(identity)) };
  });

  app.get('/pricing-plans/v2/plans', async () => ({ plans: await ctx.plans.list() }));

  app.post('/pricing-plans/v2/orders', { schema: { body: Type.Object({ planId: Type.String({ minLength: 1, maxLength: 100 }), payment: PaymentSchema }) } }, async (request) => {
    const memberId = memberOf(await ctx.auth.requireIdentity(request));
    const key = checkKey(request.headers['idempotency-key'] as string | undefined) ?? crypto.randomUUID();
    return { order: await ctx.plans.buy(memberId, request.body.planId, request.body.payment, key) };
  });

  app.get('/pricing-plans/v2/member/orders', async (request) => {
    const memberId = memberOf(await ctx.auth.requireIdentity(request));
    return { orders: await ctx.plans.memberOrders(memberId) };
  });
};
