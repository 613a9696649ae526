/** The my-bookings, manage and reschedule texts in German (Sie) (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageDe: Record<ManageMessageKey, string> = {
  myBookingsTitle: 'Meine Buchungen',
  manageTitle: 'Ihre Buchung',
  upcoming: 'Anstehend',
  past: 'Vergangen',
  noBookings: 'Noch keine Buchungen. Buchungen, die Sie hier vornehmen, erscheinen in dieser Liste.',
  noBookingsVisitor:
    'Auf diesem Gerät gibt es keine Buchungen. Eine anderswo vorgenommene Buchung öffnen Sie über den Link in ihren E-Mails.',
  linkNotValid: 'Dieser Buchungslink ist ungültig oder abgelaufen. Bitten Sie das Unternehmen um einen neuen.',
  canceled: 'Ihre Buchung ist storniert.',
  bookService: 'Eine Leistung buchen',
  timesIn: 'Zeiten in der Zeitzone {zone}',
  reference: 'Buchungsnummer {id}',
  reschedule: 'Umbuchen',
  rescheduleTitle: 'Wählen Sie einen neuen Termin',
  rescheduleTo: 'Auf diesen Termin umbuchen',
  rescheduling: 'Wird umgebucht…',
};
