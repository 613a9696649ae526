/**
 * The service as typed now, for the live preview: the draft laid over the service as read (or a new one's
 * defaults), with only what reads as a number priced, so a half-typed amount shows nothing rather than "$NaN".
 */
import type { Money } from '../../model/common.js';
import type { Service, ServicePayment } from '../../model/service.js';
import { paymentInput } from './payment-draft.js';
import type { ServiceDraft } from './service-draft.js';

const AMOUNT = /^\s*\d+(\.\d{1,2})?\s*$/;

function previewPayment(d: ServiceDraft, currency: string, lowestVariant: Money | undefined): ServicePayment {
  const priced = { ...d, price: AMOUNT.test(d.price) ? d.price : '', deposit: AMOUNT.test(d.deposit) ? d.deposit : '' };
  const sent = paymentInput(priced, currency);
  const { fixed, varied } = sent;
  const options = { online: d.payOnline, inPerson: d.payInPerson, deposit: priced.deposit !== '', pricingPlan: d.acceptPlans };
  const payment: ServicePayment = { rateType: sent.rateType, options, pricingPlanIds: sent.pricingPlanIds ?? [] };
  if (sent.custom) payment.custom = sent.custom;
  if (fixed && priced.price) payment.fixed = fixed;
  if (varied) {
    const minPrice = lowestVariant ?? (priced.price ? varied.defaultPrice : undefined);
    if (minPrice) payment.varied = { ...varied, defaultPrice: minPrice, minPrice };
  }
  return payment;
}

export function previewService(
  d: ServiceDraft,
  ctx: { base: Service | undefined; currency: string; lowestVariant: Money | undefined },
): Service {
  const now = new Date(0).toISOString();
  const durations = d.durations
    .split(',')
    .map((m) => Number(m.trim()))
    .filter((m) => Number.isInteger(m) && m > 0);
  const base: Service = ctx.base ?? {
    id: 'preview',
    type: d.type,
    name: '',
    defaultCapacity: 1,
    payment: { rateType: 'NO_FEE', options: { online: true, inPerson: false, deposit: false, pricingPlan: false }, pricingPlanIds: [] },
    onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
    schedule: { id: 'preview', availabilityConstraints: { sessionDurations: [], timeBetweenSessions: 0 } },
    staffMemberIds: [],
    locations: [],
    bookingPolicy: {} as Service['bookingPolicy'], // a new service has none yet, and the card never shows it
    createdDate: now,
    updatedDate: now,
    revision: '0',
  };
  const tagLine = d.tagLine.trim();
  return {
    ...base,
    type: d.type,
    name: d.name.trim(),
    description: d.description,
    ...(tagLine ? { tagLine } : { tagLine: undefined }),
    hidden: d.hidden,
    payment: previewPayment(d, ctx.currency, ctx.lowestVariant),
    onlineBooking: { ...base.onlineBooking, enabled: d.onlineEnabled },
    schedule: { ...base.schedule, availabilityConstraints: { ...base.schedule.availabilityConstraints, sessionDurations: durations } },
  };
}
