/**
 * Steps of the console's live tests: requests made through the API at a time the studio is open, a second OWNER,
 * the widget's Personal Training request as a visitor makes it, and timing a change from one page to another
 * inside the pages themselves (absolute high-resolution times, so two browser contexts compare).
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { localParts } from '../../src/console/shared/studio-time.js';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { WAIT, atStep, fillCard, requestTraining, step, waitForStatus } from './widget-steps.js';

/** Open one-hour Personal Training slots (start and staff member) from two days ahead, each used once (the widget takes today's). */
let openSlots: { start: string; end: string; staffId: string }[] | undefined;

async function nextSlot(server: TestServer, serviceId: string) {
  if (!openSlots) {
    const day = (days: number) => `${localParts(Date.now() + days * 86_400_000, 'America/New_York').day}T00:00:00`;
    const r = await server.call('POST', '/service-availability/v2/time-slots', {
      body: {
        serviceId,
        fromLocalDate: day(2),
        toLocalDate: day(16),
        timeZone: 'America/New_York',
        customerChoices: { durationInMinutes: 60 },
      },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const slots = r.body.timeSlots as {
      localStartDate: string;
      localEndDate: string;
      bookable: boolean;
      availableResources: { resources: { id: string }[] }[];
    }[];
    // Each start once per staff member who has it: an appointment holds one staff member, not the hour.
    // Slots overlap (a 60-minute one may start every half hour): keep, per staff member, those after the last kept.
    const freeFrom = new Map<string, string>();
    openSlots = slots
      .filter((t) => t.bookable)
      .flatMap((t) =>
        (t.availableResources[0]?.resources ?? []).map((r) => ({ start: t.localStartDate, end: t.localEndDate, staffId: r.id })),
      )
      .filter((slot) => {
        if (slot.start < (freeFrom.get(slot.staffId) ?? '')) return false;
        freeFrom.set(slot.staffId, slot.end);
        return true;
      });
  }
  const slot = openSlots.shift();
  assert.ok(slot, 'an open Personal Training slot');
  return slot;
}

/**
 * A PENDING Personal Training request for `firstName` at an open slot days ahead, made by a visitor, then
 * marked PENDING by the owner as a request awaiting approval is (as test/e2e/console.test.ts does).
 */
export async function pendingRequest(server: TestServer, serviceId: string, firstName: string, email?: string): Promise<string> {
  const slot = await nextSlot(server, serviceId);
  const visitor = await server.call('POST', '/oauth2/token', { body: { clientId: 'console-live', grantType: 'anonymous' } });
  const created = await server.call('POST', '/bookings/v2/bookings', {
    token: visitor.body.access_token as string,
    body: {
      booking: {
        bookedEntity: {
          slot: {
            serviceId,
            startDate: slot.start,
            endDate: slot.end,
            timezone: 'America/New_York',
            resource: { id: slot.staffId },
          },
        },
        contactDetails: { firstName, lastName: 'Tester', email: email ?? `${firstName.toLowerCase()}@example.com` },
        totalParticipants: 1,
        selectedPaymentOption: 'ONLINE',
      },
    },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const { id, revision, status } = created.body.booking as { id: string; revision: string; status: string };
  if (status !== 'PENDING') {
    const pending = await server.call('POST', `/bookings/v2/bookings/${id}/mark_booking_as_pending`, {
      token: OWNER_KEY,
      body: { revision },
    });
    assert.equal(pending.status, 200, JSON.stringify(pending.body));
  }
  return id;
}

/** A second OWNER account, through the API as the owner's console would make it. */
export async function secondOwner(server: TestServer): Promise<{ email: string; password: string }> {
  const account = { email: 'second.owner@example.com', password: 'a second owner password' };
  const made = await server.call('POST', '/business/v1/users', { token: OWNER_KEY, body: { ...account, role: 'OWNER' } });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  return account;
}

/** A visitor's Personal Training request in the demo page's widget (60 minutes, the deposit paid by card): PENDING. */
export async function requestTrainingInWidget(page: Page, server: TestServer, firstName: string): Promise<void> {
  await requestTraining(page, server, { firstName, lastName: 'Visitor', email: `${firstName.toLowerCase()}@example.com`, phone: '' });
  await step(page, 'review').getByRole('button', { name: 'Continue to payment' }).click();
  await atStep(page, 'checkout');
  await fillCard(page, '4242 4242 4242 4242');
  await step(page, 'checkout').getByRole('button', { name: /^Pay/ }).click();
  await waitForStatus(page, 'PENDING'); // Personal Training needs the owner's approval
}

/**
 * Starts watching `page` for booking `id` to show `status`: a MutationObserver on the bookings view notes the
 * moment (performance.timeOrigin + now(), comparable across contexts on one machine) in `window.__seenAt`.
 */
export async function watchForStatus(page: Page, id: string, status: string): Promise<void> {
  await page.evaluate(
    ([id, status]) => {
      const root = document.querySelector('booking-console')?.shadowRoot?.querySelector('console-bookings-view')?.shadowRoot;
      if (!root) throw new Error('no bookings view');
      const w = window as unknown as { __seenAt?: number };
      delete w.__seenAt;
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const wanted = `li[data-booking-id="${id}"][data-status="${status}"]`;
      const observer = new MutationObserver(() => {
        if (w.__seenAt === undefined && root.querySelector(wanted) !== null) {
          w.__seenAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    },
    [id, status] as const,
  );
}

/** Clicks `button` from inside its page and answers the moment of the click (the clock `watchForStatus` uses). */
export function clickAt(button: Locator): Promise<number> {
  return button.evaluate((b: HTMLElement) => {
    const at = performance.timeOrigin + performance.now();
    b.click();
    return at;
  });
}

/** The moment `watchForStatus` saw the change, once it has. */
export async function seenAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt, undefined, WAIT);
  return (await handle.jsonValue()) as number;
}
