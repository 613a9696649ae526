/**
 * Each language's texts as a chunk of its own (`es-<hash>.js` …), fetched from the script's origin only when a
 * widget on the page uses that language; English is in the first script. The root waits for the chunk before
 * it paints texts (a skeleton meanwhile) and falls back to English when it cannot be fetched.
 */
import type { ReactiveControllerHost } from 'lit';
import { directionOf, hasTexts, installTranslation, languageOf, safeLocale, textLang } from '../../i18n/index.js';
import type { Language, Translation } from '../../i18n/index.js';
import type { UiSettings } from '../shared/context.js';
import { Chunk } from './chunk.js';

const chunks: Record<Exclude<Language, 'en'>, Chunk<{ translation: Translation }>> = {
  es: new Chunk(() => import('../../i18n/es.js')),
  fr: new Chunk(() => import('../../i18n/fr.js')),
  de: new Chunk(() => import('../../i18n/de.js')),
  he: new Chunk(() => import('../../i18n/he.js')),
};

/** Installs `language`'s texts (at once for English or a language already here); rejects when offline. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || hasTexts(language)) return;
  installTranslation(language, (await chunks[language].load()).translation);
}

/** The root's UI settings for its `locale` attribute, once that language's texts are here. */
export class LocaleChoice {
  ui: UiSettings = { locale: 'en', dir: 'ltr' };
  /** False until the first locale's texts are here (or could not be fetched): the root shows a skeleton. */
  ready = false;
  private wanted = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Picks the locale (default: the page's `lang`, else the browser's); the old one shows until the new texts load. */
  async choose(attribute: string): Promise<void> {
    const locale = safeLocale(attribute || document.documentElement.lang || navigator.language || 'en');
    this.wanted = locale;
    const language = languageOf(locale);
    const waits = !hasTexts(language); // English, or a language already here, is set at once: no skeleton
    // Offline: English texts, still in the locale's formats.
    if (waits) await loadLanguage(language).catch(() => undefined);
    if (this.wanted !== locale) return; // changed again meanwhile
    this.ui = { locale, dir: directionOf(textLang(locale)) };
    this.ready = true;
    if (waits) this.host.requestUpdate();
  }
}
