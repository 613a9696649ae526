/**
 * The server the kill -9 test kills (durability-kill.test.ts): the demo business on the SQLite file in argv[2],
 * door limits off (one test client hammers on purpose), printing `listening on <url>` once it listens.
 */
import { buildServer } from '../../server/app.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';

const file = process.argv[2];
const ownerKey = process.env['BOOKINGS_OWNER_KEY'];
if (!file || !ownerKey) throw new Error('usage: durability-server.ts <db file> (with BOOKINGS_OWNER_KEY set)');
const storage = createSqliteStorage(file);
await seedDemo(storage);
const app = await buildServer({ storage, ownerKey, rateLimits: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
