/** The member account forms' texts in Spanish (see account-en.ts). */
import type { AccountMessageKey } from './account-en.js';

export const accountEs: Record<AccountMessageKey, string> = {
  backToLogIn: 'Volver a iniciar sesión',
  registerTitle: 'Crea una cuenta',
  registerSubmit: 'Crear cuenta',
  registering: 'Creando tu cuenta…',
  newPasswordHint: 'Al menos 10 caracteres.',
  passwordTooShort: 'Usa al menos 10 caracteres.',
  registeredNotSignedIn:
    'No hemos podido iniciar tu sesión con este correo y esta contraseña. Si el correo ya tiene una cuenta, te hemos escrito: inicia sesión o usa «¿Has olvidado tu contraseña?».',
  forgotTitle: '¿Has olvidado tu contraseña?',
  forgotIntro: 'Escribe el correo electrónico de tu cuenta y te enviaremos un enlace para crear una contraseña nueva.',
  forgotSubmit: 'Enviarme un enlace',
  forgotSending: 'Enviando…',
  forgotSent:
    'Si existe una cuenta para {email}, te hemos enviado un enlace para crear una contraseña nueva. Solo funciona una vez y durante una hora.',
  resetTitle: 'Crea una contraseña nueva',
  newPassword: 'Contraseña nueva',
  resetSubmit: 'Guardar la contraseña nueva',
  resetSaving: 'Guardando…',
  passwordSet: 'Tu contraseña nueva está guardada. Úsala para iniciar sesión cuando reserves.',
  continueToBooking: 'Continuar con la reserva',
};
