/**
 * The server's settings from the command line and the environment (contract section 10). Flags win over
 * environment variables; every value is checked here, so the rest of the server can trust it.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { checkMailFrom, checkSmtpUrl, DEFAULT_MAIL_FROM } from './notifications/email/smtp-url.js';

export interface ServerConfig {
  port: number;
  host: string;
  db: string;
  databaseUrl?: string;
  seed?: 'demo';
  ownerKey: string;
  /** True when no key was configured and one was generated for this run. */
  ownerKeyGenerated: boolean;
  allowedOrigins: '*' | string[];
  logRequests: boolean;
  /**
   * Which proxies in front of the server to believe about the client's address (Fastify's `trustProxy`):
   * false (default: the socket's address is the client), true (any), a hop count, or addresses/CIDRs/`loopback`.
   */
  trustProxy: TrustProxy;
  /** SMTP_URL: `smtp://user:pass@host:port` (`smtps://` for TLS); absent: emails are written to data/mail/. */
  smtpUrl?: string;
  /** MAIL_FROM: the emails' `From`. */
  mailFrom: string;
  /**
   * WEBHOOKS_ALLOW_PRIVATE=1 / --webhooks-allow-private (development only): a webhook endpoint created with
   * `allowPrivate: true` may use http:// and private or loopback addresses (docs/webhooks.md). Default off.
   */
  webhooksAllowPrivate: boolean;
  /** PUBLIC_URL: the address customers reach this server at (manage links in emails); default: where it listens. */
  publicUrl?: string;
  /** REMINDER_HOURS: hours before the start a reminder is emailed; 0 turns reminders off. */
  reminderHours: number;
}

export type TrustProxy = boolean | number | string[];

/** Shorter owner keys are refused at start: the key is the whole owner's power, and it can be guessed offline. */
export const MIN_OWNER_KEY_LENGTH = 24;

/** Refuses a short owner key with a message that says how to make a good one. */
export function checkOwnerKey(key: string): void {
  if (key.length < MIN_OWNER_KEY_LENGTH) {
    throw new ConfigError(
      `The owner key must be at least ${MIN_OWNER_KEY_LENGTH} characters long (this one has ${key.length}). ` +
        "Generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
    );
  }
}

/** `--trust-proxy` / BOOKINGS_TRUST_PROXY: "true", "false", a hop count, or a comma-separated list. */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = list.find((v) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(v));
  if (bad !== undefined) {
    throw new ConfigError(
      `--trust-proxy takes true, false, a hop count, or addresses and CIDRs (or loopback, linklocal, uniquelocal), not ${JSON.stringify(bad)}`,
    );
  }
  return list;
}

export const USAGE = `Usage: booking-server [--port N] [--host H] [--db FILE|:memory:] [--seed demo] [--owner-key KEY]

  --port N        port to listen on (0 picks a free one)        env PORT, default 8787
  --host H        interface to listen on                         env HOST, default localhost
  --db FILE       SQLite file, or :memory:                       env BOOKINGS_DB, default data/bookings.sqlite
  --seed demo     seed the demo business into an empty database
  --owner-key K   the owner's API key (bearer token)             env BOOKINGS_OWNER_KEY, default: a new random key
  --trust-proxy T  proxies whose X-Forwarded-For to believe:     env BOOKINGS_TRUST_PROXY, default false
                  true, a hop count, or IPs/CIDRs (loopback, 10.0.0.0/8, ...)
  --log           log every request
  --webhooks-allow-private  development only: endpoints created with allowPrivate may use http://
                  and private or loopback addresses                env WEBHOOKS_ALLOW_PRIVATE=1, default off
  env BOOKINGS_ALLOWED_ORIGINS  comma-separated origins allowed to call the API (default *)
  env DATABASE_URL              postgres://… selects PostgreSQL instead of SQLite
  env SMTP_URL                  smtp://user:pass@host:587 (smtps://…:465 for TLS) sends email through that server;
                                without it every email is written as an .eml file under data/mail/
  env MAIL_FROM                 the emails' sender, e.g. "Studio <bookings@studio.example>"
                                (default Bookings <bookings@localhost>)
  env PUBLIC_URL                the address customers reach this server at, for the links in emails
                                (default http://localhost:PORT)
  env REMINDER_HOURS            hours before the start a reminder is emailed (default 24; 0: none)

Other commands:
  booking-server copy --from SOURCE --to TARGET
                  copy a business, every row, between a SQLite file and a postgres:// database, either way
                  (the target must be empty; see docs/deploy.md)
  booking-server doctor [flags]
                  check the set-up for weaknesses
  booking-server users add --email E --role OWNER|STAFF [--staff-member-id ID] [--db FILE]
                  create a business account (the first OWNER); the password from stdin or a prompt
                  (see docs/business-accounts.md)`;

