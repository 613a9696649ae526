/** Request schemas for checkout and orders (contract section 7). */
import { Type } from 'typebox';

export const PaymentSchema = Type.Object({
  provider: Type.String({ minLength: 1, maxLength: 50 }),
  cardToken: Type.String({ minLength: 1, maxLength: 200 }),
});

export const CreateCheckoutSchema = Type.Object({
  lineItems: Type.Array(
    Type.Object({
      quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1 })),
      catalogReference: Type.Object({
        appId: Type.String({ minLength: 1, maxLength: 100 }),
        catalogItemId: Type.String({ minLength: 1, maxLength: 100 }),
      }),
    }),
    { minItems: 1, maxItems: 40 },
  ),
  channelType: Type.Optional(Type.String({ maxLength: 50 })),
});

export const CreateOrderSchema = Type.Object({
  payment: Type.Optional(PaymentSchema),
  savePaymentMethod: Type.Optional(Type.Boolean()),
  delayCapture: Type.Optional(Type.Boolean()),
});

/** Wix's Create Order And Charge: a payment token from the payment provider (here the sandbox's `tok_…`). */
export const CreateOrderAndChargeSchema = Type.Object({
  paymentToken: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  savePaymentMethod: Type.Optional(Type.Boolean()),
  delayCapture: Type.Optional(Type.Boolean()),
});

/** Extension: the owner's refund of an order, or of one booking of it. */
export const RefundOrderSchema = Type.Object({ bookingId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) });

/** Extension: the business reads the order a booking was paid in. */
export const OrdersQuerySchema = Type.Object({ bookingId: Type.String({ minLength: 1, maxLength: 100 }) });
