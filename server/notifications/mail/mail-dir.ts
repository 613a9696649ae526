/**
 * Where `.eml` files go without SMTP: `mail/` beside the SQLite file, so the default `data/bookings.sqlite` gives
 * `data/mail/` (contract section 13) and a server on another file (a test's, a second business's) keeps its
 * emails apart. On PostgreSQL or `:memory:` it is `data/mail/`.
 */
import { dirname, join } from 'node:path';
import type { ServerConfig } from '../../config.js';
import { DEFAULT_MAIL_DIR } from '../email/mailer.js';

export function mailDirFor(config: Pick<ServerConfig, 'db' | 'databaseUrl'>): string {
  if (config.databaseUrl || config.db === ':memory:') return DEFAULT_MAIL_DIR;
  return join(dirname(config.db), 'mail');
}
