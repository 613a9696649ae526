/** The fields the extended-bookings query filters and sorts on (Wix names), for `domain/query.ts`. */
import type { Booking } from '../../../src/model/booking.js';
import type { QuerySpec } from '../query.js';

export const bookingQuerySpec: QuerySpec<Booking> = {
  fields: {
    id: (b) => b.id,
    status: (b) => b.status,
    paymentStatus: (b) => b.paymentStatus,
    selectedPaymentOption: (b) => b.selectedPaymentOption,
    startDate: (b) => b.startDate,
    endDate: (b) => b.endDate,
    createdDate: (b) => b.createdDate,
    updatedDate: (b) => b.updatedDate,
    doubleBooked: (b) => b.doubleBooked ?? false,
    'bookedEntity.slot.serviceId': (b) => b.bookedEntity.slot?.serviceId,
    'bookedEntity.slot.scheduleId': (b) => b.bookedEntity.slot?.scheduleId,
    'bookedEntity.slot.eventId': (b) => b.bookedEntity.slot?.eventId,
    'bookedEntity.slot.resource.id': (b) => b.bookedEntity.slot?.resource?.id,
    'bookedEntity.schedule.scheduleId': (b) => b.bookedEntity.schedule?.scheduleId,
    'bookedEntity.schedule.serviceId': (b) => b.bookedEntity.schedule?.serviceId,
    'bookedEntity.tags': (b) => b.bookedEntity.tags,
    'contactDetails.contactId': (b) => b.contactDetails.contactId,
    'contactDetails.email': (b) => b.contactDetails.email,
    'createdBy.anonymousVisitorId': (b) => b.createdBy?.anonymousVisitorId,
    'createdBy.memberId': (b) => b.createdBy?.memberId,
  },
  // Wix's default: newest first (Query Extended Bookings: `createdDate` DESC, 50 a page).
  defaultSort: { fieldName: 'createdDate', order: 'DESC' },
  defaultLimit: 50,
  maxLimit: 100,
  // `query.search`: the customer's first, last and full name and email (docs/api.md, "Searching bookings").
  searchTexts: ({ contactDetails: c }) => [c.firstName, c.lastName, [c.firstName, c.lastName].filter(Boolean).join(' '), c.email],
};
