/**
 * `renderAccountEmail(kind, context)`: the emails about a member's account rather than a booking: someone tried
 * to register with an address that already has an account; a member asked for a password-reset link. Same layout as the booking emails
 * (layout.ts: table HTML with every value escaped, and the same words as plain text), in the business's
 * language; texts keyed by locale like the booking catalogue, English for what is missing.
 */
import { directionOf, safeLocale } from '../../../src/i18n/format.js';
import type { Business } from '../../../src/model/business.js';
import { renderHtml, renderText, type EmailView } from './layout.js';
import { EmailRenderError } from './render.js';
import type { RenderedEmail } from './types.js';
import { ACCOUNT_CATALOGUES, ENGLISH_ACCOUNT_CATALOGUE, type AccountCatalogue, type AccountEmailKind } from './account-messages.js';

export { ACCOUNT_EMAIL_KINDS, type AccountEmailKind } from './account-messages.js';

export interface AccountEmailContext {
  business: Business;
  /** The member: its address and, when it gave one, its first name. */
  recipient: { email: string; name?: string };
  /** Where the member signs in (the business's site); without it the email has no button. */
  signInUrl?: string;
  /** The password-reset link (the `password-reset` email's button). */
  resetUrl?: string;
}

const CATALOGUES = ACCOUNT_CATALOGUES;
const en = ENGLISH_ACCOUNT_CATALOGUE;

/** The texts for `locale` ("pt-BR" → "pt-BR", then "pt", then English), as the booking catalogue picks. */
function accountCatalogueFor(locale: string): AccountCatalogue {
  return CATALOGUES[locale] ?? CATALOGUES[locale.split(/[-_]/)[0]?.toLowerCase() ?? ''] ?? en;
}

export function renderAccountEmail(kind: AccountEmailKind, context: AccountEmailContext): RenderedEmail {
  const { business, recipient } = context;
  const actionUrl = kind === 'password-reset' ? context.resetUrl : context.signInUrl;
  if (!recipient.email) throw new EmailRenderError(`the ${kind} email has no recipient address`);
  const locale = safeLocale(business.locale || 'en');
  const words = accountCatalogueFor(locale);
  const message = words.messages[kind]({ business: business.name, email: recipient.email });
  const view: EmailView = {
    lang: locale,
    dir: directionOf(locale),
    subject: message.subject,
    business: business.name,
    heading: message.heading,
    greeting: words.greeting(recipient.name?.trim() || undefined),
    paragraphs: message.paragraphs,
    details: [],
    nextStep: message.nextStep,
    ...(actionUrl ? { action: { label: message.action, url: actionUrl } } : {}),
    footer: words.footer(business.name),
  };
  return {
    to: recipient.email,
    // A subject is one line: a business name with a line break must not start a header of its own.
    subject: message.subject.replace(/[\r\n]+/g, ' '),
    text: renderText(view),
    html: renderHtml(view),
  };
}
