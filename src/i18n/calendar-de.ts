/** The "Add to calendar" texts in German (Sie) (see calendar-en.ts). */
import type { CalendarMessageKey } from './calendar-en.js';

export const calendarDe: Record<CalendarMessageKey, string> = {
  icsFile: 'Apple Kalender oder Outlook (.ics-Datei)',
  googleCalendar: 'Google Kalender',
  outlookCom: 'Outlook.com',
  newTab: '(öffnet in einem neuen Tab)',
  eventDetails: 'Ihre Buchung bei {business}. Buchungsnummer: {reference}',
  courseFirstSession: 'Erster von {n} Terminen; der letzte ist am {last}.',
};
