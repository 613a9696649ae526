/**
 * Hebrew texts of every email (contract section 13), read right to left. Register: gender-neutral, as Israeli
 * businesses write to people they do not know: impersonal forms («אפשר», «יש ל…») and action nouns on buttons
 * («ניהול ההזמנה») instead of a masculine or feminine «you»; «שלך»/«לך» are the same for both in writing. Terms:
 * «הזמנה» for a booking, «מועד» for its time, «ממשק הניהול» for the console.
 *
 * Hebrew attaches prepositions to the next word («ביום שלישי»), which a Latin service or business name cannot take
 * («לPrivate yoga»), so names come after «אצל», «מאת», «של», «עבור», «עם» or a colon. Only dates take a prefix:
 * Intl's he-IL full date starts with «יום שלישי», so «ב${when}» reads «ביום שלישי, 1 בדצמבר 2026, 13:00–14:00».
 */
import type { Catalogue, MessageParams, MessageText } from './catalogue-types.js';

/**
 * Every interpolated value goes between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069): the
 * bidi algorithm then lays it out on its own, by its own first letter, and never mixes it with the Hebrew around
 * it. Without them a Latin value that starts with a digit or ends in punctuation («10 class pass», «Yoga (1)»,
 * «Studio 54») is reordered with its neighbours, e.g. «10» jumps to the other side of «class pass». Isolates are
 * invisible, and the mail clients that know no isolates show the text as it would have been without them.
 */
const isolate = (value: string): string => `\u2068${value}\u2069`;

function isolated(p: MessageParams): MessageParams {
  return {
    customer: isolate(p.customer),
    service: isolate(p.service),
    business: isolate(p.business),
    when: isolate(p.when),
    ...(p.previously !== undefined ? { previously: isolate(p.previously) } : {}),
    ...(p.staff !== undefined ? { staff: isolate(p.staff) } : {}),
  };
}

type Message = (p: MessageParams) => MessageText;

/** The same messages, each given its values isolated. */
function withIsolatedValues<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  const out = { ...messages };
  for (const kind of Object.keys(messages) as K[]) out[kind] = (p) => messages[kind](isolated(p));
  return out;
}

const SOMEONE = 'לקוח/ה';

