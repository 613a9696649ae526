/**
 * The business's stored settings (extension; issue 17): business hours, phone and address (Wix Site Properties'
 * fields that the `business` row does not hold), reminder hours, the mail sender and the widget's allowed origins.
 * Each is a key of one table, written as a setup write, so the setup read cache (and, on PostgreSQL, every other
 * instance through NOTIFY) sees a change at once. An absent key means "the server's default".
 */
import type { BusinessAddress, BusinessSchedule } from '../../src/model/business-settings.js';

export interface StoredSettings {
  businessSchedule?: BusinessSchedule;
  phone?: string;
  address?: BusinessAddress;
  reminderHours?: number;
  mailFrom?: string;
  allowedOrigins?: string[];
}

/** A change: a value replaces the stored one, `null` removes it (back to the default), absent keys stay. */
export type SettingsPatch = { [K in keyof StoredSettings]?: StoredSettings[K] | null };

export interface SettingsStore {
  get(): Promise<StoredSettings>;
  save(patch: SettingsPatch): Promise<void>;
  /**
   * The business's currency becomes `currency`, and every price (services, variants, pricing plans) keeps its
   * number in it, in one setup write. The caller checked that nothing with money is open and the digits match.
   */
  changeCurrency(currency: string): Promise<void>;
  /**
   * Bookings still to come (ending after `nowUtc`), not canceled or declined, of a priced service (fixed price or
   * varied), whose money is not settled (payment status other than PAID, EXEMPT or REFUNDED).
   */
  countOpenWithMoney(nowUtc: string): Promise<number>;
}
