/**
 * The email slice's front door: render a message of contract section 13 (`renderEmail`), send it
 * (`mailerFromConfig`, SMTP or `.eml` files), and list the files written (`listMail`).
 */
import type { ServerConfig } from '../../config.js';
import { createMailer, DEFAULT_MAIL_DIR, type Mailer } from './mailer.js';

export { renderEmail, EmailRenderError } from './render.js';
export { createMailer, DEFAULT_MAIL_DIR, type Mailer, type MailerConfig, type SentMail } from './mailer.js';
export { listMail, type MailSummary } from './mail-files.js';
export { manageUrl } from './manage-url.js';
export { escapeHtml } from './escape.js';
export * from './types.js';

/** The mailer the server's settings ask for: SMTP with `SMTP_URL`, else `.eml` files under `mailDir`. */
export function mailerFromConfig(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom'>, mailDir: string = DEFAULT_MAIL_DIR): Mailer {
  return createMailer({ from: config.mailFrom, mailDir, ...(config.smtpUrl !== undefined ? { smtpUrl: config.smtpUrl } : {}) });
}
