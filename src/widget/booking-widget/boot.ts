/** What the root element learns when it starts a flow, before the flow machine's chunk has arrived. */
import type { Snapshot } from 'xstate';
import type { CatalogueFeed } from '../../flow/catalogue-feed.js';
import type { ContactDetails } from '../../model/booking.js';
import type { FlowContext, FlowEmitted, FlowEvent, FlowInput, MemberLoginMode, Step } from '../../flow/types.js';
import type { FlowActor } from '../shared/context.js';
import type { PendingFlow } from './pending-flow.js';
import type { BookingWidgetEventMap } from './public-types.js';

export interface Boot {
  generation: number;
  apiBase: string;
  /** The flow to resume (parked or saved), if any. */
  snapshot: Snapshot<unknown> | undefined;
  visitor: ContactDetails | undefined;
  /** The catalogue for a flow that starts at its first step. */
  feed: CatalogueFeed | undefined;
  /** The stand-in that shows the service step until the machine runs. */
  pending: PendingFlow | undefined;
}

/** Resolves once the flow has left its `boot` state (it has its catalogue, or failed to get it). */
export function untilPastBoot(actor: FlowActor): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (sub.unsubscribe(), resolve());
    const sub = actor.subscribe((s) => void (!s.matches('boot') && done()));
    if (!actor.getSnapshot().matches('boot')) done();
  });
}

/** The prefill-* attributes as contact details (only those that are set). */
export function prefillOf(el: {
  prefillFirstName: string;
  prefillLastName: string;
  prefillEmail: string;
  prefillPhone: string;
}): ContactDetails {
  const p: ContactDetails = {};
  if (el.prefillFirstName) p.firstName = el.prefillFirstName;
  if (el.prefillLastName) p.lastName = el.prefillLastName;
  if (el.prefillEmail) p.email = el.prefillEmail;
  if (el.prefillPhone) p.phone = el.prefillPhone;
  return p;
}

/** The time-zone attribute when the browser knows the zone; an invalid one falls back to the browser's zone. */
export function validZone(timeZone: string): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

type HostAttributes = Parameters<typeof prefillOf>[0] & {
  serviceId: string;
  categoryId: string;
  memberLogin: MemberLoginMode;
  timeZone: string;
  resetToken: string;
  bookingToken: string;
  view: '' | 'my-bookings';
};

/** The flow's input from the element's attributes (read when the flow starts) and what storage remembered. */
export function flowInputOf(el: HostAttributes, boot: Boot): FlowInput {
  return {
    serviceId: el.serviceId,
    categoryId: el.categoryId,
    memberLogin: el.memberLogin,
    timeZone: validZone(el.timeZone),
    prefill: { ...boot.visitor, ...prefillOf(el) },
    remembered: !!boot.visitor,
    resetToken: el.resetToken || undefined,
    bookingToken: el.bookingToken || undefined,
    view: el.view === 'my-bookings' ? 'my-bookings' : undefined,
  };
}

/**
 * The flow's emitted event as the element's DOM event; booking events carry the booking's summary. Typed by the
 * public event map, so an event the flow emits that the map lacks fails to compile.
 */
export function hostEvent(
  event: FlowEmitted,
  ctx: FlowContext | undefined,
  summary: ((ctx: FlowContext) => unknown) | undefined,
): BookingWidgetEventMap[FlowEmitted['type']] {
  const { type, ...detail } = event;
  const withSummary =
    type.startsWith('booking-') && type !== 'booking-error' && ctx && summary ? { ...detail, summary: summary(ctx) } : detail;
  return new CustomEvent(type, { detail: withSummary, bubbles: true, composed: true }) as BookingWidgetEventMap[typeof type];
}

/** Attributes that start the flow again: another server, service or category, or a link's token or view. */
const RESTARTING = ['apiBase', 'clientId', 'serviceId', 'categoryId', 'resetToken', 'bookingToken', 'view'] as const;

export function restartsFlow(changed: { has(key: (typeof RESTARTING)[number]): boolean }): boolean {
  return RESTARTING.some((p) => changed.has(p));
}

/** What a change of the element's attributes tells a running flow. */
export function attributeEvents(el: HostAttributes, changed: { has(key: keyof HostAttributes): boolean }): FlowEvent[] {
  const events: FlowEvent[] = [];
  if (changed.has('timeZone'))
    events.push({ type: 'SET_CUSTOMER_TIME_ZONE', timeZone: validZone(el.timeZone) ?? Intl.DateTimeFormat().resolvedOptions().timeZone });
  if (changed.has('memberLogin')) events.push({ type: 'SET_MEMBER_LOGIN', mode: el.memberLogin });
  if (changed.has('prefillFirstName') || changed.has('prefillLastName') || changed.has('prefillEmail') || changed.has('prefillPhone'))
    events.push({ type: 'PREFILL', details: prefillOf(el) });
  return events;
}

/** `booking-step-change`: the customer sees `step` now. */
export const stepChange = (step: Step): CustomEvent =>
  new CustomEvent('booking-step-change', { detail: { step }, bubbles: true, composed: true });
