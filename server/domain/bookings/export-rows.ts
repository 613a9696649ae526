/**
 * The bookings export (contract section 12): the bookings whose start falls on the range's dates in the
 * business's zone, earliest first, written as CSV a batch of rows at a time, so a large export is never one
 * string in memory (the stored bookings themselves are read as the owner's query reads them: all at once).
 *
 * Money columns, in the order's currency (else the service's):
 * - total: what the booking costs in money. Checked out: its order line's price. Not (yet): its price today
 *   (service, variant, participants). Paid with plan credits (MEMBERSHIP, MEMBERSHIP_OFFLINE): 0, as an order's
 *   priceSummary counts money only. A custom-rate service without a number: empty.
 * - paid: by its paymentStatus. PAID: the total; PARTIALLY_PAID: the deposit taken; anything else (NOT_PAID,
 *   UNDEFINED, EXEMPT, REFUNDED): 0.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { priceBooking } from '../../../src/pricing/index.js';
import type { Storage } from '../../storage/types.js';
import { priceLinesOf } from '../checkout/checkout-lines.js';
import { fromMinor } from '../money.js';
import { serviceIdOf } from './booked-service.js';
import { csvHeader, csvRow, localMinute, type ExportRange } from './export-csv.js';

/** Rows per chunk handed to the reply: big enough to keep writes few, small enough to stay a few hundred KiB. */
const ROWS_PER_CHUNK = 500;

const PLAN_PAID: readonly (Booking['selectedPaymentOption'] | undefined)[] = ['MEMBERSHIP', 'MEMBERSHIP_OFFLINE'];

interface Amounts {
  currency: string;
  /** Null: the price is a description (custom rate), not a number. */
  totalMinor: number | null;
  depositMinor: number;
}

/** Looks things up once per export: services, variants and order currencies repeat across rows. */
class ExportLookups {
  private readonly services = new Map<string, Promise<{ service: Service | null; variants: ServiceOptionsAndVariants | null }>>();
  private readonly orderCurrencies = new Map<string, Promise<string | null>>();

  constructor(private readonly storage: Storage) {}

  service(id: string) {
    let found = this.services.get(id);
    if (!found) {
      found = Promise.all([this.storage.catalogue.getService(id), this.storage.catalogue.getVariantsByService(id)]).then(
        ([service, variants]) => ({ service, variants }),
      );
      this.services.set(id, found);
    }
    return found;
  }

  orderCurrency(orderId: string): Promise<string | null> {
    let found = this.orderCurrencies.get(orderId);
    if (!found) {
      found = this.storage.commerce.orders.get(orderId).then((o) => o?.order.priceSummary.total.currency ?? null);
      this.orderCurrencies.set(orderId, found);
    }
    return found;
  }

  async amounts(booking: Booking, fallbackCurrency: string): Promise<Amounts> {
    const { service, variants } = await this.service(serviceIdOf(booking));
    const link = await this.storage.commerce.orders.linkForBooking(booking.id);
    const planPaid = PLAN_PAID.includes(booking.selectedPaymentOption);
    if (link) {
      const currency = (await this.orderCurrency(link.orderId)) ?? fallbackCurrency;
      return { currency, totalMinor: planPaid ? 0 : link.priceMinor, depositMinor: link.payNowMinor };
    }
    const price = service ? priceBooking(service, variants, priceLinesOf(booking, variants)) : null;
    // A booking whose service or variant is gone (or changed shape) has no price we can state.
    if (!price?.ok) return { currency: fallbackCurrency, totalMinor: null, depositMinor: 0 };
    const depositMinor = booking.depositSelected ? (price.depositMinor ?? 0) : 0;
    return { currency: price.currency, totalMinor: planPaid ? 0 : price.totalMinor, depositMinor };
  }
}

function paidMinor(booking: Booking, amounts: Amounts): number {
  const total = amounts.totalMinor ?? 0;
  if (booking.paymentStatus === 'PAID') return total;
  if (booking.paymentStatus === 'PARTIALLY_PAID') return Math.min(amounts.depositMinor, total);
  return 0;
}

const money = (minor: number | null, currency: string) => {
  if (minor === null) return '';
  const { value } = fromMinor(minor, currency);
  return `${value} ${currency}`;
};

function participantsOf(booking: Booking): number {
  if (booking.participantsChoices) return booking.participantsChoices.serviceChoices.reduce((n, c) => n + c.numberOfParticipants, 0);
  return booking.totalParticipants ?? 1;
}

/** The bookings in the range, earliest start first (then by id, so the order is stable). */
export async function bookingsToExport(storage: Storage, range: ExportRange): Promise<Booking[]> {
  const inRange = (await storage.bookings.list())
    .map((r) => r.booking)
    .filter((b) => {
      const start = b.startDate ? Date.parse(b.startDate) : Number.NaN;
      return start >= range.startMs && start < range.endMs;
    });
  return inRange.sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.id.localeCompare(b.id));
}

/** The CSV text, the header first, in chunks of rows (for `Readable.from`). */
export async function* exportCsv(
  storage: Storage,
  bookings: readonly Booking[],
  business: { timeZone: string; currency: string },
): AsyncGenerator<string> {
  const lookups = new ExportLookups(storage);
  let chunk = csvHeader();
  let rows = 0;
  for (const booking of bookings) {
    const { service } = await lookups.service(serviceIdOf(booking));
    const amounts = await lookups.amounts(booking, business.currency);
    const contact = booking.contactDetails;
    chunk += csvRow({
      id: booking.id,
      status: booking.status,
      'payment status': booking.paymentStatus,
      service: booking.bookedEntity.title ?? service?.name ?? '',
      start: localMinute(booking.startDate, business.timeZone),
      end: localMinute(booking.endDate, business.timeZone),
      'time zone': business.timeZone,
      participants: String(participantsOf(booking)),
      'first name': contact.firstName ?? '',
      'last name': contact.lastName ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      total: money(amounts.totalMinor, amounts.currency),
      paid: money(amounts.totalMinor === null ? null : paidMinor(booking, amounts), amounts.currency),
    });
    if (++rows % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
