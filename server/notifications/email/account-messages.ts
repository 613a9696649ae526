/**
 * The account emails' texts (account-email.ts) in the languages of the booking emails: English, Spanish (tú),
 * French (vous, French spacing), German (Sie) and Hebrew (gender-neutral, every value wrapped in Unicode isolates
 * so a Latin name or address keeps its order inside right-to-left text). Terms match messages-<lang>.ts. The
 * password-reset email's button carries the link; its text says the link works once, within an hour.
 */
export const ACCOUNT_EMAIL_KINDS = ['account-exists', 'password-reset'] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

export interface AccountMessage {
  subject: string;
  heading: string;
  paragraphs: string[];
  nextStep: string;
  action: string;
}

export interface AccountCatalogue {
  greeting: (name: string | undefined) => string;
  footer: (business: string) => string;
  messages: Record<AccountEmailKind, (p: { business: string; email: string }) => AccountMessage>;
}

/** First-strong isolate … pop: a value keeps its own direction inside Hebrew text. */
const iso = (value: string) => `\u2068${value}\u2069`;
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const en: AccountCatalogue = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  footer: (business) => `You receive this email because this address has an account with ${business}.`,
  messages: {
    'account-exists': (p) => ({
      subject: `You already have an account with ${p.business}`,
      heading: 'You already have an account',
      paragraphs: [
        `Someone just tried to create an account with ${p.business} for ${p.email}. This address already has one, so no new account was made and nothing about yours changed.`,
        'If that was not you, you can ignore this email.',
      ],
      nextStep: 'Sign in with your email and password. Forgot your password? Use "Forgot password" when you sign in.',
      action: 'Sign in',
    }),
    'password-reset': (p) => ({
      subject: `Reset your password for ${p.business}`,
      heading: 'Reset your password',
      paragraphs: [
        `Someone asked to reset the password of the account with ${p.business} for ${p.email}. To choose a new password, use the button below.`,
        'The link works once, within one hour. If you did not ask for it, ignore this email: your password stays as it is.',
      ],
      nextStep: 'Once you have set the new password, sign in with it. For your safety, you are signed out everywhere else.',
      action: 'Set a new password',
    }),
  },
};

const es: AccountCatalogue = {
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  footer: (business) => `Recibes este correo porque esta dirección tiene una cuenta en ${business}.`,
  messages: {
    'account-exists': (p) => ({
      subject: `Ya tienes una cuenta en ${p.business}`,
      heading: 'Ya tienes una cuenta',
      paragraphs: [
        `Alguien acaba de intentar crear una cuenta en ${p.business} con ${p.email}. Esta dirección ya tiene una, así que no se ha creado ninguna cuenta nueva y la tuya no ha cambiado.`,
        'Si no has sido tú, puedes ignorar este correo.',
      ],
      nextStep: 'Inicia sesión con tu correo y tu contraseña. ¿La has olvidado? Usa «¿Has olvidado tu contraseña?» al iniciar sesión.',
      action: 'Iniciar sesión',
    }),
    'password-reset': (p) => ({
      subject: `Restablece tu contraseña de ${p.business}`,
      heading: 'Restablece tu contraseña',
      paragraphs: [
        `Alguien ha pedido restablecer la contraseña de la cuenta de ${p.email} en ${p.business}. Para elegir una nueva, usa el botón de abajo.`,
        'El enlace solo funciona una vez y caduca en una hora. Si no lo has pedido tú, ignora este correo: tu contraseña no cambiará.',
      ],
      nextStep: 'Cuando hayas elegido la nueva contraseña, inicia sesión con ella. Por seguridad, se cerrarán tus demás sesiones.',
      action: 'Elegir una contraseña nueva',
    }),
  },
};

const fr: AccountCatalogue = {
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  footer: (business) => `Vous recevez cet e-mail car cette adresse a un compte chez ${business}.`,
  messages: {
    'account-exists': (p) => ({
      subject: `Vous avez déjà un compte chez ${p.business}`,
      heading: 'Vous avez déjà un compte',
      paragraphs: [
        `Quelqu’un vient d’essayer de créer un compte chez ${p.business} avec l’adresse ${p.email}. Cette adresse en a déjà un${NBSP}: aucun nouveau compte n’a été créé et le vôtre n’a pas changé.`,
        'Si ce n’était pas vous, vous pouvez ignorer cet e-mail.',
      ],
      nextStep: `Connectez-vous avec votre adresse e-mail et votre mot de passe. Mot de passe oublié${NNBSP}? Utilisez «${NNBSP}Mot de passe oublié${NNBSP}» lors de la connexion.`,
      action: 'Se connecter',
    }),
    'password-reset': (p) => ({
      subject: `Réinitialisez votre mot de passe chez ${p.business}`,
      heading: 'Réinitialisez votre mot de passe',
      paragraphs: [
        `Quelqu’un a demandé à réinitialiser le mot de passe du compte ${p.email} chez ${p.business}. Pour choisir un nouveau mot de passe, utilisez le bouton ci-dessous.`,
        `Ce lien ne fonctionne qu’une fois et expire au bout d’une heure. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail${NBSP}: votre mot de passe ne changera pas.`,
      ],
      nextStep: 'Une fois le nouveau mot de passe choisi, connectez-vous avec celui-ci. Par sécurité, vos autres sessions seront fermées.',
      action: 'Choisir un nouveau mot de passe',
    }),
  },
};

