/**
 * French texts of every email (contract section 13). Register: «vous», to customers and to the business alike.
 * Terms: «réservation» for a booking, «créneau» for a time, «tableau de bord» for the console. Names follow «par»,
 * «chez», «avec» or «pour», never «de», which would need «d’» before a vowel («d’Ana»).
 */
import type { Catalogue } from './catalogue-types.js';

/**
 * French spacing, applied to the literal parts only: a no-break space before «:», a narrow no-break space before
 * «; ? !», so the sign never starts a line. Written with plain spaces in this file (readable, and no invisible
 * characters in the source); the values (names, services) pass through as given.
 */
function typeset(strings: TemplateStringsArray, ...values: string[]): string {
  const space = (text: string): string => text.replace(/ :/g, '\u00a0:').replace(/ ([;?!])/g, '\u202f$1');
  return strings.reduce((out, text, i) => out + space(text) + (values[i] ?? ''), '');
}

const SOMEONE = 'un client';

export const fr: Catalogue = {
  labels: {
    service: 'Prestation',
    when: 'Date et heure',
    previously: 'Ancien horaire',
    timeZone: 'Fuseau horaire',
    staff: 'Avec',
    location: 'Lieu',
    participants: 'Participants',
    price: 'Prix',
    reference: 'Référence de réservation',
    customer: 'Client',
    email: 'E-mail',
    phone: 'Téléphone',
    note: 'Message',
  },
  greeting: (name) => (name === SOMEONE ? 'Bonjour,' : `Bonjour ${name},`),
  footer: (business) => `Vous recevez cet e-mail au sujet d’une réservation chez ${business}.`,
  // Only ever placed mid-sentence below, so it stays lowercase.
  someone: SOMEONE,
  // `when` is Intl's full date ("mardi 1 décembre 2026, 13:00 – 14:00"), so "le ${when}" reads naturally.
  messages: {
    'booking-received': (p) => ({
      subject: typeset`Demande de réservation reçue : ${p.service}`,
      heading: 'Nous avons bien reçu votre demande de réservation',
      paragraphs: [`${p.business} a bien reçu votre demande pour ${p.service} le ${p.when}. Elle est en attente de confirmation.`],
      nextStep: typeset`Rien à faire pour l’instant : nous vous écrirons dès qu’elle sera confirmée ou refusée.`,
      action: 'Voir votre réservation',
    }),
    'booking-confirmed': (p) => ({
      subject: typeset`Réservation confirmée : ${p.service}, ${p.when}`,
      heading: 'Votre réservation est confirmée',
      paragraphs: [`${p.business} a confirmé votre réservation pour ${p.service} le ${p.when}.`],
      nextStep: typeset`Ajoutez-la à votre agenda grâce au fichier joint. Un changement de programme ? Vous pouvez la déplacer ou l’annuler depuis votre réservation.`,
      action: 'Gérer votre réservation',
    }),
    'booking-declined': (p) => ({
      subject: typeset`Réservation refusée : ${p.service}`,
      heading: 'Votre demande de réservation n’a pas pu être acceptée',
      paragraphs: [`${p.business} n’a malheureusement pas pu accepter votre demande pour ${p.service} le ${p.when}.`],
      nextStep: 'Vous pouvez choisir un autre créneau qui vous convient.',
      action: 'Voir votre réservation',
    }),
    'booking-canceled': (p) => ({
      subject: typeset`Réservation annulée : ${p.service}, ${p.when}`,
      heading: 'Votre réservation est annulée',
      paragraphs: [`Votre réservation pour ${p.service} chez ${p.business} le ${p.when} est annulée.`],
      nextStep: 'Le fichier joint la retire de votre agenda. N’hésitez pas à réserver un autre créneau.',
      action: 'Voir votre réservation',
    }),
    'booking-rescheduled': (p) => ({
      subject: typeset`Réservation déplacée : ${p.service}, désormais le ${p.when}`,
      heading: 'Votre réservation a un nouvel horaire',
      paragraphs: [
        `Votre réservation pour ${p.service} chez ${p.business} a désormais lieu le ${p.when}${p.previously ? ` (au lieu du ${p.previously})` : ''}.`,
      ],
      nextStep: 'Le fichier joint met à jour votre agenda. Si ce nouvel horaire ne vous convient pas, vous pouvez le modifier ou annuler.',
      action: 'Gérer votre réservation',
    }),
    'waitlist-promoted': (p) => ({
      subject: typeset`Une place s’est libérée : ${p.service}, ${p.when}`,
      heading: typeset`Bonne nouvelle : une place est à vous`,
      paragraphs: [`Une place s’est libérée pour ${p.service} chez ${p.business} le ${p.when}, et elle est pour vous.`],
      nextStep:
        'Ajoutez-la à votre agenda. Si vous ne pouvez plus venir, merci d’annuler pour que la place revienne à la personne suivante.',
      action: 'Gérer votre réservation',
    }),
    'booking-reminder': (p) => ({
      subject: typeset`Rappel : ${p.service}, ${p.when}`,
      heading: 'Votre réservation approche',
      paragraphs: [`Nous vous rappelons votre réservation pour ${p.service} chez ${p.business} le ${p.when}.`],
      nextStep: typeset`À bientôt ! Si vous ne pouvez pas venir, annulez ou déplacez votre réservation.`,
      action: 'Gérer votre réservation',
    }),
    'business-new-booking': (p) => ({
      subject: typeset`Nouvelle réservation : ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Nouvelle réservation',
      paragraphs: [typeset`Réservation effectuée par ${p.customer} : ${p.service}, le ${p.when}${p.staff ? `, avec ${p.staff}` : ''}.`],
      nextStep: typeset`Elle est confirmée : rien à faire, sauf si vous souhaitez la modifier.`,
      action: 'Voir dans le tableau de bord',
    }),
    'business-approval-needed': (p) => ({
      subject: typeset`En attente de validation : ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Une réservation attend votre validation',
      paragraphs: [typeset`Demande envoyée par ${p.customer} : ${p.service}, le ${p.when}${p.staff ? `, avec ${p.staff}` : ''}.`],
      nextStep: typeset`Acceptez-la ou refusez-la : le client sera prévenu dans les deux cas.`,
      action: 'Accepter ou refuser',
    }),
    'business-double-booking': (p) => ({
      subject: typeset`Double réservation à régler : ${p.service}, ${p.when}`,
      heading: 'Une double réservation demande votre attention',
      paragraphs: [
        `La réservation prise par ${p.customer} pour ${p.service} le ${p.when} dépasse la capacité du créneau${p.staff ? ` avec ${p.staff}` : ''}.`,
      ],
      nextStep: 'Déplacez l’une des réservations vers un autre créneau, ou annulez-en une.',
      action: 'Régler dans le tableau de bord',
    }),
    'business-cancellation': (p) => ({
      subject: typeset`Réservation annulée : ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Une réservation a été annulée',
      paragraphs: [
        `La réservation prise par ${p.customer} pour ${p.service} le ${p.when}${p.staff ? ` avec ${p.staff}` : ''} est annulée.`,
      ],
      nextStep: 'Le créneau est de nouveau disponible à la réservation.',
      action: 'Voir dans le tableau de bord',
    }),
  },
};
