/**
 * Booking changes between instances on one database: each change published here is announced to the others,
 * and each change another instance announces is read back (the committed booking, as stored) and delivered to
 * this instance's streams. A stream that watched through a lost connection gets every watched booking again.
 */
import type { PeerChannel, Storage } from '../../storage/types.js';
import type { BookingEventBus } from './events.js';

export function relayBookingChanges(
  storage: Storage,
  peers: PeerChannel,
  bus: BookingEventBus,
  log?: (message: string, error: unknown) => void,
): () => void {
  bus.relay = (booking) =>
    void peers
      .announce('booking', booking.id)
      .catch((error: unknown) => log?.('could not tell the other instances about a booking change', error));
  const deliver = async (id: string): Promise<void> => {
    const stored = await storage.bookings.get(id);
    if (stored) bus.deliver(stored.booking);
  };
  const stopAnnounced = peers.on('booking', (id) => void deliver(id).catch(() => undefined));
  const stopReconnect = peers.onReconnect(() => {
    for (const id of bus.watchedBookingIds()) void deliver(id).catch(() => undefined);
  });
  return () => {
    bus.relay = undefined;
    stopAnnounced();
    stopReconnect();
  };
}