export class ConfigError extends Error {}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        seed: { type: 'string' },
        'owner-key': { type: 'string' },
        log: { type: 'boolean' },
        'webhooks-allow-private': { type: 'boolean' },
        'trust-proxy': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) throw new ConfigError(USAGE);

  const portText = values.port ?? env['PORT'] ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new ConfigError(`--port must be a number from 0 to 65535, not ${JSON.stringify(portText)}`);
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new ConfigError(`--seed takes "demo" only, not ${JSON.stringify(values.seed)}`);

  const configuredKey = values['owner-key'] || env['BOOKINGS_OWNER_KEY'] || undefined;
  if (values['owner-key'] !== undefined && values['owner-key'].length < 1) throw new ConfigError('--owner-key must not be empty');
  if (configuredKey !== undefined) checkOwnerKey(configuredKey);
  const origins = (env['BOOKINGS_ALLOWED_ORIGINS'] ?? '*').trim();
  const smtpUrl = env['SMTP_URL']?.trim() || undefined;
  if (smtpUrl !== undefined) {
    try {
      checkSmtpUrl(smtpUrl);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const mailFrom = env['MAIL_FROM']?.trim() || DEFAULT_MAIL_FROM;
  try {
    checkMailFrom(mailFrom);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  const publicUrl = env['PUBLIC_URL']?.trim() || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be an http(s) address like https://book.studio.example, not ${JSON.stringify(publicUrl)}`);
  const reminderText = env['REMINDER_HOURS']?.trim() || '24';
  const reminderHours = Number(reminderText);
  if (!/^\d+$/.test(reminderText) || reminderHours > 24 * 14)
    throw new ConfigError(`REMINDER_HOURS must be a whole number of hours from 0 to 336, not ${JSON.stringify(reminderText)}`);

  return {
    port,
    host: values.host ?? env['HOST'] ?? 'localhost',
    db: values.db ?? env['BOOKINGS_DB'] ?? 'data/bookings.sqlite',
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
    ownerKey: configuredKey ?? randomBytes(24).toString('base64url'),
    ownerKeyGenerated: configuredKey === undefined,
    allowedOrigins:
      origins === '*' || origins === ''
        ? '*'
        : origins
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    logRequests: values.log ?? false,
    trustProxy: parseTrustProxy(values['trust-proxy'] ?? env['BOOKINGS_TRUST_PROXY']),
    ...(smtpUrl !== undefined ? { smtpUrl } : {}),
    mailFrom,
    webhooksAllowPrivate: values['webhooks-allow-private'] ?? parseFlag('WEBHOOKS_ALLOW_PRIVATE', env['WEBHOOKS_ALLOW_PRIVATE']),
    ...(publicUrl !== undefined ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
    reminderHours,
  };
}

/** An on/off environment variable: 1/true/yes or 0/false/no (or unset: off); anything else is refused, not guessed. */
function parseFlag(name: string, text: string | undefined): boolean {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || value === '0' || value === 'false' || value === 'no') return false;
  if (value === '1' || value === 'true' || value === 'yes') return true;
  throw new ConfigError(`${name} takes 1 or 0, not ${JSON.stringify(text)}`);
}
