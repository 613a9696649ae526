/**
 * The account emails' texts (account-email.ts) in the languages of the booking emails: English, Spanish (tú),
 * French (vous, French spacing), German (Sie) and Hebrew (gender-neutral, every value wrapped in Unicode isolates
 * so a Latin name or address keeps its order inside right-to-left text). Terms match messages-<lang>.ts.
 */
export const ACCOUNT_EMAIL_KINDS = ['account-exists'] as const;
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
  },
};

export const ACCOUNT_CATALOGUES: Record<string, AccountCatalogue> = { en, es, fr, de, he };
export const ENGLISH_ACCOUNT_CATALOGUE = en;
