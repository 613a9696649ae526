/** The my-bookings, manage and reschedule texts in French (vous) (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageFr: Record<ManageMessageKey, string> = {
  myBookingsTitle: 'Mes réservations',
  manageTitle: 'Votre réservation',
  upcoming: 'À venir',
  past: 'Passées',
  noBookings: 'Aucune réservation pour le moment. Les réservations que vous faites ici apparaîtront dans cette liste.',
  noBookingsVisitor: 'Aucune réservation sur cet appareil. Une réservation faite ailleurs s’ouvre depuis le lien de ses e-mails.',
  linkNotValid: 'Ce lien de réservation n’est pas valide ou a expiré. Demandez-en un nouveau à l’établissement.',
  canceled: 'Votre réservation est annulée.',
  bookService: 'Réserver une prestation',
  timesIn: 'Horaires dans le fuseau {zone}',
  reference: 'Référence : {id}',
  reschedule: 'Changer d’horaire',
  rescheduleTitle: 'Choisissez un nouvel horaire',
  rescheduleTo: 'Passer à cet horaire',
  rescheduling: 'Modification…',
};
