/**
 * The service form's rules, pure: a service as the text the owner edits (the draft), the draft back as the fields
 * the server takes, the server's field violations placed beside the inputs, and what differs between two drafts
 * (the conflict panel). The payment's part is services/payment-draft.ts.
 */
import type { ServiceInput } from '../../api/services-calls.js';
import type { FieldViolation } from '../../model/errors.js';
import type { Category, Service, ServiceLocation, ServiceType } from '../../model/service.js';
import { locationDraftOf, locationsInput, type LocationDraft } from './location-draft.js';
import { paymentDraftOf, paymentInput, type PaymentDraft } from './payment-draft.js';

export type { PriceKind } from './payment-draft.js';

export interface ServiceDraft extends PaymentDraft, LocationDraft {
  name: string;
  /** One line under the name on the widget's card. */
  tagLine: string;
  description: string;
  category: string;
  type: ServiceType;
  capacity: string;
  /** Minutes, comma separated: "30, 60". */
  durations: string;
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
  'tagLine',
  'description',
  'category',
  'type',
  'capacity',
  'durations',
  'priceKind',
  'price',
  'deposit',
  'fullUpfront',
  'customPrice',
  'payOnline',
  'payInPerson',
  'acceptPlans',
  'planIds',
  'manualApproval',
  'staffMemberIds',
  'onlineEnabled',
  'hidden',
  'imageUrl',
  'policyId',
  'location',
  'locationAddress',
];

export const EMPTY_DRAFT: ServiceDraft = {
  name: '',
  tagLine: '',
  description: '',
  category: '',
  type: 'CLASS',
  capacity: '10',
  durations: '60',
  priceKind: 'FIXED',
  price: '',
  deposit: '',
  fullUpfront: true,
  customPrice: '',
  payOnline: true,
  payInPerson: false,
  acceptPlans: false,
  planIds: [],
  manualApproval: false,
  staffMemberIds: [],
  onlineEnabled: true,
  hidden: false,
  imageUrl: '',
  policyId: '',
  location: '',
  locationAddress: '',
};

export function imageUrlOf(service: Service): string {
  return service.media?.mainMedia?.image.url ?? service.media?.items[0]?.image.url ?? '';
}

export function draftOf(service: Service): ServiceDraft {
  return {
    name: service.name,
    tagLine: service.tagLine ?? '',
    description: service.description ?? '',
    category: service.category?.name ?? '',
    type: service.type,
    capacity: String(service.defaultCapacity),
    durations: service.schedule.availabilityConstraints.sessionDurations.join(', '),
    ...paymentDraftOf(service.payment),
    manualApproval: service.onlineBooking.requireManualApproval,
    staffMemberIds: [...service.staffMemberIds],
    onlineEnabled: service.onlineBooking.enabled,
    hidden: service.hidden ?? false,
    imageUrl: imageUrlOf(service),
    policyId: service.bookingPolicy.id,
    ...locationDraftOf(service.locations),
  };
}

/** Problems the form finds before sending (text that is no number); the server checks everything else. */
export function draftProblems(
  d: ServiceDraft,
  text: { whole: string; minutes: string; amount: string; required: string; describe: string; needAddress: string },
) {
  const problems: Partial<Record<DraftField, string>> = {};
  if (!d.name.trim()) problems.name = text.required;
  if (d.type !== 'APPOINTMENT' && !/^\s*\d+\s*$/.test(d.capacity)) problems.capacity = text.whole;
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(d.durations)) problems.durations = text.minutes;
  const priced = d.priceKind === 'FIXED' || d.priceKind === 'VARIED';
  if (priced && !/^\s*\d+(\.\d{1,2})?\s*$/.test(d.price)) problems.price = text.amount;
  if (priced && d.deposit.trim() && !/^\s*\d+(\.\d{1,2})?\s*$/.test(d.deposit)) problems.deposit = text.amount;
  if (d.priceKind === 'CUSTOM' && !d.customPrice.trim()) problems.customPrice = text.describe;
  if (d.location === 'CUSTOM' && !d.locationAddress.trim()) problems.locationAddress = text.needAddress;
  return problems;
}

/** The id to send for the category typed: a known one by name (any case), or a new one with that name. */
function categoryInput(name: string, known: readonly Category[], newId: () => string): ServiceInput['category'] {
  const wanted = name.trim();
  if (!wanted) return undefined;
  const found = known.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
  return found ? { id: found.id } : { id: newId(), name: wanted };
}

/** The fields to send for the draft; `base` is the service as read (undefined for a new one). */
export function serviceInput(
  d: ServiceDraft,
  ctx: {
    base: Service | undefined;
    categories: readonly Category[];
    currency: string;
    newId: () => string;
    /** The business's places (location-draft.ts `knownPlaces`). */
    places?: readonly ServiceLocation[];
  },
): ServiceInput {
  const { base } = ctx;
  const category = categoryInput(d.category, ctx.categories, ctx.newId);
  const payment = paymentInput(d, (base?.payment.fixed?.price ?? base?.payment.varied?.defaultPrice)?.currency ?? ctx.currency);
  const url = d.imageUrl.trim();
  const input: ServiceInput = {
    type: d.type,
    name: d.name.trim(),
    tagLine: d.tagLine,
    description: d.description,
    hidden: d.hidden,
    ...(d.type !== 'APPOINTMENT' ? { defaultCapacity: Number(d.capacity) } : {}),
    ...(category ? { category } : {}),
    payment,
    onlineBooking: { enabled: d.onlineEnabled, requireManualApproval: d.manualApproval },
    schedule: { availabilityConstraints: { sessionDurations: d.durations.split(',').map((m) => Number(m.trim())) } },
    staffMemberIds: d.staffMemberIds,
    ...(d.policyId ? { bookingPolicy: { id: d.policyId } } : {}),
  };
  // Only a changed place is sent, so what the API set beyond the form (an address's other fields) stays.
  const was = base ? locationDraftOf(base.locations) : { location: '', locationAddress: '' };
  if (d.location !== was.location || (d.location === 'CUSTOM' && d.locationAddress !== was.locationAddress)) {
    input.locations = locationsInput(d, ctx.places ?? []);
  }
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
    [/^tagLine/, 'tagLine'],
    [/^payment\.(fixed\.|varied\.|options\.)?deposit/, 'deposit'],
    [/^payment\.(fixed|varied)\.fullUpfront/, 'fullUpfront'],
    [/^payment\.custom/, 'customPrice'],
    [/^payment\.pricingPlanIds/, 'planIds'],
    [/^payment\.options/, 'payOnline'],
    [/^payment/, 'price'],
    [/^onlineBooking\.requireManualApproval/, 'manualApproval'],
    [/^onlineBooking/, 'onlineEnabled'],
    [/^hidden/, 'hidden'],
    [/^staffMemberIds/, 'staffMemberIds'],
    [/^media/, 'imageUrl'],
    [/^bookingPolicy/, 'policyId'],
    [/^locations.*custom/, 'locationAddress'],
    [/^locations/, 'location'],
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
