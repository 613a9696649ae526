/**
 * The message catalogue: every text of every email, keyed by locale. English is the only language so far; a
 * new language is one more entry in CATALOGUES (a file like messages-en.ts), and whatever locale has no entry
 * falls back to its base language and then to English.
 */
import type { EmailKind } from './types.js';
import { en } from './messages-en.js';

/** The values a message may mention, already formatted (plain text: the HTML layout escapes them). */
export interface MessageParams {
  customer: string;
  service: string;
  business: string;
  when: string;
  previously?: string;
  staff?: string;
}

/** One message's words: subject, heading, paragraphs, the next step, and the label of its button. */
export interface MessageText {
  subject: string;
  heading: string;
  paragraphs: string[];
  nextStep: string;
  action: string;
}

export interface Catalogue {
  labels: {
    service: string;
    when: string;
    previously: string;
    timeZone: string;
    staff: string;
    location: string;
    participants: string;
    price: string;
    reference: string;
    customer: string;
    email: string;
    phone: string;
    note: string;
  };
  greeting: (name: string) => string;
  /** The line under every email: who sent it and why. */
  footer: (business: string) => string;
  /** The customer's name when the booking has none. */
  someone: string;
  messages: Record<EmailKind, (p: MessageParams) => MessageText>;
}

const CATALOGUES: Record<string, Catalogue> = { en };

/** The catalogue for `locale` ("pt-BR" → "pt-BR", then "pt", then English). */
export function catalogueFor(locale: string | undefined): Catalogue {
  const tag = (locale ?? '').trim();
  return CATALOGUES[tag] ?? CATALOGUES[tag.split(/[-_]/)[0]?.toLowerCase() ?? ''] ?? en;
}
