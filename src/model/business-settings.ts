/**
 * The business's settings beyond its name and zone (extension; issue 17): business hours and contact details on
 * Wix Site Properties' own fields, and the notification and widget settings that override the server's
 * environment defaults (`REMINDER_HOURS`, `MAIL_FROM`, `BOOKINGS_ALLOWED_ORIGINS`).
 */

/** Wix's day names in `businessSchedule.periods`. */
export type WixDay = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export const WIX_DAYS: readonly WixDay[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** One opening interval, as Wix Site Properties' `businessSchedule.periods[]`; times `HH:MM` in the business's zone. */
export interface BusinessHoursPeriod {
  openDay: WixDay;
  openTime: string;
  closeDay: WixDay;
  closeTime: string;
}

export interface BusinessSchedule {
  periods: BusinessHoursPeriod[];
}

/** Wix Site Properties' `address` (the fields we keep). */
export interface BusinessAddress {
  street?: string;
  city?: string;
  zip?: string;
  state?: string;
  country?: string;
}

/** `GET /business/v1/settings/notifications`: the values in force, and the server's own defaults beneath them. */
export interface NotificationSettings {
  /** Hours before the start a reminder is emailed; 0: no reminders. */
  reminderHours: number;
  /** The emails' `From`, e.g. `Studio <bookings@studio.example>`. */
  mailFrom: string;
}

/** `GET /business/v1/settings/widget`: the origins stored here, and those the environment allows (read-only). */
export interface WidgetSettings {
  allowedOrigins: string[];
}
