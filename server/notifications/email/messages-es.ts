/**
 * Spanish texts of every email (contract section 13). Register: «tú», as a local studio or salon writes to its
 * customers in Spain and Latin America alike; the business's own emails use «tú» too. Terms: «reserva» for a
 * booking, «panel» for the console, «horario»/«hora» for a time.
 */
import type { Catalogue } from './catalogue-types.js';

const SOMEONE = 'un cliente';

export const es: Catalogue = {
  labels: {
    service: 'Servicio',
    when: 'Fecha y hora',
    previously: 'Fecha anterior',
    timeZone: 'Zona horaria',
    staff: 'Con',
    location: 'Lugar',
    participants: 'Participantes',
    price: 'Precio',
    reference: 'Referencia de la reserva',
    customer: 'Cliente',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    note: 'Mensaje',
  },
  // RAE's letter form: a comma before the name, a colon after it. Without a name, just «Hola:».
  greeting: (name) => (name === SOMEONE ? 'Hola:' : `Hola, ${name}:`),
  footer: (business) => `Recibes este correo por una reserva en ${business}.`,
  // Only ever placed mid-sentence below, so it stays lowercase.
  someone: SOMEONE,
  // `when` is Intl's full date ("martes, 1 de diciembre de 2026, 13:00–14:00"), so "el ${when}" reads naturally.
  messages: {
    'booking-received': (p) => ({
      subject: `Solicitud de reserva recibida: ${p.service}`,
      heading: 'Hemos recibido tu solicitud de reserva',
      paragraphs: [`${p.business} ha recibido tu solicitud para ${p.service} el ${p.when}. Está pendiente de confirmación.`],
      nextStep: 'Por ahora no tienes que hacer nada: te escribiremos en cuanto se confirme o se rechace.',
      action: 'Ver tu reserva',
    }),
    'booking-confirmed': (p) => ({
      subject: `Reserva confirmada: ${p.service}, ${p.when}`,
      heading: 'Tu reserva está confirmada',
      paragraphs: [`${p.business} ha confirmado tu reserva de ${p.service} para el ${p.when}.`],
      nextStep: 'Añádela a tu calendario con el archivo adjunto. ¿Cambio de planes? Desde tu reserva puedes cambiar la hora o cancelarla.',
      action: 'Gestionar tu reserva',
    }),
    'booking-declined': (p) => ({
      subject: `Reserva no aceptada: ${p.service}`,
      heading: 'No ha sido posible aceptar tu solicitud',
      paragraphs: [`${p.business} no ha podido aceptar tu solicitud de reserva para ${p.service} el ${p.when}.`],
      nextStep: 'Puedes elegir otro horario que te convenga.',
      action: 'Ver tu reserva',
    }),
    'booking-canceled': (p) => ({
      subject: `Reserva cancelada: ${p.service}, ${p.when}`,
      heading: 'Tu reserva se ha cancelado',
      paragraphs: [`Tu reserva de ${p.service} en ${p.business} para el ${p.when} se ha cancelado.`],
      nextStep: 'El archivo adjunto la quita de tu calendario. Cuando quieras, puedes reservar otra hora.',
      action: 'Ver tu reserva',
    }),
    'booking-rescheduled': (p) => ({
      subject: `Nueva hora para tu reserva: ${p.service}, ${p.when}`,
      heading: 'Tu reserva tiene nueva fecha',
      paragraphs: [
        `Tu reserva de ${p.service} en ${p.business} pasa a ser el ${p.when}${p.previously ? ` (antes era el ${p.previously})` : ''}.`,
      ],
      nextStep: 'El archivo adjunto actualiza tu calendario. Si el nuevo horario no te conviene, puedes cambiarlo o cancelar la reserva.',
      action: 'Gestionar tu reserva',
    }),
    'waitlist-promoted': (p) => ({
      subject: `Se ha liberado una plaza: ${p.service}, ${p.when}`,
      heading: '¡Ya tienes plaza!',
      paragraphs: [`Se ha liberado una plaza para ${p.service} en ${p.business} el ${p.when}, y es para ti.`],
      nextStep: 'Añádela a tu calendario. Si al final no puedes venir, cancela la reserva para que la plaza pase a la siguiente persona.',
      action: 'Gestionar tu reserva',
    }),
    'booking-reminder': (p) => ({
      subject: `Recordatorio: ${p.service}, ${p.when}`,
      heading: 'Se acerca tu reserva',
      paragraphs: [`Te recordamos tu reserva de ${p.service} en ${p.business} el ${p.when}.`],
      nextStep: '¡Te esperamos! Si no puedes venir, cancela o cambia la hora desde tu reserva.',
      action: 'Gestionar tu reserva',
    }),
    'business-new-booking': (p) => ({
      subject: `Nueva reserva: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Nueva reserva',
      paragraphs: [`Tienes una nueva reserva de ${p.customer}: ${p.service}, el ${p.when}${p.staff ? `, con ${p.staff}` : ''}.`],
      nextStep: 'Ya está confirmada; no tienes que hacer nada, salvo que quieras cambiarla.',
      action: 'Abrir en el panel',
    }),
    'business-approval-needed': (p) => ({
      subject: `Pendiente de aprobación: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Una reserva espera tu aprobación',
      paragraphs: [`Tienes una solicitud de ${p.customer}: ${p.service}, el ${p.when}${p.staff ? `, con ${p.staff}` : ''}.`],
      nextStep: 'Confírmala o recházala: avisaremos al cliente en cualquier caso.',
      action: 'Confirmar o rechazar',
    }),
    'business-double-booking': (p) => ({
      subject: `Doble reserva por resolver: ${p.service}, ${p.when}`,
      heading: 'Hay una doble reserva que resolver',
      paragraphs: [
        `La reserva de ${p.customer} para ${p.service} el ${p.when} supera la capacidad del horario${p.staff ? ` de ${p.staff}` : ''}.`,
      ],
      nextStep: 'Pasa una de las reservas a otra hora o cancela una de ellas.',
      action: 'Resolver en el panel',
    }),
    'business-cancellation': (p) => ({
      subject: `Reserva cancelada: ${p.service}, ${p.when} (${p.customer})`,
      heading: 'Se ha cancelado una reserva',
      paragraphs: [`La reserva de ${p.customer} para ${p.service} el ${p.when}${p.staff ? ` con ${p.staff}` : ''} se ha cancelado.`],
      nextStep: 'El horario vuelve a estar libre para otras reservas.',
      action: 'Abrir en el panel',
    }),
  },
};
