/**
 * In-process bus of booking changes, fed by the booking service after each commit and read by the live status
 * streams (SSE). One process, so an EventEmitter is enough; a multi-process deployment would swap this for a
 * database notification channel behind the same two methods.
 */
import { EventEmitter } from 'node:events';
import type { Booking } from '../../../src/model/booking.js';

export type BookingListener = (booking: Booking) => void;

const ALL = '*';

export class BookingEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Any number of open streams may watch one booking; each removes itself on disconnect.
    this.emitter.setMaxListeners(0);
  }

  publish(booking: Booking): void {
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

  listenerCount(bookingId: string): number {
    return this.emitter.listenerCount(bookingId);
  }
}
