/**
 * Every email in every language of the catalogue (English, Spanish, French, German, Hebrew): the words are that
 * language's (no English left over), dates come from Intl in that language, `lang`/`dir` are set, the manage
 * link and HTML escaping hold, and each language's typography (French spaces, German quotes, Hebrew isolates).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMAIL_KINDS, escapeHtml, isCustomerKind, renderEmail, type EmailKind } from '../../server/notifications/email/index.js';
import { catalogueFor } from '../../server/notifications/email/catalogue.js';
import { booking, business, businessContext, customerContext, HOSTILE_NAME, MANAGE_URL } from './email-fixtures.js';

interface Locale {
  locale: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Words Intl writes for Tuesday 1 December 2026 in that language. */
  date: RegExp;
}

const LOCALES: Locale[] = [
  { locale: 'en-US', lang: 'en', dir: 'ltr', date: /Tuesday, December 1, 2026/ },
  { locale: 'es-ES', lang: 'es', dir: 'ltr', date: /martes, 1 de diciembre de 2026/ },
  { locale: 'fr-FR', lang: 'fr', dir: 'ltr', date: /mardi 1 décembre 2026/ },
  { locale: 'de-DE', lang: 'de', dir: 'ltr', date: /Dienstag, 1\. Dezember 2026/ },
  { locale: 'he-IL', lang: 'he', dir: 'rtl', date: /יום שלישי, 1 בדצמבר 2026/ },
];

/** Words of messages-en.ts that no other language uses (so not «Participants», «Message», «Double», «place»). */
const ENGLISH = [
  'hello', 'booking', 'bookings', 'booked', 'confirmed', 'declined', 'decline', 'canceled', 'cancel', 'reschedule',
  'request', 'received', 'waiting', 'approval', 'reminder', 'calendar', 'attached', 'manage', 'customer', 'console',
  'previously', 'time zone', 'reference', 'email', 'phone', 'price', 'where', 'when', 'with', 'your', 'you', 'the',
  'nothing', 'please', 'opened', 'resolve',
]; // prettier-ignore

/** The values the fixtures put into the emails (names, places, links): not the catalogue's words. */
const VALUES = [
  MANAGE_URL,
  'https://studio.example/console/bookings/bk_0001',
  'maya@customer.example',
  'Lisbon Yoga Studio',
  'Rua Augusta 10, Lisbon',
  'Private yoga',
  'Ana Silva',
  'Maya Cohen',
  'Studio owner',
  'bk_0001',
  'America/New York',
  'Europe/Lisbon',
  'Please call <me> before',
];

function render(kind: EmailKind, locale: string, overrides: Parameters<typeof customerContext>[0] = {}) {
  const extra = { business: { ...business, locale }, note: 'Please call <me> before', ...overrides };
  return isCustomerKind(kind)
    ? renderEmail(
        kind,
        customerContext({ ...(kind === 'booking-rescheduled' ? { previousStartDate: '2026-11-30T18:00:00Z' } : {}), ...extra }),
      )
    : renderEmail(kind, businessContext(kind, extra));
}

/** What a reader sees, minus the interpolated values and the zone's short name ("GMT-5"). */
function catalogueWords(textOrHtml: string): string {
  let out = textOrHtml;
  for (const value of VALUES.flatMap((v) => [v, escapeHtml(v)])) out = out.split(value).join(' ');
  return out
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\((GMT|UTC)[^)]*\)/g, ' ');
}

function englishLeftovers(text: string): string[] {
  return ENGLISH.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text));
}

