/** The "Add to calendar" texts in French (vous) (see calendar-en.ts). */
import type { CalendarMessageKey } from './calendar-en.js';

export const calendarFr: Record<CalendarMessageKey, string> = {
  icsFile: 'Calendrier Apple ou Outlook (fichier .ics)',
  googleCalendar: 'Google Agenda',
  outlookCom: 'Outlook.com',
  newTab: '(s’ouvre dans un nouvel onglet)',
  eventDetails: 'Votre réservation chez {business}. Référence : {reference}',
  courseFirstSession: 'Première séance sur {n} ; la dernière a lieu le {last}.',
};
