/**
 * The settings that override the server's environment (extension; docs/api.md, "Business settings"):
 * reminder hours and the mail sender (over `REMINDER_HOURS` and `MAIL_FROM`), and the widget's allowed origins
 * (added to `BOOKINGS_ALLOWED_ORIGINS`). The environment stays the default and the fallback: a setting removed
 * (`null`) gives the environment's value back. Reads go through the setup read cache: a save moves the setup
 * version, so the next email, reminder scan or CORS check here sees it at once, and on PostgreSQL every other
 * instance does too once the save commits (NOTIFY; server/storage/postgres/listener.ts).
 */
import type { NotificationSettings, WidgetSettings } from '../../../src/model/business-settings.js';
import type { Storage } from '../../storage/types.js';
import { checkMailFrom } from '../../notifications/email/smtp-url.js';
import { ValidationError } from '../errors.js';
import { checkOrigins } from './origins.js';

export interface EnvironmentDefaults {
  /** REMINDER_HOURS (default 24). */
  reminderHours: number;
  /** MAIL_FROM. */
  mailFrom: string;
  /** BOOKINGS_ALLOWED_ORIGINS: `*` (any site) or a list. */
  allowedOrigins: '*' | readonly string[];
}

export interface NotificationsUpdate {
  reminderHours?: number | null;
  mailFrom?: string | null;
}

export class BusinessSettings {
  constructor(
    private readonly storage: Pick<Storage, 'settings'>,
    readonly defaults: EnvironmentDefaults,
  ) {}

  async notifications(): Promise<NotificationSettings> {
    const stored = await this.storage.settings.get();
    return {
      reminderHours: stored.reminderHours ?? this.defaults.reminderHours,
      mailFrom: stored.mailFrom ?? this.defaults.mailFrom,
    };
  }

  async updateNotifications(change: NotificationsUpdate): Promise<NotificationSettings> {
    let mailFrom = change.mailFrom;
    if (typeof mailFrom === 'string') {
      try {
        mailFrom = checkMailFrom(mailFrom.trim());
      } catch (error) {
        throw ValidationError.field('mailFrom', (error as Error).message.replace(/^MAIL_FROM /, ''));
      }
    }
    await this.storage.settings.save({
      ...(change.reminderHours !== undefined ? { reminderHours: change.reminderHours } : {}),
      ...(mailFrom !== undefined ? { mailFrom } : {}),
    });
    return this.notifications();
  }

  async widget(): Promise<WidgetSettings> {
    return { allowedOrigins: [...((await this.storage.settings.get()).allowedOrigins ?? [])] };
  }

  async updateWidget(change: WidgetSettings): Promise<WidgetSettings> {
    await this.storage.settings.save({ allowedOrigins: checkOrigins(change.allowedOrigins, 'allowedOrigins') });
    return this.widget();
  }

  /** The environment's origins, shown read-only: `*` allows every site. */
  environmentOrigins(): '*' | string[] {
    return this.defaults.allowedOrigins === '*' ? '*' : [...this.defaults.allowedOrigins];
  }

  /** The origins whose pages may call the API: `*`, or the environment's and the stored ones together. */
  async effectiveOrigins(): Promise<'*' | string[]> {
    if (this.defaults.allowedOrigins === '*') return '*';
    const stored = (await this.storage.settings.get()).allowedOrigins ?? [];
    return [...new Set([...this.defaults.allowedOrigins, ...stored])];
  }
}
