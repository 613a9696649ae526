/**
 * The languages the widget's texts are written in, and which one a `locale` gets: its language when we have it
 * (`es-MX` → es), English otherwise. Formats (dates, times, money) still follow the full locale (format.ts).
 */
import { safeLocale } from './format.js';

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

export function languageOf(locale: string): Language {
  const language = safeLocale(locale).split('-')[0]!.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}
