/**
 * Bus of booking changes, fed by the booking service after each commit and read by the live status streams
 * (SSE). Within a process an EventEmitter; with several instances on one database (PostgreSQL) each change is
 * also announced to the others (`relay`), whose buses `deliver` it to their own streams (booking-relay.ts).
 */
import { EventEmitter } from 'node:events';
import type { Booking } from '../../../src/model/booking.js';

export type BookingListener = (booking: Booking) => void;

const ALL = '*';

export class BookingEventBus {
  private readonly emitter = new EventEmitter();

  /** Called with every change published here (not with those delivered from other instances). */
  relay: ((booking: Booking) => void) | undefined;

  constructor() {
    // Any number of open streams may watch one booking; each removes itself on disconnect.
    this.emitter.setMaxListeners(0);
  }

  publish(booking: Booking): void {
    this.deliver(booking);
    this.relay?.(booking);
  }

  /** A change made elsewhere (another instance): to this process's listeners only. */
  deliver(booking: Booking): void {
    this.emitter.emit(booking.id, booking);
    this.emitter.emit(ALL, booking);
  }

  /** Every committed booking change (booking ids are UUIDs, so the channel name cannot clash). */
  subscribeAll(listener: BookingListener): () => void {
    this.emitter.on(ALL, listener);
    return () => this.emitter.off(ALL, listener);
  }

  /** Returns the function that stops listening. */
  subscribe(bookingId: string, listener: BookingListener): () => void {
    this.emitter.on(bookingId, listener);
    return () => this.emitter.off(bookingId, listener);
  }

  /** The bookings some stream in this process watches. */
  watchedBookingIds(): string[] {
    return this.emitter.eventNames().filter((name): name is string => typeof name === 'string' && name !== ALL);
  }

  listenerCount(bookingId: string): number {
    return this.emitter.listenerCount(bookingId);
  }
}
