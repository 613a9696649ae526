/** The my-bookings, manage and reschedule texts in Hebrew, gender-neutral as he.ts (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageHe: Record<ManageMessageKey, string> = {
  myBookingsTitle: 'ההזמנות שלי',
  manageTitle: 'ההזמנה שלך',
  upcoming: 'הזמנות קרובות',
  past: 'הזמנות קודמות',
  noBookings: 'אין עדיין הזמנות. הזמנות שיבוצעו כאן יופיעו ברשימה הזו.',
  noBookingsVisitor: 'אין הזמנות במכשיר הזה. אפשר לפתוח הזמנה שבוצעה במקום אחר דרך הקישור שבהודעות האימייל שלה.',
  linkNotValid: 'הקישור להזמנה לא תקין או שפג תוקפו. אפשר לבקש קישור חדש מהעסק.',
  canceled: 'ההזמנה בוטלה.',
  bookService: 'הזמנת שירות',
  timesIn: 'השעות לפי אזור הזמן {zone}',
  reference: 'מספר הזמנה {id}',
  reschedule: 'שינוי מועד',
  rescheduleTitle: 'בחירת מועד חדש',
  rescheduleTo: 'מעבר למועד הזה',
  rescheduling: 'משנים את המועד…',
};
