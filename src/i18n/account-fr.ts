/** The member account forms' texts in French (see account-en.ts). */
import type { AccountMessageKey } from './account-en.js';

export const accountFr: Record<AccountMessageKey, string> = {
  backToLogIn: 'Retour à la connexion',
  registerTitle: 'Créer un compte',
  registerSubmit: 'Créer le compte',
  registering: 'Création de votre compte…',
  newPasswordHint: 'Au moins 10 caractères.',
  passwordTooShort: 'Veuillez utiliser au moins 10 caractères.',
  registeredNotSignedIn:
    'Impossible de vous connecter avec cette adresse e-mail et ce mot de passe. Si un compte existe déjà pour cette adresse, nous vous avons écrit : connectez-vous, ou utilisez « Mot de passe oublié ? ».',
  forgotTitle: 'Mot de passe oublié ?',
  forgotIntro: 'Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  forgotSubmit: 'Recevoir un lien',
  forgotSending: 'Envoi…',
  forgotSent:
    'Si un compte existe pour {email}, nous y avons envoyé un lien pour choisir un nouveau mot de passe. Il ne fonctionne qu’une fois, pendant une heure.',
  resetTitle: 'Choisir un nouveau mot de passe',
  newPassword: 'Nouveau mot de passe',
  resetSubmit: 'Enregistrer le mot de passe',
  resetSaving: 'Enregistrement…',
  passwordSet: 'Votre nouveau mot de passe est enregistré. Utilisez-le pour vous connecter lors de votre réservation.',
  continueToBooking: 'Continuer la réservation',
};
