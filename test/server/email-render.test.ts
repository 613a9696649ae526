/** Email rendering: escaping, the zone times are shown in, the manage link, the catalogue's fallback. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUSINESS_EMAIL_KINDS,
  CUSTOMER_EMAIL_KINDS,
  EmailRenderError,
  escapeHtml,
  manageUrl,
  renderEmail,
} from '../../server/notifications/email/index.js';
import { catalogueFor } from '../../server/notifications/email/catalogue.js';
import { booking, business, businessContext, customerContext, HOSTILE_NAME, MANAGE_URL } from './email-fixtures.js';

describe('escapeHtml', () => {
  it('turns hostile input into text', () => {
    assert.equal(escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(escapeHtml(`"onerror=alert(1)`), '&quot;onerror=alert(1)');
    assert.equal(escapeHtml(`' & "`), '&#39; &amp; &quot;');
    assert.equal(escapeHtml(undefined), '');
    assert.equal(escapeHtml(42), '42');
  });
});

describe('manageUrl', () => {
  it('is the /manage page with the token as a query parameter (contract section 15)', () => {
    assert.equal(manageUrl('https://studio.example', 'tok_1'), 'https://studio.example/manage?token=tok_1');
    assert.equal(manageUrl('https://studio.example/', 'tok_1'), 'https://studio.example/manage?token=tok_1');
    assert.equal(manageUrl('https://x.example/bookings', 'a b&c'), 'https://x.example/bookings/manage?token=a+b%26c');
  });
});

describe('renderEmail', () => {
  const hostile = booking({
    contactDetails: { firstName: HOSTILE_NAME, email: 'maya@customer.example', timeZone: 'America/New_York' },
  });

  for (const kind of [...CUSTOMER_EMAIL_KINDS, ...BUSINESS_EMAIL_KINDS]) {
    it(`${kind}: subject, text, HTML with no scripts and escaped names`, () => {
      const context = CUSTOMER_EMAIL_KINDS.includes(kind as never)
        ? customerContext({ booking: hostile, note: '<img src=x onerror=alert(3)>' })
        : businessContext(kind, { booking: hostile, note: '<img src=x onerror=alert(3)>' });
      const email = renderEmail(kind, context);
      assert.ok(email.subject.length > 0);
      assert.doesNotMatch(email.html, /<script/i);
      assert.doesNotMatch(email.html, /<img/i);
      assert.doesNotMatch(email.html, /"onerror=/);
      assert.ok(email.html.includes(escapeHtml(HOSTILE_NAME)), 'the hostile name appears escaped in the HTML');
      assert.ok(email.text.includes(HOSTILE_NAME), 'the hostile name is intact in the text');
      assert.ok(email.text.includes('<img src=x onerror=alert(3)>'), 'the note is intact in the text');
      if (CUSTOMER_EMAIL_KINDS.includes(kind as never)) {
        assert.ok(email.text.includes(MANAGE_URL), 'the manage link in the text');
        assert.ok(email.html.includes(`href="${escapeHtml(MANAGE_URL)}"`), 'the manage link in the HTML');
      }
    });
  }

  it("shows times in the customer's zone: 18:00 in Lisbon is 1:00 PM in New York", () => {
    const email = renderEmail('booking-confirmed', customerContext());
    assert.match(email.text, /Tuesday, December 1, 2026, 1:00\s–\s2:00\sPM/);
    assert.match(email.text, /America\/New York \(EST\)/);
    assert.doesNotMatch(email.text, /6:00/);
  });

  it("falls back to the slot's local time and the business's zone when the customer's is unknown", () => {
    const b = booking({ contactDetails: { firstName: 'Rui', email: 'rui@x.example' } });
    delete b.startDate;
    delete b.endDate;
    delete b.bookedEntity.slot?.timezone;
    const email = renderEmail('booking-reminder', customerContext({ booking: b }));
    assert.match(email.text, /6:00\s–\s7:00\sPM/);
    assert.match(email.text, /Europe\/Lisbon/);
  });

  it("the business reads times in the business's zone", () => {
    const email = renderEmail('business-new-booking', businessContext('business-new-booking'));
    assert.match(email.text, /6:00\s–\s7:00\sPM/);
    assert.match(email.text, /maya@customer\.example/);
    assert.ok(email.text.includes('https://studio.example/console/bookings/bk_0001'));
  });

  it("formats in the business's locale and money with Intl", () => {
    const email = renderEmail('booking-confirmed', customerContext({ business: { ...business, locale: 'en-GB' } }));
    assert.match(email.text, /1 December 2026, 13:00/);
    assert.match(email.text, /€45\.00/);
    assert.match(email.html, /<html lang="en-GB" dir="ltr">/);
  });

  it('the rescheduled email says the previous time', () => {
    const email = renderEmail('booking-rescheduled', customerContext({ previousStartDate: '2026-11-30T18:00:00Z' }));
    assert.match(email.text, /Previously:\s+Monday, November 30, 2026 at 1:00\sPM/);
  });

  it('refuses a customer email without the manage link', () => {
    const context = customerContext();
    delete context.manageUrl;
    assert.throws(() => renderEmail('booking-confirmed', context), EmailRenderError);
  });

  it('keeps a subject on one line and passes attachments through', () => {
    const b = booking({ contactDetails: { firstName: 'Eve\r\nBcc: x@evil.example', email: 'e@x.example' } });
    const attachments = [{ filename: 'booking.ics', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' }];
    const email = renderEmail('business-new-booking', businessContext('business-new-booking', { booking: b, attachments }));
    assert.doesNotMatch(email.subject, /[\r\n]/);
    assert.deepEqual(email.attachments, attachments);
  });

  it('a link that is not http(s) never becomes an href', () => {
    const email = renderEmail('booking-confirmed', customerContext({ manageUrl: 'javascript:alert(1)' }));
    assert.doesNotMatch(email.html, /href="javascript:/i);
  });
});

describe('catalogueFor', () => {
  it('falls back to the base language, then English', () => {
    assert.equal(catalogueFor('en-US'), catalogueFor('en'));
    assert.equal(catalogueFor('pt-BR'), catalogueFor('en'));
    assert.equal(catalogueFor(undefined), catalogueFor('en'));
  });
});
