/**
 * Response schemas of bookings (contract section 5): the booking, extended bookings, its history, anonymous access,
 * owner notifications and price previews. Field for field `src/model/booking.ts`.
 */
import { Type } from 'typebox';
import { BOOKING_STATUSES, PAYMENT_STATUSES, SELECTED_PAYMENT_OPTIONS } from '../../../../src/model/booking.js';
import {
  LocalDateTimeSchema,
  MoneySchema,
  OpenObjectSchema,
  PagingMetadataSchema,
  QueryPagingMetadataSchema,
  RevisionSchema,
  TimestampSchema,
  TimeZoneSchema,
} from './common.js';
import { ServiceChoiceSchema } from './catalogue.js';

const Str = Type.String();
const Opt = Type.Optional;

const BookedSlotSchema = Type.Object({
  serviceId: Str,
  scheduleId: Str,
  eventId: Opt(Str),
  startDate: Opt(LocalDateTimeSchema),
  endDate: Opt(LocalDateTimeSchema),
  timezone: Opt(TimeZoneSchema),
  resource: Opt(Type.Object({ id: Str, name: Opt(Str), email: Opt(Str), scheduleId: Opt(Str) })),
  location: Opt(
    Type.Object({
      id: Opt(Str),
      name: Opt(Str),
      formattedAddress: Opt(Str),
      locationType: Type.Enum(['UNDEFINED', 'OWNER_BUSINESS', 'OWNER_CUSTOM', 'CUSTOM'] as const),
    }),
  ),
});

const BookedScheduleSchema = Type.Object({
  scheduleId: Str,
  serviceId: Opt(Str),
  timezone: Opt(TimeZoneSchema),
  firstSessionStart: Opt(LocalDateTimeSchema),
  lastSessionEnd: Opt(LocalDateTimeSchema),
});

export const BookingStatusSchema = Type.Enum(BOOKING_STATUSES);

export const BookingSchema = Type.Object({
  id: Str,
  bookedEntity: Type.Object({
    slot: Opt(BookedSlotSchema),
    schedule: Opt(BookedScheduleSchema),
    title: Opt(Str),
    tags: Opt(Type.Array(Type.Enum(['INDIVIDUAL', 'GROUP', 'COURSE'] as const))),
  }),
  contactDetails: Type.Object({
    contactId: Opt(Str),
    firstName: Opt(Str),
    lastName: Opt(Str),
    email: Opt(Str),
    phone: Opt(Str),
    timeZone: Opt(TimeZoneSchema),
    countryCode: Opt(Str),
  }),
  totalParticipants: Opt(Type.Integer({ minimum: 1 })),
  participantsChoices: Opt(
    Type.Object({
      serviceChoices: Type.Array(
        Type.Object({ numberOfParticipants: Type.Integer({ minimum: 1 }), choices: Type.Array(ServiceChoiceSchema) }),
      ),
    }),
  ),
  status: BookingStatusSchema,
  paymentStatus: Type.Enum(PAYMENT_STATUSES),
  selectedPaymentOption: Opt(Type.Enum(SELECTED_PAYMENT_OPTIONS)),
  depositSelected: Opt(Type.Boolean()),
  startDate: Opt(TimestampSchema),
  endDate: Opt(TimestampSchema),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
  revision: RevisionSchema,
  createdBy: Opt(
    Type.Object({ anonymousVisitorId: Opt(Str), memberId: Opt(Str), wixUserId: Opt(Str), appId: Opt(Str), contactId: Opt(Str) }),
  ),
  externalUserId: Opt(Str),
  doubleBooked: Opt(Type.Boolean()),
});

const ActionsSchema = Type.Object({ cancel: Type.Boolean(), reschedule: Type.Boolean() });

export const BookingResponseSchema = Type.Object({ booking: BookingSchema });

export const ExtendedBookingsResponseSchema = Type.Object({
  extendedBookings: Type.Array(Type.Object({ booking: BookingSchema, allowedActions: ActionsSchema })),
  pagingMetadata: QueryPagingMetadataSchema,
});

/** Extension: every change of a booking, oldest first. */
export const BookingHistoryResponseSchema = Type.Object({
  history: Type.Array(
    Type.Object({
      bookingId: Str,
      revision: RevisionSchema,
      action: Str,
      fromStatus: Type.Union([BookingStatusSchema, Type.Null()]),
      toStatus: BookingStatusSchema,
      actor: Type.Object({ kind: Type.Enum(['owner', 'staff', 'visitor', 'member', 'anonymous', 'system'] as const), id: Opt(Str) }),
      at: TimestampSchema,
      booking: BookingSchema,
      /** The business's word to the customer with this change (a cancelled session), when it said any. */
      notification: Opt(Type.Object({ notifyParticipants: Opt(Type.Boolean()), message: Opt(Str) })),
    }),
  ),
});

export const AnonymousTokenResponseSchema = Type.Object({ token: Type.String({ minLength: 1 }) });

export const AnonymousBookingResponseSchema = Type.Object({ booking: BookingSchema, allowedAnonymousActions: ActionsSchema });

export const NotificationsResponseSchema = Type.Object({
  notifications: Type.Array(
    Type.Object({
      id: Str,
      type: Type.Literal('DOUBLE_BOOKING'),
      bookingId: Str,
      message: Str,
      data: OpenObjectSchema,
      createdDate: TimestampSchema,
    }),
  ),
  pagingMetadata: PagingMetadataSchema,
});

/**
 * Contract section 7: price = participants × variant (or fixed) price. A CUSTOM-rate service has no number: it
 * answers `priceDescriptionInfo` instead of `calculatedPrice`, as Wix does.
 */
export const PriceInfoResponseSchema = Type.Object({
  priceInfo: Type.Object({
    calculatedPrice: Opt(MoneySchema),
    priceDescriptionInfo: Opt(Type.Object({ original: Str })),
    deposit: Opt(MoneySchema),
    bookingLineItems: Type.Array(
      Type.Object({
        serviceId: Str,
        choices: Opt(Type.Array(ServiceChoiceSchema)),
        numberOfParticipants: Type.Integer({ minimum: 1 }),
        pricePerParticipant: MoneySchema,
      }),
    ),
  }),
});
