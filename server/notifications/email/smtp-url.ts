/** The mail settings' checks, light enough for server/config.ts to import (no nodemailer here). */
export const DEFAULT_MAIL_FROM = 'Bookings <bookings@localhost>';

/** Refuses anything but `smtp://` and `smtps://` URLs with a host, saying why (never echoing the password). */
export function checkSmtpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('SMTP_URL must be a URL like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (!url.hostname) throw new Error('SMTP_URL has no host');
  return url;
}

/** MAIL_FROM is one header line: a line break in it would start headers of its own. */
export function checkMailFrom(text: string): string {
  if (/[\r\n]/.test(text)) throw new Error('MAIL_FROM must be one line');
  if (!/@/.test(text))
    throw new Error(`MAIL_FROM must contain an address, like "Studio <bookings@studio.example>", not ${JSON.stringify(text)}`);
  return text;
}
