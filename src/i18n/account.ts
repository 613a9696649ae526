/** The account forms' texts in the current language (English where it has none), as msg() gives the others. */
import { accountEn, type AccountMessageKey } from './account-en.js';
import { activeTranslation, fill } from './index.js';

export function accountMsg(key: AccountMessageKey, vars: Record<string, string> = {}): string {
  return fill(activeTranslation()?.account[key] ?? accountEn[key], vars);
}
