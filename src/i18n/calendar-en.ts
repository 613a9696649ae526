/**
 * The texts of "Add to calendar"'s links (the status view, My bookings): kept apart from en.ts so they load with
 * the links, when the list first opens (src/widget/booking-status/calendar-chunk.ts); its button's text is en.ts's.
 */
export const calendarEn = {
  icsFile: 'Apple Calendar or Outlook (.ics file)',
  googleCalendar: 'Google Calendar',
  outlookCom: 'Outlook.com',
  newTab: '(opens in a new tab)',
  eventDetails: 'Your booking with {business}. Booking reference: {reference}',
  courseFirstSession: 'First of {n} sessions; the last one is on {last}.',
} as const;

export type CalendarMessageKey = keyof typeof calendarEn;
