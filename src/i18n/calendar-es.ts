/** The "Add to calendar" texts in Spanish (tú) (see calendar-en.ts). */
import type { CalendarMessageKey } from './calendar-en.js';

export const calendarEs: Record<CalendarMessageKey, string> = {
  icsFile: 'Apple Calendar u Outlook (archivo .ics)',
  googleCalendar: 'Google Calendar',
  outlookCom: 'Outlook.com',
  newTab: '(se abre en una pestaña nueva)',
  eventDetails: 'Tu reserva en {business}. Referencia de la reserva: {reference}',
  courseFirstSession: 'Primera de {n} sesiones; la última es el {last}.',
};
