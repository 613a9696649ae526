/** The member account forms' texts in German (see account-en.ts). */
import type { AccountMessageKey } from './account-en.js';

export const accountDe: Record<AccountMessageKey, string> = {
  backToLogIn: 'Zurück zur Anmeldung',
  registerTitle: 'Konto erstellen',
  registerSubmit: 'Konto erstellen',
  registering: 'Ihr Konto wird erstellt …',
  newPasswordHint: 'Mindestens 10 Zeichen.',
  passwordTooShort: 'Bitte verwenden Sie mindestens 10 Zeichen.',
  registeredNotSignedIn:
    'Mit dieser E-Mail-Adresse und diesem Passwort konnten wir Sie nicht anmelden. Falls es für die Adresse schon ein Konto gibt, haben wir Ihnen eine E-Mail geschickt: Melden Sie sich an oder nutzen Sie „Passwort vergessen?“.',
  forgotTitle: 'Passwort vergessen?',
  forgotIntro: 'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.',
  forgotSubmit: 'Link zusenden',
  forgotSending: 'Wird gesendet …',
  forgotSent:
    'Falls es ein Konto für {email} gibt, haben wir einen Link zum Festlegen eines neuen Passworts geschickt. Er gilt einmal und eine Stunde lang.',
  resetTitle: 'Neues Passwort festlegen',
  newPassword: 'Neues Passwort',
  resetSubmit: 'Neues Passwort speichern',
  resetSaving: 'Wird gespeichert …',
  passwordSet: 'Ihr neues Passwort ist gespeichert. Melden Sie sich damit an, wenn Sie buchen.',
  continueToBooking: 'Weiter zur Buchung',
};
