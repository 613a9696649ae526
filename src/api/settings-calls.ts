/**
 * The owner's settings (contract sections 3 and 12): the business details (`PATCH /site-properties/v4/properties`)
 * the business accounts (`/business/v1/users`) and the calendar feeds (`/calendar/v1/feeds`); owner only, so not in the widget's calls.
 */
import type { BusinessRole, BusinessUser } from '../model/business-user.js';
import type { TimeZone } from '../model/common.js';
import type { Transport } from './transport.js';

const enc = encodeURIComponent;

export interface NewBusinessUser {
  email: string;
  role: BusinessRole;
  staffMemberId?: string;
  password: string;
}

/** A calendar subscription (docs: calendar feeds); its secret address is shown only when it is made. */
export interface CalendarFeed {
  id: string;
  /** Absent: the whole business. */
  staffMemberId?: string;
  createdDate: string;
}

export function settingsCalls(t: Transport) {
  const siteProperties = {
    /** The details the API lets the owner change: the business's name and its time zone. */
    updateSiteProperties: (properties: { siteDisplayName?: string; timeZone?: TimeZone }) =>
      t
        .request<{ properties: { siteDisplayName: string; timeZone: TimeZone } }>('PATCH', '/site-properties/v4/properties', {
          body: { properties },
        })
        .then((r) => r.properties),
  };
  const businessUsers = {
    listUsers: () => t.request<{ users: BusinessUser[] }>('GET', '/business/v1/users').then((r) => r.users),
    createUser: (user: NewBusinessUser) =>
      t.request<{ user: BusinessUser }>('POST', '/business/v1/users', { body: user }).then((r) => r.user),
    updateUser: (id: string, change: { role?: BusinessRole; staffMemberId?: string | null }) =>
      t.request<{ user: BusinessUser }>('PATCH', `/business/v1/users/${enc(id)}`, { body: change }).then((r) => r.user),
    removeUser: (id: string) => t.request<Record<string, never>>('DELETE', `/business/v1/users/${enc(id)}`),
  };
  const calendarFeeds = {
    listFeeds: () => t.request<{ feeds: CalendarFeed[] }>('GET', '/calendar/v1/feeds').then((r) => r.feeds),
    /** A feed of one staff member's bookings, or of the whole business without one; its addresses are given here only. */
    createFeed: (staffMemberId?: string) =>
      t.request<{ feed: CalendarFeed; secret: string; url: string; webcalUrl: string }>('POST', '/calendar/v1/feeds', {
        body: staffMemberId ? { staffMemberId } : {},
      }),
    revokeFeed: (id: string) => t.request<Record<string, never>>('DELETE', `/calendar/v1/feeds/${enc(id)}`),
  };
  return { siteProperties, businessUsers, calendarFeeds };
}
