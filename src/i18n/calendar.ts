/** The "Add to calendar" texts in the current language (English where it has none). */
import { calendarEn, type CalendarMessageKey } from './calendar-en.js';
import { activeTranslation, fill } from './index.js';

export function calendarMsg(key: CalendarMessageKey, vars: Record<string, string | number> = {}): string {
  return fill(activeTranslation()?.calendar[key] ?? calendarEn[key], vars);
}