export const he: Catalogue = {
  labels: {
    service: 'שירות',
    when: 'מועד',
    previously: 'המועד הקודם',
    timeZone: 'אזור זמן',
    staff: 'עם',
    location: 'מיקום',
    participants: 'משתתפים',
    price: 'מחיר',
    reference: 'מספר הזמנה',
    customer: 'לקוח/ה',
    email: 'דוא״ל',
    phone: 'טלפון',
    note: 'הודעה',
  },
  greeting: (name) => (name === SOMEONE ? 'שלום,' : `שלום ${isolate(name)},`),
  footer: (business) => `הודעה זו נשלחה אליך בעקבות הזמנה אצל ${isolate(business)}.`,
  someone: SOMEONE,
  messages: withIsolatedValues({
    'booking-received': (p) => ({
      subject: `בקשת ההזמנה התקבלה: ${p.service}`,
      heading: 'קיבלנו את בקשת ההזמנה שלך',
      paragraphs: [`בקשת ההזמנה שלך אצל ${p.business} התקבלה: ${p.service}, ב${p.when}. היא ממתינה לאישור העסק.`],
      nextStep: 'בינתיים אין צורך לעשות דבר: נעדכן אותך במייל ברגע שההזמנה תאושר או תידחה.',
      action: 'צפייה בהזמנה',
    }),
    'booking-confirmed': (p) => ({
      subject: `ההזמנה אושרה: ${p.service}, ${p.when}`,
      heading: 'ההזמנה שלך אושרה',
      paragraphs: [`ההזמנה שלך אצל ${p.business} אושרה: ${p.service}, ב${p.when}.`],
      nextStep: 'אפשר להוסיף אותה ליומן בעזרת הקובץ המצורף. התוכניות השתנו? דרך ההזמנה אפשר לשנות את המועד או לבטל.',
      action: 'ניהול ההזמנה',
    }),
    'booking-declined': (p) => ({
      subject: `בקשת ההזמנה לא אושרה: ${p.service}`,
      heading: 'בקשת ההזמנה שלך לא אושרה',
      paragraphs: [`לצערנו, לא ניתן היה לאשר את בקשת ההזמנה שלך אצל ${p.business}: ${p.service}, ב${p.when}.`],
      nextStep: 'אפשר לבחור מועד אחר שמתאים לך.',
      action: 'צפייה בהזמנה',
    }),
    'booking-canceled': (p) => ({
      subject: `ההזמנה בוטלה: ${p.service}, ${p.when}`,
      heading: 'ההזמנה שלך בוטלה',
      paragraphs: [`ההזמנה שלך אצל ${p.business} בוטלה: ${p.service}, ב${p.when}.`],
      nextStep: 'הקובץ המצורף מסיר אותה מהיומן שלך. אפשר להזמין מועד אחר בכל עת.',
      action: 'צפייה בהזמנה',
    }),
    'booking-rescheduled': (p) => ({
      subject: `מועד חדש להזמנה: ${p.service}, ${p.when}`,
      heading: 'נקבע מועד חדש להזמנה שלך',
      paragraphs: [
        `ההזמנה שלך אצל ${p.business} הועברה: ${p.service}, עכשיו ב${p.when}${p.previously ? ` (במקום ב${p.previously})` : ''}.`,
      ],
      nextStep: 'הקובץ המצורף מעדכן את היומן שלך. אם המועד החדש לא מתאים, אפשר לשנות אותו או לבטל.',
      action: 'ניהול ההזמנה',
    }),
    'waitlist-promoted': (p) => ({
      subject: `התפנה מקום: ${p.service}, ${p.when}`,
      heading: 'התפנה מקום בשבילך',
      paragraphs: [`התפנה מקום אצל ${p.business}: ${p.service}, ב${p.when}, והוא שלך.`],
      nextStep: 'אפשר להוסיף אותו ליומן. אם כבר לא מתאים לך להגיע, חשוב לבטל כדי שהמקום יעבור לבא בתור ברשימה.',
      action: 'ניהול ההזמנה',
    }),
    'booking-reminder': (p) => ({
      subject: `תזכורת: ${p.service}, ${p.when}`,
      heading: 'ההזמנה שלך מתקרבת',
      paragraphs: [`רצינו להזכיר את ההזמנה שלך אצל ${p.business}: ${p.service}, ב${p.when}.`],
      nextStep: 'נתראה! אם לא מתאים לך להגיע, אפשר לבטל או לשנות את המועד דרך ההזמנה.',
      action: 'ניהול ההזמנה',
    }),
    'business-new-booking': (p) => ({
      subject: `הזמנה חדשה: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'הזמנה חדשה',
      paragraphs: [`התקבלה הזמנה חדשה מאת ${p.customer}: ${p.service}, ב${p.when}${p.staff ? `, עם ${p.staff}` : ''}.`],
      nextStep: 'ההזמנה כבר מאושרת; אין צורך לעשות דבר, אלא אם רוצים לשנות אותה.',
      action: 'פתיחה בממשק הניהול',
    }),
    'business-approval-needed': (p) => ({
      subject: `ממתינה לאישור: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'הזמנה ממתינה לאישורך',
      paragraphs: [`התקבלה בקשת הזמנה מאת ${p.customer}: ${p.service}, ב${p.when}${p.staff ? `, עם ${p.staff}` : ''}.`],
      nextStep: 'יש לאשר או לדחות אותה; בכל מקרה נעדכן את הלקוח/ה.',
      action: 'אישור או דחייה',
    }),
    'business-double-booking': (p) => ({
      subject: `הזמנה כפולה לטיפול: ${p.service}, ${p.when}`,
      heading: 'הזמנה כפולה דורשת טיפול',
      paragraphs: [`ההזמנה של ${p.customer} חורגת מהקיבולת של משבצת הזמן${p.staff ? ` עם ${p.staff}` : ''}: ${p.service}, ב${p.when}.`],
      nextStep: 'יש להעביר אחת מההזמנות למועד אחר, או לבטל אחת מהן.',
      action: 'טיפול בממשק הניהול',
    }),
    'business-cancellation': (p) => ({
      subject: `הזמנה בוטלה: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'הזמנה בוטלה',
      paragraphs: [`ההזמנה של ${p.customer} בוטלה: ${p.service}, ב${p.when}${p.staff ? `, עם ${p.staff}` : ''}.`],
      nextStep: 'המועד פנוי שוב להזמנות אחרות.',
      action: 'פתיחה בממשק הניהול',
    }),
  }),
};
