/**
 * The message catalogue: every text of every email, keyed by locale: English, Spanish, French, German and Hebrew.
 * A new language is one more entry in CATALOGUES (a file like messages-en.ts), and whatever locale has no entry
 * falls back to its base language and then to English.
 */
import type { Catalogue } from './catalogue-types.js';
import { de } from './messages-de.js';
import { en } from './messages-en.js';
import { es } from './messages-es.js';
import { fr } from './messages-fr.js';
import { he } from './messages-he.js';

export type { Catalogue, MessageParams, MessageText } from './catalogue-types.js';

const CATALOGUES: Record<string, Catalogue> = { en, es, fr, de, he };

/** The catalogue for `locale` ("pt-BR" → "pt-BR", then "pt", then English). */
export function catalogueFor(locale: string | undefined): Catalogue {
  const tag = (locale ?? '').trim();
  return CATALOGUES[tag] ?? CATALOGUES[tag.split(/[-_]/)[0]?.toLowerCase() ?? ''] ?? en;
}
