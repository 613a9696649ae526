/**
 * The console's pure rules and its session machine, in the browser: which buttons a row offers (the lifecycle's
 * answer for every status), how live events merge by revision, which rows show, the time in the studio's zone,
 * and signing in and out with the calls swapped out.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createActor, fromPromise, waitFor } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import { BOOKING_STATUSES, type Booking, type BookingStatus } from '../../../src/model/booking.js';
import { actionsFor, formatStart, upsertIfNewer, visibleRows } from '../../../src/console/bookings/booking-rows.js';
import { sessionMachine } from '../../../src/console/session/session-machine.js';
import type { SignedIn } from '../../../src/console/session/session-calls.js';
import type { BusinessUser } from '../../../src/model/business-user.js';
import '../../../src/console/login-view/login-view.js';

function aBooking(id: string, status: BookingStatus, revision = '1', startDate = '2026-12-02T15:00:00.000Z'): Booking {
  return {
    id,
    status,
    revision,
    startDate,
    paymentStatus: 'NOT_PAID',
    bookedEntity: { title: 'Personal Training' },
    contactDetails: { firstName: 'Priya' },
    createdDate: '2026-12-01T15:00:00.000Z',
    updatedDate: '2026-12-01T15:00:00.000Z',
  };
}

describe('console: booking rows', () => {
  it('offers Confirm and Decline exactly where the lifecycle allows them', () => {
    const offered = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, actionsFor({ status: s })]));
    expect(offered['PENDING']).to.deep.equal(['confirm', 'decline']);
    expect(offered['CONFIRMED']).to.not.include('confirm');
    expect(offered['DECLINED']).to.deep.equal([]);
    expect(offered['CANCELED']).to.deep.equal([]);
  });

  it('keeps the higher revision whichever arrives last', () => {
    const newer = aBooking('b1', 'CONFIRMED', '3');
    const list = upsertIfNewer(new Map(), newer);
    expect(upsertIfNewer(list, aBooking('b1', 'PENDING', '2')).get('b1')).to.equal(newer);
    expect(upsertIfNewer(list, aBooking('b1', 'DECLINED', '4')).get('b1')?.status).to.equal('DECLINED');
  });

  it('shows the filtered status, keeps rows already on screen, earliest first', () => {
    let list = new Map<string, Booking>();
    list = upsertIfNewer(list, aBooking('late', 'PENDING', '1', '2026-12-03T15:00:00.000Z'));
    list = upsertIfNewer(list, aBooking('early', 'PENDING', '1', '2026-12-02T15:00:00.000Z'));
    list = upsertIfNewer(list, aBooking('answered', 'CONFIRMED'));
    list = upsertIfNewer(list, aBooking('other', 'CREATED'));
    expect(visibleRows(list, 'PENDING', new Set(['answered'])).map((b) => b.id)).to.deep.equal(['answered', 'early', 'late']);
    expect(visibleRows(list, undefined, new Set()).length).to.equal(4);
  });

  it("reads the start in the studio's zone, naming it", () => {
    expect(formatStart(aBooking('b', 'PENDING'), 'America/New_York')).to.match(/Wed, Dec 2, 10:00\sAM EST/);
  });
});

describe('console: session machine', () => {
  const user: BusinessUser = { id: 'u1', email: 'owner@example.com', role: 'OWNER', createdDate: '', updatedDate: '' };

  it('signs in, keeps the error of a failed attempt, and signs out', async () => {
    let attempts = 0;
    const machine = sessionMachine.provide({
      actors: {
        signIn: fromPromise(async ({ input }: { input: { apiBase: string; email: string; password: string } }) => {
          attempts++;
          if (input.password !== 'right-password')
            throw new BookingApiError(401, 'no', { code: 'INVALID_CREDENTIALS', description: 'no', data: {} });
          return { token: 'tok', expiresAt: Date.now() + 3_600_000, user };
        }),
        restore: fromPromise<SignedIn | undefined, { apiBase: string }>(async () => undefined),
        signOut: fromPromise<void, { apiBase: string; token: string | undefined }>(async () => {}),
      },
    });
    const actor = createActor(machine, { input: { apiBase: '' } }).start();
    await waitFor(actor, (s) => s.matches('signedOut')); // nothing stored to restore
    actor.send({ type: 'LOGIN', email: user.email, password: 'wrong' });
    await waitFor(actor, (s) => s.matches('signedOut') && s.context.error !== undefined);
    expect(actor.getSnapshot().context.error).to.match(/do not match/);
    actor.send({ type: 'LOGIN', email: user.email, password: 'right-password' });
    const inside = await waitFor(actor, (s) => s.matches('signedIn'));
    expect(inside.context.token).to.equal('tok');
    expect(inside.context.error).to.equal(undefined);
    actor.send({ type: 'LOGOUT' });
    const out = await waitFor(actor, (s) => s.matches('signedOut'));
    expect(out.context.token).to.equal(undefined);
    expect(attempts).to.equal(2);
  });
});

describe('console: <console-login-view>', () => {
  it('keeps what was typed when an error arrives, and is accessible', async () => {
    const el = await fixture<HTMLElement & { error?: string; busy: boolean }>(html`<console-login-view></console-login-view>`);
    const email = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!;
    email.value = 'owner@example.com';
    email.dispatchEvent(new Event('input'));
    el.busy = true;
    await waitUntil(() => el.shadowRoot!.querySelector('progress'), 'a progress bar while waiting');
    el.busy = false;
    el.error = 'That email and password do not match a business account.';
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('do not match'), 'the error');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!.value).to.equal('owner@example.com');
    await expect(el).to.be.accessible();
  });
});
