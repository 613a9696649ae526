/** The my-bookings, manage and reschedule texts in Spanish (tú) (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageEs: Record<ManageMessageKey, string> = {
  myBookingsTitle: 'Mis reservas',
  manageTitle: 'Tu reserva',
  upcoming: 'Próximas',
  past: 'Anteriores',
  noBookings: 'Todavía no tienes reservas. Las que hagas aquí aparecerán en esta lista.',
  noBookingsVisitor: 'No hay reservas en este dispositivo. Puedes abrir una reserva hecha en otro sitio desde el enlace de sus correos.',
  linkNotValid: 'Este enlace de reserva no es válido o ha caducado. Pide uno nuevo al negocio.',
  canceled: 'Tu reserva está cancelada.',
  bookService: 'Reservar un servicio',
  timesIn: 'Horarios en la zona horaria {zone}',
  reference: 'Referencia {id}',
  reschedule: 'Cambiar la hora',
  rescheduleTitle: 'Elige una nueva hora',
  rescheduleTo: 'Cambiar a esta hora',
  rescheduling: 'Cambiando…',
};
