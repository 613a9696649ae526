/** Bookings (contract section 5) and their enums, verbatim from Wix Bookings V2. */
import type { LocalDateTime, Timestamp, TimeZone, Money } from './common.js';
import type { ServiceChoice } from './service.js';

export const BOOKING_STATUSES = ['CREATED', 'CONFIRMED', 'CANCELED', 'PENDING', 'DECLINED', 'WAITING_LIST'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const PAYMENT_STATUSES = ['UNDEFINED', 'NOT_PAID', 'PAID', 'PARTIALLY_PAID', 'REFUNDED', 'EXEMPT'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const SELECTED_PAYMENT_OPTIONS = ['ONLINE', 'OFFLINE', 'MEMBERSHIP', 'MEMBERSHIP_OFFLINE'] as const;
export type SelectedPaymentOption = (typeof SELECTED_PAYMENT_OPTIONS)[number];

export interface BookedResource {
  id: string;
  name?: string;
  email?: string;
  scheduleId?: string;
}

export interface BookedLocation {
  id?: string;
  name?: string;
  formattedAddress?: string;
  locationType: 'UNDEFINED' | 'OWNER_BUSINESS' | 'OWNER_CUSTOM' | 'CUSTOM';
}

export interface BookedSlot {
  serviceId: string;
  scheduleId: string;
  eventId?: string;
  startDate?: LocalDateTime;
  endDate?: LocalDateTime;
  /** The zone the customer sees the slot in. */
  timezone?: TimeZone;
  resource?: BookedResource;
  location?: BookedLocation;
}

export interface BookedSchedule {
  scheduleId: string;
  serviceId?: string;
  timezone?: TimeZone;
  firstSessionStart?: LocalDateTime;
  lastSessionEnd?: LocalDateTime;
}

export interface BookedEntity {
  slot?: BookedSlot;
  schedule?: BookedSchedule;
  title?: string;
  tags?: ('INDIVIDUAL' | 'GROUP' | 'COURSE')[];
}

export interface ContactDetails {
  contactId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  timeZone?: TimeZone;
  countryCode?: string;
}

export interface ParticipantsChoices {
  serviceChoices: { numberOfParticipants: number; choices: ServiceChoice[] }[];
}

export interface CreatedBy {
  anonymousVisitorId?: string;
  memberId?: string;
  wixUserId?: string;
  appId?: string;
  contactId?: string;
}

export interface Booking {
  id: string;
  bookedEntity: BookedEntity;
  contactDetails: ContactDetails;
  totalParticipants?: number;
  participantsChoices?: ParticipantsChoices;
  status: BookingStatus;
  paymentStatus: PaymentStatus;
  selectedPaymentOption?: SelectedPaymentOption;
  depositSelected?: boolean;
  startDate?: Timestamp;
  endDate?: Timestamp;
  createdDate: Timestamp;
  updatedDate: Timestamp;
  revision: string;
  createdBy?: CreatedBy;
  externalUserId?: string;
  /** Present (and true) only when the booking blocks past the slot's capacity. */
  doubleBooked?: boolean;
}

export interface FlowControlSettings {
  skipAvailabilityValidation?: boolean;
  skipBusinessConfirmation?: boolean;
  skipSelectedPaymentOptionValidation?: boolean;
}

export interface CreateBookingRequest {
  booking: Omit<Partial<Booking>, 'id' | 'status' | 'paymentStatus' | 'revision' | 'createdDate' | 'updatedDate'>;
  participantNotification?: { notifyParticipants?: boolean; message?: string };
  sendSmsReminder?: boolean;
  flowControlSettings?: FlowControlSettings;
}

export interface AllowedActions {
  cancel: boolean;
  reschedule: boolean;
}

export interface ExtendedBooking {
  booking: Booking;
  allowedActions: AllowedActions;
}

/** Price breakdown (contract section 7). */
export interface PriceInfo {
  /** Absent when the service has no fixed price (a CUSTOM rate): then `priceDescriptionInfo` says it in words. */
  calculatedPrice?: Money;
  priceDescriptionInfo?: { original: string };
  deposit?: Money;
  bookingLineItems: { serviceId: string; choices?: ServiceChoice[]; numberOfParticipants: number; pricePerParticipant: Money }[];
}
