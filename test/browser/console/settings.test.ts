/**
 * The settings view's pure rules in the browser: the server's field violations mapped to the form's fields (dotted
 * paths, first message wins, the rest kept for the form), and the widget's embed code for a server.
 */
import { expect } from '@open-wc/testing';
import { BookingApiError } from '../../../src/api/errors.js';
import { fieldErrors } from '../../../src/console/settings/field-errors.js';
import { embedSnippet } from '../../../src/console/settings/embed-snippet.js';

const refused = (...violations: [string, string][]) =>
  new BookingApiError(400, 'Invalid request', undefined, {
    fieldViolations: violations.map(([field, description]) => ({ field, description })),
  });

describe('settings: field errors', () => {
  it('puts each violation beside its field, by the last part of its path, as a sentence', () => {
    const found = fieldErrors(
      refused(['email', 'must be an email address, like name@example.com'], ['properties.timeZone', 'is not a time zone']),
      ['email', 'timeZone'],
    );
    expect(found.fields).to.deep.equal({ email: 'Must be an email address, like name@example.com.', timeZone: 'Is not a time zone.' });
    expect(found.rest).to.deep.equal([]);
  });

  it('keeps the first message of a field, and what names no field of the form for the form', () => {
    const found = fieldErrors(refused(['password', 'is too short.'], ['password', 'is too common'], ['other', 'is wrong']), ['password']);
    expect(found.fields).to.deep.equal({ password: 'Is too short.' });
    expect(found.rest).to.deep.equal(['other is wrong']);
  });

  it('finds nothing in an error that is not a validation error', () => {
    expect(fieldErrors(new BookingApiError(409, 'Conflict'), ['email'])).to.deep.equal({ fields: {}, rest: [] });
    expect(fieldErrors(new Error('boom'), ['email'])).to.deep.equal({ fields: {}, rest: [] });
  });
});

describe('settings: embed code', () => {
  it('names the server for the script and the element, without a trailing slash', () => {
    expect(embedSnippet('https://book.example/')).to.equal(
      '<script src="https://book.example/widget/booking-widget.iife.js" defer></script>\n' +
        '<booking-widget api-base="https://book.example" client-id="my-site"></booking-widget>',
    );
  });
});
