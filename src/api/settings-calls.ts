/**
 * The owner's settings (contract sections 3 and 12): the business details (`PATCH /site-properties/v4/properties`)
 * the business accounts (`/business/v1/users`) and the calendar feeds (`/calendar/v1/feeds`); owner only, so not in the widget's calls.
 * Business settings (docs/api.md): hours, currency and contact details, notifications, allowed origins.
 */
import type { BusinessRole, BusinessUser } from '../model/business-user.js';
import type { BusinessAddress, BusinessSchedule, NotificationSettings, WidgetSettings } from '../model/business-settings.js';
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

/** Every site property, as `GET /site-properties/v4/properties` answers them. */
export interface SiteDetails {
  siteDisplayName: string;
  timeZone: TimeZone;
  paymentCurrency: string;
  locale: { languageCode: string; country: string };
  email: string;
  phone: string;
  address: BusinessAddress;
  businessSchedule: BusinessSchedule;
}

export type SiteDetailsChange = Partial<Omit<SiteDetails, 'locale'>>;

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
  const businessSettings = {
    getSiteDetails: () =>
      t.request<{ properties: SiteDetails }>('GET', '/site-properties/v4/properties', { anonymous: true }).then((r) => r.properties),
    updateSiteDetails: (properties: SiteDetailsChange) =>
      t.request<{ properties: SiteDetails }>('PATCH', '/site-properties/v4/properties', { body: { properties } }).then((r) => r.properties),
    getNotificationSettings: () =>
      t.request<{ notifications: NotificationSettings; defaults: NotificationSettings }>('GET', '/business/v1/settings/notifications'),
    /** `null` goes back to the server's default (its environment). */
    updateNotificationSettings: (change: { reminderHours?: number | null; mailFrom?: string | null }) =>
      t.request<{ notifications: NotificationSettings; defaults: NotificationSettings }>('PATCH', '/business/v1/settings/notifications', {
        body: change,
      }),
    getWidgetSettings: () =>
      t.request<{ widget: WidgetSettings; environmentOrigins: '*' | string[] }>('GET', '/business/v1/settings/widget'),
    updateWidgetSettings: (widget: WidgetSettings) =>
      t.request<{ widget: WidgetSettings; environmentOrigins: '*' | string[] }>('PATCH', '/business/v1/settings/widget', { body: widget }),
  };
  return { siteProperties, businessUsers, calendarFeeds, businessSettings };
}