describe('emails in every language', () => {
  for (const { locale, lang, dir, date } of LOCALES) {
    for (const kind of EMAIL_KINDS) {
      it(`${locale} ${kind}: its language, Intl dates, lang/dir, links`, () => {
        const email = render(kind, locale);
        assert.ok(email.subject.trim() && email.text.trim() && email.html.trim());
        assert.match(email.html, new RegExp(`<html lang="${locale}" dir="${dir}">`));
        assert.match(email.subject + email.text, date, 'the date as Intl writes it in that language');
        assert.match(email.html, date);
        if (lang === 'en') {
          // The word list catches an untranslated text: every English email has some of its words.
          assert.notDeepEqual(englishLeftovers(catalogueWords(email.text)), []);
        } else {
          assert.deepEqual(englishLeftovers(catalogueWords(email.subject)), [], 'subject');
          assert.deepEqual(englishLeftovers(catalogueWords(email.text)), [], 'text');
          assert.deepEqual(englishLeftovers(catalogueWords(email.html)), [], 'html');
        }
        if (lang === 'he') {
          // Hebrew has no Latin letters of its own: any left after the values is an untranslated word.
          assert.doesNotMatch(catalogueWords(email.text).replace(/[\u2068\u2069]/g, ''), /[A-Za-z]/);
        }
        if (isCustomerKind(kind)) {
          assert.ok(email.text.includes(MANAGE_URL), 'the manage link in the text');
          assert.ok(email.html.includes(`href="${escapeHtml(MANAGE_URL)}"`), 'the manage link in the HTML');
        } else {
          assert.ok(email.html.includes('href="https://studio.example/console/bookings/bk_0001"'), 'the console link');
        }
      });

      it(`${locale} ${kind}: hostile names stay text`, () => {
        const hostile = booking({ contactDetails: { firstName: HOSTILE_NAME, email: 'maya@customer.example' } });
        const email = render(kind, locale, { booking: hostile, note: '<img src=x onerror=alert(3)>' });
        assert.doesNotMatch(email.html, /<script|<img|"onerror=/i);
        assert.ok(email.html.includes(escapeHtml(HOSTILE_NAME)), 'the hostile name appears escaped in the HTML');
        assert.ok(email.text.includes(HOSTILE_NAME), 'the hostile name is intact in the text');
      });
    }
  }
});

describe('typography and wording per language', () => {
  it('French: a no-break space before «:», a narrow one before «? !», none plain', () => {
    for (const kind of EMAIL_KINDS) {
      const { subject, text } = render(kind, 'fr-FR');
      assert.doesNotMatch(`${subject}\n${text}`, / [:;?!]/, kind);
    }
    assert.match(render('booking-confirmed', 'fr-FR').subject, /^Réservation confirmée\u00a0: Private yoga, /);
    assert.match(render('booking-confirmed', 'fr-FR').text, /programme\u202f\? /);
    assert.match(render('booking-reminder', 'fr-FR').text, /À bientôt\u202f!/);
  });

  it('French: the spacing never touches a value (a service named «Yoga ?!»)', () => {
    const email = render('booking-confirmed', 'fr-FR', { service: { name: 'Yoga ?!' } });
    assert.ok(email.subject.includes('\u00a0: Yoga ?!, '));
  });

  it('German: «Sie», the service in German quotes', () => {
    const { text } = render('booking-confirmed', 'de-DE');
    assert.match(text, /Ihre Buchung für „Private yoga“ am Dienstag, 1\. Dezember 2026, 13:00–14:00 Uhr bestätigt\./);
    assert.doesNotMatch(text, /\b(du|dich|dein|deine)\b/i);
  });

  it('Spanish: «tú» throughout, a letter-style greeting', () => {
    const { text } = render('booking-confirmed', 'es-ES');
    assert.match(text, /^Hola, Maya Cohen:$/m);
    assert.match(text, /tu reserva de Private yoga para el martes, 1 de diciembre de 2026, 13:00–14:00\./);
    for (const kind of EMAIL_KINDS) assert.doesNotMatch(render(kind, 'es-ES').text, /\b(usted|su reserva)\b/i, kind);
  });

  it('Hebrew: every value in its own bidi isolate, dates after «ב»', () => {
    const email = render('booking-confirmed', 'he-IL', { service: { name: '10 class pass' } });
    assert.ok(email.text.includes('\u2068Lisbon Yoga Studio\u2069'));
    assert.ok(email.text.includes('\u206810 class pass\u2069'));
    assert.ok(email.text.includes('שלום \u2068Maya Cohen\u2069,'));
    assert.match(email.text, /ב\u2068יום שלישי, 1 בדצמבר 2026, 13:00–14:00\u2069\./);
    // In the subject too: mail clients lay out subject lines with the same algorithm.
    assert.equal(email.subject, 'ההזמנה אושרה: \u206810 class pass\u2069, \u2068יום שלישי, 1 בדצמבר 2026, 13:00–14:00\u2069');
    // Only Hebrew isolates: the other languages' texts have none.
    for (const locale of ['en-US', 'es-ES', 'fr-FR', 'de-DE'])
      assert.doesNotMatch(render('booking-confirmed', locale).text, /[\u2066-\u2069]/);
  });

  it('a customer with no name gets a greeting without one', () => {
    const nameless = booking({ contactDetails: { email: 'x@customer.example' } });
    const greetings: Record<string, string> = { 'es-ES': 'Hola:', 'fr-FR': 'Bonjour,', 'de-DE': 'Guten Tag,', 'he-IL': 'שלום,' };
    for (const [locale, greeting] of Object.entries(greetings)) {
      assert.match(render('booking-confirmed', locale, { booking: nameless }).text, new RegExp(`^${greeting}$`, 'm'), locale);
    }
  });
});

describe('catalogueFor with the new languages', () => {
  it('finds a language by its base tag and falls back to English', () => {
    assert.equal(catalogueFor('es-MX'), catalogueFor('es'));
    assert.equal(catalogueFor('fr-CA'), catalogueFor('fr'));
    assert.equal(catalogueFor('de-AT'), catalogueFor('de'));
    assert.equal(catalogueFor('he-IL'), catalogueFor('he'));
    assert.notEqual(catalogueFor('he'), catalogueFor('en'));
    assert.equal(catalogueFor('pt-BR'), catalogueFor('en'));
  });

  it("Hebrew's old tag «iw» renders in Hebrew (Intl canonicalises it)", () => {
    const email = render('booking-reminder', 'iw-IL');
    assert.match(email.html, /<html lang="he-IL" dir="rtl">/);
    assert.match(email.subject, /^תזכורת: /);
  });
});
