/**
 * Every view of the console in one table: its `data-view` name (contract section 12), its sidebar link, who may
 * open it and how it renders. Adding a view is one import and one row here; the shell reads nothing else.
 */
import { html, type TemplateResult } from 'lit';
import type { BookingClient } from '../../api/client.js';
import type { BusinessUser } from '../../model/business-user.js';
import '../agenda-view/agenda-view.js';
import '../bookings-view/bookings-view.js';
import '../booking-view/booking-view.js';
import '../notifications-view/notifications-view.js';
import '../customers-view/customers-view.js';
import '../customer-view/customer-view.js';
import '../new-booking-view/new-booking-view.js';
import '../outbox-view/outbox-view.js';
import '../services-view/services-view.js';
import '../service-view/service-view.js';
import '../policies-view/policies-view.js';
import '../policy-view/policy-view.js';
import '../staff-view/staff-view.js';
import '../schedule-view/schedule-view.js';
import '../settings-view/settings-view.js';
import '../webhooks-view/webhooks-view.js';

/** What a view gets from the shell. */
export interface ViewContext {
  client: BookingClient;
  user: BusinessUser;
  /** The route's parameter (`#booking/<id>` → the id). */
  param: string | undefined;
  /** The route's settings after `?` (`#bookings?status=CONFIRMED` → { status: 'CONFIRMED' }). */
  query: Readonly<Record<string, string>>;
}

export interface ViewEntry {
  view: string;
  /** The sidebar's link text; a view without one is reached from other views (a booking, a customer). */
  label?: string;
  /** OWNER only: a STAFF account has no link, and the address falls back to the default view. */
  ownerOnly?: boolean;
  /** The sidebar link a view without its own belongs under (`#booking/<id>` under Bookings): that link is lit. */
  parent?: string;
  /** Not built yet: listed in the sidebar, greyed, not reachable. */
  soon?: boolean;
  render?: (ctx: ViewContext) => TemplateResult;
}

export const VIEWS: ViewEntry[] = [
  {
    view: 'agenda',
    label: 'Agenda',
    render: ({ client, user, param }) => html`<console-agenda-view .client=${client} .user=${user} .param=${param}></console-agenda-view>`,
  },
  {
    view: 'bookings',
    label: 'Bookings',
    render: ({ client, user, query }) =>
      html`<console-bookings-view .client=${client} .owner=${user.role === 'OWNER'} .query=${query}></console-bookings-view>`,
  },
  // Booking by phone is the owner's (contract section 12: STAFF do not create bookings).
  {
    view: 'new-booking',
    parent: 'bookings',
    ownerOnly: true,
    render: ({ client, param }) => html`<console-new-booking-view .client=${client} .customerId=${param}></console-new-booking-view>`,
  },
  {
    view: 'customers',
    label: 'Customers',
    render: ({ client }) => html`<console-customers-view .client=${client}></console-customers-view>`,
  },
  {
    view: 'customer',
    parent: 'customers',
    render: ({ client, user, param }) =>
      html`<console-customer-view .client=${client} .customerId=${param} .canBook=${user.role === 'OWNER'}></console-customer-view>`,
  },
  {
    view: 'booking',
    parent: 'bookings',
    render: ({ client, user, param, query }) =>
      html`<console-booking-view
        .client=${client}
        .accountRole=${user.role}
        booking-id=${param ?? ''}
        ?booked=${query['booked'] !== undefined}
      ></console-booking-view>`,
  },
  {
    view: 'services',
    label: 'Services',
    ownerOnly: true,
    render: ({ client }) => html`<console-services-view .client=${client}></console-services-view>`,
  },
  {
    view: 'service',
    parent: 'services',
    ownerOnly: true,
    render: ({ client, param }) => html`<console-service-view .client=${client} .serviceId=${param}></console-service-view>`,
  },
  {
    view: 'policies',
    label: 'Policies',
    ownerOnly: true,
    render: ({ client }) => html`<console-policies-view .client=${client}></console-policies-view>`,
  },
  {
    view: 'policy',
    parent: 'policies',
    ownerOnly: true,
    render: ({ client, param }) => html`<console-policy-view .client=${client} .policyId=${param}></console-policy-view>`,
  },
  {
    view: 'staff',
    label: 'Staff',
    ownerOnly: true,
    render: ({ client }) => html`<console-staff-view .client=${client}></console-staff-view>`,
  },
  {
    view: 'schedule',
    label: 'Schedules',
    ownerOnly: true,
    render: ({ client, query }) => html`<console-schedule-view .client=${client} .query=${query}></console-schedule-view>`,
  },
  {
    view: 'notifications',
    label: 'Notifications',
    ownerOnly: true,
    render: ({ client }) => html`<console-notifications-view .client=${client}></console-notifications-view>`,
  },
  {
    view: 'outbox',
    label: 'Outbox',
    ownerOnly: true,
    render: ({ client }) => html`<console-outbox-view .client=${client}></console-outbox-view>`,
  },
  {
    view: 'settings',
    label: 'Settings',
    ownerOnly: true,
    render: ({ client, user }) => html`<console-settings-view .client=${client} .user=${user}></console-settings-view>`,
  },
  {
    view: 'webhooks',
    parent: 'settings',
    ownerOnly: true,
    render: ({ client }) => html`<console-webhooks-view .client=${client}></console-webhooks-view>`,
  },
];

/** Where the console opens, and where an address this account may not open leads. */
export const DEFAULT_VIEW = 'agenda';

/** The view entry to show for a route and an account: the route's when reachable, the default otherwise. */
export function viewFor(view: string, user: BusinessUser | undefined): ViewEntry {
  const owner = user?.role === 'OWNER';
  const wanted = VIEWS.find((v) => v.view === view && v.render && (!v.ownerOnly || owner));
  return wanted ?? (VIEWS.find((v) => v.view === DEFAULT_VIEW) as ViewEntry);
}

/** The sidebar link shown as the current page for a view: its own, or its parent's when it has no link. */
export function sidebarViewOf(entry: ViewEntry): string {
  return entry.parent ?? entry.view;
}
