/**
 * A service card's words, as the widget's service list shows them: the lengths, the price ("from $10" when it
 * varies, "Free", or the owner's description) and the deposit badge. The console's live preview uses the same, so
 * the owner sees what customers will.
 */
import type { Service } from '../model/service.js';
import { depositPerParticipant, fromPrice } from '../pricing/index.js';
import { formatMoney } from './format.js';
import { msg } from './index.js';

export function cardMinutes(s: Service): string {
  const minutes = s.schedule.availabilityConstraints.sessionDurations;
  return minutes.length && s.type !== 'COURSE' ? minutes.map((m) => msg('minutes', { n: m })).join(' / ') : '';
}

export function cardPrice(s: Service, locale: string): string {
  const price = fromPrice(s);
  if (price) return price.from ? msg('fromPrice', { price: formatMoney(price.price, locale) }) : formatMoney(price.price, locale);
  return s.payment.rateType === 'NO_FEE' ? msg('free') : (s.payment.custom?.description ?? '');
}

/** The deposit badge's text, when the service takes a deposit. */
export function cardDeposit(s: Service, locale: string): string {
  const deposit = depositPerParticipant(s);
  return deposit ? msg('depositBadge', { price: formatMoney(deposit, locale) }) : '';
}
