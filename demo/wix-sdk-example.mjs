#!/usr/bin/env node
// Wix's own SDK against a self-hosted bookings server (docs/wix-sdk.md). Start the demo (`npm start`), then:
//
//   npm install @wix/sdk@1.21.16 @wix/bookings@1.0.1696 @wix/auto_sdk_ecom_checkout@1.0.174
//   node demo/wix-sdk-example.mjs http://localhost:8787
//
// As a visitor, through Wix's OAuthStrategy: list the classes, take the next free Community Yoga session, book it,
// check it out, and read the booking back CONFIRMED. Nothing here is specific to this server except the two lines
// that point the SDK at it: the `fetch` option (every API call) and `redirectWixApis` (the strategy's token call).
import { createClient, OAuthStrategy } from '@wix/sdk';
import { bookings, eventTimeSlots, extendedBookings, services } from '@wix/bookings';
import * as checkout from '@wix/auto_sdk_ecom_checkout';

const WIX_API = 'https://www.wixapis.com';
const BOOKINGS_APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';

/** Wix's `fetch` option: the same path and query, sent to `base` instead of Wix's API host. */
export const fetchTo = (base) => (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return globalThis.fetch(`${base}${url.pathname}${url.search}`, init);
};

/**
 * OAuthStrategy fetches its visitor token with the global `fetch` from https://www.wixapis.com/oauth2/token, not
 * through the `fetch` option. Route calls to Wix's API host to `base` (and nothing else); answers the undo.
 */
export function redirectWixApis(base) {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return original(url.startsWith(WIX_API) ? `${base}${url.slice(WIX_API.length)}` : input, init);
  };
  return () => {
    globalThis.fetch = original;
  };
}

/** The whole visit; answers what it did, so a test can check it. */
export async function main(base, log = console.log) {
  const restore = redirectWixApis(base);
  try {
    const client = createClient({
      modules: { services, eventTimeSlots, bookings, extendedBookings, checkout },
      auth: OAuthStrategy({ clientId: 'wix-sdk-example' }),
      fetch: fetchTo(base),
    });

    const { items } = await client.services.queryServices().eq('type', 'CLASS').find();
    log(`classes: ${items.map((s) => s.name).join(', ')}`);
    const yoga = items.find((s) => s.name === 'Community Yoga');
    if (!yoga?._id) throw new Error('the demo has no Community Yoga class');

    const { timeSlots } = await client.eventTimeSlots.listEventTimeSlots({ serviceIds: [yoga._id], cursorPaging: { limit: 20 } });
    const slot = timeSlots.find((s) => s.bookable);
    if (!slot?.eventInfo?.eventId) throw new Error('no bookable Community Yoga session');
    log(`next free session: ${slot.localStartDate} (${slot.remainingCapacity} places left)`);

    const { booking } = await client.bookings.createBooking({
      bookedEntity: { slot: { serviceId: yoga._id, eventId: slot.eventInfo.eventId } },
      contactDetails: { firstName: 'Wix', lastName: 'Developer', email: 'developer@example.com' },
      totalParticipants: 1,
      selectedPaymentOption: 'OFFLINE',
    });
    log(`booked ${booking._id}: ${booking.status}`);

    const co = await client.checkout.createCheckout({
      lineItems: [{ quantity: 1, catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: booking._id } }],
      channelType: 'WEB',
    });
    log(`checkout ${co._id}: total ${co.priceSummary.total.formattedAmount}, due now ${co.payNow.total.formattedAmount}`);
    const { orderId } = await client.checkout.createOrder(co._id);

    const { items: mine } = await client.extendedBookings.queryExtendedBookings().eq('id', booking._id).find();
    const status = mine[0]?.booking?.status;
    log(`order ${orderId}; the booking is now ${status}`);
    return { classes: items.map((s) => s.name), bookingId: booking._id, orderId, status, total: co.priceSummary.total };
  } finally {
    restore();
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  const base = process.argv[2] ?? process.env.BOOKINGS_URL ?? 'http://localhost:8787';
  main(base).catch((error) => {
    console.error(error?.details ? JSON.stringify(error.details) : error);
    process.exit(1);
  });
}
