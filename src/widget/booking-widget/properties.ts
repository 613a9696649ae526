/** `<booking-widget>`'s reactive properties and their attributes (contract section 9), and its internal state. */
import type { PropertyDeclarations } from 'lit';

export const properties: PropertyDeclarations = {
  apiBase: { attribute: 'api-base' },
  clientId: { attribute: 'client-id' },
  serviceId: { attribute: 'service-id' },
  categoryId: { attribute: 'category-id' },
  locale: {},
  timeZone: { attribute: 'time-zone' },
  mode: {},
  open: { type: Boolean, reflect: true },
  theme: {},
  memberLogin: { attribute: 'member-login' },
  prefillFirstName: { attribute: 'prefill-first-name' },
  prefillLastName: { attribute: 'prefill-last-name' },
  prefillEmail: { attribute: 'prefill-email' },
  prefillPhone: { attribute: 'prefill-phone' },
  resetToken: { attribute: 'reset-token' },
  bookingToken: { attribute: 'booking-token' },
  view: {},
  flow: { state: true },
};
