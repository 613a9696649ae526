/** Request schemas for bookings (contract section 5). Unknown fields are ignored, as Wix does. */
import { Type, type Static } from 'typebox';
import { PAYMENT_STATUSES, SELECTED_PAYMENT_OPTIONS } from '../../../src/model/booking.js';
import { RevisionSchema } from './common.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = (maxLength: number) => Type.String({ maxLength });
const LocalDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?$',
  description: 'a date-time such as "2026-12-01T18:00:00"',
});

export const ServiceChoiceSchema = Type.Object({
  optionId: Id,
  choiceId: Type.Optional(Id),
  custom: Type.Optional(Text(200)),
  staffMemberId: Type.Optional(Id),
  duration: Type.Optional(Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 1440 }), name: Type.Optional(Text(200)) })),
});

export const ParticipantsChoicesSchema = Type.Object({
  serviceChoices: Type.Array(
    Type.Object({
      numberOfParticipants: Type.Integer({ minimum: 1, maximum: 1000 }),
      choices: Type.Array(ServiceChoiceSchema, { minItems: 1, maxItems: 5 }),
    }),
    { minItems: 1, maxItems: 20 },
  ),
});

export const BookedSlotSchema = Type.Object({
  serviceId: Id,
  scheduleId: Type.Optional(Id),
  eventId: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  startDate: Type.Optional(LocalDateTime),
  endDate: Type.Optional(LocalDateTime),
  timezone: Type.Optional(Text(100)),
  resource: Type.Optional(Type.Object({ id: Id, name: Type.Optional(Text(200)) })),
  location: Type.Optional(
    Type.Object({
      id: Type.Optional(Id),
      name: Type.Optional(Text(200)),
      formattedAddress: Type.Optional(Text(500)),
      locationType: Type.Optional(Type.Enum(['UNDEFINED', 'OWNER_BUSINESS', 'OWNER_CUSTOM', 'CUSTOM'] as const)),
    }),
  ),
});

const BookedScheduleSchema = Type.Object({ scheduleId: Id, serviceId: Type.Optional(Id), timezone: Type.Optional(Text(100)) });

export const ContactDetailsSchema = Type.Object({
  firstName: Type.Optional(Text(100)),
  lastName: Type.Optional(Text(100)),
  email: Type.Optional(Text(320)),
  phone: Type.Optional(Text(50)),
  timeZone: Type.Optional(Text(100)),
  countryCode: Type.Optional(Text(2)),
});

export const BookingInputSchema = Type.Object({
  bookedEntity: Type.Object({ slot: Type.Optional(BookedSlotSchema), schedule: Type.Optional(BookedScheduleSchema) }),
  contactDetails: ContactDetailsSchema,
  totalParticipants: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  participantsChoices: Type.Optional(ParticipantsChoicesSchema),
  selectedPaymentOption: Type.Optional(Type.Enum(SELECTED_PAYMENT_OPTIONS)),
  depositSelected: Type.Optional(Type.Boolean()),
  externalUserId: Type.Optional(Text(200)),
});
export type BookingInput = Static<typeof BookingInputSchema>;

const NotificationSchema = Type.Object({ notifyParticipants: Type.Optional(Type.Boolean()), message: Type.Optional(Text(2000)) });

export const FlowControlSettingsSchema = Type.Object({
  skipAvailabilityValidation: Type.Optional(Type.Boolean()),
  skipBusinessConfirmation: Type.Optional(Type.Boolean()),
  skipSelectedPaymentOptionValidation: Type.Optional(Type.Boolean()),
});

export const CreateBookingRequestSchema = Type.Object({
  booking: BookingInputSchema,
  participantNotification: Type.Optional(NotificationSchema),
  sendSmsReminder: Type.Optional(Type.Boolean()),
  flowControlSettings: Type.Optional(FlowControlSettingsSchema),
});

export const PaymentStatusSchema = Type.Enum(PAYMENT_STATUSES);

/** confirm, decline, mark_booking_as_pending: the revision, and the payment status the caller knows of. */
export const RevisionedStatusRequestSchema = Type.Object({
  revision: RevisionSchema,
  paymentStatus: Type.Optional(PaymentStatusSchema),
  participantNotification: Type.Optional(NotificationSchema),
  sendSmsReminder: Type.Optional(Type.Boolean()),
});

export const CancelRequestSchema = Type.Object({
  revision: RevisionSchema,
  participantNotification: Type.Optional(NotificationSchema),
  flowControlSettings: Type.Optional(
    Type.Object({ ignoreCancellationPolicy: Type.Optional(Type.Boolean()), withRefund: Type.Optional(Type.Boolean()) }),
  ),
});

export const RescheduleRequestSchema = Type.Object({
  slot: BookedSlotSchema,
  revision: RevisionSchema,
  participantNotification: Type.Optional(NotificationSchema),
  flowControlSettings: Type.Optional(
    Type.Object({ ignoreReschedulePolicy: Type.Optional(Type.Boolean()), skipAvailabilityValidation: Type.Optional(Type.Boolean()) }),
  ),
});

export const UpdateParticipantsRequestSchema = Type.Object({
  revision: RevisionSchema,
  totalParticipants: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  participantsChoices: Type.Optional(ParticipantsChoicesSchema),
});

export const ConfirmOrDeclineRequestSchema = Type.Object({ paymentStatus: Type.Optional(PaymentStatusSchema) });

export const AnonymousCancelRequestSchema = Type.Object({ revision: RevisionSchema });
export const AnonymousRescheduleRequestSchema = Type.Object({ slot: BookedSlotSchema, revision: RevisionSchema });
