/**
 * `renderEmail(kind, context)`: one message of contract section 13 for one recipient, in the business's
 * language, its times in the recipient's zone, as subject, plain text and HTML. Attachments (the calendar
 * slice's `.ics` files) pass through as the caller gives them.
 */
import { directionOf, safeLocale } from '../../../src/i18n/format.js';
import { catalogueFor, type Catalogue, type MessageParams } from './catalogue.js';
import { bookingInstants, formatMoney, formatWhen, formatZone, zoneFor } from './format.js';
import { renderHtml, renderText, type EmailView } from './layout.js';
import { isCustomerKind, type EmailContext, type EmailKind, type RenderedEmail } from './types.js';

export class EmailRenderError extends Error {}

function customerName(context: EmailContext, words: Catalogue): string {
  const { firstName, lastName } = context.booking.contactDetails;
  return [firstName, lastName].filter(Boolean).join(' ').trim() || words.someone;
}

function details(context: EmailContext, words: Catalogue, p: MessageParams, zoneLabel: string | undefined): EmailView['details'] {
  const { booking, business, recipient, price, note } = context;
  const slot = booking.bookedEntity.slot;
  const labels = words.labels;
  const location = slot?.location?.formattedAddress ?? slot?.location?.name;
  const rows: [string, string | undefined][] = [
    [labels.service, p.service],
    [labels.when, p.when],
    [labels.previously, p.previously],
    [labels.timeZone, zoneLabel],
    [labels.staff, p.staff],
    [labels.location, location],
    [labels.participants, booking.totalParticipants && booking.totalParticipants > 1 ? String(booking.totalParticipants) : undefined],
    [labels.price, price ? formatMoney(price, business.locale) : undefined],
  ];
  if (recipient.role !== 'customer') {
    rows.push([labels.customer, p.customer], [labels.email, booking.contactDetails.email], [labels.phone, booking.contactDetails.phone]);
  }
  rows.push([labels.note, note], [labels.reference, booking.id]);
  return rows.filter((row): row is [string, string] => typeof row[1] === 'string' && row[1].trim() !== '');
}

export function renderEmail(kind: EmailKind, context: EmailContext): RenderedEmail {
  const { booking, business, recipient } = context;
  const forCustomer = isCustomerKind(kind);
  if (forCustomer && !context.manageUrl) throw new EmailRenderError(`the ${kind} email needs the manage link (context.manageUrl)`);
  if (!recipient.email) throw new EmailRenderError(`the ${kind} email has no recipient address`);

  const locale = safeLocale(business.locale || 'en');
  const words = catalogueFor(locale);
  const zone = zoneFor(context);
  const { start, end } = bookingInstants(booking, business.timeZone);
  const previous = context.previousStartDate ? Date.parse(context.previousStartDate) : NaN;
  const customer = customerName(context, words);
  const p: MessageParams = {
    customer,
    service: context.service?.name ?? booking.bookedEntity.title ?? '',
    business: business.name,
    when: start !== undefined ? formatWhen(start, end, locale, zone) : '',
    ...(Number.isFinite(previous) ? { previously: formatWhen(previous, undefined, locale, zone) } : {}),
    ...(booking.bookedEntity.slot?.resource?.name ? { staff: booking.bookedEntity.slot.resource.name } : {}),
  };
  const message = words.messages[kind](p);
  const actionUrl = forCustomer ? context.manageUrl : context.consoleUrl;
  const view: EmailView = {
    lang: locale,
    dir: directionOf(locale),
    subject: message.subject,
    business: business.name,
    heading: message.heading,
    greeting: words.greeting(forCustomer ? customer : (recipient.name ?? business.name)),
    paragraphs: message.paragraphs,
    details: details(context, words, p, start !== undefined ? formatZone(zone, start, locale) : undefined),
    nextStep: message.nextStep,
    ...(actionUrl ? { action: { label: message.action, url: actionUrl } } : {}),
    footer: words.footer(business.name),
  };
  return {
    to: recipient.email,
    // A subject is one line: a name with a line break must not start a header of its own.
    subject: message.subject.replace(/[\r\n]+/g, ' '),
    text: renderText(view),
    html: renderHtml(view),
    ...(context.attachments && context.attachments.length > 0 ? { attachments: context.attachments } : {}),
  };
}
