/** Request schemas for the Pricing API (contract section 7). */
import { Type } from 'typebox';

export const ChoiceSchema = Type.Object({
  optionId: Type.String({ minLength: 1, maxLength: 100 }),
  choiceId: Type.Optional(Type.String({ maxLength: 100 })),
  custom: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  staffMemberId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  duration: Type.Optional(
    Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 1440 }), name: Type.Optional(Type.String({ maxLength: 200 })) }),
  ),
});

export const ServiceChoicesSchema = Type.Array(
  Type.Object({ numberOfParticipants: Type.Integer({ minimum: 1, maximum: 1000 }), choices: Type.Array(ChoiceSchema, { maxItems: 5 }) }),
  { minItems: 1, maxItems: 20 },
);

export const PreviewPriceRequestSchema = Type.Object({
  bookingLineItems: Type.Array(
    Type.Object({
      serviceId: Type.String({ minLength: 1, maxLength: 100 }),
      resourceId: Type.Optional(Type.String({ maxLength: 100 })),
      serviceChoices: Type.Optional(ServiceChoicesSchema),
      /** Extension: participants of a service without variants. */
      numberOfParticipants: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    }),
    { minItems: 1, maxItems: 40 },
  ),
});

export const CalculatePriceRequestSchema = Type.Object({
  booking: Type.Object({
    bookedEntity: Type.Object({
      slot: Type.Optional(Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 100 }) })),
      schedule: Type.Optional(Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 100 }) })),
    }),
    totalParticipants: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    participantsChoices: Type.Optional(Type.Object({ serviceChoices: ServiceChoicesSchema })),
  }),
});
