/**
 * The business's details as Wix Site Properties (`GET/PATCH /site-properties/v4/properties`): name, time zone,
 * currency, email, phone, address and business hours. A currency change keeps every price's number in the new
 * currency (as Wix does when a site's currency changes); it is refused while bookings still to come of priced services
 * are not paid (their amounts were agreed in the old currency) and when the new currency has another number of decimal
 * places (the stored minor units would change meaning). docs/api.md, "Business settings".
 */
import type { Business } from '../../../src/model/business.js';
import type { BusinessAddress, BusinessSchedule } from '../../../src/model/business-settings.js';
import type { Storage } from '../../storage/types.js';
import type { SettingsPatch } from '../../storage/settings-types.js';
import type { BusinessUpdate } from '../availability/commands.js';
import { isTimeZone } from '../availability/time.js';
import { DomainError, ValidationError } from '../errors.js';
import { minorDigits } from '../money.js';
import { checkBusinessSchedule } from './business-hours.js';

export interface SiteProperties {
  siteDisplayName: string;
  timeZone: string;
  paymentCurrency: string;
  locale: { languageCode: string; country: string };
  email: string;
  phone: string;
  address: BusinessAddress;
  businessSchedule: BusinessSchedule;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const notSetUp = () => new DomainError('BUSINESS_NOT_SET_UP', 'This server has no business yet: start it with --seed demo, or set one up.');

export class SitePropertiesService {
  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
  ) {}

  async get(): Promise<SiteProperties> {
    const [business, settings] = await Promise.all([this.storage.business.get(), this.storage.settings.get()]);
    if (!business) throw notSetUp();
    const [languageCode = '', country = ''] = business.locale.split('-');
    return {
      siteDisplayName: business.name,
      timeZone: business.timeZone,
      paymentCurrency: business.currency,
      locale: { languageCode, country },
      email: business.email ?? '',
      phone: settings.phone ?? '',
      address: settings.address ?? {},
      businessSchedule: settings.businessSchedule ?? { periods: [] },
    };
  }

  async update(fields: BusinessUpdate): Promise<SiteProperties> {
    const business = await this.storage.business.get();
    if (!business) throw notSetUp();
    if (fields.timeZone !== undefined && !isTimeZone(fields.timeZone))
      throw ValidationError.field('properties.timeZone', 'must be an IANA time zone such as "Europe/London"');
    const email = fields.email?.trim();
    if (email && !EMAIL.test(email)) throw ValidationError.field('properties.email', 'must be an email address');
    const schedule = fields.businessSchedule && checkBusinessSchedule(fields.businessSchedule);
    const currency = fields.paymentCurrency;
    if (currency !== undefined && currency !== business.currency) await this.checkCurrencyChange(business, currency);

    const next: Business = {
      ...business,
      ...(fields.timeZone ? { timeZone: fields.timeZone } : {}),
      ...(fields.siteDisplayName ? { name: fields.siteDisplayName } : {}),
    };
    if (email !== undefined) {
      if (email) next.email = email;
      else delete next.email;
    }
    const patch: SettingsPatch = {
      ...(fields.phone !== undefined ? { phone: fields.phone.trim() || null } : {}),
      ...(fields.address !== undefined ? { address: trimmedAddress(fields.address) } : {}),
      ...(schedule ? { businessSchedule: schedule } : {}),
    };
    await this.storage.transaction(async () => {
      await this.storage.business.save(next);
      if (Object.keys(patch).length) await this.storage.settings.save(patch);
      if (currency !== undefined && currency !== business.currency) await this.storage.settings.changeCurrency(currency);
    });
    return this.get();
  }

  private async checkCurrencyChange(business: Business, currency: string): Promise<void> {
    if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency))
      throw ValidationError.field('properties.paymentCurrency', 'must be an ISO 4217 currency code such as USD or EUR');
    const from = minorDigits(business.currency);
    const to = minorDigits(currency);
    if (from !== to)
      throw ValidationError.field(
        'properties.paymentCurrency',
        `has ${to} decimal places and ${business.currency} has ${from}: prices keep their numbers, so the currency can only change to one with ${from}`,
      );
    const open = await this.storage.settings.countOpenWithMoney(this.clock().toISOString());
    if (open > 0)
      throw new DomainError(
        'CURRENCY_CHANGE_BLOCKED',
        `${open} upcoming booking(s) of priced services are not paid yet in ${business.currency}: mark them paid, cancel them, or wait until they are over, then change the currency.`,
        { openBookings: open },
      );
  }
}

/** The address's parts, trimmed; empty parts dropped. An address with no part left is removed. */
function trimmedAddress(address: BusinessAddress): BusinessAddress | null {
  const entries = Object.entries(address)
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : ''] as const)
    .filter(([, v]) => v !== '');
  return entries.length ? (Object.fromEntries(entries) as BusinessAddress) : null;
}
