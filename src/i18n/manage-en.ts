/**
 * The texts of the my-bookings and manage steps: kept apart from en.ts so they load with those steps (in the flow
 * chunk, src/widget/booking-widget/flow-chunk.ts), not in the first script. Looked up with manageMsg() (manage.ts).
 */
export const manageEn = {
  myBookingsTitle: 'My bookings',
  manageTitle: 'Your booking',
  upcoming: 'Upcoming',
  past: 'Past',
  noBookings: 'No bookings yet. Bookings you make here show up in this list.',
  noBookingsVisitor: 'No bookings on this device. A booking made elsewhere can be opened from the link in its emails.',
  linkNotValid: 'This booking link is not valid or has expired. Ask the business for a new one.',
  canceled: 'Your booking is canceled.',
  bookService: 'Book a service',
  timesIn: 'Times in {zone}',
  reference: 'Reference {id}',
  reschedule: 'Reschedule',
  rescheduleTitle: 'Choose a new time',
  rescheduleTo: 'Move to this time',
  rescheduling: 'Moving…',
} as const;

export type ManageMessageKey = keyof typeof manageEn;
