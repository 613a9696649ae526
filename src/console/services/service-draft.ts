/**
 * The service form's rules, pure: a service as the text the owner edits (the draft), the draft back as the fields
 * the server takes, the server's field violations placed beside the inputs, and what differs between two drafts
 * (the conflict panel). A VARIED or CUSTOM price is set by options and variants, so the form leaves it alone.
 */
import type { ServiceInput } from '../../api/services-calls.js';
import type { FieldViolation } from '../../model/errors.js';
import type { Category, Service, ServiceType } from '../../model/service.js';

export type PriceKind = 'FIXED' | 'NO_FEE' | 'VARIED' | 'CUSTOM';

export interface ServiceDraft {
  name: string;
  description: string;
  category: string;
  type: ServiceType;
  capacity: string;
  /** Minutes, comma separated: "30, 60". */
  durations: string;
  priceKind: PriceKind;
  price: string;
  deposit: string;
  manualApproval: boolean;
  staffMemberIds: string[];
  onlineEnabled: boolean;
  /** Off the public catalogue (and the widget); the owner still sees it. */
  hidden: boolean;
  imageUrl: string;
  /** The booking policy's id; blank on a new service: the server gives it the default policy. */
  policyId: string;
}

export type DraftField = keyof ServiceDraft;

/** Every field in the form's order: the conflict panel lists differences in it. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'name',
  'description',
  'category',
  'type',
  'capacity',
  'durations',
  'priceKind',
  'price',
  'deposit',
  'manualApproval',
  'staffMemberIds',
  'onlineEnabled',
  'hidden',
  'imageUrl',
  'policyId',
];

export const EMPTY_DRAFT: ServiceDraft = {
  name: '',
  description: '',
  category: '',
  type: 'CLASS',
  capacity: '10',
  durations: '60',
  priceKind: 'FIXED',
  price: '',
  deposit: '',
  manualApproval: false,
  staffMemberIds: [],
  onlineEnabled: true,
  hidden: false,
  imageUrl: '',
  policyId: '',
};

export function imageUrlOf(service: Service): string {
  return service.media?.mainMedia?.image.url ?? service.media?.items[0]?.image.url ?? '';
}

export function draftOf(service: Service): ServiceDraft {
  const p = service.payment;
  const terms = p.fixed ?? p.varied;
  return {
    name: service.name,
    description: service.description ?? '',
    category: service.category?.name ?? '',
    type: service.type,
    capacity: String(service.defaultCapacity),
    durations: service.schedule.availabilityConstraints.sessionDurations.join(', '),
    priceKind: p.rateType,
    price: p.fixed?.price.value ?? '',
    deposit: terms?.deposit?.value ?? '',
    manualApproval: service.onlineBooking.requireManualApproval,
    staffMemberIds: [...service.staffMemberIds],
    onlineEnabled: service.onlineBooking.enabled,
    hidden: service.hidden ?? false,
    imageUrl: imageUrlOf(service),
    policyId: service.bookingPolicy.id,
  };
}

/** Problems the form finds before sending (text that is no number); the server checks everything else. */
export function draftProblems(d: ServiceDraft, text: { whole: string; minutes: string; amount: string; required: string }) {
  const problems: Partial<Record<DraftField, string>> = {};
  if (!d.name.trim()) problems.name = text.required;
  if (d.type !== 'APPOINTMENT' && !/^\s*\d+\s*$/.test(d.capacity)) problems.capacity = text.whole;
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(d.durations)) problems.durations = text.minutes;
  if (d.priceKind === 'FIXED' && !/^\s*\d+(\.\d{1,2})?\s*$/.test(d.price)) problems.price = text.amount;
  if (d.priceKind === 'FIXED' && d.deposit.trim() && !/^\s*\d+(\.\d{1,2})?\s*$/.test(d.deposit)) problems.deposit = text.amount;
  return problems;
}

/** The id to send for the category typed: a known one by name (any case), or a new one with that name. */
function categoryInput(name: string, known: readonly Category[], newId: () => string): ServiceInput['category'] {
  const wanted = name.trim();
  if (!wanted) return undefined;
  const found = known.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
  return found ? { id: found.id } : { id: newId(), name: wanted };
}

