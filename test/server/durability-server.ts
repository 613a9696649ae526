/**
 * The server the kill -9 test kills (durability-kill.test.ts): the demo business on the SQLite file in argv[2],
 * door limits off (one test client hammers on purpose), printing `listening on <url>` once it listens;
 * CHECKPOINT_AFTER_COMMITS and CHECKPOINT_EVERY_MS set when its WAL checkpoint worker starts and how often it runs.
 */
import { buildServer } from '../../server/app.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';

const file = process.argv[2];
const ownerKey = process.env['BOOKINGS_OWNER_KEY'];
if (!file || !ownerKey) throw new Error('usage: durability-server.ts <db file> (with BOOKINGS_OWNER_KEY set)');
// The checkpoint worker's start and pace (durability-checkpoint-kill.test.ts); unset: the product's defaults.
const after = process.env['CHECKPOINT_AFTER_COMMITS'];
const every = process.env['CHECKPOINT_EVERY_MS'];
const storage = createSqliteStorage(file, {
  checkpoints: { ...(after && { afterCommits: Number(after) }), ...(every && { everyMs: Number(every) }) },
});
await seedDemo(storage);
const app = await buildServer({ storage, ownerKey, rateLimits: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
