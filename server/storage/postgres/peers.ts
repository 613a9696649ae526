/** The other instances on this database, through NOTIFY (sent by the executor) and LISTEN (listener.ts). */
import type { PeerChannel } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import type { PgListener } from './listener.js';

const CHANNELS = { booking: 'booking_changes' } as const;

export function postgresPeers(x: PostgresExecutor, listener: PgListener): PeerChannel {
  return {
    announce: (topic, id) => x.notify(CHANNELS[topic], id),
    on: (topic, handler) => listener.on(CHANNELS[topic], handler),
    onReconnect: (handler) => listener.onReconnect(handler),
  };
}
