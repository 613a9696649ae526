import { expect } from '@open-wc/testing';
import { en } from '../../../src/i18n/en.js';
import { accountEn } from '../../../src/i18n/account-en.js';
import { accountMsg } from '../../../src/i18n/account.js';
import { manageEn } from '../../../src/i18n/manage-en.js';
import { manageMsg, refusalText } from '../../../src/i18n/manage.js';
import { calendarEn } from '../../../src/i18n/calendar-en.js';
import { calendarMsg } from '../../../src/i18n/calendar.js';
import { installTranslation, languageOf, msg, useLocale, type Translation } from '../../../src/i18n/index.js';
import { translation as es } from '../../../src/i18n/es.js';
import { translation as fr } from '../../../src/i18n/fr.js';
import { translation as de } from '../../../src/i18n/de.js';
import { translation as he } from '../../../src/i18n/he.js';

const translations: Record<string, Translation> = { es, fr, de, he };
const english: Record<keyof Translation, Record<string, string>> = {
  widget: en,
  account: accountEn,
  manage: manageEn,
  calendar: calendarEn,
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the widget in five languages', () => {
  for (const [language, translation] of Object.entries(translations)) {
    it(`${language} has every English text, with the same placeholders`, () => {
      for (const table of Object.keys(english) as (keyof Translation)[]) {
        const texts: Record<string, string> = translation[table];
        expect(Object.keys(texts).sort(), `${language} ${table}`).to.deep.equal(Object.keys(english[table]).sort());
        for (const [key, text] of Object.entries(english[table])) {
          expect(texts[key]!.trim(), `${language} ${table}.${key}`).not.to.equal('');
          expect(placeholders(texts[key]!), `${language} ${table}.${key}`).to.deep.equal(placeholders(text));
        }
      }
    });
  }

  it('picks the language from the locale, English for one it does not have', () => {
    expect(['es-MX', 'fr-CA', 'de', 'he-IL', 'en-GB', 'ja', 'not a locale!'].map(languageOf)).to.deep.equal([
      'es',
      'fr',
      'de',
      'he',
      'en',
      'en',
      'en',
    ]);
  });

  it('gives the locale’s texts once installed, and English for a text a translation lacks', () => {
    useLocale('es-MX');
    expect(msg('back')).to.equal('Back'); // Spanish is not installed yet
    installTranslation('es', es);
    useLocale('es-MX');
    expect(msg('spotsLeft', { n: 3 })).to.equal('Quedan 3 plazas');
    expect(accountMsg('forgotSending')).to.equal('Enviando…');
    expect([manageMsg('upcoming'), msg('addToCalendar'), calendarMsg('newTab')]).to.deep.equal([
      'Próximas',
      'Añadir al calendario',
      '(se abre en una pestaña nueva)',
    ]);
    installTranslation('de', { widget: { back: 'Zurück' }, account: {}, manage: {}, calendar: {} } as unknown as Translation); // a partial one
    useLocale('de-AT');
    expect([msg('back'), msg('next'), accountMsg('forgotSending'), manageMsg('past')]).to.deep.equal([
      'Zurück',
      'Continue',
      'Sending…',
      'Past',
    ]);
    useLocale('en');
    expect(msg('back')).to.equal('Back');
  });

  it('words a policy’s refusal in the customer’s language, its time span by Intl', () => {
    installTranslation('es', es);
    useLocale('es-MX');
    expect(refusalText('cancel', { code: 'passed', minutes: 1440 }, 'es-MX')).to.equal(
      'La política de este servicio permite cancelar hasta 24 horas antes del inicio, y ese plazo ya ha pasado.',
    );
    expect(refusalText('reschedule', { code: 'course' }, 'es-MX')).to.equal(manageMsg('rescheduleCourse'));
    useLocale('en');
    expect(refusalText('reschedule', { code: 'passed', minutes: 30 }, 'en')).to.equal(
      "This service's policy lets customers reschedule up to 30 minutes before the start; that time has passed.",
    );
    expect(refusalText('cancel', { code: 'passed', minutes: 2880 }, 'en')).to.match(/up to 2 days before/);
    expect(refusalText('cancel', { code: 'signed-out' }, 'en')).to.equal(
      "This service's policy does not let you cancel without signing in.",
    );
  });
});
