/** The service form's "Where": not said, one of the business's places, the customer's place, or another address. */
import { html, nothing, type TemplateResult } from 'lit';
import { SERVICE_TEXT as T } from '../services/service-texts.js';
import { select, textField, type FieldsProps } from './service-fields.js';

export function locationField(p: FieldsProps): TemplateResult {
  const choices: [string, string][] = [
    ['', T.placeUnsaid],
    ...p.places.flatMap((l): [string, string][] => (l.business ? [[`BUSINESS:${l.business.id}`, T.placeAt(l.business.name)]] : [])),
    ['CUSTOMER', T.placeCustomer],
    ['CUSTOM', T.placeCustom],
  ];
  return html`${select(p, 'location', choices)} ${p.draft.location === 'CUSTOM' ? textField(p, 'locationAddress') : nothing}`;
}
