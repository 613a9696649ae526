/** The account email (someone registered with a member's address) in each of the five languages, escaped. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderAccountEmail } from '../../server/notifications/email/account-email.js';
import type { Business } from '../../src/model/business.js';

const business = (locale: string): Business => ({ id: 'b', name: 'Harbor <Studio>', timeZone: 'Europe/Lisbon', currency: 'EUR', locale });
const render = (locale: string, name?: string) =>
  renderAccountEmail('account-exists', {
    business: business(locale),
    recipient: { email: 'maya@example.com', ...(name ? { name } : {}) },
    signInUrl: 'https://book.example/',
  });

describe('the account-exists email in five languages', () => {
  const english = ['already', 'Someone', 'ignore', 'Sign in', 'account'];
  for (const [locale, lang, words] of [
    ['es-ES', 'es-ES', /Ya tienes una cuenta/],
    ['fr-FR', 'fr-FR', /Vous avez déjà un compte/],
    ['de-DE', 'de-DE', /Sie haben bereits ein Konto/],
    ['he-IL', 'he-IL', /כבר יש לך חשבון/],
  ] as const) {
    it(`${locale}: its own words, no English left, the right direction`, () => {
      const email = render(locale, 'Maya');
      assert.match(email.subject, words);
      assert.match(email.text, words);
      const own = email.text.replaceAll('maya@example.com', '').replaceAll('Harbor <Studio>', '').replaceAll('https://book.example/', '');
      for (const word of english) assert.ok(!new RegExp(`\\b${word}\\b`).test(own), `${locale}: "${word}" left in English`);
      assert.match(email.html, new RegExp(`<html lang="${lang}" dir="${locale.startsWith('he') ? 'rtl' : 'ltr'}"`));
      assert.ok(email.html.includes('Harbor &lt;Studio&gt;') && !email.html.includes('<Studio>'), 'the business name is escaped');
      assert.ok(email.html.includes('https://book.example/'), 'the sign-in button');
    });
  }

  it('Hebrew isolates every value, so a Latin name keeps its order', () => {
    const email = render('he-IL', 'Maya');
    assert.ok(email.text.includes('\u2068maya@example.com\u2069'));
    assert.ok(email.text.includes('\u2068Maya\u2069'));
  });

  it('English is the fallback for a language without texts', () => {
    assert.match(render('pt-BR').subject, /^You already have an account with Harbor <Studio>$/);
  });
});
