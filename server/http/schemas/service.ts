/** Request schemas for the catalogue (contract section 3). Unknown fields are ignored, as Wix does. */
import { Type, type Static } from 'typebox';
import { MoneySchema, RevisionSchema } from './common.js';

const Bool = Type.Boolean();
const ServiceType = Type.Union([Type.Literal('APPOINTMENT'), Type.Literal('CLASS'), Type.Literal('COURSE')]);
const RateType = Type.Union([Type.Literal('FIXED'), Type.Literal('VARIED'), Type.Literal('NO_FEE'), Type.Literal('CUSTOM')]);

const PaymentSchema = Type.Object({
  rateType: RateType,
  fixed: Type.Optional(
    Type.Object({ price: MoneySchema, deposit: Type.Optional(MoneySchema), fullUpfrontPaymentAllowed: Type.Optional(Bool) }),
  ),
  varied: Type.Optional(
    Type.Object({ defaultPrice: MoneySchema, deposit: Type.Optional(MoneySchema), fullUpfrontPaymentAllowed: Type.Optional(Bool) }),
  ),
  custom: Type.Optional(Type.Object({ description: Type.String({ maxLength: 1000 }) })),
  options: Type.Optional(
    Type.Object({
      online: Type.Optional(Bool),
      inPerson: Type.Optional(Bool),
      deposit: Type.Optional(Bool),
      pricingPlan: Type.Optional(Bool),
    }),
  ),
  /** The pricing plans that cover this service; unsent on an update: the ones it has stay. */
  pricingPlanIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
});

const ImageSchema = Type.Object({
  image: Type.Object({
    id: Type.Optional(Type.String({ maxLength: 200 })),
    url: Type.String({ maxLength: 2000, pattern: '^(https?:)?/' }),
    width: Type.Optional(Type.Integer({ minimum: 0 })),
    height: Type.Optional(Type.Integer({ minimum: 0 })),
    altText: Type.Optional(Type.String({ maxLength: 500 })),
  }),
});

const AddressSchema = Type.Object({ formattedAddress: Type.Optional(Type.String({ maxLength: 500 })) });

/** Where the service takes place (extension: Wix sets it through its Locations API; here the owner sends it). */
const LocationSchema = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Union([Type.Literal('BUSINESS'), Type.Literal('CUSTOM'), Type.Literal('CUSTOMER')]),
  business: Type.Optional(
    Type.Object({
      id: Type.String({ minLength: 1, maxLength: 100 }),
      name: Type.String({ maxLength: 200 }),
      default: Type.Optional(Bool),
      address: Type.Optional(AddressSchema),
    }),
  ),
  custom: Type.Optional(Type.Object({ id: Type.Optional(Type.String({ maxLength: 100 })), address: Type.Optional(AddressSchema) })),
});

export const ServiceFieldsSchema = Type.Object({
  type: ServiceType,
  name: Type.String({ minLength: 1, maxLength: 400 }),
  description: Type.Optional(Type.String({ maxLength: 7000 })),
  tagLine: Type.Optional(Type.String({ maxLength: 6000 })),
  hidden: Type.Optional(Bool),
  defaultCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  category: Type.Optional(
    Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), name: Type.Optional(Type.String({ maxLength: 200 })) }),
  ),
  media: Type.Optional(
    Type.Object({
      items: Type.Array(ImageSchema, { maxItems: 50 }),
      mainMedia: Type.Optional(ImageSchema),
      coverMedia: Type.Optional(ImageSchema),
    }),
  ),
  payment: PaymentSchema,
  onlineBooking: Type.Optional(
    Type.Object({ enabled: Type.Optional(Bool), requireManualApproval: Type.Optional(Bool), allowMultipleRequests: Type.Optional(Bool) }),
  ),
  schedule: Type.Optional(
    Type.Object({
      availabilityConstraints: Type.Optional(
        Type.Object({
          sessionDurations: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 1440 }), { minItems: 1, maxItems: 20 })),
          timeBetweenSessions: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
        }),
      ),
    }),
  ),
  staffMemberIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 })),
  locations: Type.Optional(Type.Array(LocationSchema, { maxItems: 20 })),
  bookingPolicy: Type.Optional(Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })),
});

export const CreateServiceRequestSchema = Type.Object({ service: ServiceFieldsSchema });
export type ServiceFields = Static<typeof ServiceFieldsSchema>;

export const UpdateServiceRequestSchema = Type.Object({
  service: Type.Intersect([Type.Partial(ServiceFieldsSchema), Type.Object({ revision: RevisionSchema })]),
});

const ChoiceSchema = Type.Object({
  optionId: Type.String({ minLength: 1, maxLength: 100 }),
  custom: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  staffMemberId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  duration: Type.Optional(
    Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 1440 }), name: Type.Optional(Type.String({ maxLength: 200 })) }),
  ),
});

export const OptionsAndVariantsFieldsSchema = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100 }),
  options: Type.Object({
    values: Type.Array(
      Type.Object({
        id: Type.String({ minLength: 1, maxLength: 100 }),
        type: Type.Union([Type.Literal('CUSTOM'), Type.Literal('STAFF_MEMBER'), Type.Literal('DURATION')]),
        customData: Type.Optional(
          Type.Object({
            name: Type.String({ minLength: 1, maxLength: 200 }),
            choices: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 }),
          }),
        ),
        durationData: Type.Optional(Type.Object({ name: Type.String({ maxLength: 200 }) })),
      }),
      { minItems: 1, maxItems: 1 },
    ),
  }),
  variants: Type.Object({
    values: Type.Array(
      Type.Object({
        id: Type.Optional(Type.String({ maxLength: 100 })),
        choices: Type.Array(ChoiceSchema, { minItems: 1, maxItems: 1 }),
        price: MoneySchema,
      }),
      {
        minItems: 1,
        maxItems: 100,
      },
    ),
  }),
});
export type OptionsAndVariantsFields = Static<typeof OptionsAndVariantsFieldsSchema>;

export const CreateOptionsAndVariantsRequestSchema = Type.Object({ serviceOptionsAndVariants: OptionsAndVariantsFieldsSchema });
export const UpdateOptionsAndVariantsRequestSchema = Type.Object({
  serviceOptionsAndVariants: Type.Intersect([OptionsAndVariantsFieldsSchema, Type.Object({ revision: RevisionSchema })]),
});
