/** The "Add to calendar" texts in Hebrew, gender-neutral as he.ts (see calendar-en.ts). */
import type { CalendarMessageKey } from './calendar-en.js';

export const calendarHe: Record<CalendarMessageKey, string> = {
  icsFile: 'יומן Apple או Outlook (קובץ ICS)',
  googleCalendar: 'יומן Google',
  outlookCom: 'Outlook.com',
  newTab: '(נפתח בכרטיסייה חדשה)',
  eventDetails: 'ההזמנה שלך אצל {business}. מספר הזמנה: {reference}',
  courseFirstSession: 'המפגש הראשון מתוך {n}; המפגש האחרון ב־{last}.',
};
