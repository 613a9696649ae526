/**
 * German texts of every email (contract section 13). Register: «Sie», to customers and to the business alike.
 * Terms: «Buchung» for a booking, «Termin» for its time, «Verwaltung» for the console; service names in German
 * quotes („…“), as course and treatment names usually are in running German text.
 *
 * After the greeting («Hallo Maya Cohen,») German goes on in lower case, so every first paragraph below starts
 * with a word that is capitalised anyway: «Ihre», «Sie» or a name.
 */
import type { Catalogue } from './catalogue-types.js';

const SOMEONE = 'Eine Person';

/** A service name as running German text quotes it. */
const q = (service: string): string => `„${service}“`;

export const de: Catalogue = {
  labels: {
    service: 'Leistung',
    when: 'Termin',
    previously: 'Bisheriger Termin',
    timeZone: 'Zeitzone',
    staff: 'Mit',
    location: 'Ort',
    participants: 'Teilnehmende',
    price: 'Preis',
    reference: 'Buchungsnummer',
    customer: 'Gebucht von',
    email: 'E-Mail',
    phone: 'Telefon',
    note: 'Nachricht',
  },
  greeting: (name) => (name === SOMEONE ? 'Guten Tag,' : `Hallo ${name},`),
  footer: (business) => `Sie erhalten diese E-Mail wegen einer Buchung bei ${business}.`,
  // Only ever the first word of a sentence (nominative, capitalised) or a value on its own, so it is never declined.
  someone: SOMEONE,
  // `when` is Intl's full date ("Dienstag, 1. Dezember 2026, 13:00–14:00 Uhr"), so "am ${when}" reads naturally.
  messages: {
    'booking-received': (p) => ({
      subject: `Buchungsanfrage erhalten: ${p.service}`,
      heading: 'Wir haben Ihre Buchungsanfrage erhalten',
      paragraphs: [`Ihre Anfrage für ${q(p.service)} am ${p.when} ist bei ${p.business} eingegangen. Die Bestätigung steht noch aus.`],
      nextStep: 'Sie müssen jetzt nichts tun: Wir schreiben Ihnen, sobald die Buchung bestätigt oder abgelehnt ist.',
      action: 'Buchung ansehen',
    }),
    'booking-confirmed': (p) => ({
      subject: `Buchung bestätigt: ${p.service}, ${p.when}`,
      heading: 'Ihre Buchung ist bestätigt',
      paragraphs: [`${p.business} hat Ihre Buchung für ${q(p.service)} am ${p.when} bestätigt.`],
      nextStep:
        'Mit der angehängten Datei übernehmen Sie den Termin in Ihren Kalender. Haben sich Ihre Pläne geändert? Dann können Sie die Buchung verschieben oder stornieren.',
      action: 'Buchung verwalten',
    }),
    'booking-declined': (p) => ({
      subject: `Buchung abgelehnt: ${p.service}`,
      heading: 'Ihre Anfrage konnte leider nicht angenommen werden',
      paragraphs: [`${p.business} konnte Ihre Anfrage für ${q(p.service)} am ${p.when} leider nicht annehmen.`],
      nextStep: 'Wählen Sie gern einen anderen Termin, der Ihnen passt.',
      action: 'Buchung ansehen',
    }),
    'booking-canceled': (p) => ({
      subject: `Buchung storniert: ${p.service}, ${p.when}`,
      heading: 'Ihre Buchung wurde storniert',
      paragraphs: [`Ihre Buchung für ${q(p.service)} bei ${p.business} am ${p.when} wurde storniert.`],
      nextStep: 'Die angehängte Datei entfernt den Termin aus Ihrem Kalender. Buchen Sie gern einen anderen Termin.',
      action: 'Buchung ansehen',
    }),
    'booking-rescheduled': (p) => ({
      subject: `Neuer Termin: ${p.service}, ${p.when}`,
      heading: 'Ihre Buchung hat einen neuen Termin',
      paragraphs: [
        `Ihre Buchung für ${q(p.service)} bei ${p.business} findet jetzt am ${p.when} statt${p.previously ? ` (bisher am ${p.previously})` : ''}.`,
      ],
      nextStep:
        'Die angehängte Datei aktualisiert Ihren Kalender. Passt Ihnen der neue Termin nicht, können Sie ihn verschieben oder die Buchung stornieren.',
      action: 'Buchung verwalten',
    }),
    'waitlist-promoted': (p) => ({
      subject: `Ein Platz ist frei geworden: ${p.service}, ${p.when}`,
      heading: 'Sie sind von der Warteliste nachgerückt',
      paragraphs: [`Sie sind dabei: Für ${q(p.service)} bei ${p.business} am ${p.when} ist ein Platz frei geworden, und er gehört Ihnen.`],
      nextStep:
        'Tragen Sie den Termin in Ihren Kalender ein. Falls Sie doch nicht kommen können, stornieren Sie bitte, damit die nächste Person den Platz bekommt.',
      action: 'Buchung verwalten',
    }),
    'booking-reminder': (p) => ({
      subject: `Erinnerung: ${p.service}, ${p.when}`,
      heading: 'Ihr Termin rückt näher',
      paragraphs: [`Ihre Buchung für ${q(p.service)} bei ${p.business} am ${p.when} steht bald an.`],
      nextStep: 'Wir freuen uns auf Sie! Falls Sie verhindert sind, stornieren oder verschieben Sie bitte Ihre Buchung.',
      action: 'Buchung verwalten',
    }),
    'business-new-booking': (p) => ({
      subject: `Neue Buchung: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Neue Buchung',
      paragraphs: [`${p.customer} hat ${q(p.service)} am ${p.when}${p.staff ? ` mit ${p.staff}` : ''} gebucht.`],
      nextStep: 'Die Buchung ist bestätigt. Sie müssen nichts tun, außer Sie möchten etwas ändern.',
      action: 'In der Verwaltung öffnen',
    }),
    'business-approval-needed': (p) => ({
      subject: `Freigabe ausstehend: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Eine Buchung wartet auf Ihre Freigabe',
      paragraphs: [`${p.customer} hat ${q(p.service)} am ${p.when}${p.staff ? ` mit ${p.staff}` : ''} angefragt.`],
      nextStep: 'Bestätigen Sie die Anfrage oder lehnen Sie sie ab – wir benachrichtigen die buchende Person in jedem Fall.',
      action: 'Bestätigen oder ablehnen',
    }),
    'business-double-booking': (p) => ({
      subject: `Doppelbuchung klären: ${p.service}, ${p.when}`,
      heading: 'Eine Doppelbuchung braucht Ihre Aufmerksamkeit',
      paragraphs: [
        `${p.customer} hat ${q(p.service)} am ${p.when} gebucht; damit ist die Kapazität des Zeitfensters${p.staff ? ` mit ${p.staff}` : ''} überschritten.`,
      ],
      nextStep: 'Verschieben Sie eine der Buchungen auf einen anderen Termin oder stornieren Sie eine davon.',
      action: 'In der Verwaltung klären',
    }),
    'business-cancellation': (p) => ({
      subject: `Storniert: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Eine Buchung wurde storniert',
      paragraphs: [
        `${p.customer} hatte ${q(p.service)} am ${p.when}${p.staff ? ` mit ${p.staff}` : ''} gebucht; diese Buchung wurde storniert.`,
      ],
      nextStep: 'Der Termin ist wieder frei und kann neu gebucht werden.',
      action: 'In der Verwaltung öffnen',
    }),
  },
};
