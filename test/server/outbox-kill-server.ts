/**
 * The server the outbox kill -9 test kills (outbox-kill.test.ts): the demo business on the SQLite file in argv[2]
 * (seeded once), a recording channel subscribed to every event that fails each delivery's first attempt and
 * appends the event id of every success to the file in argv[3], quick retries and a short lease.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { buildServer } from '../../server/app.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { RecordingChannel } from '../../server/domain/outbox/recording-channel.js';

const [file, log] = [process.argv[2], process.argv[3]];
const ownerKey = process.env['BOOKINGS_OWNER_KEY'];
if (!file || !log || !ownerKey) throw new Error('usage: outbox-kill-server.ts <db file> <log file> (with BOOKINGS_OWNER_KEY set)');
const fresh = !existsSync(file);
const storage = createSqliteStorage(file);
if (fresh) await seedDemo(storage);
const app = await buildServer({
  storage,
  ownerKey,
  rateLimits: false,
  outbox: {
    baseDelayMs: 20,
    maxDelayMs: 200,
    leaseMs: 1_000,
    register: (outbox) =>
      void new RecordingChannel(outbox, { failFirst: 1, onDelivered: ({ event }) => appendFileSync(log, `${event.id}\n`) }),
  },
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
