/**
 * Emails on: registers the `email` channels on the outbox and runs the reminder scan. `buildServer` calls it when
 * it is given `notifications` (the CLI always gives them: SMTP or `.eml` files), and closes both with the server.
 */
import type { Storage } from '../../storage/types.js';
import type { Services } from '../../services.js';
import type { Mailer } from '../email/mailer.js';
import { EMAIL_CHANNEL, mailHandler, mailSubscriber } from './channel.js';
import { ACCOUNT_EXISTS_CHANNEL, accountHandler, accountSubscriber, PASSWORD_RESET_CHANNEL } from './account-channel.js';
import { DEFAULT_REMINDER_HOURS, ReminderScheduler } from './reminders.js';

export interface NotificationSettings {
  /** Sends every email (server/notifications/email/mailer.ts); closed with the server. */
  mailer: Mailer;
  /**
   * The server's public address (`PUBLIC_URL`): manage links in emails point here. Read at each send, so the CLI
   * can fill in the port it listened on.
   */
  publicUrl: string;
  /** Reminder lead in hours (`REMINDER_HOURS`, default 24); 0: no reminders. */
  reminderHours?: number;
  /** Where the `.eml` files are (the owner's email list reads them), when the mailer writes files. */
  mailDir?: string;
  /** The reminder scan's period; tests shorten it. */
  reminderScanMs?: number;
}

/** The owner's stored overrides of `reminderHours` and the sender (server/domain/settings/business-settings.ts). */
export interface NotificationOverrides {
  notifications(): Promise<{ reminderHours: number; mailFrom: string }>;
}

export interface ConnectedNotifications {
  readonly reminders: ReminderScheduler;
  readonly settings: NotificationSettings;
  start(): void;
  close(): Promise<void>;
}

export function connectNotifications(
  services: Pick<Services, 'outbox' | 'anonymousBookings'>,
  storage: Storage,
  clock: () => Date,
  settings: NotificationSettings,
  overrides?: NotificationOverrides,
): ConnectedNotifications {
  // Every email goes out with the sender in force when it is sent: a stored one, else MAIL_FROM.
  const configured = settings.mailer;
  const mailer: Mailer = overrides
    ? {
        transport: configured.transport,
        from: configured.from,
        send: async (email, from) => configured.send(email, from ?? (await overrides.notifications()).mailFrom),
        close: () => configured.close(),
      }
    : configured;
  const unregister = services.outbox.registerChannel(
    EMAIL_CHANNEL,
    mailHandler({ storage, mailer, anonymousBookings: services.anonymousBookings, publicUrl: () => settings.publicUrl }),
  );
  const unsubscribe = services.outbox.subscribe(mailSubscriber(storage));
  // Its own, longer prefix: the outbox hands `email:account-exists:…` to it, every other `email:…` to the above.
  const unregisterAccount = services.outbox.registerChannel(
    ACCOUNT_EXISTS_CHANNEL,
    accountHandler({ storage, mailer, publicUrl: () => settings.publicUrl }),
  );
  const unregisterReset = services.outbox.registerChannel(
    PASSWORD_RESET_CHANNEL,
    accountHandler({ storage, mailer, publicUrl: () => settings.publicUrl }),
  );
  const unsubscribeAccount = services.outbox.subscribe(accountSubscriber(storage));
  const reminders = new ReminderScheduler(storage, {
    hoursBefore: overrides
      ? async () => (await overrides.notifications()).reminderHours
      : () => Promise.resolve(settings.reminderHours ?? DEFAULT_REMINDER_HOURS),
    clock,
    onScheduled: () => services.outbox.wake(),
    ...(settings.reminderScanMs !== undefined ? { intervalMs: settings.reminderScanMs } : {}),
  });
  return {
    reminders,
    settings,
    start: () => reminders.start(),
    async close() {
      await reminders.stop();
      unsubscribe();
      unregister();
      unsubscribeAccount();
      unregisterAccount();
      unregisterReset();
      mailer.close();
    },
  };
}
