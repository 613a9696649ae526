/** The my-bookings, manage and reschedule texts in the current language (English where it has none). */
import { manageEn, type ManageMessageKey } from './manage-en.js';
import { activeTranslation, fill } from './index.js';

export function manageMsg(key: ManageMessageKey, vars: Record<string, string> = {}): string {
  return fill(activeTranslation()?.manage[key] ?? manageEn[key], vars);
}
