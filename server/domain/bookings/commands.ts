/**
 * What callers ask of the booking commands, as plain types the domain owns. The HTTP schemas describe the same
 * shapes on the wire; test/server/schema-types.test.ts fails the type check when the two drift apart.
 */
import type {
  BookedLocation,
  ContactDetails,
  FlowControlSettings,
  ParticipantsChoices,
  SelectedPaymentOption,
} from '../../../src/model/booking.js';

/** A slot as a caller names it: no `scheduleId` means the service's own schedule. */
export interface BookedSlotInput {
  serviceId: string;
  scheduleId?: string;
  eventId?: string;
  startDate?: string;
  endDate?: string;
  timezone?: string;
  resource?: { id: string; name?: string };
  location?: { id?: string; name?: string; formattedAddress?: string; locationType?: BookedLocation['locationType'] };
}

export interface BookedEntityInput {
  slot?: BookedSlotInput;
  schedule?: { scheduleId: string; serviceId?: string; timezone?: string };
}

export interface BookingInput {
  bookedEntity: BookedEntityInput;
  contactDetails: Omit<ContactDetails, 'contactId'>;
  totalParticipants?: number;
  participantsChoices?: ParticipantsChoices;
  selectedPaymentOption?: SelectedPaymentOption;
  depositSelected?: boolean;
  externalUserId?: string;
}

export interface ParticipantNotification {
  notifyParticipants?: boolean;
  message?: string;
}

export interface CreateBookingCommand {
  booking: BookingInput;
  participantNotification?: ParticipantNotification;
  sendSmsReminder?: boolean;
  flowControlSettings?: FlowControlSettings;
}

/** Move a booking to another slot of its service, at the revision the caller has seen. */
export interface RescheduleCommand {
  slot: BookedSlotInput;
  revision: string;
}

/** A new number of participants: exactly one of the two fields (validate.ts says which is missing). */
export interface ParticipantsChange {
  totalParticipants?: number | undefined;
  participantsChoices?: ParticipantsChoices | undefined;
}
