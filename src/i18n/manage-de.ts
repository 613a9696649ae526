/** The my-bookings, manage and reschedule texts in German (Sie) (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageDe: Record<ManageMessageKey, string> = {
  upcoming: 'Anstehend',
  past: 'Vergangen',
  noBookings: 'Noch keine Buchungen. Buchungen, die Sie hier vornehmen, erscheinen in dieser Liste.',
  noBookingsVisitor:
    'Auf diesem Gerät gibt es keine Buchungen. Eine anderswo vorgenommene Buchung öffnen Sie über den Link in ihren E-Mails.',
  linkNotValid: 'Dieser Buchungslink ist ungültig oder abgelaufen. Bitten Sie das Unternehmen um einen neuen.',
  bookService: 'Eine Leistung buchen',
  timesIn: 'Zeiten in der Zeitzone {zone}',
  reference: 'Buchungsnummer {id}',
  reschedule: 'Umbuchen',
  rescheduleTitle: 'Wählen Sie einen neuen Termin',
  rescheduleTo: 'Auf diesen Termin umbuchen',
  rescheduling: 'Wird umgebucht…',
  cancelOff: 'Laut den Richtlinien dieses Angebots ist keine Online-Stornierung möglich. Bitte wenden Sie sich direkt an den Anbieter.',
  rescheduleOff: 'Laut den Richtlinien dieses Angebots ist keine Online-Umbuchung möglich. Bitte wenden Sie sich direkt an den Anbieter.',
  cancelSignedOut: 'Laut den Richtlinien dieses Angebots können Sie nur angemeldet stornieren.',
  rescheduleSignedOut: 'Laut den Richtlinien dieses Angebots können Sie nur angemeldet umbuchen.',
  cancelStarted: 'Die Buchung hat bereits begonnen und kann nicht mehr online storniert werden.',
  rescheduleStarted: 'Die Buchung hat bereits begonnen und kann nicht mehr online umgebucht werden.',
  cancelPassed: 'Laut den Richtlinien dieses Angebots ist eine Stornierung bis {time} vor Beginn möglich; diese Frist ist abgelaufen.',
  reschedulePassed: 'Laut den Richtlinien dieses Angebots ist eine Umbuchung bis {time} vor Beginn möglich; diese Frist ist abgelaufen.',
  rescheduleCourse: 'Ein Kurs wird als Ganzes gebucht und kann nicht umgebucht werden.',
};
