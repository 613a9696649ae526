/**
 * `booking-server`: opens the database, seeds the demo when asked, and serves the API, the widget bundle
 * (`/widget/`), the business console (`/console/`) and the demo site (`/`). Prints `listening on http://HOST:PORT` once it accepts requests.
 * `booking-server doctor [flags]` checks the same set-up for weaknesses instead (server/doctor.ts).
 * `booking-server copy --from … --to …` copies a business between SQLite and PostgreSQL (server/storage/copy/).
 * `booking-server users add --email … --role …` creates a business account (server/users-command.ts).
 */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { buildServer } from './app.js';
import type { NotificationSettings } from './notifications/mail/connect.js';
import { mailerFromConfig } from './notifications/email/index.js';
import { mailDirFor } from './notifications/mail/mail-dir.js';
import { parseConfig, ConfigError, type ServerConfig } from './config.js';
import { createSqliteStorage } from './storage/sqlite/index.js';
import { createPostgresStorage } from './storage/postgres/index.js';
import { SchemaTooNewError } from './storage/postgres/migrate.js';
import { seedDemo } from './seed/demo.js';
import { runDoctor, checkSetup, formatFindings } from './doctor.js';
import { runCopy } from './storage/copy/command.js';
import { runUsers } from './users-command.js';
import type { Storage } from './storage/types.js';
import { applyHeapSettings } from './heap.js';

/** The package root, whether running from `server/` (tsx) or from `dist-server/server/` (built). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

async function openStorage(config: ServerConfig): Promise<Storage> {
  if (config.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres://');
    try {
      return await createPostgresStorage(config.databaseUrl);
    } catch (error) {
      if (error instanceof SchemaTooNewError) throw new ConfigError(error.message);
      const why = error instanceof Error ? error.message : String(error);
      throw new ConfigError(
        `Could not open the PostgreSQL database in DATABASE_URL: ${why}. Check the address, the user and that the server runs.`,
      );
    }
  }
  return createSqliteStorage(config.db === ':memory:' ? ':memory:' : resolve(config.db));
}

export async function main(argv = process.argv.slice(2), env = process.env): Promise<void> {
  if (argv[0] === 'doctor') {
    process.exitCode = runDoctor(argv.slice(1), env, (text) => process.stdout.write(text));
    return;
  }
  if (argv[0] === 'copy') {
    const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };
    process.exitCode = await runCopy(argv.slice(1), io);
    return;
  }
  if (argv[0] === 'users') {
    const io = {
      out: (text: string) => process.stdout.write(text),
      err: (text: string) => process.stderr.write(text),
      stdin: process.stdin,
    };
    process.exitCode = await runUsers(argv.slice(1), env, io);
    return;
  }
  applyHeapSettings();
  let config: ServerConfig;
  let storage: Storage;
  try {
    config = parseConfig(argv, env);
    storage = await openStorage(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // The doctor's checks, as warnings: the server starts anyway (`booking-server doctor` explains each).
  process.stderr.write(formatFindings(checkSetup(config, config.ownerKeyGenerated ? undefined : config.ownerKey)));
  if (config.seed === 'demo') {
    const { seeded } = await seedDemo(storage);
    process.stderr.write(seeded ? 'seeded the demo business "Harbor Studio"\n' : 'database already has a business; not seeding\n');
  }
  const root = packageRoot();
  const mailDir = mailDirFor(config);
  const notifications: NotificationSettings = {
    mailer: mailerFromConfig(config, mailDir),
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    reminderHours: config.reminderHours,
    mailDir,
  };
  const app = await buildServer({
    notifications,
    storage,
    ownerKey: config.ownerKey,
    allowedOrigins: config.allowedOrigins,
    logger: config.logRequests,
    trustProxy: config.trustProxy,
    webhooks: { allowPrivate: config.webhooksAllowPrivate },
    staticRoots: [
      { prefix: '/widget/', root: join(root, 'dist') },
      { prefix: '/console/', root: join(root, 'console') },
      { prefix: '/manage/', root: join(root, 'manage') },
      { prefix: '/', root: join(root, 'demo') },
    ],
  });
  if (config.ownerKeyGenerated) process.stderr.write(`owner key for this run: ${config.ownerKey}\n`);

  const shutdown = async () => {
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (!config.publicUrl)
    notifications.publicUrl = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  process.stderr.write(
    notifications.mailer.transport === 'smtp'
      ? 'emails: sent through SMTP_URL\n'
      : `emails: written to ${mailDir}/ (set SMTP_URL to send them)\n`,
  );
  process.stdout.write(`listening on http://${config.host}:${port}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
