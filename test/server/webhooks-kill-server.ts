/**
 * The server the webhooks kill -9 test kills (webhooks-kill.test.ts): the demo business on the SQLite file in
 * argv[2] (seeded once), webhooks to private addresses allowed (the receiver is on 127.0.0.1), quick retries and
 * a short lease so deliveries interrupted by the kill come back within seconds.
 */
import { existsSync } from 'node:fs';
import { buildServer } from '../../server/app.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';

const file = process.argv[2];
const ownerKey = process.env['BOOKINGS_OWNER_KEY'];
if (!file || !ownerKey) throw new Error('usage: webhooks-kill-server.ts <db file> (with BOOKINGS_OWNER_KEY set)');
const fresh = !existsSync(file);
const storage = createSqliteStorage(file);
if (fresh) await seedDemo(storage);
const app = await buildServer({
  storage,
  ownerKey,
  rateLimits: false,
  webhooks: { allowPrivate: true, timeoutMs: 2_000 },
  outbox: { baseDelayMs: 20, maxDelayMs: 200, leaseMs: 1_000 },
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
