/**
 * Reading bookings (contract section 5, an extension to Wix): one booking for whoever may see it, its history
 * for the owner, and the extended-bookings query with the actions the caller may take on each.
 */
import type { Booking, ExtendedBooking } from '../../../src/model/booking.js';
import type { Query } from '../../../src/model/common.js';
import type { Identity } from '../identity/identity.js';
import type { BookingHistoryEntry, Storage } from '../../storage/types.js';
import { runPagedQuery, type PagedResult } from '../cursor-query.js';
import { compileFilter } from '../query.js';
import { canSee, visibleRecord } from './access.js';
import { serviceIdOf } from './booked-service.js';
import { allowedActions } from './policy.js';
import { bookingQuerySpec } from './query-spec.js';

export class BookingQueries {
  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
  ) {}

  async get(identity: Identity, id: string): Promise<Booking> {
    return (await visibleRecord(this.storage, identity, id, await this.storage.bookings.get(id))).booking;
  }

  /** Every change of a booking the caller may see (the owner: any; a STAFF account: its staff member's). */
  async history(id: string, identity: Identity = { kind: 'owner' }): Promise<BookingHistoryEntry[]> {
    await visibleRecord(this.storage, identity, id, await this.storage.bookings.get(id));
    return this.storage.bookings.history(id);
  }

  /** Wix's Count Extended Bookings: how many of the bookings the caller may see match `filter`. */
  async countExtended(identity: Identity, filter: Record<string, unknown> | undefined): Promise<number> {
    const matches = compileFilter(filter, bookingQuerySpec);
    return (await this.visibleRecords(identity)).filter((r) => matches(r.booking)).length;
  }

  private async visibleRecords(identity: Identity) {
    if (identity.kind === 'owner') return this.storage.bookings.list();
    if (identity.kind === 'staff') {
      const all = await this.storage.bookings.list();
      const seen = await Promise.all(all.map((record) => canSee(this.storage, identity, record)));
      return all.filter((_, i) => seen[i]);
    }
    return this.storage.bookings.list(identity.kind === 'visitor' ? { visitorId: identity.visitorId } : { memberId: identity.memberId });
  }

  /** The owner queries all bookings; a visitor or member only its own. By cursor or offset, newest first by default. */
  async queryExtended(identity: Identity, query: Query | undefined): Promise<PagedResult<ExtendedBooking>> {
    const records = await this.visibleRecords(identity);
    const result = runPagedQuery(
      records.map((r) => r.booking),
      query,
      bookingQuerySpec,
    );
    const now = this.clock();
    const items: ExtendedBooking[] = [];
    for (const booking of result.items) {
      const service = await this.storage.catalogue.getService(serviceIdOf(booking));
      const actions = service
        ? allowedActions(service.bookingPolicy, booking, now, identity.kind === 'owner' || identity.kind === 'staff' ? 'owner' : 'customer')
        : { cancel: false, reschedule: false };
      items.push({ booking, allowedActions: actions });
    }
    return { items, pagingMetadata: result.pagingMetadata };
  }
}
