/**
 * The texts of "Add to calendar" (the status view, later "my bookings"): kept apart from en.ts so they load with
 * the status step in the flow chunk, not in the first script (as account-en.ts does for the account forms).
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