const de: AccountCatalogue = {
  greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
  footer: (business) => `Sie erhalten diese E-Mail, weil diese Adresse ein Konto bei ${business} hat.`,
  messages: {
    'account-exists': (p) => ({
      subject: `Sie haben bereits ein Konto bei ${p.business}`,
      heading: 'Sie haben bereits ein Konto',
      paragraphs: [
        `Sie erhalten diese Nachricht, weil soeben jemand versucht hat, bei ${p.business} ein Konto für ${p.email} anzulegen. Diese Adresse hat bereits ein Konto: Es wurde kein neues angelegt, und an Ihrem hat sich nichts geändert.`,
        'Falls Sie das nicht waren, können Sie diese E-Mail ignorieren.',
      ],
      nextStep:
        'Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an. Passwort vergessen? Wählen Sie bei der Anmeldung „Passwort vergessen“.',
      action: 'Anmelden',
    }),
    'password-reset': (p) => ({
      subject: `Passwort für ${p.business} zurücksetzen`,
      heading: 'Passwort zurücksetzen',
      paragraphs: [
        `Für das Konto ${p.email} bei ${p.business} wurde das Zurücksetzen des Passworts angefordert. Über die Schaltfläche unten legen Sie ein neues Passwort fest.`,
        'Der Link funktioniert nur einmal und ist eine Stunde lang gültig. Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
      ],
      nextStep: 'Melden Sie sich danach mit dem neuen Passwort an. Zu Ihrer Sicherheit werden Sie überall sonst abgemeldet.',
      action: 'Neues Passwort festlegen',
    }),
  },
};

const he: AccountCatalogue = {
  greeting: (name) => (name ? `שלום ${iso(name)},` : 'שלום,'),
  footer: (business) => `הודעה זו נשלחה כי לכתובת הזו יש חשבון אצל ${iso(business)}.`,
  messages: {
    'account-exists': (p) => ({
      subject: `כבר יש לך חשבון אצל ${iso(p.business)}`,
      heading: 'כבר יש לך חשבון',
      paragraphs: [
        `מישהו ניסה עכשיו ליצור חשבון אצל ${iso(p.business)} עבור ${iso(p.email)}. לכתובת הזו כבר יש חשבון, ולכן לא נוצר חשבון חדש ושום דבר בחשבון שלך לא השתנה.`,
        'אם לא ביקשת זאת, אפשר להתעלם מהודעה זו.',
      ],
      nextStep: 'אפשר להתחבר עם כתובת הדוא״ל והסיסמה. הסיסמה נשכחה? יש לבחור ב„שכחתי סיסמה” בעת ההתחברות.',
      action: 'התחברות',
    }),
    'password-reset': (p) => ({
      subject: `איפוס הסיסמה אצל ${iso(p.business)}`,
      heading: 'איפוס הסיסמה',
      paragraphs: [
        `התקבלה בקשה לאפס את הסיסמה של החשבון ${iso(p.email)} אצל ${iso(p.business)}. לבחירת סיסמה חדשה יש ללחוץ על הכפתור שלמטה.`,
        'הקישור פועל פעם אחת בלבד ובתוקף למשך שעה. אם הבקשה לא נשלחה על ידך, אפשר להתעלם מהודעה זו, והסיסמה לא תשתנה.',
      ],
      nextStep: 'לאחר בחירת הסיסמה החדשה אפשר להתחבר איתה. מטעמי אבטחה, כל ההתחברויות האחרות יסתיימו.',
      action: 'בחירת סיסמה חדשה',
    }),
  },
};

export const ACCOUNT_CATALOGUES: Record<string, AccountCatalogue> = { en, es, fr, de, he };
export const ENGLISH_ACCOUNT_CATALOGUE = en;
