/**
 * The customers list as a live controller: the search, the pages read, and the business stream, whose booking
 * changes read the list again once a burst pauses (counts and next bookings move; a new customer appears).
 */
import type { Customer } from '../../model/customer.js';
import { LiveController } from '../bookings/live-controller.js';
import { errorText } from '../texts.js';

/** How long typing (or a burst of live changes) must pause before the list is read again. */
const DEBOUNCE_MS = 250;

export class CustomersFeed extends LiveController {
  search = '';
  customers: Customer[] | undefined;
  next: string | null = null;
  /** Reading; true from the start, as the first read waits for the zone and the stream. */
  busy = true;
  error: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  override hostDisconnected(): void {
    super.hostDisconnected();
    clearTimeout(this.timer);
  }

  /** Reads the first page for the current search (or the next page, `more`). */
  async read(more = false): Promise<void> {
    this.busy = true;
    this.error = undefined;
    await this.latest(
      () => this.client.customers.listCustomers(more && this.next ? { cursor: this.next } : { search: this.search.trim(), limit: 50 }),
      (answer) => {
        this.customers = more ? [...(this.customers ?? []), ...answer.customers] : answer.customers;
        this.next = answer.pagingMetadata.hasNext ? answer.pagingMetadata.cursors.next : null;
        this.busy = false;
      },
      (error) => {
        this.error = errorText(error);
        this.busy = false;
      },
    );
  }

  /** The owner typed: search once typing pauses. */
  setSearch(search: string): void {
    this.search = search;
    this.soon();
  }

  protected onBooking(): void {
    this.soon();
  }

  private soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), DEBOUNCE_MS);
  }
}
