/** The flow's starting context, and the constants a fresh attempt resets to. */
import { uuid } from '../api/uuid.js';
import { monthOf, todayIn } from './calendar.js';
import type { AttemptKeys, FlowContext, FlowInput } from './types.js';

/** Bumped when the persisted snapshot's shape changes (context or states); another version is discarded. */
export const FLOW_VERSION = 2;

/** How many empty months the calendar skips by itself before showing "no open times". */
export const AUTO_ADVANCE_MONTHS = 2;

export const newKeys = (): AttemptKeys => ({ booking: uuid(), checkout: uuid(), order: uuid() });

export function initialContext(input: FlowInput): FlowContext {
  const customerTimeZone = input.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const today = input.today ?? todayIn(customerTimeZone);
  return {
    version: FLOW_VERSION,
    presetServiceId: input.serviceId || undefined,
    categoryId: input.categoryId || undefined,
    memberLogin: input.memberLogin ?? 'optional',
    customerTimeZone,
    services: [],
    business: undefined,
    service: undefined,
    variants: undefined,
    variantShown: false,
    counts: {},
    timeZone: customerTimeZone,
    month: monthOf(today),
    today,
    slots: [],
    autoAdvance: AUTO_ADVANCE_MONTHS,
    course: undefined,
    day: undefined,
    staffId: undefined,
    slot: undefined,
    details: { ...input.prefill },
    remember: input.remembered ?? false,
    member: undefined,
    payment: 'ONLINE',
    depositSelected: false,
    priceInfo: undefined,
    keys: newKeys(),
    booking: undefined,
    checkout: undefined,
    orderId: undefined,
    raceLost: false,
    paymentError: undefined,
    error: undefined,
    resetToken: input.resetToken || undefined,
    accountNotice: undefined,
    calendarFile: undefined,
    bookingToken: input.bookingToken || undefined,
    startView: input.view,
    managed: undefined,
    cancelingId: undefined,
  };
}
