/** Members and pricing plans (contract sections 2 and 8, extensions). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createHash, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../http/context.js';
import type { Identity } from '../http/auth.js';
import { DomainError } from '../domain/errors.js';
import { checkKey } from '../domain/bookings/idempotency.js';
import { PaymentSchema } from '../http/schemas/checkout.js';
import { sendAnswer } from '../http/idempotent-reply.js';
import { answers, ErrorBodySchema } from '../http/schemas/responses/common.js';
import {
  MemberResponseSchema,
  RegistrationResponseSchema,
  PlanOrderResponseSchema,
  PlanOrdersResponseSchema,
  PlansResponseSchema,
} from '../http/schemas/responses/commerce.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

const RegisterSchema = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  firstName: Type.Optional(Type.String({ maxLength: 100 })),
  lastName: Type.Optional(Type.String({ maxLength: 100 })),
});

const PasswordResetSchema = Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }) });
const PasswordResetConfirmSchema = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

/**
 * What identifies a registration for its Idempotency-Key. The password enters only through scrypt salted by the
 * key, so the stored request hash is no cheaper to attack than the member's own password hash.
 */
async function registration(body: Static<typeof RegisterSchema>, key: string | undefined): Promise<unknown> {
  if (!key) return null;
  const salt = createHash('sha256').update(`register:${key}`).digest();
  return { ...body, password: (await scryptAsync(body.password, salt, 32)).toString('base64url') };
}

function memberOf(identity: Identity): string {
  if (identity.kind !== 'member')
    throw new DomainError('MEMBER_LOGIN_REQUIRED', 'Sign in as a member first (POST /oauth2/token with grantType "password").');
  return identity.memberId;
}

export const memberRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Registration has no caller yet: its keys are scoped by the route alone (the request hash guards the rest).
  const registrations = ctx.idempotency;
  app.post(
    '/members/v1/members/register',
    // 202 for a new email and a member's alike: the answer must not tell which (docs/security.md).
    { schema: { body: RegisterSchema, response: { 202: RegistrationResponseSchema, '4xx': ErrorBodySchema } } },
    async (request, reply) => {
      const key = checkKey(request.headers['idempotency-key']);
      const answer = await registrations.run(
        { scope: 'register', key, request: await registration(request.body, key) },
        async () => ({ registration: await ctx.members.register(request.body) }),
        202,
      );
      // A member's email appended an email to the outbox; a new one did not. Woken either way, so it tells nothing.
      ctx.outbox.wake();
      return sendAnswer(reply, answer);
    },
  );

  app.post(
    '/members/v1/members/password-reset',
    // 202 whether or not the address is a member's: the answer must not tell which (docs/security.md).
    { schema: { body: PasswordResetSchema, response: { 202: Type.Object({}), '4xx': ErrorBodySchema } } },
    async (request, reply) => {
      await ctx.members.requestPasswordReset(request.body.email);
      ctx.outbox.wake();
      return reply.code(202).send({});
    },
  );

  app.post(
    '/members/v1/members/password-reset/confirm',
    { schema: { body: PasswordResetConfirmSchema, response: answers(Type.Object({})) } },
    async (request) => {
      await ctx.members.resetPassword(request.body.token, request.body.password);
      return {};
    },
  );

  app.get('/members/v1/members/my', { schema: { response: answers(MemberResponseSchema) } }, async (request) => {
    const identity = await ctx.auth.requireIdentity(request);
    return { member: await ctx.members.get(memberOf(identity)) };
  });

  app.get('/pricing-plans/v2/plans', { schema: { response: answers(PlansResponseSchema) } }, async () => ({
    plans: await ctx.plans.list(),
  }));

  app.post(
    '/pricing-plans/v2/orders',
    {
      schema: {
        body: Type.Object({ planId: Type.String({ minLength: 1, maxLength: 100 }), payment: PaymentSchema }),
        response: answers(PlanOrderResponseSchema),
      },
    },
    async (request, reply) => {
      const memberId = memberOf(await ctx.auth.requireIdentity(request));
      return sendAnswer(
        reply,
        await ctx.plans.buy(memberId, request.body.planId, request.body.payment, checkKey(request.headers['idempotency-key'])),
      );
    },
  );

  app.get('/pricing-plans/v2/member/orders', { schema: { response: answers(PlanOrdersResponseSchema) } }, async (request) => {
    const memberId = memberOf(await ctx.auth.requireIdentity(request));
    return { orders: await ctx.plans.memberOrders(memberId) };
  });
};
