/**
 * The texts of the my-bookings, manage and reschedule steps: kept apart from en.ts so they load with those steps
 * (in their chunk, src/widget/booking-widget/manage-chunk.ts), not on the booking path. Looked up with manageMsg()
 * (manage.ts). Their titles are the widget's own (`myBookings`, `stepStatus` in en.ts).
 */
export const manageEn = {
  upcoming: 'Upcoming',
  past: 'Past',
  noBookings: 'No bookings yet. Bookings you make here show up in this list.',
  noBookingsVisitor: 'No bookings on this device. A booking made elsewhere can be opened from the link in its emails.',
  linkNotValid: 'This booking link is not valid or has expired. Ask the business for a new one.',
  bookService: 'Book a service',
  timesIn: 'Times in {zone}',
  reference: 'Reference {id}',
  reschedule: 'Reschedule',
  rescheduleTitle: 'Choose a new time',
  rescheduleTo: 'Move to this time',
  rescheduling: 'Moving…',
  cancelOff: "This service's policy does not let customers cancel online; contact the business.",
  rescheduleOff: "This service's policy does not let customers reschedule online; contact the business.",
  cancelSignedOut: "This service's policy does not let you cancel without signing in.",
  rescheduleSignedOut: "This service's policy does not let you reschedule without signing in.",
  cancelStarted: 'The booking has already started; it can no longer be canceled online.',
  rescheduleStarted: 'The booking has already started; it can no longer be rescheduled online.',
  cancelPassed: "This service's policy lets customers cancel up to {time} before the start; that time has passed.",
  reschedulePassed: "This service's policy lets customers reschedule up to {time} before the start; that time has passed.",
  rescheduleCourse: 'A course is booked as a whole and cannot be rescheduled.',
} as const;

export type ManageMessageKey = keyof typeof manageEn;
