/**
 * One language's texts: a table per English text file, each with every key of its English table (a missing or
 * misspelt key is a compile error in the language's file). A new English text file joins by adding its table
 * here, to each language's file (src/i18n/es.ts …), and a lookup that reads `activeTranslation()?.<table>`.
 */
import type { AccountMessageKey } from './account-en.js';
import type { CalendarMessageKey } from './calendar-en.js';
import type { ManageMessageKey } from './manage-en.js';
import type { MessageKey } from './en.js';

export interface Translation {
  widget: Record<MessageKey, string>;
  account: Record<AccountMessageKey, string>;
  manage: Record<ManageMessageKey, string>;
  calendar: Record<CalendarMessageKey, string>;
}
