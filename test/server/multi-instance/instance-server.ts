/**
 * One instance for the multi-instance kill test (kill.test.ts): the API on the PostgreSQL database in
 * DATABASE_URL, seeding the demo business first when argv[2] is `seed`, door limits off (one test client hammers
 * on purpose), on the real clock, printing `listening on <url>` once it listens (test/server/spawn-listening.ts).
 */
import { buildServer } from '../../../server/app.js';
import { createPostgresStorage } from '../../../server/storage/postgres/index.js';
import { seedDemo } from '../../../server/seed/demo.js';

const url = process.env['DATABASE_URL'];
const ownerKey = process.env['BOOKINGS_OWNER_KEY'];
if (!url || !ownerKey) throw new Error('usage: instance-server.ts [seed] (with DATABASE_URL and BOOKINGS_OWNER_KEY set)');
const storage = await createPostgresStorage(url);
if (process.argv[2] === 'seed') await seedDemo(storage);
const app = await buildServer({ storage, ownerKey, rateLimits: false });
const listening = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${listening}\n`);
