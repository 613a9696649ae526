/**
 * `<booking-widget>` as hosts see it (contract section 9): the element's public properties and methods, its events
 * by name, its attributes. Types only: nothing here reaches the bundle. The package's types (dist-types/, made by
 * `npm run build:types` from this file alone) are these, so they stay small and name no internal module of the
 * widget; the element class `implements` the interface, so it cannot promise what the class lacks.
 * docs/frameworks.md uses them.
 */
import type { Booking } from '../../model/booking.js';
import type { Member } from '../../model/members.js';
import type { BookingSummary } from '../../flow/summary.js';
import type { MemberLoginMode, Step } from '../../flow/types.js';

export type { BookingSummary, Booking, Member, MemberLoginMode, Step };

/** The element: `document.querySelector('booking-widget')` and `customElements.get('booking-widget')` give this. */
export interface BookingWidget extends HTMLElement {
  /** `api-base`: the bookings API's origin (and path prefix); default: the page's origin. */
  apiBase: string;
  /** `client-id`: the OAuth client id for visitor tokens. */
  clientId: string;
  /** `service-id`: start at this service (the service step is skipped). */
  serviceId: string;
  /** `category-id`: show only this category's services. */
  categoryId: string;
  /** `locale`: language and formats (default: the page's `lang`, else the browser's). */
  locale: string;
  /** `time-zone`: the customer's IANA zone (default: the browser's). */
  timeZone: string;
  mode: 'inline' | 'popup' | 'floating';
  /** The popup is open (reflected to the `open` attribute). */
  open: boolean;
  theme: 'light' | 'dark' | 'auto';
  /** `member-login`: member login on the details step. */
  memberLogin: MemberLoginMode;
  prefillFirstName: string;
  prefillLastName: string;
  prefillEmail: string;
  prefillPhone: string;
  /** `reset-token`: a password-reset link's token; the widget starts at "set a new password". */
  resetToken: string;
  /** A manage link's anonymous token: the widget opens that booking (`data-step="manage"`). */
  bookingToken: string;
  /** `my-bookings`: the widget starts at the customer's bookings. */
  view: '' | 'my-bookings';
  /** Opens the popup (popup and floating modes). */
  show(): void;
  /** Closes the popup. */
  close(): void;
  /** Forgets the interrupted flow and starts again at the first step. */
  reset(): void;
}

/**
 * Each event `<booking-widget>` dispatches, by name (all bubble and are composed). Merged into the DOM's
 * `GlobalEventHandlersEventMap` below, as Shoelace does, so `widget.addEventListener('booking-created', (e) =>
 * e.detail.booking)` and `document.addEventListener(...)` are typed.
 */
export interface BookingWidgetEventMap {
  /** The customer sees another step. */
  'booking-step-change': CustomEvent<{ step: Step }>;
  'booking-created': CustomEvent<{ booking: Booking; summary: BookingSummary }>;
  /** Also live changes, e.g. the owner confirming; `previousStatus` is null for the first status seen. */
  'booking-status-change': CustomEvent<{ booking: Booking; previousStatus: Booking['status'] | null; summary: BookingSummary }>;
  'booking-checkout-complete': CustomEvent<{ orderId: string; booking: Booking | undefined; summary: BookingSummary }>;
  'member-login': CustomEvent<{ member: Member }>;
  'member-logout': CustomEvent<Record<string, never>>;
  /** e.g. `NETWORK_ERROR`, `SLOT_NOT_AVAILABLE`, a card decline. */
  'booking-error': CustomEvent<{ code: string; message: string }>;
}

/** The element's attributes as a page writes them (values are strings; `open` is a boolean attribute). */
export interface BookingWidgetAttributes {
  'api-base'?: string;
  'client-id'?: string;
  'service-id'?: string;
  'category-id'?: string;
  locale?: string;
  'time-zone'?: string;
  mode?: 'inline' | 'popup' | 'floating';
  open?: boolean;
  theme?: 'light' | 'dark' | 'auto';
  'member-login'?: MemberLoginMode;
  'prefill-first-name'?: string;
  'prefill-last-name'?: string;
  'prefill-email'?: string;
  'prefill-phone'?: string;
  'reset-token'?: string;
  'booking-token'?: string;
  view?: '' | 'my-bookings';
}

/**
 * Listener props named `on` + the event's name, as React 19 takes them on a custom element:
 * `<booking-widget onbooking-created={(e) => e.detail.booking}>`.
 */
export type BookingWidgetEventProps = {
  [Name in keyof BookingWidgetEventMap as `on${Name}`]?: (event: BookingWidgetEventMap[Name]) => void;
};

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget': BookingWidget;
  }
  // Declaration merging needs an interface; its body comes from BookingWidgetEventMap.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends BookingWidgetEventMap {}
}
