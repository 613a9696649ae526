/**
 * Texts and formatting. English is built in; another language's texts arrive in a chunk of their own, which the
 * widget loads and installs before it shows them (src/widget/booking-widget/languages.ts). `locale` drives every
 * date, time and price (Intl) whatever the language of the texts.
 */
import { en, type MessageKey } from './en.js';
import { languageOf, type Language } from './language.js';
import type { Translation } from './translation.js';

export type { MessageKey } from './en.js';
export type { Translation } from './translation.js';
export { LANGUAGES, languageOf, type Language } from './language.js';

const installed = new Map<Language, Translation>();
let active: Translation | undefined;

/** Makes `language`'s texts available to useLocale(). */
export function installTranslation(language: Language, translation: Translation): void {
  installed.set(language, translation);
}

export const hasTexts = (language: Language): boolean => language === 'en' || installed.has(language);

/**
 * Texts in `locale`'s language from now on (English until its translation is installed). Each element calls it
 * as it renders (Lit renders one element at a time, synchronously), so widgets in different languages can share
 * a page.
 */
export function useLocale(locale: string): void {
  active = installed.get(languageOf(locale));
}

/** The language tag of the texts `locale` gets: itself when its language's texts are here, English otherwise. */
export const textLang = (locale: string): string => (hasTexts(languageOf(locale)) ? locale : 'en');

/** The translation msg() reads, if not English: other text tables look their keys up in it. */
export const activeTranslation = (): Translation | undefined => active;

/** `text` with its `{name}` placeholders filled in. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The text for `key` in the current language (English where it has none) with `{name}` placeholders filled in. */
export function msg(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fill(active?.widget[key] ?? en[key], vars);
}

export * from './format.js';
