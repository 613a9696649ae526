/**
 * Reads a checkout's lines from its bookings as they are now: each must be the caller's, CREATED, not in an
 * order yet, and payable the way it asks (contract section 7). Used to make a checkout and again to place its
 * order, because a booking may have changed in between.
 */
import type { CheckoutLineItem } from '../../../src/model/checkout.js';
import type { Money } from '../../../src/model/common.js';
import { BOOKINGS_APP_ID } from '../../../src/model/checkout.js';
import type { Identity } from '../identity/identity.js';
import type { Storage } from '../../storage/types.js';
import type { CommerceStores, StoredCheckout } from '../../storage/commerce-types.js';
import type { BookingQueries } from '../bookings/booking-queries.js';
import { serviceIdOf } from '../bookings/booked-service.js';
import { scopeOf } from '../bookings/access.js';
import { DomainError, ValidationError, notFound } from '../errors.js';
import { fromMinor } from '../money.js';
import { lineFor, type LineAmounts } from './checkout-lines.js';

export type CommerceStorage = Storage & { commerce: CommerceStores };

export interface CheckoutLineInput {
  quantity?: number;
  catalogReference: { appId: string; catalogItemId: string };
}

export const alreadyOrdered = (bookingId: string) =>
  new DomainError('BOOKING_ALREADY_ORDERED', `Booking ${bookingId} already has an order.`, { bookingId });

export class CheckoutReader {
  constructor(
    private readonly storage: CommerceStorage,
    private readonly bookings: BookingQueries,
  ) {}

  /** The checkout if the caller may see it (the owner sees all); 404 otherwise. */
  async visible(identity: Identity, id: string): Promise<StoredCheckout> {
    const stored = await this.storage.commerce.checkouts.get(id);
    if (!stored || (identity.kind !== 'owner' && stored.scope !== scopeOf(identity))) throw notFound('Checkout', id, 'CHECKOUT_NOT_FOUND');
    return stored;
  }

  async lines(identity: Identity, items: CheckoutLineInput[]): Promise<LineAmounts[]> {
    const seen = new Set<string>();
    const lines: LineAmounts[] = [];
    for (const [i, item] of items.entries()) {
      const field = `lineItems[${i}]`;
      if (item.catalogReference.appId !== BOOKINGS_APP_ID)
        throw ValidationError.field(`${field}.catalogReference.appId`, `must be the Bookings app id ${BOOKINGS_APP_ID}`);
      if (item.quantity !== undefined && item.quantity !== 1)
        throw ValidationError.field(`${field}.quantity`, 'must be 1: one line per booking');
      const bookingId = item.catalogReference.catalogItemId;
      if (seen.has(bookingId))
        throw ValidationError.field(`${field}.catalogReference.catalogItemId`, 'names a booking already in this checkout');
      seen.add(bookingId);
      const booking = await this.bookings.get(identity, bookingId);
      if (booking.status !== 'CREATED') {
        throw new DomainError(
          'BOOKING_NOT_AWAITING_CHECKOUT',
          `Booking ${bookingId} is ${booking.status}: only a CREATED booking can be checked out.`,
          { bookingId, status: booking.status },
        );
      }
      if (await this.storage.commerce.orders.linkForBooking(bookingId)) throw alreadyOrdered(bookingId);
      if (booking.selectedPaymentOption === 'MEMBERSHIP' && identity.kind !== 'member') {
        throw new DomainError('MEMBER_LOGIN_REQUIRED', 'Sign in as a member to pay with a pricing plan.', { bookingId });
      }
      const service = await this.storage.catalogue.getService(serviceIdOf(booking));
      if (!service) throw notFound('Service', serviceIdOf(booking), 'SERVICE_NOT_FOUND');
      lines.push(lineFor(booking, service, await this.storage.catalogue.getVariantsByService(service.id)));
    }
    return lines;
  }
}

export function lineItemOf(line: LineAmounts, bookingId: string): CheckoutLineItem<Money> {
  return {
    id: bookingId,
    quantity: 1,
    catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: bookingId },
    productName: { original: line.title },
    price: fromMinor(line.priceMinor, line.currency),
    paymentOption: line.paymentOption,
    ...(line.depositMinor !== undefined ? { depositAmount: fromMinor(line.depositMinor, line.currency) } : {}),
  };
}
