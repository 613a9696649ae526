/**
 * Response schemas of the catalogue (contract section 3): services with their policy copy, and options and
 * variants. Field for field `Service`, `BookingPolicy` and `ServiceOptionsAndVariants` of src/model.
 */
import { Type } from 'typebox';
import { MoneySchema, PagingMetadataSchema, QueryPagingMetadataSchema, RevisionSchema, TimestampSchema } from './common.js';

const Bool = Type.Boolean();
const Minutes = Type.Integer({ minimum: 0 });

export const BookingPolicySchema = Type.Object({
  id: Type.String(),
  name: Type.Optional(Type.String()),
  default: Type.Optional(Bool),
  revision: Type.Optional(RevisionSchema),
  createdDate: Type.Optional(TimestampSchema),
  updatedDate: Type.Optional(TimestampSchema),
  customPolicyDescription: Type.Optional(Type.Object({ enabled: Bool, description: Type.String() })),
  limitEarlyBookingPolicy: Type.Object({ enabled: Bool, earliestBookingInMinutes: Minutes }),
  limitLateBookingPolicy: Type.Object({ enabled: Bool, latestBookingInMinutes: Minutes }),
  bookAfterStartPolicy: Type.Optional(Type.Object({ enabled: Bool })),
  cancellationPolicy: Type.Object({
    enabled: Bool,
    limitLatestCancellation: Bool,
    latestCancellationInMinutes: Minutes,
    allowAnonymous: Type.Optional(Bool),
  }),
  reschedulePolicy: Type.Object({
    enabled: Bool,
    limitLatestReschedule: Bool,
    latestRescheduleInMinutes: Minutes,
    allowAnonymous: Type.Optional(Bool),
  }),
  waitlistPolicy: Type.Object({ enabled: Bool, capacity: Type.Integer({ minimum: 0 }), reservationTimeInMinutes: Minutes }),
  participantsPolicy: Type.Object({
    maxParticipantsPerBooking: Type.Integer({ minimum: 1 }),
    maxUnpaidBookingsPerSession: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
});

const AddressSchema = Type.Object({
  formattedAddress: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  postalCode: Type.Optional(Type.String()),
  streetAddress: Type.Optional(Type.Object({ name: Type.Optional(Type.String()), number: Type.Optional(Type.String()) })),
});

const ServiceLocationSchema = Type.Object({
  id: Type.Optional(Type.String()),
  type: Type.Enum(['BUSINESS', 'CUSTOM', 'CUSTOMER'] as const),
  business: Type.Optional(
    Type.Object({ id: Type.String(), name: Type.String(), default: Type.Optional(Bool), address: Type.Optional(AddressSchema) }),
  ),
  custom: Type.Optional(Type.Object({ id: Type.Optional(Type.String()), address: Type.Optional(AddressSchema) })),
  calculatedAddress: Type.Optional(AddressSchema),
});

const MediaItemSchema = Type.Object({
  image: Type.Object({
    id: Type.Optional(Type.String()),
    url: Type.String(),
    width: Type.Optional(Type.Integer()),
    height: Type.Optional(Type.Integer()),
    altText: Type.Optional(Type.String()),
  }),
});

const ServicePaymentSchema = Type.Object({
  rateType: Type.Enum(['FIXED', 'VARIED', 'NO_FEE', 'CUSTOM'] as const),
  fixed: Type.Optional(
    Type.Object({ price: MoneySchema, deposit: Type.Optional(MoneySchema), fullUpfrontPaymentAllowed: Type.Optional(Bool) }),
  ),
  varied: Type.Optional(
    Type.Object({
      defaultPrice: MoneySchema,
      deposit: Type.Optional(MoneySchema),
      minPrice: Type.Optional(MoneySchema),
      maxPrice: Type.Optional(MoneySchema),
      fullUpfrontPaymentAllowed: Type.Optional(Bool),
    }),
  ),
  custom: Type.Optional(Type.Object({ description: Type.String() })),
  options: Type.Object({ online: Bool, inPerson: Bool, deposit: Bool, pricingPlan: Bool }),
  pricingPlanIds: Type.Array(Type.String()),
});

export const ServiceSchema = Type.Object({
  id: Type.String(),
  appId: Type.Optional(Type.String()),
  type: Type.Enum(['APPOINTMENT', 'CLASS', 'COURSE'] as const),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  tagLine: Type.Optional(Type.String()),
  media: Type.Optional(
    Type.Object({
      items: Type.Array(MediaItemSchema),
      mainMedia: Type.Optional(MediaItemSchema),
      coverMedia: Type.Optional(MediaItemSchema),
    }),
  ),
  hidden: Type.Optional(Bool),
  category: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), sortOrder: Type.Optional(Type.Integer()) })),
  defaultCapacity: Type.Integer({ minimum: 1 }),
  payment: ServicePaymentSchema,
  onlineBooking: Type.Object({ enabled: Bool, requireManualApproval: Bool, allowMultipleRequests: Bool }),
  schedule: Type.Object({
    id: Type.String(),
    firstSessionStart: Type.Optional(TimestampSchema),
    lastSessionEnd: Type.Optional(TimestampSchema),
    availabilityConstraints: Type.Object({ sessionDurations: Type.Array(Type.Integer({ minimum: 1 })), timeBetweenSessions: Minutes }),
  }),
  staffMemberIds: Type.Array(Type.String()),
  locations: Type.Array(ServiceLocationSchema),
  bookingPolicy: BookingPolicySchema,
  mainSlug: Type.Optional(Type.Object({ name: Type.String() })),
  createdDate: TimestampSchema,
  updatedDate: TimestampSchema,
  revision: RevisionSchema,
});

export const ServiceChoiceSchema = Type.Object({
  optionId: Type.String(),
  choiceId: Type.Optional(Type.String()),
  custom: Type.Optional(Type.String()),
  staffMemberId: Type.Optional(Type.String()),
  duration: Type.Optional(Type.Object({ minutes: Type.Integer({ minimum: 1 }), name: Type.Optional(Type.String()) })),
});

export const ServiceOptionsAndVariantsSchema = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  options: Type.Object({
    values: Type.Array(
      Type.Object({
        id: Type.String(),
        type: Type.Enum(['CUSTOM', 'STAFF_MEMBER', 'DURATION'] as const),
        customData: Type.Optional(Type.Object({ name: Type.String(), choices: Type.Array(Type.String()) })),
        durationData: Type.Optional(Type.Object({ name: Type.String() })),
      }),
    ),
  }),
  variants: Type.Object({
    values: Type.Array(Type.Object({ id: Type.Optional(Type.String()), choices: Type.Array(ServiceChoiceSchema), price: MoneySchema })),
  }),
  minPrice: Type.Optional(MoneySchema),
  maxPrice: Type.Optional(MoneySchema),
  revision: RevisionSchema,
});

export const ServiceResponseSchema = Type.Object({ service: ServiceSchema });
export const ServicesQueryResponseSchema = Type.Object({ services: Type.Array(ServiceSchema), pagingMetadata: PagingMetadataSchema });
export const ServiceVariantsResponseSchema = Type.Object({ serviceVariants: ServiceOptionsAndVariantsSchema });
export const OptionsAndVariantsResponseSchema = Type.Object({ serviceOptionsAndVariants: ServiceOptionsAndVariantsSchema });
export const OptionsAndVariantsQueryResponseSchema = Type.Object({
  serviceOptionsAndVariantsList: Type.Array(ServiceOptionsAndVariantsSchema),
  pagingMetadata: QueryPagingMetadataSchema,
});
