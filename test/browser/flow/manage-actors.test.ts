/**
 * The my-bookings and manage calls come in a chunk of their own (src/flow/manage-actors.ts): a call whose chunk
 * cannot be fetched fails as a network error (the step shows the network message and Try again), and the next
 * call asks for the chunk again.
 */
import { expect } from '@open-wc/testing';
import { createActor, toPromise } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import { manageActors } from '../../../src/flow/manage-actors.js';
import type { ManageDeps, manageCalls } from '../../../src/flow/manage-calls.js';

describe('the manage calls, fetched on demand', () => {
  it('fails a call as a network error while its chunk cannot be fetched, and fetches it again for the next', async () => {
    let fetched = 0;
    // Only loadMyBookings runs here, so the stand-in has only it; the cast says so to the calls' full type.
    const calls = (() => ({ loadMyBookings: async () => [] })) as unknown as typeof manageCalls;
    const load = async () => {
      fetched++;
      if (fetched === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return calls;
    };
    const actors = manageActors({} as ManageDeps, load);

    const first = createActor(actors.loadMyBookings);
    const failed = toPromise(first).then(
      () => undefined,
      (error: unknown) => error,
    );
    first.start();
    const error = await failed;
    expect(error).to.be.instanceOf(BookingApiError);
    expect((error as BookingApiError).code).to.equal('NETWORK_ERROR');

    const second = createActor(actors.loadMyBookings);
    const rows = toPromise(second);
    second.start();
    expect(await rows).to.deep.equal([]);
    expect(fetched).to.equal(2);
  });
});
