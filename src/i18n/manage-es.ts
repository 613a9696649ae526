/** The my-bookings, manage and reschedule texts in Spanish (tú) (see manage-en.ts). */
import type { ManageMessageKey } from './manage-en.js';

export const manageEs: Record<ManageMessageKey, string> = {
  upcoming: 'Próximas',
  past: 'Anteriores',
  noBookings: 'Todavía no tienes reservas. Las que hagas aquí aparecerán en esta lista.',
  noBookingsVisitor: 'No hay reservas en este dispositivo. Puedes abrir una reserva hecha en otro sitio desde el enlace de sus correos.',
  linkNotValid: 'Este enlace de reserva no es válido o ha caducado. Pide uno nuevo al negocio.',
  bookService: 'Reservar un servicio',
  timesIn: 'Horarios en la zona horaria {zone}',
  reference: 'Referencia {id}',
  reschedule: 'Cambiar la hora',
  rescheduleTitle: 'Elige una nueva hora',
  rescheduleTo: 'Cambiar a esta hora',
  rescheduling: 'Cambiando…',
  cancelOff: 'La política de este servicio no permite cancelar en línea; ponte en contacto con el negocio.',
  rescheduleOff: 'La política de este servicio no permite cambiar la hora en línea; ponte en contacto con el negocio.',
  cancelSignedOut: 'La política de este servicio no permite cancelar sin iniciar sesión.',
  rescheduleSignedOut: 'La política de este servicio no permite cambiar la hora sin iniciar sesión.',
  cancelStarted: 'La reserva ya ha empezado; ya no se puede cancelar en línea.',
  rescheduleStarted: 'La reserva ya ha empezado; ya no se puede cambiar la hora en línea.',
  cancelPassed: 'La política de este servicio permite cancelar hasta {time} antes del inicio, y ese plazo ya ha pasado.',
  reschedulePassed: 'La política de este servicio permite cambiar la hora hasta {time} antes del inicio, y ese plazo ya ha pasado.',
  rescheduleCourse: 'Un curso se reserva completo, así que no se puede cambiar de hora.',
};
