/**
 * The server's field violations (contract section 1: `details.validationError.fieldViolations`, fields as dotted
 * paths like `properties.siteDisplayName`) as messages keyed by the form field they belong to, so each form can show
 * them beside its fields; whatever names no field of the form stays in `rest` for the form's own message.
 */
import { BookingApiError } from '../../api/errors.js';

export interface FieldErrors {
  fields: Record<string, string>;
  rest: string[];
}

/** `fields` are the form's field names (the last part of the server's path); a field's first message wins. */
export function fieldErrors(error: unknown, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = { fields: {}, rest: [] };
  if (!(error instanceof BookingApiError) || !error.validationError) return out;
  for (const v of error.validationError.fieldViolations) {
    const name = v.field.split('.').pop() ?? v.field;
    const text = `${sentence(v.description)}`;
    if (fields.includes(name)) out.fields[name] ??= text;
    else out.rest.push(`${v.field} ${v.description}`);
  }
  return out;
}

/** "must be an email address" → "Must be an email address." */
function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return `${t[0]?.toUpperCase() ?? ''}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
