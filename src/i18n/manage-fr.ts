/** The my-bookings, manage and reschedule texts in French (vous) (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageFr: Record<ManageMessageKey, string> = {
  upcoming: 'À venir',
  past: 'Passées',
  noBookings: 'Aucune réservation pour le moment. Les réservations que vous faites ici apparaîtront dans cette liste.',
  noBookingsVisitor: 'Aucune réservation sur cet appareil. Une réservation faite ailleurs s’ouvre depuis le lien de ses e-mails.',
  linkNotValid: 'Ce lien de réservation n’est pas valide ou a expiré. Demandez-en un nouveau à l’établissement.',
  bookService: 'Réserver une prestation',
  timesIn: 'Horaires dans le fuseau {zone}',
  reference: 'Référence : {id}',
  reschedule: 'Changer d’horaire',
  rescheduleTitle: 'Choisissez un nouvel horaire',
  rescheduleTo: 'Passer à cet horaire',
  rescheduling: 'Modification…',
  cancelOff: 'La politique de ce service ne permet pas d’annuler en ligne ; veuillez contacter l’établissement.',
  rescheduleOff: 'La politique de ce service ne permet pas de changer d’horaire en ligne ; veuillez contacter l’établissement.',
  cancelSignedOut: 'La politique de ce service ne permet pas d’annuler sans vous connecter.',
  rescheduleSignedOut: 'La politique de ce service ne permet pas de changer d’horaire sans vous connecter.',
  cancelStarted: 'La réservation a déjà commencé ; elle ne peut plus être annulée en ligne.',
  rescheduleStarted: 'La réservation a déjà commencé ; son horaire ne peut plus être modifié en ligne.',
  cancelPassed: 'La politique de ce service permet d’annuler jusqu’à {time} avant le début ; ce délai est dépassé.',
  reschedulePassed: 'La politique de ce service permet de changer d’horaire jusqu’à {time} avant le début ; ce délai est dépassé.',
  rescheduleCourse: 'Un cycle de cours se réserve en entier et son horaire ne peut pas être modifié.',
};
