/** Texts and formatting. Only English ships today; `locale` still drives every date, time and price (Intl). */
import { en, type MessageKey } from './en.js';

export type { MessageKey } from './en.js';

/** The text for `key` with `{name}` placeholders filled in. */
export function msg(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export * from './format.js';
