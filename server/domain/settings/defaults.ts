/** The settings service with the server's environment as its defaults (server/app.ts builds one per server). */
import type { Storage } from '../../storage/types.js';
import type { NotificationSettings as MailOptions } from '../../notifications/mail/connect.js';
import { DEFAULT_REMINDER_HOURS } from '../../notifications/mail/reminders.js';
import { DEFAULT_MAIL_FROM } from '../../notifications/email/smtp-url.js';
import { BusinessSettings } from './business-settings.js';

export function businessSettings(
  storage: Pick<Storage, 'settings'>,
  options: { allowedOrigins?: '*' | string[]; notifications?: MailOptions },
): BusinessSettings {
  return new BusinessSettings(storage, {
    reminderHours: options.notifications?.reminderHours ?? DEFAULT_REMINDER_HOURS,
    mailFrom: options.notifications?.mailer.from ?? DEFAULT_MAIL_FROM,
    allowedOrigins: options.allowedOrigins ?? '*',
  });
}
