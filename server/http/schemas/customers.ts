/** Request and response schemas of the customers API (server/routes/customers.ts; src/model/customer.ts). */
import { Type } from 'typebox';
import { BookingSchema } from './responses/bookings.js';
import { MemberPlanOrderSchema } from './responses/commerce.js';
import { TimestampSchema } from './responses/common.js';

export const CustomerListQuerySchema = Type.Object({
  /** A part of the name or the email, any case. */
  search: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});

const Str = Type.String();

export const CustomerSchema = Type.Object({
  id: Str,
  firstName: Type.Optional(Str),
  lastName: Type.Optional(Str),
  email: Type.Optional(Str),
  phone: Type.Optional(Str),
  memberId: Type.Optional(Str),
  bookingsCount: Type.Integer({ minimum: 0 }),
  nextBookingStart: Type.Optional(TimestampSchema),
  lastBookingStart: Type.Optional(TimestampSchema),
});

export const CustomerListResponseSchema = Type.Object({
  customers: Type.Array(CustomerSchema),
  pagingMetadata: Type.Object({
    count: Type.Integer({ minimum: 0 }),
    cursors: Type.Object({ next: Type.Union([Str, Type.Null()]), prev: Type.Union([Str, Type.Null()]) }),
    hasNext: Type.Boolean(),
  }),
});

export const CustomerResponseSchema = Type.Object({
  customer: CustomerSchema,
  bookings: Type.Array(BookingSchema),
  planOrders: Type.Array(MemberPlanOrderSchema),
});
