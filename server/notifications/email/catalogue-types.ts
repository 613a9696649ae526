/** The shape of a language's texts for the emails (one entry of the catalogue in catalogue.ts). */
import type { EmailKind } from './types.js';

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
