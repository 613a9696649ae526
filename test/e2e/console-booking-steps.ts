/**
 * Steps of the booking and notifications console tests: a server on the fixed clock (Tuesday 1 December 2026),
 * Personal Training appointments made through the API (by a visitor, paid or not, or by the owner on the phone,
 * double-booked on purpose), and opening one booking's view by its address.
 */
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import type { Browser, Page } from 'playwright-core';
import { startServer, OWNER_KEY, type TestServer } from '../server/helpers.js';
import {
  NOW,
  appointmentBooking,
  classBooking,
  eventIdAt,
  serviceNamed,
  visitorToken,
  type DemoService,
} from '../server/bookings-fixtures.js';
import { DEMO_STATIC_ROOTS, launchChromium } from './browser.js';
import { WAIT } from './widget-steps.js';

const APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';

export interface Studio {
  server: TestServer;
  training: DemoService;
  vinyasa: DemoService;
  alex: string;
  sam: string;
}

export async function startStudio(): Promise<Studio> {
  const server = await startServer({
    now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
    server: { clock: () => NOW, staticRoots: DEMO_STATIC_ROOTS },
  });
  const training = await serviceNamed(server, 'Personal Training');
  const staff = await server.storage.staff.list();
  return {
    server,
    training,
    vinyasa: await serviceNamed(server, 'Vinyasa Flow'),
    alex: staff.find((s) => s.name === 'Alex Rivera')!.id,
    sam: staff.find((s) => s.name === 'Sam Patel')!.id,
  };
}

/** The studio and a Chromium for the tests of one `describe`: started in `before`, stopped in `after`. */
export function useStudio(): { readonly studio: Studio; readonly browser: Browser } {
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  before(async () => {
    studio = await startStudio();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await studio?.server.close();
  });
  return {
    get studio() {
      if (!studio) throw new Error('the studio starts in before()');
      return studio;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in before()');
      return browser;
    },
  };
}

export interface Made {
  id: string;
  orderId?: string;
}

export interface AppointmentOptions {
  /** Local start in New York, `YYYY-MM-DDTHH:00:00`; one hour long. */
  start: string;
  firstName: string;
  staffMemberId?: string;
  /** Pay by card (sandbox `tok_visa`); none: no order. Personal Training is paid online only. */
  pay?: 'card';
  /** Made by the owner on the phone (CONFIRMED at once); `overbook` books past capacity on purpose. */
  byOwner?: { overbook?: boolean };
}

const plusHour = (local: string) => local.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`);

export async function appointment(studio: Studio, o: AppointmentOptions): Promise<Made> {
  const { server } = studio;
  const body = appointmentBooking(studio.training, o.start, plusHour(o.start)) as {
    booking: { bookedEntity: { slot: Record<string, unknown> }; contactDetails: Record<string, unknown> };
  };
  body.booking.bookedEntity.slot['resource'] = { id: o.staffMemberId ?? studio.alex };
  body.booking.contactDetails['firstName'] = o.firstName;
  body.booking.contactDetails['lastName'] = 'Okafor';
  body.booking.contactDetails['phone'] = '+1 212 555 0148';
  const token = o.byOwner ? OWNER_KEY : await visitorToken(server);
  const flowControlSettings = o.byOwner
    ? { skipBusinessConfirmation: true, ...(o.byOwner.overbook ? { skipAvailabilityValidation: true } : {}) }
    : undefined;
  const created = await server.call('POST', '/bookings/v2/bookings', {
    token,
    body: { ...body, ...(flowControlSettings ? { flowControlSettings } : {}) },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.booking.id as string;
  if (!o.pay) return { id };
  const lineItems = [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: id } }];
  const checkout = await server.call('POST', '/ecom/v1/checkouts', { token, body: { lineItems } });
  assert.equal(checkout.status, 200, JSON.stringify(checkout.body));
  const payment = { provider: 'sandbox', cardToken: 'tok_visa' };
  const order = await server.call('POST', `/ecom/v1/checkouts/${checkout.body.checkout.id}/create-order`, { token, body: { payment } });
  assert.equal(order.status, 200, JSON.stringify(order.body));
  return { id, orderId: order.body.orderId as string };
}

/** A visitor's Vinyasa Flow class (at `start`, a session's local start) to pay in person: an order NOT_PAID. */
export async function classPaidInPerson(studio: Studio, start: string, firstName: string): Promise<Made> {
  const { server, vinyasa } = studio;
  const token = await visitorToken(server);
  const body = classBooking(vinyasa, await eventIdAt(server, vinyasa, start), { selectedPaymentOption: 'OFFLINE' }) as {
    booking: { contactDetails: Record<string, unknown> };
  };
  body.booking.contactDetails['firstName'] = firstName;
  const created = await server.call('POST', '/bookings/v2/bookings', { token, body });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.booking.id as string;
  const lineItems = [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: id } }];
  const checkout = await server.call('POST', '/ecom/v1/checkouts', { token, body: { lineItems } });
  const order = await server.call('POST', `/ecom/v1/checkouts/${checkout.body.checkout.id}/create-order`, { token, body: {} });
  assert.equal(order.status, 200, JSON.stringify(order.body));
  return { id, orderId: order.body.orderId as string };
}

export const readBooking = async (server: TestServer, id: string) =>
  (await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking;

/** Opens `#booking/<id>` in the signed-in console and waits for the booking (or its "not found"). */
export async function openBooking(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#booking/${encodeURIComponent(id)}`);
  await page.locator('[data-view="booking"][aria-busy="false"]').waitFor(WAIT);
}

/** Waits for the booking view to show `status` (it re-reads after each action and on live events). */
export async function bookingShows(page: Page, id: string, status: string): Promise<void> {
  await page.locator(`[data-view="booking"] [data-booking-id="${id}"][data-status="${status}"]`).waitFor(WAIT);
}
