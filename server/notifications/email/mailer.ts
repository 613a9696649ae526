/**
 * Sending: with `smtpUrl` (`smtp://user:pass@host:port`, `smtps://` for TLS from the first byte) through
 * nodemailer's SMTP transport; without it, nodemailer builds the same MIME message in memory and it is written
 * as an `.eml` file into `mailDir` (default `data/mail/`), so a fresh install shows its emails with no server.
 */
import nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { newMailId, writeMail } from './mail-files.js';
import type { RenderedEmail } from './types.js';
import { checkSmtpUrl, DEFAULT_MAIL_FROM } from './smtp-url.js';

export const DEFAULT_MAIL_DIR = 'data/mail';

export interface MailerConfig {
  smtpUrl?: string;
  /** The `From` address, e.g. `Studio <bookings@studio.example>`. */
  from: string;
  /** Where `.eml` files go when there is no `smtpUrl`. */
  mailDir?: string;
}

export interface SentMail {
  /** Ours: the `.eml` file's name without extension, or a new id of the same shape for SMTP. */
  id: string;
  /** The `Message-ID` header. */
  messageId: string;
  /** The `.eml` file written, without SMTP. */
  file?: string;
}

export interface Mailer {
  readonly transport: 'smtp' | 'files';
  /** The configured `From` (MAIL_FROM), used when `send` is given none. */
  readonly from: string;
  /** `from` overrides the configured sender for this email (the owner's stored sender, docs/api.md). */
  send(email: RenderedEmail, from?: string): Promise<SentMail>;
  close(): void;
}

function message(from: string, email: RenderedEmail, id: string): SendMailOptions {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: `<${id}@${domain}>`,
    date: new Date(),
    ...(email.attachments ? { attachments: email.attachments.map((a) => ({ ...a })) } : {}),
  };
}

export function createMailer(config: MailerConfig): Mailer {
  const from = config.from || DEFAULT_MAIL_FROM;
  if (config.smtpUrl) {
    checkSmtpUrl(config.smtpUrl);
    const transporter: Transporter = nodemailer.createTransport(config.smtpUrl);
    return {
      transport: 'smtp',
      from,
      async send(email, sender = from) {
        const id = newMailId();
        const info = (await transporter.sendMail(message(sender, email, id))) as { messageId: string };
        return { id, messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }
  const dir = config.mailDir ?? DEFAULT_MAIL_DIR;
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    transport: 'files',
    from,
    async send(email, sender = from) {
      const id = newMailId();
      const info = (await builder.sendMail(message(sender, email, id))) as { messageId: string; message: Buffer };
      const file = await writeMail(dir, id, info.message);
      return { id, messageId: info.messageId, file };
    },
    close: () => builder.close(),
  };
}
