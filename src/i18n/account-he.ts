/** The member account forms' texts in Hebrew (see account-en.ts), gender-neutral as he.ts. */
import type { AccountMessageKey } from './account-en.js';

export const accountHe: Record<AccountMessageKey, string> = {
  backToLogIn: 'חזרה לכניסה',
  registerTitle: 'יצירת חשבון',
  registerSubmit: 'יצירת חשבון',
  registering: 'יוצרים את החשבון…',
  newPasswordHint: '10 תווים לפחות.',
  passwordTooShort: 'הסיסמה צריכה להכיל 10 תווים לפחות.',
  registeredNotSignedIn:
    'לא הצלחנו להתחבר עם האימייל והסיסמה האלה. אם כבר יש חשבון עם האימייל הזה, שלחנו אליו הודעה: אפשר להתחבר, או להשתמש ב„שכחת את הסיסמה?”.',
  forgotTitle: 'שכחת את הסיסמה?',
  forgotIntro: 'יש להזין את כתובת האימייל של החשבון, ונשלח קישור לבחירת סיסמה חדשה.',
  forgotSubmit: 'שליחת קישור',
  forgotSending: 'שולחים…',
  forgotSent: 'אם קיים חשבון עבור {email}, שלחנו אליו קישור לבחירת סיסמה חדשה. הקישור תקף לשימוש אחד, למשך שעה.',
  resetTitle: 'בחירת סיסמה חדשה',
  newPassword: 'סיסמה חדשה',
  resetSubmit: 'שמירת הסיסמה החדשה',
  resetSaving: 'שומרים…',
  passwordSet: 'הסיסמה החדשה נשמרה. אפשר להתחבר איתה בזמן ההזמנה.',
  continueToBooking: 'המשך להזמנה',
};
