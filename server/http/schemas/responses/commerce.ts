/**
 * Response schemas of checkout and orders (contract section 7), identity (section 2) and members and pricing plans
 * (section 8). Field for field `src/model/checkout.ts` and `src/model/members.ts`.
 */
import { Type } from 'typebox';
import { MoneySchema, TimestampSchema } from './common.js';

const Str = Type.String();
const Opt = Type.Optional;

/** eCom's price (src/model/checkout.ts `EcomPrice`): decimal strings, and the same formatted. */
const Decimal = Type.String({ pattern: '^-?\\d+(\\.\\d+)?$' });
export const EcomPriceSchema = Type.Object({
  amount: Decimal,
  convertedAmount: Decimal,
  formattedAmount: Type.String({ minLength: 1 }),
  formattedConvertedAmount: Type.String({ minLength: 1 }),
});

const LineItemSchema = Type.Object({
  id: Str,
  quantity: Type.Integer({ minimum: 1 }),
  catalogReference: Type.Object({ appId: Str, catalogItemId: Str }),
  productName: Opt(Type.Object({ original: Str })),
  price: EcomPriceSchema,
  paymentOption: Type.Enum(['FULL_PAYMENT_ONLINE', 'FULL_PAYMENT_OFFLINE', 'DEPOSIT_ONLINE', 'MEMBERSHIP', 'MEMBERSHIP_OFFLINE'] as const),
  depositAmount: Opt(EcomPriceSchema),
});

const PriceSummarySchema = Type.Object({
  subtotal: EcomPriceSchema,
  discount: Opt(EcomPriceSchema),
  tax: Opt(EcomPriceSchema),
  total: EcomPriceSchema,
});

export const CheckoutSchema = Type.Object({
  id: Str,
  lineItems: Type.Array(LineItemSchema),
  priceSummary: PriceSummarySchema,
  payNow: PriceSummarySchema,
  payLater: PriceSummarySchema,
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  orderId: Opt(Str),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
});

export const OrderSchema = Type.Object({
  id: Str,
  checkoutId: Str,
  status: Type.Enum(['INITIALIZED', 'APPROVED', 'CANCELED', 'PENDING', 'REJECTED'] as const),
  paymentStatus: Type.Enum(['NOT_PAID', 'PAID', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED', 'FULLY_REFUNDED', 'PENDING', 'DECLINED'] as const),
  lineItems: Type.Array(LineItemSchema),
  priceSummary: PriceSummarySchema,
  balance: Type.Object({ balance: EcomPriceSchema, totalPaid: Opt(EcomPriceSchema) }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  balanceSummary: Type.Object({ balance: EcomPriceSchema, paid: EcomPriceSchema }),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
});

export const CheckoutResponseSchema = Type.Object({ checkout: CheckoutSchema });
export const CreateOrderResponseSchema = Type.Object({ orderId: Str });
export const OrderResponseSchema = Type.Object({ order: OrderSchema });
export const OrdersResponseSchema = Type.Object({ orders: Type.Array(OrderSchema) });

export const TokenResponseSchema = Type.Object({
  access_token: Type.String({ minLength: 1 }),
  refresh_token: Type.String({ minLength: 1 }),
  expires_in: Type.Integer({ minimum: 1 }),
  token_type: Type.Literal('Bearer'),
});

export const MemberSchema = Type.Object({
  id: Str,
  contactId: Str,
  loginEmail: Str,
  profile: Type.Object({ firstName: Opt(Str), lastName: Opt(Str), nickname: Opt(Str) }),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
});
export const MemberResponseSchema = Type.Object({ member: MemberSchema });
/** Registration's 202, the same for a new email and a member's (docs/security.md). */
export const RegistrationResponseSchema = Type.Object({
  registration: Type.Object({ loginEmail: Str, status: Type.Literal('ACCEPTED') }),
});

export const PricingPlanSchema = Type.Object({
  id: Str,
  name: Str,
  description: Opt(Str),
  pricing: Type.Object({
    price: MoneySchema,
    singlePaymentForDuration: Opt(Type.Object({ count: Type.Integer({ minimum: 1 }), unit: Type.Enum(['DAY', 'MONTH'] as const) })),
  }),
  credits: Opt(Type.Integer({ minimum: 0 })),
  durationInDays: Type.Integer({ minimum: 1 }),
  eligibleServiceIds: Type.Array(Str),
});
export const PlansResponseSchema = Type.Object({ plans: Type.Array(PricingPlanSchema) });

export const MemberPlanOrderSchema = Type.Object({
  id: Str,
  planId: Str,
  planName: Str,
  memberId: Str,
  status: Type.Enum(['ACTIVE', 'ENDED', 'CANCELED'] as const),
  credits: Opt(Type.Object({ total: Type.Integer({ minimum: 0 }), remaining: Type.Integer({ minimum: 0 }) })),
  startDate: TimestampSchema,
  expirationDate: TimestampSchema,
  cancellation: Opt(Type.Object({ cause: Type.Literal('PAYMENT_FAILURE'), reason: Str, effectiveDate: TimestampSchema })),
});
export const PlanOrderResponseSchema = Type.Object({ order: MemberPlanOrderSchema });
export const PlanOrdersResponseSchema = Type.Object({ orders: Type.Array(MemberPlanOrderSchema) });
