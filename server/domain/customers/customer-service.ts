/**
 * The business's customers (docs/business-accounts.md, "Customers"): a searchable list and one customer with
 * their bookings and a member's plan credits. OWNER: every customer; STAFF: the customers in its staff member's
 * bookings, each with those bookings only (any other customer is 404, as another staff member's booking is).
 */
import type { Booking } from '../../../src/model/booking.js';
import type { Customer, CustomerListResponse, CustomerResponse } from '../../../src/model/customer.js';
import type { Storage } from '../../storage/types.js';
import type { BookingScope } from '../../storage/customer-types.js';
import type { Identity } from '../identity/identity.js';
import { openCursor, sealCursor } from '../cursor-query.js';
import { forbidden, notFound, ValidationError } from '../errors.js';
import type { PlanService } from '../plans/plan-service.js';
import { canSee } from '../bookings/access.js';
import { staffScope } from './staff-scope.js';

export const CUSTOMERS_DEFAULT_LIMIT = 50;
/** A customer page lists this many bookings at most, latest first. */
const BOOKINGS_LIMIT = 200;

interface ListInput {
  search?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

interface CursorState {
  o: number;
  s: string;
  l: number;
}

export class CustomerService {
  constructor(
    private readonly storage: Storage,
    private readonly plans: Pick<PlanService, 'memberOrders'>,
    private readonly clock: () => Date,
  ) {}

  async list(identity: Identity, input: ListInput): Promise<CustomerListResponse> {
    const scope = await this.scopeOf(identity);
    const { offset, search, limit } = input.cursor
      ? readCursor(input.cursor)
      : { offset: 0, search: norm(input.search), limit: input.limit };
    const size = limit ?? CUSTOMERS_DEFAULT_LIMIT;
    const rows = await this.storage.customers.list({
      ...(search ? { search } : {}),
      limit: size + 1,
      offset,
      now: this.clock().toISOString(),
      ...(scope ? { scope } : {}),
    });
    const customers: Customer[] = rows.slice(0, size);
    const hasNext = rows.length > size;
    const next = hasNext ? sealCursor({ o: offset + size, s: search, l: size } satisfies CursorState) : null;
    return { customers, pagingMetadata: { count: customers.length, cursors: { next, prev: null }, hasNext } };
  }

  async get(identity: Identity, id: string): Promise<CustomerResponse> {
    const scope = await this.scopeOf(identity);
    const customer = await this.storage.customers.get(id, this.clock().toISOString(), scope);
    if (!customer) throw notFound('Customer', id, 'CUSTOMER_NOT_FOUND');
    const bookings: Booking[] = [];
    for (const bookingId of await this.storage.customers.bookingIds(id, BOOKINGS_LIMIT, scope)) {
      const record = await this.storage.bookings.get(bookingId);
      // The scope is a column-level rule; the exact one (staffMemberSees) decides what a STAFF account is shown.
      if (record && (await canSee(this.storage, identity, record))) bookings.push(record.booking);
    }
    const planOrders = customer.memberId ? await this.plans.memberOrders(customer.memberId) : [];
    return { customer, bookings, planOrders };
  }

  private async scopeOf(identity: Identity): Promise<BookingScope | undefined> {
    if (identity.kind === 'owner') return undefined;
    if (identity.kind === 'staff') return staffScope(this.storage, identity.staffMemberId);
    throw forbidden('Only the business (its owner or staff) may read its customers.');
  }
}

/** The search as the store matches it: trimmed, lower case, inner spaces as one; empty means none. */
function norm(search: string | undefined): string {
  return (search ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function readCursor(cursor: string): { offset: number; search: string; limit: number } {
  const state = openCursor(cursor) as Partial<CursorState> | null;
  if (!state || typeof state.o !== 'number' || typeof state.s !== 'string' || typeof state.l !== 'number') {
    throw ValidationError.field('cursor', 'is not a cursor this server gave out: start again without it');
  }
  return { offset: state.o, search: state.s, limit: state.l };
}
