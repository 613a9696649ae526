/** The my-bookings, manage and reschedule texts in Hebrew, gender-neutral as he.ts (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageHe: Record<ManageMessageKey, string> = {
  upcoming: 'הזמנות קרובות',
  past: 'הזמנות קודמות',
  noBookings: 'אין עדיין הזמנות. הזמנות שיבוצעו כאן יופיעו ברשימה הזו.',
  noBookingsVisitor: 'אין הזמנות במכשיר הזה. אפשר לפתוח הזמנה שבוצעה במקום אחר דרך הקישור שבהודעות האימייל שלה.',
  linkNotValid: 'הקישור להזמנה לא תקין או שפג תוקפו. אפשר לבקש קישור חדש מהעסק.',
  bookService: 'הזמנת שירות',
  timesIn: 'השעות לפי אזור הזמן {zone}',
  reference: 'מספר הזמנה {id}',
  reschedule: 'שינוי מועד',
  rescheduleTitle: 'בחירת מועד חדש',
  rescheduleTo: 'מעבר למועד הזה',
  rescheduling: 'משנים את המועד…',
  cancelOff: 'לפי מדיניות השירות הזה אי אפשר לבטל באופן מקוון; יש לפנות לעסק.',
  rescheduleOff: 'לפי מדיניות השירות הזה אי אפשר לשנות את המועד באופן מקוון; יש לפנות לעסק.',
  cancelSignedOut: 'לפי מדיניות השירות הזה אי אפשר לבטל בלי להתחבר.',
  rescheduleSignedOut: 'לפי מדיניות השירות הזה אי אפשר לשנות את המועד בלי להתחבר.',
  cancelStarted: 'ההזמנה כבר התחילה, ולכן אי אפשר לבטל אותה באופן מקוון.',
  rescheduleStarted: 'ההזמנה כבר התחילה, ולכן אי אפשר לשנות את המועד שלה באופן מקוון.',
  cancelPassed: 'לפי מדיניות השירות הזה אפשר לבטל עד {time} לפני ההתחלה, והמועד הזה כבר עבר.',
  reschedulePassed: 'לפי מדיניות השירות הזה אפשר לשנות את המועד עד {time} לפני ההתחלה, והמועד הזה כבר עבר.',
  rescheduleCourse: 'קורס מוזמן כיחידה אחת, ולכן אי אפשר לשנות את המועד שלו.',
};
