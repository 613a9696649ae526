/** Contact-details validation, shared by the details form (inline messages) and the machine (its guard). */
import type { ContactDetails } from '../model/booking.js';
import { msg } from '../i18n/index.js';

export type DetailsField = 'firstName' | 'lastName' | 'email' | 'phone';
export const DETAILS_FIELDS: readonly DetailsField[] = ['firstName', 'lastName', 'email', 'phone'];

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** The shape of an email address (the details step and the account forms): the server checks it again. */
export const looksLikeEmail = (value: string): boolean => EMAIL.test(value.trim());
const PHONE = /^\+?[\d\s\-().]{6,20}$/;

/** One message per invalid field; an empty object when the details can be sent. Phone is optional. */
export function validateDetails(d: ContactDetails): Partial<Record<DetailsField, string>> {
  const errors: Partial<Record<DetailsField, string>> = {};
  const val = (f: DetailsField) => (d[f] ?? '').trim();
  // One text per field, not "Please enter your {field}": other languages decline and capitalise the field's name.
  if (!val('firstName')) errors.firstName = msg('requiredFirstName');
  if (!val('lastName')) errors.lastName = msg('requiredLastName');
  if (!val('email')) errors.email = msg('requiredEmail');
  else if (!looksLikeEmail(val('email'))) errors.email = msg('invalidEmail');
  if (val('phone') && !PHONE.test(val('phone'))) errors.phone = msg('invalidPhone');
  return errors;
}

export const detailsValid = (d: ContactDetails): boolean => Object.keys(validateDetails(d)).length === 0;

/** Trimmed, without empty fields (the server treats "" as a value). */
export function cleanDetails(d: ContactDetails): ContactDetails {
  const out: ContactDetails = {};
  for (const f of DETAILS_FIELDS) {
    const v = (d[f] ?? '').trim();
    if (v) out[f] = v;
  }
  return out;
}