function paymentInput(d: ServiceDraft, base: Service | undefined, currency: string): ServiceInput['payment'] | undefined {
  if (d.priceKind === 'VARIED' || d.priceKind === 'CUSTOM') return undefined; // options and variants own it
  // Keep the options the owner set through the API (pricing plans, in person): the server resets unsent ones.
  const options = { ...base?.payment.options };
  if (d.priceKind === 'NO_FEE') return { rateType: 'NO_FEE', options: { ...options, deposit: false } };
  const deposit = d.deposit.trim();
  const money = (value: string) => ({ value: value.trim(), currency });
  const fixed = base?.payment.fixed;
  return {
    rateType: 'FIXED',
    fixed: {
      price: money(d.price),
      ...(deposit ? { deposit: money(deposit) } : {}),
      ...(fixed?.fullUpfrontPaymentAllowed !== undefined ? { fullUpfrontPaymentAllowed: fixed.fullUpfrontPaymentAllowed } : {}),
    },
    options: { ...options, deposit: deposit !== '' },
  };
}

/** The fields to send for the draft; `base` is the service as read (undefined for a new one). */
export function serviceInput(
  d: ServiceDraft,
  ctx: { base: Service | undefined; categories: readonly Category[]; currency: string; newId: () => string },
): Omit<ServiceInput, 'payment'> & Partial<Pick<ServiceInput, 'payment'>> {
  const { base } = ctx;
  const category = categoryInput(d.category, ctx.categories, ctx.newId);
  const payment = paymentInput(d, base, base?.payment.fixed?.price.currency ?? ctx.currency);
  const url = d.imageUrl.trim();
  const input: Omit<ServiceInput, 'payment'> & Partial<Pick<ServiceInput, 'payment'>> = {
    type: d.type,
    name: d.name.trim(),
    description: d.description,
    hidden: d.hidden,
    ...(d.type !== 'APPOINTMENT' ? { defaultCapacity: Number(d.capacity) } : {}),
    ...(category ? { category } : {}),
    ...(payment ? { payment } : {}),
    onlineBooking: { enabled: d.onlineEnabled, requireManualApproval: d.manualApproval },
    schedule: { availabilityConstraints: { sessionDurations: d.durations.split(',').map((m) => Number(m.trim())) } },
    staffMemberIds: d.staffMemberIds,
    ...(d.policyId ? { bookingPolicy: { id: d.policyId } } : {}),
  };
  // Only a changed address is sent: the service's other pictures stay as they are.
  if (!base || url !== imageUrlOf(base)) {
    const item = { image: { url } };
    input.media = url ? { items: [item], mainMedia: item } : { items: [] };
    if (!base && !url) delete input.media;
  }
  return input;
}

/** The form field a server violation is about (`service.payment.fixed.deposit.value` → deposit); undefined: the form's. */
export function fieldOfViolation(field: string): DraftField | undefined {
  const path = field.replace(/^service\./, '');
  const rules: [RegExp, DraftField][] = [
    [/^name/, 'name'],
    [/^description/, 'description'],
    [/^category/, 'category'],
    [/^type/, 'type'],
    [/^defaultCapacity/, 'capacity'],
    [/^schedule/, 'durations'],
    [/^payment\.(fixed\.|varied\.|options\.)?deposit/, 'deposit'],
    [/^payment/, 'price'],
    [/^onlineBooking\.requireManualApproval/, 'manualApproval'],
    [/^onlineBooking/, 'onlineEnabled'],
    [/^hidden/, 'hidden'],
    [/^staffMemberIds/, 'staffMemberIds'],
    [/^media/, 'imageUrl'],
    [/^bookingPolicy/, 'policyId'],
  ];
  return rules.find(([re]) => re.test(path))?.[1];
}

/** The server's violations by form field; those no field shows are returned apart, for the form's own message. */
export function placeViolations(violations: readonly FieldViolation[]) {
  const byField: Partial<Record<DraftField, string>> = {};
  const rest: string[] = [];
  for (const v of violations) {
    const field = fieldOfViolation(v.field);
    if (!field) rest.push(`${v.field} ${v.description}`);
    else byField[field] = byField[field] ? `${byField[field]}; ${v.description}` : v.description;
  }
  return { byField, rest };
}

/** The fields where the two drafts differ, in the form's order (the conflict panel's rows). */
export function differingFields(a: ServiceDraft, b: ServiceDraft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}
