/** The services list's rules, pure: services grouped by type in the form's order, and a service's price in words. */
import { formatMoney } from '../../i18n/format.js';
import type { Service, ServiceType } from '../../model/service.js';
import { SERVICES_TEXT as T } from './service-texts.js';

const TYPES: readonly ServiceType[] = ['CLASS', 'APPOINTMENT', 'COURSE'];

/** Non-empty groups, each sorted by name. */
export function servicesByType(services: readonly Service[]): { type: ServiceType; services: Service[] }[] {
  return TYPES.map((type) => ({
    type,
    services: services.filter((s) => s.type === type).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.services.length > 0);
}

export function priceText(service: Service, locale = 'en-US'): string {
  const p = service.payment;
  if (p.rateType === 'NO_FEE') return T.free;
  if (p.rateType === 'FIXED' && p.fixed) return formatMoney(p.fixed.price, locale);
  if (p.rateType === 'CUSTOM' && p.custom) return p.custom.description;
  return T.varied;
}
