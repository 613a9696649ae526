/**
 * One customer as a live controller: their contact details, bookings and plans, read again on every (re)connect
 * of the business stream; a changed booking of theirs replaces the one shown (by revision), a new one joins.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { Booking } from '../../model/booking.js';
import type { CustomerResponse } from '../../model/customer.js';
import { LiveController } from '../bookings/live-controller.js';
import { errorText } from '../texts.js';

export class CustomerFeed extends LiveController {
  data: CustomerResponse | undefined;
  error: string | undefined;
  /** No such customer (or not one this account sees). */
  missing = false;

  constructor(
    host: ReactiveControllerHost,
    client: BookingClient,
    private readonly id: () => string | undefined,
    onUnauthorized: () => void,
  ) {
    super(host, client, onUnauthorized);
  }

  async read(): Promise<void> {
    const id = this.id();
    this.error = undefined;
    this.missing = !id;
    if (!id) return this.host.requestUpdate();
    await this.latest(
      () => this.client.customers.getCustomer(id),
      (data) => (this.data = data),
      (error) => {
        if (error instanceof BookingApiError && error.status === 404) this.missing = true;
        else this.error = errorText(error);
      },
    );
  }

  protected onBooking(b: Booking): void {
    const data = this.data;
    if (!data || b.contactDetails?.contactId !== data.customer.id) return;
    const known = data.bookings.find((x) => x.id === b.id);
    if (known && Number(known.revision) >= Number(b.revision)) return;
    this.data = { ...data, bookings: [b, ...data.bookings.filter((x) => x.id !== b.id)] };
    this.host.requestUpdate();
  }
}
