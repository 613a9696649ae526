/** eCommerce checkout and orders (contract section 7); prices leave in eCom's shape (http/ecom-prices.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import {
  CreateCheckoutSchema,
  CreateOrderAndChargeSchema,
  CreateOrderSchema,
  OrdersQuerySchema,
  RefundOrderSchema,
} from '../http/schemas/checkout.js';
import { sendAnswer } from '../http/idempotent-reply.js';
import { businessLocale, ecomCheckout, ecomOrder } from '../http/ecom-prices.js';
import { answers } from '../http/schemas/responses/common.js';
import {
  CheckoutResponseSchema,
  CreateOrderResponseSchema,
  OrderResponseSchema,
  OrdersResponseSchema,
} from '../http/schemas/responses/commerce.js';
import { checkStaffOrder } from '../domain/bookings/staff-access.js';

export const checkoutRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const ownerOnly = { onRequest: async (request: Parameters<AppContext['auth']['requireOwner']>[0]) => ctx.auth.requireOwner(request) };
  const key = (headers: Record<string, string | string[] | undefined>) => {
    const value = headers['idempotency-key'];
    return Array.isArray(value) ? value[0] : value;
  };

  app.post(
    '/ecom/v1/checkouts',
    { schema: { body: CreateCheckoutSchema, response: answers(CheckoutResponseSchema) } },
    async (request, reply) => {
      const identity = await ctx.auth.requireIdentity(request);
      const answer = await ctx.checkout.createCheckout(identity, request.body.lineItems, key(request.headers));
      const locale = await businessLocale(ctx.storage);
      // A replayed answer is the stored one: its prices take eCom's shape here too.
      return sendAnswer(reply, { ...answer, body: { checkout: ecomCheckout(answer.body.checkout, locale) } });
    },
  );

  app.get('/ecom/v1/checkouts/:id', { schema: { params: IdParamsSchema, response: answers(CheckoutResponseSchema) } }, async (request) => ({
    checkout: ecomCheckout(
      await ctx.checkout.getCheckout(await ctx.auth.requireIdentity(request), request.params.id),
      await businessLocale(ctx.storage),
    ),
  }));

  app.post(
    '/ecom/v1/checkouts/:id/create-order',
    { schema: { params: IdParamsSchema, body: CreateOrderSchema, response: answers(CreateOrderResponseSchema) } },
    async (request, reply) => {
      const identity = await ctx.auth.requireIdentity(request);
      return sendAnswer(reply, await ctx.checkout.createOrder(identity, request.params.id, request.body.payment, key(request.headers)));
    },
  );

  // Wix's Create Order And Charge: how Wix's SDK pays (its createOrder passes no card). The token is charged through
  // the built-in `sandbox` provider; with no token it is create-order without a payment.
  app.post(
    '/ecom/v1/checkouts/:id/create-order-and-charge',
    { schema: { params: IdParamsSchema, body: CreateOrderAndChargeSchema, response: answers(CreateOrderResponseSchema) } },
    async (request, reply) => {
      const identity = await ctx.auth.requireIdentity(request);
      const token = request.body.paymentToken;
      const payment = token ? { provider: 'sandbox', cardToken: token } : undefined;
      return sendAnswer(reply, await ctx.checkout.createOrder(identity, request.params.id, payment, key(request.headers)));
    },
  );

  app.get('/ecom/v1/orders/:id', { schema: { params: IdParamsSchema, response: answers(OrderResponseSchema) } }, async (request) => ({
    order: ecomOrder(
      await ctx.checkout.getOrder(await ctx.auth.requireIdentity(request), request.params.id),
      await businessLocale(ctx.storage),
    ),
  }));

  // The owner's; a STAFF account's too when every booking of the order is its own (contract section 12).
  app.post(
    '/ecom/v1/orders/:id/mark-as-paid',
    {
      onRequest: async (request) => void (await ctx.auth.requireBusiness(request)),
      schema: { params: IdParamsSchema, response: answers(OrderResponseSchema) },
    },
    async (request) => {
      const identity = await ctx.auth.requireBusiness(request);
      if (identity.kind === 'staff') await checkStaffOrder(ctx.storage, identity.staffMemberId, request.params.id);
      return { order: ecomOrder(await ctx.checkout.markAsPaid(request.params.id), await businessLocale(ctx.storage)) };
    },
  );

  app.post(
    '/ecom/v1/orders/:id/decline',
    { ...ownerOnly, schema: { params: IdParamsSchema, response: answers(OrderResponseSchema) } },
    async (request) => ({
      order: ecomOrder(await ctx.checkout.declineOrder(request.params.id), await businessLocale(ctx.storage)),
    }),
  );

  // Extension: the order a booking was paid in (none yet: an empty list), for the console's booking view. The
  // owner's for any booking; a STAFF account's for its own (another's booking is 404, as everywhere).
  app.get(
    '/ecom/v1/orders',
    {
      onRequest: async (request) => void (await ctx.auth.requireBusiness(request)),
      schema: { querystring: OrdersQuerySchema, response: answers(OrdersResponseSchema) },
    },
    async (request) => {
      const identity = await ctx.auth.requireBusiness(request);
      await ctx.bookingQueries.get(identity, request.query.bookingId);
      const locale = await businessLocale(ctx.storage);
      return { orders: (await ctx.checkout.ordersOfBooking(request.query.bookingId)).map((o) => ecomOrder(o, locale)) };
    },
  );

  // Extension: the owner gives back what was paid (docs/checkout.md, "Refunds"); STAFF may not (403).
  app.post(
    '/ecom/v1/orders/:id/refund',
    { ...ownerOnly, schema: { params: IdParamsSchema, body: RefundOrderSchema, response: answers(OrderResponseSchema) } },
    async (request) => ({
      order: ecomOrder(await ctx.checkout.refundOrder(request.params.id, request.body.bookingId), await businessLocale(ctx.storage)),
    }),
  );
};
